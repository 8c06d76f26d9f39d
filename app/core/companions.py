"""Books about books: the play, the screenplay, the companion, guide, summary or study aid of a book the
person has read is not a discovery ("Mort: The Play" after Mort), and a device's manual never is
("Kindle User's Guide"). Other editions and translations are handled by matching (also_named)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.text import series_name, strip_series
from app.core.titles import match_key

__all__ = ["is_companion_title", "companions_of", "read_keys"]

_COMPANION = re.compile(
    r"\b(the play|a play|play adaptation|screenplay|companion|guide|summary|study|sparknotes|cliffsnotes|notes on"
    r"|workbook|handbook|encyclopedia|world of|official|illustrated|annotated|the art of|the making of"
    r"|behind the scenes|coloring book|colouring book|tie in|untold history|teacher|novel units|reader s)\b",
    re.IGNORECASE)
_MANUAL = re.compile(r"\b(kindle|nook|kobo|ipad|iphone)\b.*\buser'? ?s guide\b", re.IGNORECASE)
_MIN_KEY = 4  # a read title shorter than this ("It") names too much to judge by


def is_companion_title(title: str) -> bool:
    """Could this title be a book about another book (or a device's manual)?"""
    return bool(_COMPANION.search(title) or _MANUAL.search(title))


def read_keys(titles: Iterable[str]) -> set[str]:
    """The keys a read book is named by inside another title: its title before a subtitle, its series."""
    keys: set[str] = set()
    for title in titles:
        plain = strip_series(title)
        for name in (plain, re.split(r"\s*[:(]", plain, maxsplit=1)[0], series_name(title)):
            key = match_key(name)
            if len(key) >= _MIN_KEY:
                keys.add(key)
    return keys


def companions_of(candidates: Iterable[tuple[int, str]], read: set[str]) -> list[int]:
    """Of (id, title) candidates that look like companions, those that name a read book; every manual."""
    out = []
    for item_id, title in candidates:
        if _MANUAL.search(title):
            out.append(item_id)
            continue
        key = f" {match_key(title)} "
        for k in read:
            # The companion word must be in what the title adds to the read book's name: the omnibus
            # "The Ultimate Hitchhiker's Guide to the Galaxy" is the book, not a guide to it.
            if f" {k} " in key and _COMPANION.search(key.replace(f" {k} ", " ")):
                out.append(item_id)
                break
    return out
