"""Privacy: where the data lives, export everything, delete everything."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.plain import heading

__all__ = ["PrivacyPage"]


class PrivacyPage(QWidget):
    export_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = heading(self.tr("Nothing leaves this computer."), 1.4)
        self.statement = QLabel()
        self.statement.setWordWrap(True)
        self.statement.setTextFormat(Qt.TextFormat.PlainText)
        self.where = QLabel()
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where.setWordWrap(True)
        export = QPushButton(self.tr("Export everything…"))
        export.clicked.connect(self.export_requested)
        delete = QPushButton(self.tr("Delete everything…"))
        delete.setObjectName("deleteEverything")
        delete.clicked.connect(self.delete_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.statement)
        layout.addWidget(self.where)
        layout.addLayout(buttons)
        layout.addStretch(1)

    def show_info(self, info: dict[str, Any]) -> None:
        # The service's statement, in the interface's language (the CLI prints it in English).
        self.statement.setText(self.tr("Hearth keeps everything on this computer: your history, ratings and feedback"
                                       " live in one SQLite file, the models run here, and nothing is sent anywhere."
                                       " The only network use is a model download you start yourself.")
                               if info["statement"] else "")
        size = info["bytes"] / (1 << 20)
        self.where.setText(self.tr("Your data: {0}\nSize: {1:.1f} MB · {2} history entries · {3} to read or watch"
                                   " later · {4} feedback marks (like, dislike, not interested)")
                           .format(info["folder"], size, info["history"], info["saved"], info["feedback"]))
