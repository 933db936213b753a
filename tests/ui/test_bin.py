"""« Corbeille »: what was deleted (people and activities) comes back with « Restaurer »."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, Qt

from stpaul_field.domain.entities import BeneficiaryData
from stpaul_field.store import beneficiaries as reg
from stpaul_field.store import bin as trash
from stpaul_field.store.database import Store
from stpaul_field.store.models import Activity, Beneficiary
from stpaul_field.store.reference import local_advisor_id
from stpaul_field.ui.bin_view import COL_KIND, COL_LABEL, BinView
from stpaul_field.ui.register import RegisterView


def test_delete_in_register_then_restore_from_the_bin(qtbot, store: Store, ctx) -> None:
    with store.session() as s:
        pid = reg.create_beneficiary(s, BeneficiaryData(first_name="Hélène", last_name="PAYET")).id
        workshop = Activity(
            type="workshop", title="Découvrir sa tablette", advisor_id=local_advisor_id(s),
            date=dt.date(2026, 11, 20), place_type="domicile", commune="Saint-Paul", themes=["email"],
        )  # fmt: skip
        s.add(workshop)
        s.flush()
        trash.delete(s, workshop)  # as the activities list does
        activity_id = workshop.id

    register = RegisterView(ctx)
    qtbot.addWidget(register)
    register.show()
    qtbot.waitUntil(lambda: register.model.rowCount() == 1, timeout=5000)
    register.select_row(0)
    qtbot.mouseClick(register.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not register.model.is_loading and register.model.rowCount() == 0, timeout=5000)

    bin_view = BinView(ctx)
    qtbot.addWidget(bin_view)
    with qtbot.waitSignal(bin_view.loaded, timeout=5000):
        bin_view.show()
    rows = [
        (bin_view.model.index(r, COL_KIND).data(), bin_view.model.index(r, COL_LABEL).data())
        for r in range(bin_view.model.rowCount())
    ]
    assert rows == [("Bénéficiaire", "PAYET Hélène"), ("Activité", "Découvrir sa tablette")]
    assert bin_view.count_label.text() == "Éléments dans la corbeille : 2"
    assert not bin_view.restore_button.isEnabled()

    bin_view.table.selectionModel().select(
        bin_view.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    with qtbot.waitSignal(bin_view.loaded, timeout=5000):
        qtbot.mouseClick(bin_view.restore_button, Qt.MouseButton.LeftButton)
    with store.reader() as s:
        assert s.get(Beneficiary, pid).deleted_at is None  # type: ignore[union-attr]
        assert s.get(Activity, activity_id).deleted_at is not None  # type: ignore[union-attr]
    assert bin_view.model.rowCount() == 1

    # Enter on the remaining row restores it too.
    bin_view.table.setFocus()
    bin_view.table.setCurrentIndex(bin_view.model.index(0, 0))
    with qtbot.waitSignal(bin_view.loaded, timeout=5000):
        qtbot.keyClick(bin_view.table, Qt.Key.Key_Return)
    with store.reader() as s:
        assert s.get(Activity, activity_id).deleted_at is None  # type: ignore[union-attr]
    assert bin_view.model.rowCount() == 0 and bin_view.count_label.text() == "La corbeille est vide."

    register.refresh()
    qtbot.waitUntil(lambda: not register.model.is_loading and register.model.rowCount() == 1, timeout=5000)
    assert register.model.wait_for_loads(5000)
