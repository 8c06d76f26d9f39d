"""The first page a person sees with an empty history: four ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.gui.plain import heading

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    import_requested = Signal()
    pick_requested = Signal()
    sample_requested = Signal()
    mood_requested = Signal(str)  # words to rank the catalogs with, no history needed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = heading(self.tr("Welcome to Hearth"), 1.8)
        text = QLabel(self.tr("Private recommendations for books and films. Tell Hearth what you have read or "
                              "watched; everything stays on this computer."))
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # A centred column of fixed width: a wrapped label only gets its height for a known width.
        column = QWidget()
        column.setFixedWidth(560)
        inner = QVBoxLayout(column)
        inner.addWidget(title, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(text)
        inner.addSpacing(12)
        for label, signal in ((self.tr("Import a file (Goodreads, Letterboxd, StoryGraph, IMDb, CSV)…"),
                               self.import_requested),
                              (self.tr("Pick titles from the catalogs"), self.pick_requested),
                              (self.tr("Try a sample profile"), self.sample_requested)):
            button = QPushButton(label)
            button.clicked.connect(signal)
            inner.addWidget(button)
        self.mood = QLineEdit()
        self.mood.setPlaceholderText(self.tr("…or say what you are in the mood for, e.g. cosy mysteries"))
        self.mood.setAccessibleName(self.tr("What you are in the mood for"))
        show = QPushButton(self.tr("Show me"))
        ask = QHBoxLayout()
        ask.addWidget(self.mood, 1)
        ask.addWidget(show)
        inner.addLayout(ask)
        for trigger in (show.clicked, self.mood.returnPressed):
            trigger.connect(lambda *_: self.mood.text().strip() and self.mood_requested.emit(self.mood.text().strip()))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
