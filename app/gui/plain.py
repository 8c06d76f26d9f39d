"""Showing data as plain text where Qt would guess rich text (tooltips, chart labels, headings)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["heading", "plain_label", "plain_tip"]


def heading(text: str, scale: float) -> QLabel:
    """A plain-text label in a font ``scale`` times the normal size."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def plain_label(text: str, parent: QWidget | None = None) -> QLabel:
    """A wrapping label that shows ``text`` literally (data from files is never rich text)."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` literally: Qt renders tooltips that look like HTML as HTML."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
