"""Goodreads library export (the 24- and 31-column layouts)."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.text import clean_text, strip_series
from app.importers.csvfile import CsvFile
from app.importers.generic import ImportRow, Skip
from app.importers.values import parse_date, parse_float, parse_isbn13, parse_year

__all__ = ["FORMAT", "matches", "read"]

FORMAT = "goodreads"
REQUIRED = ("Book Id", "Title", "Author", "My Rating", "Exclusive Shelf")


def matches(header: list[str]) -> bool:
    return all(column in header for column in REQUIRED)


def read(csv_file: CsvFile) -> Iterator[ImportRow | Skip]:
    for row in csv_file.rows():
        line = csv_file.line
        title = strip_series(clean_text(row.get("Title")))
        if not title:
            yield Skip(line, "no title")
            continue
        shelf = (row.get("Exclusive Shelf") or "read").strip().lower()
        rating = parse_float(row.get("My Rating"))
        if rating is not None and not 0 <= rating <= 5:
            yield Skip(line, "rating outside 0-5")
            continue
        if rating == 0:
            rating = None  # Goodreads writes 0 for "not rated"
        authors = [clean_text(row.get("Author"))]
        authors += [clean_text(a) for a in (row.get("Additional Authors") or "").split(",")]
        year = parse_year(row.get("Original Publication Year")) or parse_year(row.get("Year Published"))
        book_id = (row.get("Book Id") or "").strip()
        yield ImportRow(
            line=line,
            title=title,
            year=year,
            kind="book",
            creators=tuple(a for a in authors if a),
            rating=rating,
            scale=(1.0, 5.0) if rating is not None else None,
            consumed_at=parse_date(row.get("Date Read")) or (
                parse_date(row.get("Date Added")) if shelf == "read" else None
            ),
            isbn13=parse_isbn13(row.get("ISBN13")) or parse_isbn13(row.get("ISBN")),
            goodreads=book_id if book_id.isdigit() else None,
            saved=shelf == "to-read",
            status="reading" if shelf == "currently-reading" else "done",
            raw=dict(row),
        )
