"""Screenshot of the « Sauvegardes » dialog for the README, on a small demo store.

xvfb-run -a python docs/screenshots/backups_shots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile

from PySide6.QtWidgets import QApplication

PASSPHRASE = "captures d'écran stpaul-field"


def main(out: str) -> None:
    app = QApplication([])
    from stpaul_field.paths import AppPaths
    from stpaul_field.settings import Settings
    from stpaul_field.store.database import Store
    from stpaul_field.store.demo import seed
    from stpaul_field.ui import tasks
    from stpaul_field.ui.app import configure
    from stpaul_field.ui.backups_dialog import BackupsDialog
    from stpaul_field.ui.context import AppContext

    configure(app)
    paths = AppPaths.under(tempfile.mkdtemp(prefix="stpaul-backups-shot-"))
    store = Store.open(paths, passphrase=PASSPHRASE)
    seed(store, 800, 1200)
    for reason in ("avant-migration-0003", "manuelle", "manuelle"):
        store.backup_now(reason)
    ctx = AppContext(store, Settings(paths.settings_file), paths)
    dialog = BackupsDialog(ctx)
    dialog.resize(640, 400)
    dialog.show()
    dialog.table.selectRow(1)
    dialog.status.setText(dialog.tr("Sauvegarde faite."))
    tasks.wait_until_settled(5000)
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(f"{out}/sauvegardes.png")
    question = dialog.restore_question(dialog.selected())
    question.show()
    for _ in range(5):
        app.processEvents()
    question.grab().save(f"{out}/sauvegardes-restaurer.png")
    store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
