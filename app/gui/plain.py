"""Showing data as plain text where Qt would guess rich text (tooltips, chart labels)."""

from __future__ import annotations

import html

__all__ = ["plain_tip"]


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` literally: Qt renders tooltips that look like HTML as HTML."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
