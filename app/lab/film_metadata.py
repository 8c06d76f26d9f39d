"""What a film is about, from public data joined to MovieLens by TMDB id (../shared/data/film-metadata,
see its PROVENANCE.md): TMDB keywords, overviews and taglines, original titles and languages, runtimes
(The Movies Dataset and TMDB 5000), and directors by MovieLens id (HetRec 2011). Every file is optional:
what is absent is simply not known."""

from __future__ import annotations

import ast
import csv
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.text import clean_text

__all__ = ["FilmFacts", "SOURCES", "read_film_metadata"]

# The files read, in the order their facts are preferred (the fuller set first).
SOURCES = ("keywords.csv", "tmdb_5000_movies.csv", "movies_metadata.first-4626-rows.csv",
           "hetrec2011/movie_directors.dat")
MAX_KEYWORDS = 15  # TMDB lists the telling ones first; a long tail ("duringcreditsstinger") adds noise
_NOISE = {"duringcreditsstinger", "aftercreditsstinger", "woman director", "independent film", "3d"}


@dataclass(frozen=True)
class FilmFacts:
    keywords: tuple[str, ...] = ()
    overview: str = ""
    tagline: str = ""
    directors: tuple[str, ...] = ()
    original_title: str = ""
    language: str = ""  # ISO 639-1, e.g. "fr"
    runtime: int | None = None  # minutes


def _rows(path: Path, encoding: str = "utf-8") -> Iterator[dict[str, str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding=encoding, newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                continue  # a cut last line: too few or too many fields
            yield row


def _names(text: str) -> list[str]:
    """A TMDB list of {'id', 'name'} dicts, as a Python literal or JSON, as names."""
    text = (text or "").strip()
    if not text:
        return []
    try:
        values = json.loads(text)
    except ValueError:
        try:
            values = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return []
    return [clean_text(str(v.get("name", ""))) for v in values if isinstance(v, dict) and v.get("name")]


def _runtime(text: str) -> int | None:
    try:
        minutes = int(float(text))
    except (TypeError, ValueError):
        return None
    return minutes if 0 < minutes < 1000 else None


def _keywords(names: list[str]) -> tuple[str, ...]:
    out: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key and key not in _NOISE and key not in out:
            out[key] = name
    return tuple(out.values())[:MAX_KEYWORDS]


def read_film_metadata(folder: Path, tmdb_of: dict[str, str]) -> dict[str, FilmFacts]:
    """Facts by MovieLens movieId; ``tmdb_of`` maps movieId -> TMDB id (MovieLens' links.csv)."""
    folder = Path(folder)
    wanted = {tmdb: movie for movie, tmdb in tmdb_of.items() if tmdb}
    keywords: dict[str, list[str]] = {}
    about: dict[str, dict[str, str]] = {}
    if (folder / "keywords.csv").is_file():
        for row in _rows(folder / "keywords.csv"):
            if row["id"] in wanted and row["id"] not in keywords:
                keywords[row["id"]] = _names(row["keywords"])
    for name in ("tmdb_5000_movies.csv", "movies_metadata.first-4626-rows.csv"):
        if not (folder / name).is_file():
            continue
        for row in _rows(folder / name):
            tmdb = (row.get("id") or "").strip()
            if tmdb not in wanted:
                continue
            known = about.setdefault(tmdb, {})
            for field in ("overview", "tagline", "original_title", "original_language", "runtime"):
                if not known.get(field) and (row.get(field) or "").strip():
                    known[field] = row[field].strip()
            if tmdb not in keywords and row.get("keywords"):
                keywords[tmdb] = _names(row["keywords"])
    directors = _directors(folder / "hetrec2011" / "movie_directors.dat")
    out: dict[str, FilmFacts] = {}
    for movie, tmdb in tmdb_of.items():
        known = about.get(tmdb, {})
        facts = FilmFacts(
            keywords=_keywords(keywords.get(tmdb, [])),
            overview=clean_text(known.get("overview", "")),
            tagline=clean_text(known.get("tagline", "")),
            directors=tuple(directors.get(movie, ())),
            original_title=clean_text(known.get("original_title", "")),
            language=known.get("original_language", "").strip().lower()[:3],
            runtime=_runtime(known.get("runtime", "")),
        )
        if facts != FilmFacts():
            out[movie] = facts
    for movie, names in directors.items():  # films HetRec knows that have no TMDB id
        out.setdefault(movie, FilmFacts(directors=tuple(names)))
    return out


def _directors(path: Path) -> dict[str, list[str]]:
    """HetRec's movie_directors.dat: Latin-1, tab-separated, its header line spaced oddly (skipped)."""
    if not path.is_file():
        return {}
    out: dict[str, list[str]] = {}
    with path.open(encoding="latin-1", newline="") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3 and parts[0].strip().isdigit() and parts[2].strip():
                out.setdefault(parts[0].strip(), []).append(clean_text(parts[2]))
    return out
