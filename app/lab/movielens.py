"""MovieLens files (movies, links, tags, ratings) read into catalog items and interactions."""

from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from app.core.errors import InputError
from app.core.text import split_title_year
from app.core.types import Item
from app.importers.files import iter_table
from app.lab.film_metadata import FilmFacts
from app.lab.movielens_legacy import is_legacy, read_legacy

__all__ = [
    "Interactions",
    "Layout",
    "display_title",
    "parse_movielens_title",
    "read_interactions",
    "read_movies",
    "read_tags",
]

_ARTICLE_SUFFIX = re.compile(
    r"^(?P<rest>.*), (?P<article>The|A|An|Les|Le|La|L'|El|Il|Los|Las|Der|Die|Das|Den|Det|I|Lo|Un|Une)$"
)
_TRAILING_PAREN = re.compile(r"^(?P<main>.*\S)\s*\((?P<inner>[^()]*)\)$")
_MAX_TAGS = 12
# Languages a film's original language is named by (ISO 639-1), for the "French-language" tag.
LANGUAGES = {"fr": "French", "it": "Italian", "de": "German", "ja": "Japanese", "es": "Spanish", "zh": "Chinese",
             "cn": "Cantonese", "ko": "Korean", "sv": "Swedish", "ru": "Russian", "da": "Danish", "hi": "Hindi",
             "pt": "Portuguese", "fa": "Persian", "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "tr": "Turkish",
             "th": "Thai", "fi": "Finnish", "el": "Greek", "hu": "Hungarian", "cs": "Czech", "he": "Hebrew",
             "ar": "Arabic", "ro": "Romanian", "is": "Icelandic", "id": "Indonesian", "ta": "Tamil", "te": "Telugu"}


def display_title(title: str) -> str:
    """``"Matrix, The"`` -> ``"The Matrix"``; ``"Postino, Il"`` -> ``"Il Postino"``."""
    match = _ARTICLE_SUFFIX.match(title.strip())
    if not match:
        return title.strip()
    article = match.group("article")
    joiner = "" if article.endswith("'") else " "
    return f"{article}{joiner}{match.group('rest')}"


def parse_movielens_title(raw: str) -> tuple[str, int | None, tuple[str, ...]]:
    """``"Seven (a.k.a. Se7en) (1995)"`` -> ``("Seven", 1995, ("Se7en",))``."""
    title, year = split_title_year(raw)
    alts: list[str] = []
    while True:
        match = _TRAILING_PAREN.match(title)
        if not match:
            break
        inner = match.group("inner").strip()
        inner = re.sub(r"^(a\.k\.a\.|aka)\s+", "", inner, flags=re.IGNORECASE)
        if not inner:
            break
        alts.insert(0, display_title(inner))
        title = match.group("main")
    return display_title(title), year, tuple(alts)


def _merge_tags(known: FilmFacts, community: tuple[str, ...]) -> tuple[str, ...]:
    """TMDB's keywords first (what the film is about), then MovieLens' community tags, each once; a film
    not in English says its language ("French-language")."""
    language = LANGUAGES.get(known.language, "")
    out: dict[str, str] = {}
    for tag in (*known.keywords, *community, *([f"{language}-language"] if language else [])):
        out.setdefault(tag.casefold(), tag)
    return tuple(out.values())


def _with_original(alts: tuple[str, ...], title: str, original: str) -> tuple[str, ...]:
    """The original title as one more name of the film, when it differs ("Le fabuleux destin d'Amélie Poulain")."""
    if not original or original.casefold() in {t.casefold() for t in (title, *alts)}:
        return alts
    return (*alts, original)


def _read_csv(path: Path, required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    if is_legacy(path):  # ml-100k's u.data, ml-1m's ratings.dat...: fixed columns, no header
        return read_legacy(path, required)
    return iter_table(path, required, hint="Name its columns with --map "
                      "(e.g. --map user=uid,item=iid,rating=stars,timestamp=ts).")


def _top_tags(tag_rows: list[str]) -> tuple[str, ...]:
    """The most used community tags, case-folded for counting, shown in their usual form."""
    counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for tag in tag_rows:
        tag = " ".join(tag.split())
        if not tag:
            continue
        key = tag.casefold()
        counts[key] += 1
        forms[key][tag] += 1
    ranked = sorted(counts, key=lambda k: (-counts[k], k))[:_MAX_TAGS]
    return tuple(sorted(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k in ranked)


@dataclass(frozen=True)
class Layout:
    """Column names of the interactions, items and tags files (MovieLens by default)."""

    user: str = "userId"
    item: str = "movieId"
    rating: str = "rating"
    timestamp: str = "timestamp"
    title: str = "title"
    genres: str = "genres"
    tag: str = "tag"

    def with_mapping(self, mapping: dict[str, str]) -> Layout:
        unknown = set(mapping) - set(self.__dataclass_fields__)
        if unknown:
            raise InputError(f"Unknown column name(s) in --map: {', '.join(sorted(unknown))}.",
                             hint="Known: " + ", ".join(self.__dataclass_fields__) + ".")
        return replace(self, **mapping)


@dataclass(frozen=True, eq=False)
class Interactions:
    """(user, item, rating, timestamp) rows; items are source keys (movieId as text)."""

    users: np.ndarray  # int64
    items: np.ndarray  # object (str source keys)
    ratings: np.ndarray  # float32
    timestamps: np.ndarray  # int64
    user_keys: tuple[str, ...] = ()  # the file's user id of each user index

    def subset(self, mask: np.ndarray) -> Interactions:
        return Interactions(self.users[mask], self.items[mask], self.ratings[mask], self.timestamps[mask],
                            self.user_keys)


def read_interactions(path: Path, layout: Layout = Layout()) -> Interactions:
    """Rows read one at a time into arrays (ml-25m has 25 million), item keys shared, users indexed in the
    sorted order of their ids."""
    cols = (layout.user, layout.item, layout.rating, layout.timestamp)
    users: dict[str, int] = {}
    keys: dict[str, str] = {}
    user_codes, ratings, stamps = array("q"), array("f"), array("q")
    items: list[str] = []
    try:
        for r in _read_csv(path, cols):
            user_codes.append(users.setdefault(r[layout.user], len(users)))
            key = r[layout.item]
            items.append(keys.setdefault(key, key))
            ratings.append(float(r[layout.rating]))
            stamps.append(int(float(r[layout.timestamp] or 0)))
    except ValueError as exc:
        raise InputError(f"{path.name} has a rating or timestamp that is not a number: {exc}.") from exc
    order = sorted(users)
    rank = np.empty(len(users), dtype=np.int64)
    rank[[users[u] for u in order]] = np.arange(len(order))
    return Interactions(
        users=rank[np.frombuffer(user_codes, dtype=np.int64)] if len(user_codes) else np.zeros(0, np.int64),
        items=np.array(items, dtype=object),
        ratings=np.frombuffer(ratings, dtype=np.float32).copy(),
        timestamps=np.frombuffer(stamps, dtype=np.int64).copy(),
        user_keys=tuple(order),
    )


def read_tags(
    path: Path, layout: Layout = Layout(), *, leave_out: set[tuple[int, str]] | None = None,
    users: dict[str, int] | None = None,
) -> dict[str, list[str]]:
    """Tags by item; ``leave_out`` drops (user, item) pairs (held-out interactions)."""
    rows = _read_csv(path, (layout.item, layout.tag))
    by_item: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if leave_out and users is not None and layout.user in row:
            if (users.get(row[layout.user], -1), row[layout.item]) in leave_out:
                continue
        by_item[row[layout.item]].append(row[layout.tag])
    return by_item


def read_movies(
    movies_path: Path,
    *,
    layout: Layout = Layout(),
    links_path: Path | None = None,
    tags: dict[str, list[str]] | None = None,
    popularity: Counter[str] | None = None,
    facts: dict[str, FilmFacts] | None = None,
) -> list[Item]:
    """Films from a MovieLens-style items file, with ids from links, community tags, and what each film
    is about where ``facts`` knows it (app/lab/film_metadata.py: keywords, overview, directors), and its
    runtime.

    Popularity is the number of ratings each item has in the interactions given.
    """
    movies = _read_csv(movies_path, (layout.item, layout.title))
    links = (
        {r["movieId"]: r for r in _read_csv(links_path, ("movieId", "imdbId", "tmdbId"))}
        if links_path is not None and links_path.is_file()
        else {}
    )
    tags = tags or {}
    facts = facts or {}
    popularity = popularity or Counter()
    items: list[Item] = []
    for row in sorted(movies, key=lambda r: (int(r[layout.item]) if r[layout.item].isdigit() else 0, r[layout.item])):
        key = row[layout.item]
        title, year, alts = parse_movielens_title(row[layout.title])
        genres = tuple(
            g for g in (row.get(layout.genres) or "").split("|") if g and g != "(no genres listed)"
        )
        link = links.get(key, {})
        imdb = link.get("imdbId", "").strip()
        tmdb = link.get("tmdbId", "").strip()
        known = facts.get(key, FilmFacts())
        items.append(
            Item(
                catalog="",
                source_key=key,
                kind="film",
                title=title,
                year=year,
                creators=known.directors,
                description=" ".join(t for t in (known.tagline, known.overview) if t),
                genres=genres,
                tags=_merge_tags(known, _top_tags(tags.get(key, []))),
                alt_titles=_with_original(alts, title, known.original_title),
                imdb=str(int(imdb)) if imdb.isdigit() else None,
                tmdb=str(int(tmdb)) if tmdb.isdigit() else None,
                popularity=popularity.get(key, 0),
                runtime=known.runtime,
            )
        )
    return items
