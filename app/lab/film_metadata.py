"""What a film is about, from public data joined to MovieLens by TMDB id (../shared/data/film-metadata,
see its PROVENANCE.md): TMDB keywords, overviews and taglines, original titles and languages, runtimes
(The Movies Dataset and TMDB 5000), and directors by MovieLens id (HetRec 2011). Every file is optional:
what is absent is simply not known."""

from __future__ import annotations

import ast
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.text import clean_text

__all__ = ["FilmFacts", "SOURCES", "read_film_metadata"]

# The files read, in the order their facts are preferred (the fuller set first).
SOURCES = ("keywords.csv", "tmdb_5000_movies.csv", "movies_metadata.first-4626-rows.csv",
           "hetrec2011/movie_directors.dat", "hetrec2011/movies.dat")
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


def read_film_metadata(folder: Path, tmdb_of: dict[str, str],
                       imdb_of: dict[str, str] | None = None) -> dict[str, FilmFacts]:
    """Facts by MovieLens movieId; ``tmdb_of`` and ``imdb_of`` map movieId -> TMDB and IMDb ids (MovieLens'
    links.csv). Directors come only with the IMDb ids."""
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
    directors = _directors(folder / "hetrec2011", imdb_of or {})
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


def _directors(folder: Path, imdb_of: dict[str, str]) -> dict[str, list[str]]:
    """Directors by MovieLens movieId, from HetRec's movie_directors.dat joined through its movies.dat's IMDb
    ids. Not by HetRec's movie ids: some name other films than MovieLens' (its 47 is Seven Samurai, MovieLens'
    Se7en; its 1240 Terminator Salvation, MovieLens' The Terminator). A director it names for one catalog
    film only is left out: a third of those were a namesake's film (Blade Runner "by" Philip Jackson, Raiders
    of the Lost Ark by Mike Nawrocki, Touch of Evil by James A. Contner), and such a name links no two films.
    Its names are UTF-8 with every accent already lost as U+FFFD ("Pedro Almod\ufffdvar"): the letters come
    back from the director's id ("pedro_almodovar")."""
    path, movies = folder / "movie_directors.dat", folder / "movies.dat"
    if not path.is_file() or not movies.is_file():
        return {}
    movie_of = {_imdb_key(imdb): movie for movie, imdb in imdb_of.items() if _imdb_key(imdb)}
    ours: dict[str, str] = {}  # HetRec's id -> MovieLens' id
    with movies.open(encoding="utf-8", errors="replace", newline="") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) > 2 and _imdb_key(parts[2]) in movie_of:
                ours[parts[0].strip()] = movie_of[_imdb_key(parts[2])]
    named: dict[str, dict[str, str]] = {}  # MovieLens id -> director id -> name
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) >= 3 and parts[0].strip() in ours and parts[2].strip():
                named.setdefault(ours[parts[0].strip()], {})[parts[1].strip()] = _director_name(parts[2], parts[1])
    # Films per name, not per id: HetRec spells some people two ways (lina-wertmuller, lina_wertmuller).
    films = Counter(name.casefold() for directors in named.values() for name in set(directors.values()))
    out = {movie: list(dict.fromkeys(name for name in directors.values() if films[name.casefold()] > 1))
           for movie, directors in named.items()}
    return {movie: names for movie, names in out.items() if names}


def _imdb_key(text: str) -> str:
    """An IMDb id without its "tt" and leading zeros: "0114709", "tt0114709" and "114709" agree."""
    digits = text.strip().lower().removeprefix("tt").lstrip("0")
    return digits if digits.isdigit() else ""


def _director_name(text: str, slug: str) -> str:
    """A name as the catalog shows it, no "Director " (HetRec's Gladiator is by "Director Ridley Scott"), its
    lost accents put back as the id's letters ("Volker Schl\ufffdndorff", volker_schloendorff: Volker
    Schloendorff); where the id spells it otherwise ("Ishir\ufffd Honda", inoshiro-honda), the id's name."""
    name = text.strip()
    if "\ufffd" in name:
        words = slug.strip().replace("_", " ").replace("-", " ")
        pattern = "([a-z]{1,2})".join(re.escape(part) for part in name.split("\ufffd"))
        found = re.fullmatch(pattern, words, re.IGNORECASE)
        if found:
            parts = name.split("\ufffd")
            name = parts[0]
            for letters, part in zip(found.groups(), parts[1:]):
                name += (letters.capitalize() if not name or name.endswith(" ") else letters) + part
        else:
            name = words.title()
    return clean_text(name).removeprefix("Director ").strip()
