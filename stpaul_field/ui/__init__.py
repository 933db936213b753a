"""The desktop app (PySide6 only): windows, dialogs, Qt models over store queries, workers."""
