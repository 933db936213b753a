"""A bare PySide6 program: `python -m stpaul_bench.bare_window` shows an empty QMainWindow,
prints the smoke-test line (`stpaul_field.ui.smoke`) with the time from its launch, and quits.

`window-start` launches it exactly as it launches the app, so that the ratio of the two
starts tells what the app adds to the interpreter, Qt and the platform (issue 22).
"""

from __future__ import annotations

import os
import sys
import time

from stpaul_bench.smoke_line import REPORT_PREFIX, SMOKE_ENV


def main() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    try:
        launched = float(os.environ.get(SMOKE_ENV, ""))
    except ValueError:
        launched = time.time()
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("fenêtre nue")
    window.resize(1280, 800)
    window.show()

    def report() -> None:  # once the event loop has painted, as the app's smoke mode does
        print(f"{REPORT_PREFIX} {time.time() - launched:.3f} s ({window.windowTitle()})", flush=True)
        window.close()
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
