"""The one place errors are shown: a message box with plain text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import AppError, InputError, ModelError, NotFound, StorageError
from app.gui.plain import interface_is_chinese

__all__ = ["show_error"]


def _lead(error: AppError) -> str:
    """What kind of trouble it is, in the interface's language: the services' messages are English (the CLI
    prints them), so a Chinese reader gets the gist first and the details under it."""
    if isinstance(error, InputError):
        return QCoreApplication.translate("Errors", "This file or input cannot be used.")
    if isinstance(error, NotFound):
        return QCoreApplication.translate("Errors", "Hearth cannot find what was asked for.")
    if isinstance(error, StorageError):
        return QCoreApplication.translate("Errors", "Your data could not be read or saved; nothing stored was changed.")
    if isinstance(error, ModelError):
        return QCoreApplication.translate("Errors", "A model cannot be used.")
    return QCoreApplication.translate("Errors", "Something could not be done.")


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """Show an error the person can act on; unexpected ones say so plainly."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Hearth"))
    if isinstance(error, AppError) and interface_is_chinese() and error.zh:
        box.setText(error.zh)
        if error.zh_hint:
            box.setInformativeText(error.zh_hint)
    elif isinstance(error, AppError) and interface_is_chinese():  # not written in Chinese yet: the gist first
        box.setText(_lead(error))
        box.setInformativeText("\n".join(x for x in (error.message, error.hint) if x))
    elif isinstance(error, AppError):
        box.setText(error.message)
        if error.hint:
            box.setInformativeText(error.hint)
    else:
        box.setText(QCoreApplication.translate("Errors", "Something went wrong: {0}").format(error))
    box.setObjectName("errorBox")
    box.open()
    return box
