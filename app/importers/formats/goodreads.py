"""Goodreads library export: the 23-, 24- and 31-column layouts, with or without the header line.

Shelves: read, currently-reading and to-read, and any exclusive shelf of the person's own,
read by its name (see shelves.py). Ratings are 1-5 stars; 0 means not rated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.core.series import place_of
from app.core.stats import Viewing
from app.core.text import clean_text, strip_series
from app.importers.csvfile import CsvFile
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format
from app.importers.values import parse_date, parse_isbn13, parse_year

__all__ = ["FORMAT", "LAYOUTS", "REQUIRED", "SCALE", "headerless_layout", "matches", "read"]

SCALE = (1.0, 5.0)
REQUIRED = ("Book Id", "Title", "Author", "My Rating", "Exclusive Shelf")
DATE_COLUMNS = ("Date Read", "Date Added")

_24 = ("Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,"
       "Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,"
       "Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies").split(",")
_31 = _24[:-1] + ("Recommended For,Recommended By,Owned Copies,Original Purchase Date,Original Purchase Location,"
                  "Condition,Condition Description,BCID").split(",")
_23 = [c for c in _24 if c != "Average Rating"]
LAYOUTS: dict[int, list[str]] = {23: _23, 24: _24, 31: _31}
_DATE = re.compile(r"\d{4}[/-]\d{1,2}[/-]\d{1,2}$|\d{1,2}/\d{1,2}/\d{2,4}$")


def matches(header: list[str]) -> bool:
    return all(column in header for column in REQUIRED)


def headerless_layout(first_row: list[str]) -> list[str] | None:
    """The column names when the first line is already a data row in a Goodreads export's shape.

    It must have a layout's width, a numeric Book Id, a rating of 0-5, a Date Added date and
    an exclusive shelf: a line of column names or another service's row has not.
    """
    layout = LAYOUTS.get(len(first_row))
    if layout is None:
        return None
    cell = {name: value.strip() for name, value in zip(layout, first_row)}
    rating = cell["My Rating"]
    return layout if (
        cell["Book Id"].isdigit()
        and rating.isdigit() and 0 <= int(rating) <= 5
        and _DATE.match(cell["Date Added"])
        and bool(cell["Exclusive Shelf"]) and not cell["Exclusive Shelf"].isdigit()
    ) else None


def read(csv_file: CsvFile, ctx: ReadContext) -> Iterator[ImportRow | Skip]:
    for row in csv_file.rows():
        line = csv_file.line
        full = clean_text(row.get("Title"))
        title = strip_series(full)
        place = place_of([full])
        if not title:
            yield Skip(line, "no title")
            continue
        shelf = (row.get("Exclusive Shelf") or "").strip() or "read"
        rating, valid = ctx.stars(row.get("My Rating"))
        if not valid:
            yield Skip(line, "rating outside 0-5")
            continue
        date_read = parse_date(row.get("Date Read"), ctx.date_order)
        fields = ctx.row_fields(shelf, rated=rating is not None, finished=date_read is not None)
        if fields is None:
            yield Skip(line, f"on the shelf {shelf!r}, which you chose to skip")
            continue
        authors = [clean_text(row.get("Author"))]
        authors += [clean_text(a) for a in (row.get("Additional Authors") or "").split(",")]
        year = parse_year(row.get("Original Publication Year")) or parse_year(row.get("Year Published"))
        book_id = (row.get("Book Id") or "").strip()
        isbns = (row.get("ISBN13"), row.get("ISBN"))
        ctx.check_isbns(*isbns)
        done = fields.get("status") == "done"
        read_count = _whole(row.get("Read Count"))
        read_at = date_read or (parse_date(row.get("Date Added"), ctx.date_order)
                                if fields.get("status") == "done" else None)
        yield ImportRow(
            line=line,
            title=title,
            year=year,
            kind="book",
            creators=tuple(a for a in authors if a),
            rating=rating,
            scale=SCALE if rating is not None else None,
            consumed_at=None if fields.get("saved") or fields.get("not_interested") else read_at,
            isbn13=next((i for i in map(parse_isbn13, isbns) if i), None),
            goodreads=book_id if book_id.isdigit() else None,
            place=place[1] if place else None,
            series=place[0] if place else "",
            # Read once, on its Date Read (the export keeps the last read's date only: a Read Count above 1
            # makes that read a re-read); a book read without a date counts, in no year.
            viewings=(Viewing(date=date_read, rewatch=bool(read_count and read_count > 1), rating=rating,
                              pages=_whole(row.get("Number of Pages"))),) if done else (),
            raw=dict(row),
            **fields,  # type: ignore[arg-type]
        )


def _whole(text: str | None) -> int | None:
    """A count or a number of pages, when the cell holds one."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and 0 < int(text) < 100_000 else None


def _layout(header: list[str], filename: str) -> str:
    return f"library export, {len(header)} columns"


FORMAT = Format(
    name="goodreads", label="Goodreads", kind="book", scale=SCALE,
    statuses="read; currently-reading; to-read (saved for later); a shelf of your own read by its name",
    recognised="its header names a Goodreads export's columns (Book Id, My Rating, Exclusive Shelf)",
    matches=matches, read=read, layout=_layout, date_columns=DATE_COLUMNS, order=10,
)
