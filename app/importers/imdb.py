"""IMDb ratings export (with or without the Original Title column)."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.text import clean_text
from app.importers.csvfile import CsvFile
from app.importers.generic import ImportRow, Skip
from app.importers.values import parse_date, parse_float, parse_imdb, parse_year

__all__ = ["FORMAT", "matches", "read"]

FORMAT = "imdb"
REQUIRED = ("Const", "Your Rating", "Title", "Title Type")
_FILM_TYPES = {"movie", "tvmovie", "video", "short", "tvshort", "tv movie", "tv short"}


def matches(header: list[str]) -> bool:
    return all(column in header for column in REQUIRED)


def read(csv_file: CsvFile) -> Iterator[ImportRow | Skip]:
    for row in csv_file.rows():
        line = csv_file.line
        title = clean_text(row.get("Title")) or clean_text(row.get("Original Title"))
        if not title:
            yield Skip(line, "no title")
            continue
        rating = parse_float(row.get("Your Rating"))
        if rating is not None and not 1 <= rating <= 10:
            yield Skip(line, "rating outside 1-10")
            continue
        kind = "film" if (row.get("Title Type") or "movie").strip().lower() in _FILM_TYPES else "other"
        directors = tuple(d for d in (clean_text(x) for x in (row.get("Directors") or "").split(",")) if d)
        yield ImportRow(
            line=line,
            title=title,
            year=parse_year(row.get("Year")),
            kind=kind,
            creators=directors,
            rating=rating,
            scale=(1.0, 10.0) if rating is not None else None,
            consumed_at=parse_date(row.get("Date Rated")),
            imdb=parse_imdb(row.get("Const")),
            raw=dict(row),
        )
