"""goodbooks-10k read into catalog items (the bundled book catalog) and interactions.

``books.csv`` gives titles, authors, years, ids and rating counts; ``book_tags.csv`` with
``tags.csv`` give the Goodreads shelves readers put each book on, from which genres and
descriptive tags are taken (shelves such as "to-read", "owned", "kindle", "favorites",
years and languages say nothing about the book and are left out); ``ratings.csv`` gives
who rated what (the data set's first release: no timestamps, some duplicate pairs).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import numpy as np

from app.core.text import clean_text, series_name, strip_series
from app.core.types import Item
from app.importers.files import read_table
from app.importers.values import parse_isbn13
from app.lab.movielens import Interactions

__all__ = ["SHELF_GENRES", "read_books", "read_ratings", "read_shelves", "shelf_labels"]

_REQUIRED = ("book_id", "goodreads_book_id", "authors", "original_publication_year", "title", "ratings_count")

# Shelf names that say which genre a book is: shelf -> genres (a few name two).
SHELF_GENRES: dict[str, tuple[str, ...]] = {
    **{s: ("Fantasy",) for s in ("fantasy", "high-fantasy", "epic-fantasy", "fantasy-fiction", "sword-and-sorcery")},
    **{s: ("Science fiction",) for s in ("science-fiction", "sci-fi", "scifi", "sf", "sci-fi-books")},
    **{s: ("Science fiction", "Fantasy") for s in ("sci-fi-fantasy", "fantasy-sci-fi", "scifi-fantasy", "sff",
                                                   "science-fiction-fantasy", "fantasy-scifi", "sci-fi-and-fantasy",
                                                   "sf-fantasy", "speculative-fiction")},
    **{s: ("Romance",) for s in ("romance", "contemporary-romance", "romantic", "romance-novels")},
    **{s: ("Romance", "Paranormal") for s in ("paranormal-romance", "pnr")},
    "historical-romance": ("Romance", "Historical fiction"),
    **{s: ("Mystery",) for s in ("mystery", "mysteries", "murder-mystery", "cozy-mystery", "detective", "whodunit",
                                 "mystery-suspense")},
    **{s: ("Mystery", "Thriller") for s in ("mystery-thriller", "mystery-thrillers", "thriller-mystery")},
    **{s: ("Thriller",) for s in ("thriller", "thrillers", "suspense", "psychological-thriller",
                                  "suspense-thriller", "thriller-suspense")},
    **{s: ("Crime",) for s in ("crime", "crime-fiction", "noir", "mystery-crime", "crime-mystery",
                               "crime-thriller")},
    **{s: ("Horror",) for s in ("horror", "scary")},
    **{s: ("Historical fiction",) for s in ("historical-fiction", "historical", "hist-fic")},
    **{s: ("Young adult",) for s in ("young-adult", "ya", "ya-fiction", "teen", "ya-lit", "young-adult-fiction",
                                     "teen-fiction", "ya-books")},
    "ya-fantasy": ("Young adult", "Fantasy"),
    **{s: ("Children's",) for s in ("children", "childrens", "children-s", "kids", "children-s-books",
                                    "childrens-books", "juvenile", "middle-grade", "picture-books", "kids-books",
                                    "children-s-literature", "childrens-lit", "juvenile-fiction")},
    **{s: ("Classics",) for s in ("classics", "classic", "classic-literature", "classic-fiction", "clàssics")},
    **{s: ("Literary fiction",) for s in ("literary-fiction", "literature", "literary")},
    **{s: ("Contemporary",) for s in ("contemporary", "contemporary-fiction", "realistic-fiction")},
    **{s: ("Non-fiction",) for s in ("non-fiction", "nonfiction", "non-fic")},
    **{s: ("Biography",) for s in ("biography", "memoir", "memoirs", "autobiography", "biographies",
                                   "biography-memoir", "memoir-biography")},
    "history": ("History",),
    **{s: ("Science",) for s in ("science", "popular-science")},
    "philosophy": ("Philosophy",),
    "psychology": ("Psychology",),
    **{s: ("Religion",) for s in ("religion", "christian", "christianity", "faith", "spirituality",
                                  "christian-fiction")},
    **{s: ("Self-help",) for s in ("self-help", "self-improvement", "personal-development")},
    **{s: ("Business",) for s in ("business", "economics", "finance")},
    "politics": ("Politics",),
    "travel": ("Travel",),
    "poetry": ("Poetry",),
    **{s: ("Humor",) for s in ("humor", "humour", "funny", "comedy", "humorous")},
    **{s: ("Graphic novels",) for s in ("graphic-novels", "graphic-novel", "comics", "manga", "comic-books")},
    **{s: ("Short stories",) for s in ("short-stories", "short-story", "anthology", "anthologies")},
    **{s: ("Dystopian",) for s in ("dystopian", "dystopia", "post-apocalyptic", "apocalyptic")},
    **{s: ("Paranormal",) for s in ("paranormal", "supernatural")},
    "urban-fantasy": ("Fantasy", "Urban fantasy"),
    **{s: ("Adventure",) for s in ("adventure", "action-adventure")},
    **{s: ("War",) for s in ("war", "military", "world-war-ii", "wwii")},
    **{s: ("Chick lit",) for s in ("chick-lit", "chicklit", "women-s-fiction")},
    "new-adult": ("New adult",),
    "mythology": ("Mythology",),
    "magical-realism": ("Magical realism",),
    "plays": ("Plays",),
}

# Words in shelf names that say something about the reader, not the book.
_META_WORDS = frozenset("""
    to read reads reading re reread rereads own owned owns mine my i me have had kindle nook ebook ebooks e book books
    audio audiobook audiobooks audible library libraries buy bought purchased wish wishlist want wanted tbr favorite
    favorites favourite favourites fav favs faves default shelf shelves bookshelf shelfari calibre overdrive borrowed
    finished dnf unfinished abandoned star stars series arc arcs netgalley goodreads challenge club clubs group school
    college class reviewed review recommended recommend maybe later gave couldn didn t s never hardcover paperback
    listened collection general other english spanish french german italian dutch russian japanese portuguese
    translated currently hold paused unlimited free signed gift personal home misc stuff all time must best top
    giveaway giveaways first reads owned-books lit fiction novel novels adult adults part in of the and a on for
    done did not kobo physical copy copies pdf epub mobi used sold donated lent loaned borrow check checked out
    recs rec list lists tbr-pile pile soon next someday book-club bookclub kids-books stand alone standalone
    standalones rory gilmore
""".split())
_MAX_TAGS = 8
_MAX_GENRES = 6


def _year(text: str) -> int | None:
    try:
        year = int(float(text))
    except (TypeError, ValueError):
        return None
    return year if 0 < year < 2100 else None


def _isbn13(isbn10: str) -> str | None:
    # The CSV went through a spreadsheet once: leading zeros of ISBN-10s are gone, and the
    # isbn13 column is in scientific notation (its last digits lost), so rebuild from isbn.
    digits = (isbn10 or "").strip()
    if not digits or not re.fullmatch(r"[0-9]{1,9}[0-9Xx]", digits):
        return None
    return parse_isbn13(digits.zfill(10))


def read_shelves(book_tags: Path, tags: Path, books: Path) -> dict[str, list[tuple[str, int]]]:
    """Shelves by book_id as (shelf name, readers), most used first. book_tags.csv names books by
    goodreads_book_id, so the join goes through books.csv (some Goodreads ids are also book_ids)."""
    names = {r["tag_id"]: r["tag_name"] for r in read_table(tags, ("tag_id", "tag_name"))}
    book_of = {r["goodreads_book_id"]: r["book_id"] for r in read_table(books, ("book_id", "goodreads_book_id"))}
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for row in read_table(book_tags, ("goodreads_book_id", "tag_id", "count")):
        book, name = book_of.get(row["goodreads_book_id"]), names.get(row["tag_id"])
        n = int(row["count"] or 0)
        if book is None or not name or n <= 0:
            continue
        counts[book][name] = max(n, counts[book].get(name, 0))  # the file repeats a few pairs
    return {b: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for b, c in counts.items()}


def _descriptive(shelf: str) -> bool:
    """A shelf name that describes the book ("time-travel", "dragons"), not the reader's copy or plans."""
    words = [w for w in re.split(r"[^a-z0-9]+", shelf.casefold()) if w]
    return bool(words) and len(shelf) >= 3 and not any(w in _META_WORDS or w.isdigit() or len(w) < 2 for w in words)


def shelf_labels(shelves: list[tuple[str, int]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(genres, tags) of a book from its shelves: genres that at least a tenth as many readers
    shelved it under as its most common genre; descriptive tags used by at least 2% of its
    most common shelf's readers."""
    genre_count: dict[str, int] = {}
    for name, n in shelves:
        for genre in SHELF_GENRES.get(name.casefold(), ()):
            genre_count[genre] = genre_count.get(genre, 0) + n
    top = max(genre_count.values(), default=0)
    genres = tuple(g for g, n in sorted(genre_count.items(), key=lambda kv: (-kv[1], kv[0]))
                   if n >= 0.1 * top)[:_MAX_GENRES]
    most = shelves[0][1] if shelves else 0
    tags = tuple(name.replace("-", " ") for name, n in shelves
                 if n >= 0.02 * most and name.casefold() not in SHELF_GENRES and _descriptive(name))[:_MAX_TAGS]
    return genres, tags


def _names(authors: str) -> list[str]:
    """Each name once, its spaces single ("Betty  Smith"): goodbooks credits some twice ("Louis Sachar, Louis
    Sachar" on Holes)."""
    return list(dict.fromkeys(" ".join(a.split()) for a in authors.split(",") if a.strip()))


INTRODUCED = 25  # years before a co-author's first book of their own: theirs is the introduction


def credited(names: list[str], writers: Mapping[str, int | None], year: int | None = None) -> tuple[str, ...]:
    """The authors a reader would name: the first, and the others who are the first author of a book of
    their own in the catalog (a co-author such as Neil Gaiman on Good Omens). goodbooks lists illustrators,
    translators and the writers of forewords beside the author ("J.K. Rowling, Mary GrandPré"), and the
    explanation panel showed them as authors. ``writers`` maps each first author to the year of their
    earliest book in the catalog: one whose own books began INTRODUCED years or more after this book
    wrote its foreword (Neil Gaiman on The Stars My Destination, 1955; Jeffrey Eugenides on The Picture of
    Dorian Gray), and "another book by Neil Gaiman" would be false of it."""
    def author(name: str) -> bool:
        if name not in writers:
            return False
        first = writers[name]
        return year is None or first is None or year > first - INTRODUCED
    return tuple(names[:1]) + tuple(n for n in names[1:] if author(n))


def read_books(path: Path, *, shelves: Mapping[str, list[tuple[str, int]]] | None = None) -> list[Item]:
    rows = read_table(path, _REQUIRED, hint="Point --source at goodbooks-10k (its books.csv).")
    years: dict[str, list[int]] = {}  # each first author's books' years
    for r in rows:
        names, year = _names(r["authors"]), _year(r["original_publication_year"])
        if names:
            years.setdefault(names[0], []).extend([year] if year is not None else [])
    writers = {name: min(found, default=None) for name, found in years.items()}
    items = []
    for row in sorted(rows, key=lambda r: int(r["book_id"])):
        full = clean_text(row["title"])
        title = strip_series(full)
        original = clean_text(row.get("original_title"))
        series = series_name(full)
        alts = tuple(dict.fromkeys(t for t in (original, full) if t and t != title))
        # A Goodreads export names the edition the person shelved: the catalog's edition, the
        # best-known edition of the work, or (rarely in exports) the work itself.
        book_id, best = row["goodreads_book_id"].strip(), (row.get("best_book_id") or "").strip()
        ids = [f"goodreads:{best}"] if best and best != book_id else []
        if (row.get("work_id") or "").strip():
            ids.append(f"goodreads-work:{row['work_id'].strip()}")
        genres, tags = shelf_labels((shelves or {}).get(row["book_id"], []))
        series_tag = (f"{series} series",) if series else ()
        # A shelf named after the book, its series or its author says nothing new ("hunger games").
        known = set(re.findall(r"[a-z0-9]+", f"{full} {original} {row['authors']}".casefold()))
        tags = tuple(t for t in tags if not set(re.findall(r"[a-z0-9]+", t.casefold())) <= known)
        items.append(
            Item(
                catalog="",
                source_key=row["book_id"],
                kind="book",
                title=title,
                year=_year(row["original_publication_year"]),
                creators=credited(_names(row["authors"]), writers, _year(row["original_publication_year"])),
                genres=genres,
                tags=series_tag + tuple(t for t in tags if t not in series_tag)[: _MAX_TAGS - len(series_tag)],
                alt_titles=alts,
                goodreads=book_id or None,
                isbn13=_isbn13(row.get("isbn", "")),
                popularity=int(float(row["ratings_count"] or 0)),
                alt_ids=tuple(ids),
            )
        )
    return items


def read_ratings(path: Path) -> Interactions:
    """ratings.csv (book_id, user_id, rating): one rating per (reader, book), the last one kept.
    There are no timestamps (all 0): evaluation holds out a random part instead of the latest."""
    rows = read_table(path, ("book_id", "user_id", "rating"))
    last: dict[tuple[str, str], tuple[int, float]] = {}
    for n, row in enumerate(rows):
        last[(row["user_id"], row["book_id"])] = (n, float(row["rating"]))
    users = sorted({u for u, _ in last}, key=lambda u: (len(u), u))
    index = {u: k for k, u in enumerate(users)}
    pairs = sorted(last.items(), key=lambda kv: kv[1][0])
    return Interactions(
        users=np.array([index[u] for (u, _), _ in pairs], dtype=np.int64),
        items=np.array([b for (_, b), _ in pairs], dtype=object),
        ratings=np.array([r for _, (_, r) in pairs], dtype=np.float32),
        timestamps=np.zeros(len(pairs), dtype=np.int64),
        user_keys=tuple(users),
    )
