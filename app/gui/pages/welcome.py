"""The first page a person sees with an empty history: three ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.plain import heading

__all__ = ["WelcomePage"]


class WelcomePage(QWidget):
    import_requested = Signal()
    pick_requested = Signal()
    sample_requested = Signal()

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
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
