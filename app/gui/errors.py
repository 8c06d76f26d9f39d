"""The one place errors are shown: a message box with plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import AppError

__all__ = ["show_error"]


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show an error the person can act on; unexpected ones say so plainly."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Hearth"))
    if isinstance(error, AppError):
        box.setText(error.message)
        if error.hint:
            box.setInformativeText(error.hint)
    else:
        box.setText(QCoreApplication.translate("Errors", "Something went wrong: {0}").format(error))
    box.setObjectName("errorBox")
    box.open()
    return box
