"""Make the register's screenshots from a demo store (offscreen, no display needed).

    export STPAUL_FIELD_PASSPHRASE=demo   # where no keyring is available (the store is encrypted)
    python -m stpaul_field --data-dir /tmp/shots seed-demo
    QT_QPA_PLATFORM=offscreen python docs/screenshots/register_shots.py /tmp/shots docs/screenshots
    QT_SCALE_FACTOR=1.25 QT_QPA_PLATFORM=offscreen python docs/screenshots/register_shots.py \
        /tmp/shots docs/screenshots --only-main --suffix -125
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.paths import AppPaths
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store import bin as trash
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary, Participation
from stpaul_field.ui.bin_view import BinView
from stpaul_field.ui.register import RegisterView
from stpaul_field.ui.register.editor import BeneficiaryDialog
from stpaul_field.ui.register.merge import MergeDialog

MARK = "Fiche en double (démonstration)."
DOUBLE = BeneficiaryData(first_name="Hélène", last_name="PAYET", birth_year=1961, commune="Saint-Paul")


def settle(app: QApplication, until: Callable[[], bool] = lambda: True, seconds: float = 5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            break
    for _ in range(10):
        app.processEvents()


def ensure_double(store: Store) -> tuple[object, object]:
    """Two fiches of one Hélène PAYET, each with some history (added once to the demo store)."""
    with store.session() as s:
        found = list(
            s.scalars(select(Beneficiary).where(Beneficiary.notes == MARK, Beneficiary.deleted_at.is_(None)))
        )
        if len(found) >= 2:
            return found[0].id, found[1].id
        a = reg.create_beneficiary(s, DOUBLE)
        b = reg.create_beneficiary(
            s,
            BeneficiaryData(
                first_name="Helene", last_name="Payet", phone="0692123456", family_carer=True, notes=MARK
            ),
        )
        a.notes = MARK
        activities = list(s.scalars(select(Activity).where(Activity.deleted_at.is_(None)).limit(5)))
        for i, activity in enumerate(activities):
            s.add(
                Participation(activity_id=activity.id, beneficiary_id=(a if i < 3 else b).id, attended=True)
            )
        return a.id, b.id


def shoot(widget: QWidget, out: Path) -> None:
    widget.grab().save(str(out))
    print(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("out_dir")
    parser.add_argument("--only-main", action="store_true")
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    out = Path(args.out_dir)
    app = QApplication([])
    store = Store.open(AppPaths.under(args.data_dir))
    first, second = ensure_double(store)

    view = RegisterView(store, None)
    view.resize(1366, 720)
    view.show()
    settle(app, lambda: view.model.rowCount() > 0)
    if not args.only_main:
        view.select_row(4)
        settle(app)
        shoot(view, out / "register-list.png")
    view.show_person(first)  # type: ignore[arg-type]
    view.search.setText("helene payet")
    view.apply_search()
    settle(app, lambda: not view.model.is_loading)
    row = view.model.row_of(first)  # type: ignore[arg-type]
    view.select_row(row or 0)
    settle(app)
    shoot(view, out / f"register{args.suffix}.png")
    if args.only_main:
        view.close()
        view.model.wait_for_loads()
        view.deleteLater()
        settle(app)
        store.close()
        return

    dialog = BeneficiaryDialog(store, None, view, today=dt.date.today())
    dialog.first_name.setText("Josette")
    dialog.phone.setText("0692 12")
    dialog.email.setText("josette@")
    dialog.birth_year.setText("1850")
    dialog.markers["disability"].setChecked(True)
    dialog.show()
    dialog.save()
    settle(app)
    shoot(dialog, out / "register-form-errors.png")
    dialog.reject()

    dialog = BeneficiaryDialog(store, None, view)
    dialog.first_name.setText("helene")
    dialog.last_name.setText("Payet")
    dialog.birth_year.setText("1961")
    dialog.show()
    dialog.save()
    settle(app)
    if dialog.duplicate_dialog is not None:
        shoot(dialog.duplicate_dialog, out / "register-duplicate.png")
        dialog.duplicate_dialog.reject()
    dialog.reject()

    selection = view.table.selectionModel()
    selection.clearSelection()
    for pid in (first, second):
        r = view.model.row_of(pid)  # type: ignore[arg-type]
        if r is not None:
            flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
            selection.select(view.model.index(r, 0), flags)
    merge = MergeDialog(store, first, second, view)  # type: ignore[arg-type]
    merge.show()
    settle(app)
    shoot(merge, out / "register-merge.png")
    merge.reject()

    with store.session() as s:
        victims = list(s.scalars(select(Beneficiary).where(Beneficiary.deleted_at.is_(None)).limit(2)))
        for person in victims:
            trash.delete(s, person)
        activity = s.scalars(select(Activity).where(Activity.deleted_at.is_(None))).first()
        if activity is not None:
            trash.delete(s, activity)
    bin_view = BinView(store, None)
    bin_view.resize(1100, 500)
    bin_view.show()
    settle(app)
    shoot(bin_view, out / "register-bin.png")
    with store.session() as s:  # leave the demo store as it was
        for person in victims:
            trash.restore(s, s.get(Beneficiary, person.id))  # type: ignore[arg-type]
        if activity is not None:
            trash.restore(s, s.get(Activity, activity.id))  # type: ignore[arg-type]
    for widget in (view, bin_view):
        widget.close()
        widget.deleteLater()
    view.model.wait_for_loads()
    settle(app)
    store.close()


if __name__ == "__main__":
    main()
