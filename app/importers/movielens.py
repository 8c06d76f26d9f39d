"""MovieLens files (movies, links, tags, ratings) read into catalog items and interactions."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.core.errors import InputError
from app.core.text import split_title_year
from app.core.types import Item

__all__ = ["Interactions", "display_title", "parse_movielens_title", "read_interactions", "read_movies"]

_ARTICLE_SUFFIX = re.compile(
    r"^(?P<rest>.*), (?P<article>The|A|An|Les|Le|La|L'|El|Il|Los|Las|Der|Die|Das|Den|Det|I|Lo|Un|Une)$"
)
_TRAILING_PAREN = re.compile(r"^(?P<main>.*\S)\s*\((?P<inner>[^()]*)\)$")
_MAX_TAGS = 12


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


def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise InputError(f"{path} is missing: a MovieLens folder has {path.name}.")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name} lacks the column(s) {', '.join(missing)}.")
        return list(reader)


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


@dataclass(frozen=True, eq=False)
class Interactions:
    """(user, item, rating, timestamp) rows; items are source keys (movieId as text)."""

    users: np.ndarray  # int64
    items: np.ndarray  # object (str source keys)
    ratings: np.ndarray  # float32
    timestamps: np.ndarray  # int64


def read_interactions(
    path: Path, *, columns: tuple[str, str, str, str] = ("userId", "movieId", "rating", "timestamp")
) -> Interactions:
    user_col, item_col, rating_col, time_col = columns
    rows = _read_csv(path, columns)
    return Interactions(
        users=np.array([int(r[user_col]) for r in rows], dtype=np.int64),
        items=np.array([r[item_col] for r in rows], dtype=object),
        ratings=np.array([float(r[rating_col]) for r in rows], dtype=np.float32),
        timestamps=np.array([int(float(r[time_col] or 0)) for r in rows], dtype=np.int64),
    )


def read_movies(
    folder: Path,
    *,
    ratings: Interactions | None = None,
    tags_path: Path | None = None,
) -> list[Item]:
    """Films from ``movies.csv`` with ids from ``links.csv`` and tags from ``tags.csv``.

    Popularity is the number of ratings in ``ratings`` (all of them, any value).
    """
    movies = _read_csv(folder / "movies.csv", ("movieId", "title", "genres"))
    links_path = folder / "links.csv"
    links = (
        {r["movieId"]: r for r in _read_csv(links_path, ("movieId", "imdbId", "tmdbId"))}
        if links_path.is_file()
        else {}
    )
    tags_path = tags_path or folder / "tags.csv"
    tags_by_movie: dict[str, list[str]] = defaultdict(list)
    if tags_path.is_file():
        for row in _read_csv(tags_path, ("movieId", "tag")):
            tags_by_movie[row["movieId"]].append(row["tag"])
    popularity: Counter[str] = Counter(ratings.items.tolist()) if ratings is not None else Counter()

    items: list[Item] = []
    for row in sorted(movies, key=lambda r: int(r["movieId"])):
        key = row["movieId"]
        title, year, alts = parse_movielens_title(row["title"])
        genres = tuple(g for g in row["genres"].split("|") if g and g != "(no genres listed)")
        link = links.get(key, {})
        imdb = link.get("imdbId", "").strip()
        tmdb = link.get("tmdbId", "").strip()
        items.append(
            Item(
                catalog="",
                source_key=key,
                kind="film",
                title=title,
                year=year,
                genres=genres,
                tags=_top_tags(tags_by_movie.get(key, [])),
                alt_titles=alts,
                imdb=str(int(imdb)) if imdb.isdigit() else None,
                tmdb=str(int(tmdb)) if tmdb.isdigit() else None,
                popularity=popularity.get(key, 0),
            )
        )
    return items
