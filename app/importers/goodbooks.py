"""goodbooks-10k ``books.csv`` read into catalog items (the bundled book catalog)."""

from __future__ import annotations

import re
from pathlib import Path

from app.core.text import clean_text, strip_series
from app.core.types import Item
from app.importers.files import read_table
from app.importers.values import parse_isbn13

__all__ = ["read_books"]

_REQUIRED = ("book_id", "goodreads_book_id", "authors", "original_publication_year", "title", "ratings_count")
_SERIES = re.compile(r"\(([^()]*?),?\s*#\s*[\d.]+[^()]*\)\s*$")


def _year(text: str) -> int | None:
    try:
        year = int(float(text))
    except (TypeError, ValueError):
        return None
    return year if 0 < year < 2100 else None


def _isbn13(isbn10: str) -> str | None:
    # The CSV went through a spreadsheet once: leading zeros of ISBN-10s are gone, and the
    # isbn13 column is in scientific notation (its last digits lost), so rebuild from isbn.
    digits = (isbn10 or "").strip()
    if not digits or not re.fullmatch(r"[0-9]{1,9}[0-9Xx]", digits):
        return None
    return parse_isbn13(digits.zfill(10))


def read_books(path: Path) -> list[Item]:
    rows = read_table(path, _REQUIRED, hint="Point --source at goodbooks-10k (its books.csv).")
    items = []
    for row in sorted(rows, key=lambda r: int(r["book_id"])):
        full = clean_text(row["title"])
        title = strip_series(full)
        original = clean_text(row.get("original_title"))
        series = _SERIES.search(full)
        alts = tuple(dict.fromkeys(t for t in (original, full) if t and t != title))
        # A Goodreads export names the edition the person shelved: the catalog's edition, the
        # best-known edition of the work, or (rarely in exports) the work itself.
        book_id, best = row["goodreads_book_id"].strip(), (row.get("best_book_id") or "").strip()
        ids = [f"goodreads:{best}"] if best and best != book_id else []
        if (row.get("work_id") or "").strip():
            ids.append(f"goodreads-work:{row['work_id'].strip()}")
        items.append(
            Item(
                catalog="",
                source_key=row["book_id"],
                kind="book",
                title=title,
                year=_year(row["original_publication_year"]),
                creators=tuple(a.strip() for a in row["authors"].split(",") if a.strip()),
                tags=(f"{series.group(1).strip()} series",) if series and series.group(1).strip() else (),
                alt_titles=alts,
                goodreads=book_id or None,
                isbn13=_isbn13(row.get("isbn", "")),
                popularity=int(float(row["ratings_count"] or 0)),
                alt_ids=tuple(ids),
            )
        )
    return items
