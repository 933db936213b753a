"""What the app's smoke-test mode (`stpaul_field.ui.smoke`) is given and prints, for the
benches that launch a program and read its start-up time (Qt-free, nothing else imported)."""

SMOKE_ENV = "STPAUL_FIELD_SMOKE_TEST"  # the launch time, seconds since the epoch
REPORT_PREFIX = "smoke-test: window shown in"
