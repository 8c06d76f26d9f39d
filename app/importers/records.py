"""What every format reader yields, and the context it reads in."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

import ftfy

from app.core.stats import Viewing
from app.importers.shelves import classify, shelf_key
from app.importers.values import DateOrder, garbled_number, parse_float

__all__ = ["ImportRow", "ReadContext", "Skip", "mended"]


@dataclass(frozen=True)
class ImportRow:
    """One record read from a file, before matching to a catalog."""

    line: int
    title: str
    year: int | None = None
    edition_year: bool = False  # the year is the edition's, not the work's first (LibraryThing's Date)
    kind: str | None = None
    creators: tuple[str, ...] = ()
    rating: float | None = None
    scale: tuple[float, float] | None = None
    consumed_at: str | None = None
    imdb: str | None = None
    tmdb: str | None = None  # The Movie Database's film id (Trakt, a CSV of one's own)
    isbn13: str | None = None
    goodreads: str | None = None
    saved: bool = False  # want-to-read / watchlist: saved for later, not history
    liked: bool = False  # a "like" / heart in the source: also kept as feedback
    liked_only: bool = False  # liked, and the source never says it was watched or read: a like, not history
    not_interested: bool = False  # a not-interested shelf: a negative signal, never history
    status: str = "done"  # "done", "reading", "dnf" (did not finish) or "shelved"
    shelf: str | None = None  # the source's shelf or status name
    alt_titles: tuple[str, ...] = ()  # e.g. IMDb's Original Title
    # What the source says the work is about, kept on an item of the person's own (no catalog has it): its
    # text is then more than a title (Douban's genres and blurb).
    genres: tuple[str, ...] = ()
    description: str = ""
    # The source's own ids of this entry as "scheme:value" ("douban:1292052"): an item of the person's
    # own is found again by them, so a re-import updates it even under a changed title.
    alt_ids: tuple[str, ...] = ()
    # Each time it was watched or read, where the format says so (every Letterboxd diary entry, a book's
    # date read); empty for formats that do not: the statistics then count one viewing on consumed_at.
    viewings: tuple[Viewing, ...] = ()
    raw: dict[str, str] = field(default_factory=dict)
    place: int | None = None  # its number in a series, where the source names it ("Petirrojo (Harry Hole, #3)")
    series: str = ""  # the series' name, normalised, where the source names it beside the place ("harry hole")


# What is left of a dash ("–", UTF-8 e2 80 93) whose last bytes were lost on the way: "John Wick: Chapter 3 â��
# Parabellum", "Star Wars: Episode III âÂ Revenge of the Sith".
_DASH_LEFT = re.compile(r"\s*â[\ufffd\u0080-\u009f\u00a0Â]+\s*")


def mended(row: ImportRow) -> ImportRow:
    """The row's names with text once decoded in the wrong encoding read right: a spreadsheet re-saved a
    Letterboxd diary's "WALL·E" and "Amélie" as "WALLÂ·E" and "AmÃ©lie", which matched nothing, and both came
    back as recommendations. ftfy (well kept, conservative: "Amélie" and "霸王别姬" stay as they are)."""
    names = (row.title, *row.creators, *row.alt_titles)
    if all(n.isascii() for n in names):
        return row
    # Only the encoding is mended; a name with control characters is no mere mis-decoding, left as it is.
    fixed = [n if any(unicodedata.category(ch) == "Cc" for ch in n) else ftfy.fix_encoding(_DASH_LEFT.sub(" – ", n))
             for n in names]
    if fixed == list(names):
        return row
    k = len(row.creators)
    return replace(row, title=fixed[0], creators=tuple(fixed[1:1 + k]), alt_titles=tuple(fixed[1 + k:]))


@dataclass(frozen=True)
class Skip:
    line: int
    reason: str


@dataclass
class ReadContext:
    """How to read one file: the person's shelf meanings, the date order, and notes for the report."""

    shelves: dict[str, str] = field(default_factory=dict)  # shelf key -> meaning, from --shelf
    date_order: DateOrder = "mdy"
    notes: Counter[str] = field(default_factory=Counter)  # "what happened" -> rows

    def stars(self, text: str | None) -> tuple[float | None, bool]:
        """A book service's 0-5 stars, 0 meaning not rated: (rating or None, whether it is valid)."""
        rating = parse_float(text)
        if rating is not None and not 0 <= rating <= 5:
            return None, False
        return (None if rating == 0 else rating), True

    def check_isbns(self, *cells: str | None) -> None:
        if any(garbled_number(v) for v in cells):
            self.notes["ISBNs in scientific notation (the file went through a spreadsheet): not used"] += 1

    def shelf_meaning(self, shelf: str, *, rated: bool, finished: bool) -> str:
        """What a row on ``shelf`` is. A rating or a finish date on a shelf that says nothing
        (or says "to read") means the person read it; the --shelf choices always win."""
        meaning = classify(shelf, self.shelves)
        if meaning in ("shelved", "saved") and (rated or finished) and not self.overridden(shelf):
            return "read"
        return meaning

    def overridden(self, shelf: str) -> bool:
        return shelf_key(shelf) in self.shelves

    def row_fields(self, shelf: str, *, rated: bool, finished: bool) -> dict[str, object] | None:
        """ImportRow fields for a row on ``shelf``; None when the person asked to skip the shelf."""
        meaning = self.shelf_meaning(shelf, rated=rated, finished=finished)
        name = shelf.strip() or None
        return {
            "read": {"status": "done", "shelf": name},
            "reading": {"status": "reading", "shelf": name},
            "saved": {"saved": True, "shelf": name},
            "dnf": {"status": "dnf", "shelf": name},
            "not-interested": {"not_interested": True, "shelf": name},
            "shelved": {"status": "shelved", "shelf": name},
            "skip": None,
        }[meaning]
