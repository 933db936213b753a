"""Screenshots of the « Synchronisation » view for docs/desktop.md, against a real central record.

    QT_QPA_PLATFORM=offscreen python docs/screenshots/sync_shots.py docs/screenshots

A throwaway central record is served on 127.0.0.1; a new laptop records a few people and
activities, is enrolled through the form and synced. Two conflicts are then added as the
engine records them (a second laptop would be needed to make real ones), and a person
saved past the form's rules is refused by the server.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402


def main(out: Path) -> int:
    app = QApplication([])
    from sqlalchemy import select

    from stpaul_bench.central_record import PASSWORD, ServerEnv, serve_in_thread, sqlite_url
    from stpaul_field import settings as st
    from stpaul_field.domain.entities import ActivityData
    from stpaul_field.paths import AppPaths
    from stpaul_field.store import activities as acts
    from stpaul_field.store.database import Store
    from stpaul_field.store.models import Activity, Beneficiary, Conflict, Venue
    from stpaul_field.store.reference import local_advisor_id
    from stpaul_field.ui import i18n, tasks
    from stpaul_field.ui.app import configure
    from stpaul_field.ui.context import AppContext
    from stpaul_field.ui.main_window import MainWindow

    configure(app)
    i18n.install(app, os.environ.get("STPAUL_SCREENSHOT_LANGUAGE", "fr"))
    root = Path(tempfile.mkdtemp(prefix="stpaul-sync-shots-"))
    env = ServerEnv.start(sqlite_url(root))
    env.advisor("Équipe Ouest", "chloe", first_name="Chloé", last_name="Hoarau")
    live = serve_in_thread(env.app)

    paths = AppPaths.under(root / "laptop")
    store = Store.open(paths, passphrase="captures d'écran stpaul-field")
    today = i18n.today()
    with store.session() as s:
        venue = s.scalars(select(Venue).where(Venue.name.like("%Marla%"))).first()
        people = [
            acts.create_beneficiary(s, first, last)
            for first, last in [("Hélène", "Payet"), ("Jean-Marc", "Grondin"), ("Marie-Josée", "Técher")]
        ]
        advisor = local_advisor_id(s)
        for i, person in enumerate(people):
            data = ActivityData(
                advisor_id=advisor, date=today - dt.timedelta(days=i), venue_id=venue.id, themes=["email"]
            )
            acts.save_activity(s, data, [acts.ParticipantInput(beneficiary_id=person)])
    ctx = AppContext(store, st.Settings(paths.settings_file), paths)
    ctx.set_venue(venue.id)

    def settle(ms: int = 0) -> None:
        deadline = dt.datetime.now() + dt.timedelta(milliseconds=ms)
        while True:
            tasks.wait_until_settled(20_000)
            for _ in range(5):
                app.processEvents()
            if dt.datetime.now() >= deadline:
                return

    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.show_view("sync")
    panel = window.sync_panel
    settle()
    form = panel.form
    form.server.setText(live.url)
    form.login.setText("chloe")
    form.device_name.setText("Portable Mafate 2")
    form.submit()  # no password: the inline error
    form.password.setFocus()
    settle()
    window.grab().save(str(out / "synchronisation-inscription.png"))

    form.password.setText(PASSWORD)
    form.submit()
    settle(500)
    while panel.running:
        settle(100)

    with store.session() as s:
        person = s.get(Beneficiary, people[0])
        workshop = s.scalars(select(Activity).order_by(Activity.date.desc())).first()
        s.add(Beneficiary(first_name="", last_name="Hoarau", phone="0692404040"))  # refused: no first name
        s.add_all(
            [
                Conflict(
                    entity="beneficiary", record_id=person.id, field="phone", kept_value="0692102030",
                    lost_value="0692123456", lost_is_mine=True,
                ),
                Conflict(
                    entity="activity", record_id=workshop.id, field="themes", kept_value=["email"],
                    lost_value=["email", "aide_aux_demarches_administratives"], lost_is_mine=False,
                ),
            ]
        )  # fmt: skip
    panel.sync_now()
    settle(500)
    while panel.running:
        settle(100)
    panel.refresh()
    settle()
    panel.tabs.setCurrentIndex(1)
    panel.rejected_table.selectRow(0)
    panel.rejected_table.setFocus()
    settle()
    window.grab().save(str(out / "synchronisation.png"))
    panel.tabs.setCurrentIndex(0)
    panel.conflicts.table.selectRow(0)
    panel.conflicts.table.setFocus()
    settle()
    window.grab().save(str(out / "synchronisation-conflits.png"))

    window.close()
    settle()
    store.close()
    live.stop()
    env.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
