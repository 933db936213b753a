"""Screenshots of the « Rapports » view for docs/reports.md, on a demo store.

stpaul-field --data-dir /tmp/demo seed-demo --beneficiaries 1500 --activities 2200
QT_QPA_PLATFORM=offscreen python docs/screenshots/rapports_shots.py /tmp/demo docs/screenshots
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QScrollArea


def main(data: str, out: str) -> None:
    app = QApplication([])
    from stpaul_field.paths import AppPaths
    from stpaul_field.settings import Settings
    from stpaul_field.store.database import Store
    from stpaul_field.ui.reports_view import ReportsView

    paths = AppPaths.under(data)
    store = Store.open(paths)
    view = ReportsView(store, Settings(paths.settings_file))

    def settle() -> None:
        view.wait()
        for _ in range(5):
            app.processEvents()

    view.resize(1366, 768)
    view.show()
    view.set_month(2026, 10)
    settle()
    view.grab().save(f"{out}/rapports.png")
    view.resize(1366, 1560)
    settle()
    scroll = view.findChild(QScrollArea)
    scroll.widget().grab().save(f"{out}/rapports-complet.png")
    view.resize(1366, 768)
    view.set_team(False)
    view.tabs.setCurrentIndex(2)
    settle()
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    settle()
    view.grab().save(f"{out}/rapports-mes-chiffres.png")
    view.close()
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
