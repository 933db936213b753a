"""Inline validation errors: a French message under the field it concerns.

Forms register each field once (`add`), with the label that names it (tied with setBuddy
so screen readers announce it); `show()` puts `FieldError`s from `domain.validation` next
to their fields and moves the focus to the first one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from stpaul_field.domain.validation import FieldError
from stpaul_field.ui import i18n

ERROR_STYLE = "QLabel#fieldError { color: #b00020; font-weight: bold; }"


class FieldErrors:
    def __init__(self, summary: QLabel | None = None) -> None:
        self.summary = summary
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}
        self._aliases: dict[str, str] = {}

    def add_row(self, form: QFormLayout, text: str, widget: QWidget, *fields: str) -> QLabel:
        """A labelled row with an error line under the widget; returns the label."""
        label = QLabel(text)
        label.setBuddy(widget)
        widget.setAccessibleName(label.text().replace("&", "").rstrip(" :"))
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        error = QLabel()
        error.setObjectName("fieldError")
        error.setWordWrap(True)
        error.hide()
        col.addWidget(error)
        form.addRow(label, box)
        self.register(widget, error, *fields)
        return label

    def register(self, widget: QWidget, error: QLabel, *fields: str) -> None:
        main, *others = fields
        self._fields[main] = (widget, error)
        for other in others:
            self._aliases[other] = main

    def clear(self) -> None:
        for widget, error in self._fields.values():
            error.clear()
            error.hide()
            widget.setAccessibleDescription("")
        if self.summary is not None:
            self.summary.hide()

    def show(self, errors: list[FieldError]) -> list[FieldError]:
        """Show each error by its field; returns those with no field on this form."""
        self.clear()
        unplaced: list[FieldError] = []
        first: QWidget | None = None
        messages: dict[str, list[str]] = {}
        for e in errors:
            name = self._aliases.get(e.field, e.field)
            if name not in self._fields:
                unplaced.append(e)
                continue
            messages.setdefault(name, [])
            text = i18n.message(e.message)  # the domain's French, in the UI's language
            if text not in messages[name]:
                messages[name].append(text)
        for name, texts in messages.items():
            widget, label = self._fields[name]
            label.setText("\n".join(texts))
            label.show()
            widget.setAccessibleDescription(" ".join(texts))
            if first is None:
                first = widget
        if self.summary is not None and (messages or unplaced):
            lines = [
                QCoreApplication.translate("FieldErrors", "Corrigez les champs signalés avant d'enregistrer.")
            ]
            lines += [i18n.message(e.message) for e in unplaced]
            self.summary.setText("\n".join(lines))
            self.summary.show()
        if first is not None:
            first.setFocus()
        return unplaced

    def message(self, field: str) -> str:
        """The error shown for a field (empty when none): what tests and screen readers read."""
        entry = self._fields.get(self._aliases.get(field, field))
        return entry[1].text() if entry and not entry[1].isHidden() else ""
