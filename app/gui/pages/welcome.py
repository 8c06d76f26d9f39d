"""The first page a person sees with an empty history: three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    import_requested = Signal()
    pick_requested = Signal()
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(self.tr("Welcome to Hearth"))
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        title.setFont(font)
        text = QLabel(self.tr("Private recommendations for books and films. Tell Hearth what you have read or "
                              "watched; everything stays on this computer."))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        for label, signal in ((self.tr("Import a file (Goodreads, Letterboxd, StoryGraph, IMDb, CSV)…"),
                               self.import_requested),
                              (self.tr("Pick titles from the catalogs"), self.pick_requested),
                              (self.tr("Try a sample profile"), self.sample_requested)):
            button = QPushButton(label)
            button.setMinimumWidth(420)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
