"""Trakt's JSON export: watched, ratings and watchlist files, one at a time, several together, or a folder
or ZIP of the whole export (watched-movies.json, ratings-movies.json, watchlist.json, history.json, ...).

Every file is a list of items; what an item is says itself: ``rated_at`` and ``rating`` (1-10), ``plays`` or
``last_watched_at`` (watched), ``watched_at`` (one play of the history), ``listed_at`` (the watchlist, or a
list of one's own), ``collected_at`` (the collection: owned, not seen). One film in several files is one
entry: its rating, the latest date it was watched (else rated); a film only on the watchlist is saved for
later. Films carry their IMDb and TMDB ids, which match first. Shows, seasons and episodes are not films:
they are counted in the report and left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from app.core.errors import InputError
from app.core.text import clean_text
from app.importers.files import looks_like_json, parse_json, read_document, zip_members, zip_names
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, Skip
from app.importers.registry import Format, Opened
from app.importers.values import parse_date, parse_float, parse_imdb

__all__ = ["FORMAT", "SCALE", "claims", "open_export", "read_items"]

SCALE = (1.0, 10.0)
_SNIFF = 64 << 10
# The export's own file names (a ZIP is recognised by them; loose files by their items).
_NAMES = re.compile(r"^(watched|ratings|watchlist|history|collection|lists?|likes)[-_.a-z0-9]*\.json$")
_NOT_FILMS = ("show", "season", "episode", "person")
_SKIP_SHOW = "a show, season or episode: Hearth recommends films and books, so these are left out"


def _sniffs(head: bytes) -> bool:
    """Whether the start of a JSON file reads as Trakt's items: Trakt ids and a movie, show or episode."""
    return b'"trakt"' in head and b'"ids"' in head and any(
        f'"{k}"'.encode() in head for k in ("movie", "show", "episode", "season"))


def claims(path: Path, limits: Limits = LIMITS) -> str | None:
    names = [n for n in zip_names(path, limits) if n.lower().endswith(".json")] if _zipped(path) else []
    if names:
        if any(_NAMES.match(PurePosixPath(n).name.lower()) for n in names):
            return "the archive holds Trakt's JSON files (watched, ratings, watchlist)"
        return None
    if not looks_like_json(path):
        return None
    with path.open("rb") as f:
        head = f.read(_SNIFF)
    if _sniffs(head):
        return "its JSON lists Trakt items (a movie, show or episode with Trakt, IMDb and TMDB ids)"
    return None


def _zipped(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


@dataclass
class _Film:
    title: str
    year: int | None
    imdb: str | None
    tmdb: str | None
    trakt: str | None
    line: int
    rating: float | None = None
    rated_at: str | None = None
    watched_at: str | None = None  # the latest
    watched: bool = False
    listed: bool = False  # on the watchlist
    raw: dict[str, str] = field(default_factory=dict)


def _ids(media: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    ids = media.get("ids") if isinstance(media.get("ids"), dict) else {}
    imdb = parse_imdb(str(ids.get("imdb") or "")) if ids.get("imdb") else None
    tmdb = str(ids["tmdb"]) if isinstance(ids.get("tmdb"), int | str) and str(ids["tmdb"]).isdigit() else None
    trakt = str(ids["trakt"]) if isinstance(ids.get("trakt"), int | str) and str(ids["trakt"]).isdigit() else None
    return imdb, tmdb, trakt


def _year(value: Any) -> int | None:
    return value if isinstance(value, int) and 1800 <= value <= 2200 else None


def read_items(files: Sequence[tuple[str, Any]], notes: Counter[str],
               limits: Limits = LIMITS) -> list[ImportRow | Skip]:
    """Films merged across the files' items, one ImportRow each; (name, parsed JSON) per file."""
    films: dict[str, _Film] = {}
    out: list[ImportRow | Skip] = []
    line = 0
    for name, data in files:
        items = data if isinstance(data, list) else None
        if items is None:
            notes[f"{name}: not a list of Trakt items, left out"] += 1
            continue
        watchlist = "watchlist" in name.lower()
        for item in items:
            line += 1
            if line > limits.rows:
                raise InputError(f"The Trakt files hold more than {limits.rows:,} items: more than one person's"
                                 " history, so nothing was imported.")
            if not isinstance(item, dict):
                out.append(Skip(line, "not a Trakt item"))
                continue
            kind = item.get("type") or next((k for k in ("movie", *_NOT_FILMS) if isinstance(item.get(k), dict)), None)
            if kind in _NOT_FILMS:
                out.append(Skip(line, _SKIP_SHOW))
                continue
            movie = item.get("movie")
            if kind != "movie" or not isinstance(movie, dict):
                out.append(Skip(line, "not a film"))
                continue
            if "collected_at" in item and "rating" not in item and "plays" not in item:
                notes["films in the collection (owned, not said to be watched) were left out"] += 1
                continue
            if "listed_at" in item and not watchlist:
                notes[f"{name}: a list of your own, not history: left out"] += 1
                continue
            title = clean_text(str(movie.get("title") or ""))
            if not title:
                out.append(Skip(line, "no title"))
                continue
            imdb, tmdb, trakt = _ids(movie)
            year = _year(movie.get("year"))
            key = f"trakt:{trakt}" if trakt else f"imdb:{imdb}" if imdb else f"tmdb:{tmdb}" if tmdb else \
                f"{title.casefold()}|{year}"
            film = films.setdefault(key, _Film(title, year, imdb, tmdb, trakt, line))
            film.raw[name] = " | ".join(f"{k}={v}" for k, v in item.items() if k not in ("movie",))[:500]
            if "rating" in item or "rated_at" in item:
                rating = parse_float(str(item.get("rating") or ""))
                if rating is None or not 1 <= rating <= 10:
                    out.append(Skip(line, "rating outside 1-10"))
                    continue
                film.rating, film.rated_at = rating, parse_date(str(item.get("rated_at") or ""))
            elif "listed_at" in item:
                film.listed = True
            else:  # watched-movies (plays, last_watched_at) or the history (watched_at)
                film.watched = True
                date = parse_date(str(item.get("last_watched_at") or item.get("watched_at") or ""))
                if date and (film.watched_at is None or date > film.watched_at):
                    film.watched_at = date
    for film in films.values():
        seen = film.watched or film.rating is not None
        out.append(ImportRow(
            line=film.line, title=film.title, year=film.year, kind="film", rating=film.rating,
            scale=SCALE if film.rating is not None else None,
            consumed_at=(film.watched_at or film.rated_at) if seen else None,
            imdb=film.imdb, tmdb=film.tmdb, saved=not seen, shelf=None if seen else "watchlist",
            alt_ids=(f"trakt:{film.trakt}",) if film.trakt else (), raw=film.raw,
        ))
    return out


def open_export(paths: Sequence[Path], shelves: dict[str, str], limits: Limits = LIMITS) -> list[Opened]:
    """Every Trakt file and ZIP of one import, merged into one export."""
    files: list[tuple[str, Any]] = []
    total = 0
    for path in paths:
        if _zipped(path):
            names = [n for n in zip_names(path, limits) if n.lower().endswith(".json")
                     and _NAMES.match(PurePosixPath(n).name.lower())]
            for name, data in zip_members(path, names, limits).items():
                files.append((PurePosixPath(name).name, parse_json(data, f"{name} in {path.name}")))
            continue
        data = read_document(path, limits)
        total += len(data)
        if total > limits.archive_bytes:
            raise InputError(f"These Trakt files hold more than {limits.archive_bytes >> 20} MiB together: more than"
                             " any export, so nothing was imported.")
        files.append((path.name, parse_json(data, path.name)))
    notes: Counter[str] = Counter()
    records = read_items(files, notes, limits)
    done = [0]

    def counted() -> Iterator[ImportRow | Skip]:
        for record in records:
            done[0] += 1
            yield record

    zipped = [p for p in paths if _zipped(p)]
    parts = ", ".join(dict.fromkeys(n.removesuffix(".json") for n, _ in files))
    layout = ("export ZIP: " if zipped else "JSON: ") + parts
    why = claims(paths[0], limits) or "its JSON lists Trakt items"
    return [Opened(records=counted(), paths=tuple(paths), layout=layout, why=why, kind="film", size=len(records),
                   position=lambda: done[0], encoding="json", notes=notes)]


FORMAT = Format(
    name="trakt", label="Trakt", kind="film", scale=SCALE, suffixes=(".json", ".zip"),
    statuses="watched and rated films: watched; the watchlist: saved for later; shows and episodes left out",
    recognised="its JSON lists Trakt items (a movie, show or episode with Trakt, IMDb and TMDB ids)",
    claims=claims, open=open_export, order=50,
)
