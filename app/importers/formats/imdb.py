"""IMDb exports: ratings (with or without Original Title), the layout before 2018, and lists.

A watchlist or any other list has the same columns with Position, Created and Modified.
What decides is the person's own rating: a rated title was watched; a title without one
(a watchlist entry) is saved for later, never history.
"""

from __future__ import annotations

from collections.abc import Iterator

from app.core.text import clean_text
from app.importers.csvfile import CsvFile, find_column
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format
from app.importers.values import parse_date, parse_float, parse_imdb, parse_year

__all__ = ["FORMAT", "SCALE", "layout", "matches", "read"]

SCALE = (1.0, 10.0)
REQUIRED = ("Const", "Title", "Title Type")
_RATING = ("Your Rating", "You rated")
# Title types that are films (MovieLens lists these); series, episodes and games are "other".
_FILM_TYPES = {"movie", "feature film", "tvmovie", "tv movie", "video", "short", "short film", "tvshort",
               "tv short", "documentary", "tvspecial", "tv special"}


def matches(header: list[str]) -> bool:
    return all(find_column(header, (c,)) for c in REQUIRED)


def layout(header: list[str], filename: str) -> str:
    """Which IMDb export: "ratings", "ratings, layout before 2018", "watchlist" or "list"."""
    if "watchlist" in filename.casefold():
        return "watchlist"
    if find_column(header, ("You rated",)):
        return "ratings, layout before 2018"
    if find_column(header, ("Position",)):
        return "list"
    return "ratings"


def read(csv_file: CsvFile, ctx: ReadContext) -> Iterator[ImportRow | Skip]:
    header = csv_file.header
    col = {name: find_column(header, names) for name, names in {
        "const": ("Const",), "title": ("Title",), "original": ("Original Title",), "type": ("Title Type",),
        "rating": _RATING, "rated": ("Date Rated",), "created": ("Created",), "year": ("Year",),
        "directors": ("Directors",),
    }.items()}
    get = lambda row, name: row.get(col[name] or "", "")  # noqa: E731
    for row in csv_file.rows():
        line = csv_file.line
        title = clean_text(get(row, "title")) or clean_text(get(row, "original"))
        if not title:
            yield Skip(line, "no title")
            continue
        rating = parse_float(get(row, "rating"))
        if rating is not None and not 1 <= rating <= 10:
            yield Skip(line, "rating outside 1-10")
            continue
        kind = "film" if (get(row, "type") or "movie").strip().lower() in _FILM_TYPES else "other"
        directors = tuple(d for d in (clean_text(x) for x in get(row, "directors").split(",")) if d)
        original = clean_text(get(row, "original"))
        yield ImportRow(
            line=line,
            title=title,
            year=parse_year(get(row, "year")),
            kind=kind,
            creators=directors,
            rating=rating,
            scale=SCALE if rating is not None else None,
            # Rated: the date rated, or (before 2018) the date it entered the ratings list.
            consumed_at=(parse_date(get(row, "rated"), ctx.date_order)
                         or parse_date(get(row, "created"), ctx.date_order)) if rating is not None else None,
            imdb=parse_imdb(get(row, "const")),
            saved=rating is None,
            shelf=None if rating is not None else "watchlist",
            alt_titles=(original,) if original and original != title else (),
            raw=dict(row),
        )


FORMAT = Format(
    name="imdb", label="IMDb", kind="film", scale=SCALE,
    statuses="a rated title was watched; an unrated one (a watchlist or list) is saved for later",
    recognised="its header names an IMDb export's columns (Const, Title Type)",
    matches=matches, read=read, layout=layout, date_columns=("Date Rated", "Created"), order=30,
)
