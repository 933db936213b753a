"""Screenshots of the desktop app with demo data: `python docs/screenshots/make_screenshots.py OUT_DIR`.

Runs offscreen (no display needed). Set QT_SCALE_FACTOR=1.25 to check readability at 125 %.
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

PASSPHRASE = "captures d'écran stpaul-field"


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    suffix = sys.argv[2] if len(sys.argv) > 2 else ""
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from sqlalchemy import select

    from stpaul_field import settings as st
    from stpaul_field.paths import AppPaths
    from stpaul_field.store.database import Store
    from stpaul_field.store.demo import seed
    from stpaul_field.store.models import Beneficiary, Venue
    from stpaul_field.ui import i18n, tasks
    from stpaul_field.ui.activity_form.accompaniment import AccompanimentForm
    from stpaul_field.ui.activity_form.workshop import WorkshopForm
    from stpaul_field.ui.app import configure
    from stpaul_field.ui.context import AppContext
    from stpaul_field.ui.main_window import MainWindow

    configure(app)
    i18n.install(app, os.environ.get("STPAUL_SCREENSHOT_LANGUAGE", "fr"))
    paths = AppPaths.under(tempfile.mkdtemp(prefix="stpaul-shots-"))
    store = Store.open(paths, passphrase=PASSPHRASE)
    seed(store, 2000, 3000, today=i18n.today())
    ctx = AppContext(store, st.Settings(paths.settings_file), paths)
    with store.reader() as s:
        venue = (
            s.scalars(select(Venue).where(Venue.name.like("%Marla%"))).first()
            or s.scalars(select(Venue)).first()
        )
        people = list(s.scalars(select(Beneficiary).order_by(Beneficiary.last_name).limit(400)))[::60]
    ctx.set_venue(venue.id)

    def settle() -> None:
        tasks.wait_until_settled(10_000)
        for _ in range(5):
            app.processEvents()

    window = MainWindow(ctx)
    window.resize(1366, 768)
    window.show()
    window.show_view("agenda")
    # Demo activities belong to the whole demo team: show everyone's.
    window.agenda.team_box.setChecked(True)
    window.agenda.set_mode("week")
    settle()

    def morning() -> None:
        agenda = window.agenda
        agenda.table.setCurrentIndex(agenda.model.index_of_day_time(i18n.today(), dt.time(9, 0)))
        agenda.table.scrollToTop()
        agenda.table.setFocus()
        settle()

    morning()
    window.grab().save(str(out / f"agenda-week{suffix}.png"))
    window.agenda.set_mode("day")
    settle()
    morning()
    window.grab().save(str(out / f"agenda-day{suffix}.png"))
    window.show_view("activities")
    settle()
    window.grab().save(str(out / f"activities{suffix}.png"))

    form = AccompanimentForm(ctx, parent=window)
    form.resize(820, 1000)
    form.show()
    person = people[0]
    form.set_beneficiary(person.id, person.display_name)
    form.themes.set_codes(["navigation_sur_internet", "aide_aux_demarches_administratives"])
    form.admin_themes.set_codes(["social_sante"])
    form.procedure.setText("Dossier MDPH")
    form.equipment.set_codes(["ordinateur"])
    form.autonomy.set_code("partiellement_autonome")
    form.redirected_box.setChecked(True)
    form.redirect.set_code("aide_sociale")
    form.save_button.setFocus()
    settle()
    form.grab().save(str(out / f"accompaniment-form{suffix}.png"))
    form.themes.set_codes([])
    form.save()  # shows the inline errors
    settle()
    form.grab().save(str(out / f"accompaniment-errors{suffix}.png"))
    form.reject()

    workshop = WorkshopForm(ctx, parent=window, day=i18n.today() + dt.timedelta(days=2), status="planned")
    workshop.resize(820, 1500)
    workshop.show()
    workshop.title_edit.setText("Découvrir la messagerie")
    workshop.level.set_code("debutant")
    workshop.themes.set_codes(["email"])
    workshop.equipment.set_codes(["ordinateur"])
    for p in people[1:6]:
        workshop.add_participant(p.id, p.display_name)
    workshop.anon_total.setValue(3)
    workshop.anon_already.setValue(1)
    workshop.by_gender.spins["feminin"].setValue(2)
    workshop.by_gender.spins["masculin"].setValue(1)
    workshop.by_age.spins["soixante_dix_plus"].setValue(3)
    settle()
    workshop.grab().save(str(out / f"workshop-form{suffix}.png"))
    workshop.reject()
    window.close()
    settle()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
