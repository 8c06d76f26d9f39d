"""Series of books: the way into a series the person has not started is its first book.

A book's place in its series comes from the catalog's full title ("The Fall of Hyperion (Hyperion
Cantos, #2)"). Without this rule a reader who never opened Harry Potter could be offered its fourth
book, because the people who loved what they read also loved that one.

Two kinds of later book are ways in as well. A prequel numbered #0 ("New Spring (Wheel of Time, #0)")
does not make The Eye of the World a later book. And a later book that more people read than the first
is where people start: in a series read in order each book loses readers, so Murder on the Orient
Express (Hercule Poirot #10), The Silence of the Lambs (#2) and The Hunt for Red October (Jack Ryan #4)
are read on their own. A short series needs a margin (its counts mix editions); a long one does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from app.core.text import normalize_title

__all__ = ["Film", "Places", "film_franchises", "film_sequels", "place_of", "range_of"]

LONG_SERIES = 10  # books in the catalog: a series this long is rarely one story told in order
SHORT_MARGIN = 1.5  # in a shorter series a later book is a way in with this many times the first's readers

# "(The Stormlight Archive, #2)", "(Discworld, #5; Rincewind #2)", "(Harry Potter, #5, Part 1)": a whole
# number only ("#2.5" is a novella between two books, "#1-3" an omnibus).
_PLACE = re.compile(r"\(([^()#]*?),?\s*#\s*(\d+)(?:\s*,\s*part\s+\w+)?(?:\s*;[^()]*)?\)\s*$", re.IGNORECASE)


# "(1Q84, #1-2)", "(The Hunger Games, #1-3)": an omnibus of those places.
_RANGE = re.compile(r"\(([^()#]*?),?\s*#\s*(\d+)\s*-\s*(\d+)\)\s*$")


def range_of(titles: Sequence[str]) -> tuple[str, int, int] | None:
    """(series key, first, last) of an omnibus from the first of its titles that names its places, else None."""
    for title in titles:
        found = _RANGE.search(title)
        if found and found.group(1).strip() and int(found.group(2)) < int(found.group(3)):
            return normalize_title(found.group(1)), int(found.group(2)), int(found.group(3))
    return None


def place_of(titles: Sequence[str]) -> tuple[str, int] | None:
    """(series key, number) from the first of an item's titles that names its place, else None."""
    for title in titles:
        found = _PLACE.search(title)
        if found and found.group(1).strip():
            return normalize_title(found.group(1)), int(found.group(2))
    return None


@dataclass(frozen=True, eq=False)
class Places:
    """The series books of a universe: per series, (number, position) in order."""

    members: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Per series, the positions of its later books that are ways in too (see the module's note).
    ways_in: dict[str, frozenset[int]] = field(default_factory=dict)
    # The omnibuses: (series key, first place, last place, position) of "Mistborn Trilogy Boxed Set (Mistborn, #1-3)".
    omnibuses: tuple[tuple[str, int, int, int], ...] = ()

    @classmethod
    def of(cls, titles: Sequence[Sequence[str]], readers: Sequence[float] | np.ndarray | None = None,
           films: Sequence[Film | None] = ()) -> Places:
        """From each universe position's titles (title, then other titles) and, where known, how many
        people read each (the catalog's popularity); ``films`` (by position, None for what is not a film) adds
        the films numbered as sequels of another (film_sequels)."""
        members: dict[str, list[tuple[int, int]]] = {}
        omnibuses: list[tuple[str, int, int, int]] = []
        for p, names in enumerate(titles):
            found = place_of(names)
            if found is not None:
                members.setdefault(found[0], []).append((found[1], p))
            elif (parts := range_of(names)) is not None:
                omnibuses.append((*parts, p))
        for key, parts in (*film_sequels(films).items(), *film_franchises(films).items()):
            members.setdefault(key, []).extend(parts)
        for books in members.values():
            books.sort()
        ways_in = {key: _popular_later(books, readers) for key, books in members.items()} if readers is not None else {}
        return cls(members, ways_in, tuple(omnibuses))

    def within(self, key: str, first: int, last: int) -> list[int]:
        """The positions of a series' books from place ``first`` to ``last`` (an omnibus's parts)."""
        return [p for n, p in self.members.get(key, ()) if first <= n <= last]

    def holding(self, history: np.ndarray) -> list[int]:
        """The positions of the omnibuses that hold a book at ``history`` (positions): not the Hunger Games
        Trilogy Boxset to someone who read The Hunger Games; its next book is the recommendation."""
        held = set(np.asarray(history).tolist())
        return [p for key, first, last, p in self.omnibuses if held.intersection(self.within(key, first, last))]

    def out_of_order(self, history: np.ndarray) -> np.ndarray:
        """The positions of the books after the first of each series none of whose books is at ``history``
        (positions): not "Harry Potter and the Goblet of Fire" to someone who read none of them. A series
        started keeps all its books (the co-liked term puts the next one first)."""
        held = set(np.asarray(history).tolist())
        out: list[int] = []
        for key, books in self.members.items():
            if not any(p in held for _, p in books):
                first = _first(books)
                way_in = self.ways_in.get(key, frozenset())
                out += [p for n, p in books if n > first and p not in way_in]
        return np.asarray(out, dtype=np.int64)


def _first(books: list[tuple[int, int]]) -> int:
    """The number of a series' first book: #1 (or the lowest the catalog has), not a #0 prequel."""
    return min((n for n, _ in books if n >= 1), default=books[0][0])


def _popular_later(books: list[tuple[int, int]], readers: Sequence[float] | np.ndarray) -> frozenset[int]:
    """The later books read by at least as many people as the most read first book (SHORT_MARGIN times
    as many in a series shorter than LONG_SERIES)."""
    first = _first(books)
    base = max(float(readers[p]) for n, p in books if n == first)
    if base <= 0:  # (the first book is one of the person's own: no count to compare with)
        return frozenset()
    need = base * (1.0 if len(books) >= LONG_SERIES else SHORT_MARGIN)
    return frozenset(p for n, p in books if n > first and float(readers[p]) >= need)


class Film(NamedTuple):
    title: str
    year: int | None
    genres: tuple[str, ...]
    tags: tuple[str, ...] = ()  # keywords ("wizard", "sherlock holmes")
    creators: tuple[str, ...] = ()  # directors


# "Scream 2", "Psycho III", "Insidious: Chapter 3", "[REC]³", "Back to the Future Part II", "Piranha II: The
# Spawning": a title, then its number (2 to 12, Roman II to XII, ² ³), then perhaps a subtitle.
_ROMAN = {"ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10, "xi": 11, "xii": 12}
_NUMBERED = re.compile(r"^(?P<base>.+?)[\s:,-]*(?:\b(?:part|chapter)\s+)?(?:(?P<n>\b(?:[2-9]|1[0-2])\b)"
                       r"|\b(?P<roman>ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)\b|(?P<sup>[²³]))(?:\s*[:-].*)?$",
                       re.IGNORECASE)
SEQUEL_YEARS = 30  # a numbered title this long after the film of its base title is not its sequel


def film_sequels(films: Sequence[Film | None]) -> dict[str, list[tuple[int, int]]]:
    """Film series read from numbered titles, as (number, position) by series key: "Scream 2" (1997) follows
    "Scream" (1996), the film of its title without the number, earlier, sharing a genre ("Super 8" is no
    sequel of "Super": no genre in common). A person who has seen no film of such a series was offered
    Scream 2 and Psycho III while Scream and Psycho waited unwatched on their watchlist. What no number
    says (The Bourne Ultimatum, Ocean's Thirteen) is not read here."""
    first: dict[str, list[int]] = {}
    for p, film in enumerate(films):
        if film is not None:
            first.setdefault(normalize_title(film.title), []).append(p)
    out: dict[str, list[tuple[int, int]]] = {}
    for p, film in enumerate(films):
        found = _NUMBERED.match(film.title) if film is not None else None
        if film is None or found is None or film.year is None:
            continue
        base = normalize_title(found.group("base"))
        number = (int(found.group("n")) if found.group("n") else _ROMAN[found.group("roman").lower()]
                  if found.group("roman") else "  ²³".index(found.group("sup")))
        originals = [q for q in first.get(base, ()) if (b := films[q]) is not None and b.year is not None
                     and 0 < film.year - b.year <= SEQUEL_YEARS and set(b.genres) & set(film.genres)]
        if len(originals) == 1:
            series = out.setdefault(f"film: {base}", [(1, originals[0])])
            series.append((number, p))
    # A number past 2 with none between is rarely a place ("Game 6" is not The Game's sixth part).
    return {key: sorted({(n, p) for n, p in parts if n <= 2 or any(1 < m < n for m, _ in parts)})
            for key, parts in out.items()}


# "Harry Potter and the Chamber of Secrets", "Pirates of the Caribbean: Dead Man's Chest", "Alien: Covenant": the
# name of a film series, then the film's own.
_FRANCHISE = re.compile(r"^(?P<name>[^:]+?)\s*(?::|\s[-–—]\s)")
_AND_THE = re.compile(r"^(?P<name>.+?)\s+and\s+the\s")
_ARTICLES = frozenset("the a an".split())
# Years between two films of a series read from a shared name: after a longer pause, or under the same title
# again, it is a new start ("The Lord of the Rings" of 1978 and of 2001, "Batman" of 1966 and of 1989).
FRANCHISE_GAP = 12


def _franchise_name(title: str) -> str:
    found = _FRANCHISE.match(title)
    name = found.group("name") if found else ""
    # "Harry Potter and the ...", "Indiana Jones and the ...", not "The Princess and the Frog" (nor "Beauty")
    shorter = _AND_THE.match(name or title)
    if shorter and len([w for w in shorter.group("name").lower().split() if w not in _ARTICLES]) >= 2:
        name = shorter.group("name")
    return normalize_title(name) if name else ""


def _kin(a: Film, b: Film) -> bool:
    """Two films of one series: a genre shared, and a keyword or the director ("Ali" of 2001 and "Ali: Fear
    Eats the Soul" are dramas, and no more)."""
    return bool(set(a.genres) & set(b.genres)) and bool(
        {t.lower() for t in a.tags} & {t.lower() for t in b.tags} or set(a.creators) & set(b.creators))


def film_franchises(films: Sequence[Film | None]) -> dict[str, list[tuple[int, int]]]:
    """Film series read from a name their titles share, in the order of their years: "Harry Potter and the
    Deathly Hallows: Part 1" (2010) is the seventh of the "Harry Potter" films, "Alien: Covenant" follows
    "Alien". A person who had seen none was offered the seventh. Each film is kin (``_kin``) to one before it,
    at most FRANCHISE_GAP years after the one before it, and not of the same title as one ("Sherlock Holmes" of
    2009 starts again after the films of the 1940s). Stand-up specials ("Louis C.K.: Shameless") and
    documentaries of one name are no series."""
    dated = {p: film for p, film in enumerate(films) if film is not None and film.year is not None}
    year = {p: int(film.year or 0) for p, film in dated.items()}
    by_title: dict[str, list[int]] = {}
    named: dict[str, list[int]] = {}
    for p, film in dated.items():
        by_title.setdefault(normalize_title(film.title), []).append(p)
        name = _franchise_name(film.title)
        if name:
            named.setdefault(name, []).append(p)
    out: dict[str, list[tuple[int, int]]] = {}
    for name, parts in named.items():
        runs: list[list[int]] = []
        for q in sorted(set(parts) | set(by_title.get(name, ())), key=lambda q: (year[q], q)):
            run = runs[-1] if runs else []
            title = normalize_title(dated[q].title)
            if (run and year[q] - year[run[-1]] <= FRANCHISE_GAP
                    and all(normalize_title(dated[r].title) != title for r in run)
                    and any(_kin(dated[q], dated[r]) for r in run)):
                run.append(q)
            else:
                runs.append([q])
        for run in runs:
            if len(run) >= 2 and not all(set(dated[r].genres) <= {"Comedy", "Documentary"} for r in run):
                out[f"films: {name} {year[run[0]]}"] = list(enumerate(run, start=1))
    return out
