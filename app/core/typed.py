"""What a person types (a search, the words of --like, a pinned interest, an id): valid text, held to caps."""

from __future__ import annotations

import re

from app.core.errors import InputError

__all__ = ["MAX_ID", "MAX_LIKES", "MAX_PINS", "MAX_TYPED", "item_id", "typed_text", "valid_text"]

MAX_TYPED = 300  # characters of one search, --like text or pinned interest: a phrase, not a page
MAX_LIKES = 10  # --like texts of one request (each is embedded and adds a row of evidence)
MAX_PINS = 50  # pinned interests: each counts in every list (5,000 made every list take 70 s)
MAX_ID = 2**63 - 1  # SQLite's largest integer

# Lone surrogates: what Python makes of bytes that are not UTF-8 in a command line (a Latin-1 terminal's
# "café"). No file, database or terminal can hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ID = re.compile(r"#?([0-9]{1,19})")


def valid_text(text: str) -> str:
    """``text`` with each undecodable byte as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


def typed_text(text: str, what: str = "What you type") -> str:
    """Typed words, valid and with their spaces collapsed; refused past MAX_TYPED characters."""
    text = " ".join(valid_text(text).split())
    if len(text) > MAX_TYPED:
        raise InputError(f"{what} is {len(text):,} characters long: keep it under {MAX_TYPED}, a phrase, not a page.")
    return text


def item_id(text: str) -> int | None:
    """The id in "12" or "#12" (ASCII digits, within SQLite's integers); None for anything else ("²", 30 digits)."""
    found = _ID.fullmatch(text.strip())
    return int(found.group(1)) if found and int(found.group(1)) <= MAX_ID else None
