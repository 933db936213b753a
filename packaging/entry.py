"""Entry point of the frozen desktop app (PyInstaller runs this file as __main__)."""

import multiprocessing
import sys

from stpaul_field.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows app re-executes itself for child processes
    sys.exit(main())
