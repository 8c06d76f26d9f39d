"""A CSV of any layout: columns found by name, or named with a mapping."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping

from app.core.errors import InputError
from app.core.text import clean_text, split_title_year
from app.core.types import KINDS
from app.importers.csvfile import CsvFile, find_column
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format
from app.importers.values import (
    parse_date,
    parse_float,
    parse_imdb,
    parse_isbn13,
    parse_year,
    rating_scale,
)

__all__ = ["COLUMNS", "ImportRow", "Skip", "guess_kind", "parse_mapping", "read_generic", "resolve_columns"]

# Field -> header names it is found under when no mapping is given.
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "name", "film", "movie", "book", "item"),
    "year": ("year", "release year", "year published", "original publication year"),
    "rating": ("rating", "my rating", "your rating", "stars", "star rating", "score"),
    "date": (
        "date", "watched date", "date watched", "date read", "read date", "date rated",
        "consumed", "consumed at", "watched", "finished",
    ),
    "kind": ("kind", "type", "media", "media type"),
    "creators": ("creators", "creator", "author", "authors", "director", "directors", "by"),
    "imdb": ("imdb", "imdb id", "imdbid", "const"),
    "tmdb": ("tmdb", "tmdb id", "tmdbid", "tmdb_id"),
    "isbn13": ("isbn13", "isbn 13", "isbn"),
    "status": ("exclusive shelf", "shelf", "read status", "status", "list"),
}
REQUIRED = ("title",)
_HIGHEST_RATING = 100.0  # no scale people rate on goes higher
_STRAY = 0.01  # values outside the scale that most ratings fit, allowed as typos


def parse_mapping(text: str | None) -> dict[str, str]:
    """``"title=Name,rating=Stars"`` -> ``{"title": "Name", "rating": "Stars"}``."""
    mapping: dict[str, str] = {}
    for part in (text or "").split(","):
        if not part.strip():
            continue
        key, sep, column = part.partition("=")
        key = key.strip().lower()
        if not sep or not column.strip():
            raise InputError(f"Cannot read the mapping {part!r}: write it as field=COLUMN.")
        if key not in COLUMNS:
            raise InputError(
                f"Unknown field {key!r} in the mapping.",
                hint="Fields: " + ", ".join(COLUMNS) + ".",
            )
        mapping[key] = column.strip()
    return mapping


def resolve_columns(header: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Field -> header column. Raises InputError naming every missing required column."""
    mapping = dict(mapping or {})
    columns: dict[str, str] = {}
    missing: list[str] = []
    missing_zh: list[str] = []  # the same, for a Chinese window
    for name, synonyms in COLUMNS.items():
        if name in mapping:
            found = find_column(header, (mapping[name],))
            if found is None:
                missing.append(f"{name} (mapped to {mapping[name]!r}, which the file does not have)")
                missing_zh.append(f"{name}（映射到了“{mapping[name]}”，但文件里没有这一列）")
                continue
        else:
            found = find_column(header, synonyms)
            if found is None:
                if name in REQUIRED:
                    missing.append(f"{name} (looked for: {', '.join(synonyms)})")
                    missing_zh.append(f"{name}（找过：{'、'.join(synonyms)}）")
                continue
        columns[name] = found
    if missing:
        raise InputError(
            "Missing required column" + ("s" if len(missing) > 1 else "") + ": " + "; ".join(missing) + ".",
            hint="The file has: " + ", ".join(header[:30])
            + ". Rename the column that holds the titles to Title (a spreadsheet program can).",
            command="With --map title=COLUMN,year=COLUMN,rating=COLUMN,date=COLUMN.",
            zh="缺少必需的列：" + "；".join(missing_zh) + "。",
            zh_hint="这个文件的列有：" + "、".join(header[:30])
            + "。请把存放标题的那一列改名为 Title（电子表格程序可以做到）。",
        )
    return columns


def _tmdb(text: str | None) -> str | None:
    """A TMDB film id as written ("603", "tmdb:603", "https://www.themoviedb.org/movie/603-the-matrix")."""
    found = re.search(r"(?:^|movie/|tmdb:)\s*(\d{1,9})(?:\D|$)", (text or "").strip())
    return str(int(found.group(1))) if found else None


def guess_kind(header: list[str]) -> str | None:
    """What a file without a kind column lists, from its other columns: authors mean books,
    directors mean films. None when nothing tells (rows then match either)."""
    if find_column(header, ("author", "authors", "isbn", "isbn13", "pages", "publisher")):
        return "book"
    if find_column(header, ("director", "directors", "imdb", "imdb id", "tmdb", "runtime")):
        return "film"
    return None


def scan_rating_scale(csv_file: CsvFile, column: str | None,
                      notes: Counter[str] | None = None) -> tuple[float, float] | None:
    """First pass over the file: the scale of its ratings, from the values present. A stray value
    far above the rest (a typo, 1e308) does not set the scale: such rows are skipped instead."""
    if column is None:
        return None
    values: Counter[float] = Counter()
    for row in csv_file.rows():
        value = parse_float(row.get(column))
        if value is not None:
            values[value] += 1
    if not values:
        return None
    total = sum(values.values())
    kept = {v: n for v, n in values.items() if abs(v) <= _HIGHEST_RATING}
    for top in (5.0, 10.0):  # the smallest scale that holds all but a stray few
        inside = sum(n for v, n in kept.items() if v <= top)
        if inside < total and inside >= total * (1 - _STRAY):
            kept = {v: n for v, n in kept.items() if v <= top}
            break
    if len(kept) < len(values) and notes is not None:
        stray = sorted(set(values) - set(kept))
        notes[f"ratings far outside the rest ({', '.join(f'{v:g}' for v in stray[:3])}) were left out"
              " of the scale; those rows are skipped"] += 1
    if not kept:
        return None
    return rating_scale(min(kept), max(kept))


def read_generic(
    csv_file: CsvFile,
    columns: Mapping[str, str],
    *,
    scale: tuple[float, float] | None,
    kind: str | None = None,
    ctx: ReadContext | None = None,
) -> Iterator[ImportRow | Skip]:
    ctx = ctx or ReadContext(date_order="dmy")
    get = lambda row, name: row.get(columns[name], "") if name in columns else ""  # noqa: E731
    for row in csv_file.rows():
        line = csv_file.line
        title, year = split_title_year(clean_text(get(row, "title")))
        if not title:
            yield Skip(line, "no title")
            continue
        year = parse_year(get(row, "year")) or year
        row_kind = (get(row, "kind") or kind or "").strip().lower() or None
        if row_kind in ("movie", "movies", "films", "tv", "series"):
            row_kind = "film"
        elif row_kind in ("books", "novel", "ebook", "audiobook"):
            row_kind = "book"
        if row_kind is not None and row_kind not in KINDS:
            row_kind = "other"
        rating = parse_float(get(row, "rating")) if scale is not None else None
        if rating is not None and scale is not None and not scale[0] <= rating <= scale[1]:
            yield Skip(line, "rating outside the file's scale")
            continue
        # ";" or "|" separate several creators; a comma may be inside one ("Tolkien, J. R. R.").
        creators = tuple(
            c for c in (clean_text(x) for x in get(row, "creators").replace("|", ";").split(";")) if c
        )
        date = parse_date(get(row, "date"), ctx.date_order)
        fields: dict[str, object] | None = {}
        status = get(row, "status").strip()
        if status:
            fields = ctx.row_fields(status, rated=rating is not None, finished=date is not None)
            if fields is None:
                yield Skip(line, f"with the status {status!r}, which you chose to skip")
                continue
        saved = bool(fields and (fields.get("saved") or fields.get("not_interested")))
        yield ImportRow(
            line=line,
            title=title,
            year=year,
            kind=row_kind,
            creators=creators,
            rating=rating,
            scale=scale if rating is not None else None,
            consumed_at=None if saved else date,
            imdb=parse_imdb(get(row, "imdb")) if "imdb" in columns else None,
            tmdb=_tmdb(get(row, "tmdb")) if "tmdb" in columns else None,
            isbn13=parse_isbn13(get(row, "isbn13")) if "isbn13" in columns else None,
            raw=dict(row),
            **(fields or {}),  # type: ignore[arg-type]
        )


FORMAT = Format(
    name="generic", label="a CSV of its own layout", kind=None, scale=None,
    statuses="a status or shelf column read by its words (read, watched, to-read, did not finish)",
    recognised="no known export has these columns; they were found by name",
    order=1000,
)
