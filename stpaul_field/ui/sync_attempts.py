"""The sync's background attempts: one single-shot timer, never a polling loop.

The delays are `sync.attempts`' policy (backoff while out of reach, frugal on battery).
Where Qt has a network-information backend, the network coming back brings the next
attempt forward (`SOON`); the timer stays the fallback, since "the network is up" does
not mean "the central record answers" over a satellite link.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QNetworkInformation

from stpaul_field.sync import attempts, power


class BackgroundAttempts(QObject):
    """Emits `due` when a background sync should be tried; the owner decides if it can."""

    due = Signal()

    def __init__(
        self, parent: QObject | None = None, on_battery: Callable[[], bool] = power.on_battery
    ) -> None:
        super().__init__(parent)
        self.on_battery = on_battery
        self.failures = 0  # failed attempts in a row
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.due)
        self.network: QNetworkInformation | None = None
        if QNetworkInformation.loadBackendByFeatures(QNetworkInformation.Feature.Reachability):
            self.network = QNetworkInformation.instance()
            self.network.reachabilityChanged.connect(self._reachability_changed)

    @property
    def active(self) -> bool:
        return self.timer.isActive()

    def remaining(self) -> dt.timedelta | None:
        return dt.timedelta(milliseconds=self.timer.remainingTime()) if self.timer.isActive() else None

    def schedule(self, delay: dt.timedelta) -> None:
        self.timer.start(max(0, int(delay.total_seconds() * 1000)))

    def soon(self) -> None:
        """At start, once enrolled, or when the network comes back."""
        current = self.remaining()
        if current is None or current > attempts.SOON:
            self.schedule(attempts.SOON)

    def succeeded(self) -> None:
        self.failures = 0
        self.schedule(attempts.next_attempt_delay(0, self.on_battery()))

    def failed(self, retryable: bool) -> None:
        if not retryable:
            # Wrong password, revoked laptop, an app too old: trying again changes nothing.
            self.failures = 0
            self.timer.stop()
            return
        self.failures += 1
        self.schedule(attempts.next_attempt_delay(self.failures, self.on_battery()))

    def stop(self) -> None:
        self.timer.stop()

    def _reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        online = (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site)
        if reachability in online and self.failures:
            self.failures = 0
            self.soon()
