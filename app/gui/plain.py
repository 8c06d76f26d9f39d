"""Showing data as plain text where Qt would guess rich text (tooltips, chart labels, headings)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from app.core.zh import genre_zh

__all__ = ["ElidedLabel", "catalog_title", "genre_label", "heading", "interface_is_chinese", "plain_label", "plain_tip",
           "progress_label", "runtime_label"]


def interface_is_chinese() -> bool:
    """Is the window in Chinese (install_translation's choice)?"""
    app = QCoreApplication.instance()
    return str(app.property("hearth_language") or "").startswith("zh") if app is not None else False


def catalog_title(title: str) -> str:
    """A bundled catalog's title in the interface's language: "Books (goodbooks-10k)" is 图书（goodbooks-10k）."""
    for english, context in (("Books", "图书"), ("Films", "电影")):
        if interface_is_chinese() and title.startswith(english + " ("):
            return f"{context}（{title[len(english) + 2:].rstrip(')')}）"
    return title


def progress_label(label: str) -> str:
    """The services' progress labels (English: the CLI prints them) in the interface's language."""
    if label.startswith("Installing "):
        return QCoreApplication.translate("Progress", "Installing {0}").format(catalog_title(label[11:]))
    if label.startswith("Importing "):
        return QCoreApplication.translate("Progress", "Importing {0}").format(label[10:])
    known = {"Reading your words": QCoreApplication.translate("Progress", "Reading your words"),
             "Embedding your own items": QCoreApplication.translate("Progress", "Reading your own items"),
             "Embedding": QCoreApplication.translate("Progress", "Reading the texts")}
    return known.get(label, label)


def genre_label(name: str) -> str:
    """A catalog's genre as the window shows it: in Chinese where the interface is (the stored name stays)."""
    return genre_zh(name) if interface_is_chinese() else name


class ElidedLabel(QLabel):
    """One line of plain text that never asks for more width than it is given: a long notice is cut with
    "…" and read whole in its tooltip. (A QLabel asks for its whole text's width: one English notice in the
    status bar made the window 2,900 px wide.)"""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)  # may shrink to 0
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802
        super().setText(text)
        self.setToolTip(plain_tip(text) if text else "")

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text().replace("\n", " "), Qt.TextElideMode.ElideRight,
                                              rect.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, int(self.alignment()) | int(Qt.AlignmentFlag.AlignVCenter), shown)


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


def runtime_label(minutes: int) -> str:
    """A film's length as people say it: 1 h 58 min (1小时58分钟), 45 min, 2 h; with no-break spaces (a wrapped
    line read "(4 h 2" / "min)")."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if not hours:
        text = QCoreApplication.translate("Runtime", "{0} min").format(rest)
    elif not rest:
        text = QCoreApplication.translate("Runtime", "{0} h").format(f"{hours:,}")
    else:
        text = QCoreApplication.translate("Runtime", "{0} h {1} min").format(f"{hours:,}", rest)
    return text.replace(" ", "\u00a0")
