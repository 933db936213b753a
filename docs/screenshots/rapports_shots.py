"""Screenshots of the « Rapports » view for docs/reports.md, on a demo store.

stpaul-field --data-dir /tmp/demo seed-demo --beneficiaries 1500 --activities 2200
QT_QPA_PLATFORM=offscreen python docs/screenshots/rapports_shots.py /tmp/demo docs/screenshots
"""

import sys
from PySide6.QtWidgets import QApplication, QScrollArea

app = QApplication([])
from stpaul_field.paths import AppPaths
from stpaul_field.settings import Settings
from stpaul_field.store.database import Store
from stpaul_field.ui.reports_view import ReportsView

data, out = sys.argv[1], sys.argv[2]
paths = AppPaths.under(data)
store = Store.open(paths)
view = ReportsView(store, Settings(paths.settings_file))


def settle():
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
view.findChild(QScrollArea).widget().grab().save(f"{out}/rapports-complet.png")
view.resize(1366, 768)
view.set_team(False)
view.tabs.setCurrentIndex(2)
settle()
sa = view.findChild(QScrollArea)
sa.verticalScrollBar().setValue(sa.verticalScrollBar().maximum())
settle()
view.grab().save(f"{out}/rapports-mes-chiffres.png")
view.close()
store.close()
