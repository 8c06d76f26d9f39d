"""LibraryThing: the tab-separated export (the older 41 columns, the newer ones with Media, Barcode and
lending, and the oldest with quoted capitals, 'TITLE' 'AUTHOR (last, first)') and the JSON export.

Ratings are half stars (0.5-5; 0 or empty is unrated). What a book is comes from its Collections:
"Currently reading" is reading, "To read" and "Wishlist" saved for later, "Read but unowned" and
"Favorites" read, and "Your library" alone says only that the book is owned: rated or with a Date
Read it counts as read, else as shelved (a weak signal, offered for re-mapping in the report). A tag
that names a status ("to-read", "a_lire") counts when the collections say nothing more. ISBNs come in
brackets ("[0596101996]"), authors as "Surname, First"; a few stray bytes are read as Windows-1252
without losing the row.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from app.core.errors import InputError
from app.core.stats import Viewing
from app.core.text import clean_text
from app.importers.csvfile import CsvFile
from app.importers.files import looks_like_json, parse_json, read_document
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format, Opened
from app.importers.shelves import classify
from app.importers.values import parse_date, parse_float, parse_isbn13, parse_year

__all__ = ["FORMAT", "SCALE", "claims", "flip_name", "layout", "matches", "open_json", "read"]

SCALE = (0.5, 5.0)
_LIBRARY = "Your library"
# Which collection decides, when a book is in several: the first meaning in this order.
_RANK = ("reading", "read", "dnf", "not-interested", "saved", "shelved", "skip")
_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("book id",), "title": ("title",), "author": ("primary author", "author (first, last)",
                                                        "author (last, first)", "author"),
    "rating": ("rating", "stars"), "date": ("date", "publication date"), "read": ("date read", "date ended"),
    "started": ("date started",), "entry": ("entry date", "date entered"), "collections": ("collections",),
    "tags": ("tags",), "isbn": ("isbn",), "isbns": ("isbns",), "work": ("work id",),
    "pages": ("page count", "pages"),
}


def _norm(name: str) -> str:
    return " ".join(name.strip().strip("'\"").casefold().replace("_", " ").split())


def _columns(header: list[str]) -> dict[str, str]:
    by_norm = {_norm(h): h for h in reversed(header)}
    return {field: next(by_norm[n] for n in names if n in by_norm)
            for field, names in _COLUMNS.items() if any(n in by_norm for n in names)}


def matches(header: list[str]) -> bool:
    found = _columns(header)
    names = {_norm(h) for h in header}
    return ({"id", "title", "author"} <= set(found)
            and bool(names & {"primary author", "author (last, first)", "author (first, last)"})
            and bool(names & {"collections", "isbns", "work id"}))


def layout(header: list[str], filename: str) -> str:
    if any(h.strip().startswith("'") for h in header):
        return f"the oldest tab-separated export ({len(header)} columns)"
    newer = {"media", "barcode", "lending status", "from where"} & {_norm(h) for h in header}
    return f"tab-separated export, {'newer' if newer else 'older'} columns ({len(header)})"


def flip_name(name: str) -> str:
    """"Covey, Stephen R." -> "Stephen R. Covey"; a name without one comma stays as it is. LibraryThing's spelled-out
    initials and roles go: "Naipaul, V. S. (Vidiadhar Surajprasad)" -> "V. S. Naipaul"."""
    name = clean_text(re.sub(r"\s*\([^()]*\)", "", name))
    if name.count(",") == 1:
        last, first = (p.strip() for p in name.split(","))
        if first and last and not first.lower().startswith(("jr", "sr")):
            return f"{first} {last}"
    return name


def _meaning(names: Sequence[str], tags: Sequence[str], ctx: ReadContext) -> str:
    """The collection (or tag) that says what the book is, by _RANK; "Your library" when none says more."""
    # "Your library" says only that the book is owned: another collection it is in says more.
    found = [(classify(n, ctx.shelves), n) for n in names if n and n.casefold() != _LIBRARY.casefold()]
    if not found:
        found = [(classify(_LIBRARY, ctx.shelves), _LIBRARY)]
    best = min(found, key=lambda m: _RANK.index(m[0]))
    if best[0] == "shelved" and not ctx.overridden(best[1]):
        said = [(classify(t, ctx.shelves), t) for t in tags if t]
        said = [m for m in said if m[0] in ("reading", "read", "dnf", "saved")]
        if said:
            return min(said, key=lambda m: _RANK.index(m[0]))[1]
    return best[1]


def _bracketed(text: Any) -> str:
    return str(text or "").strip().strip("[]").strip()


def _row(line: int, get: Mapping[str, Any], ctx: ReadContext, raw: dict[str, str]) -> ImportRow | Skip:
    title = clean_text(str(get.get("title") or ""))
    if not title:
        return Skip(line, "no title")
    rating = parse_float(str(get.get("rating") or ""))
    if rating == 0:
        rating = None
    if rating is not None and not 0.5 <= rating <= 5:
        return Skip(line, "rating outside 0.5-5")
    date_read = parse_date(_bracketed(get.get("read")), "mdy")
    collections = _list(get.get("collections"))
    tags = _list(get.get("tags"))
    shelf = _meaning(collections, tags, ctx)
    fields = ctx.row_fields(shelf, rated=rating is not None, finished=date_read is not None)
    if fields is None:
        return Skip(line, f"in the collection {shelf!r}, which you chose to skip")
    if shelf in tags:
        ctx.notes[f"books only in '{_LIBRARY}' read by their tag ({shelf})"] += 1
    isbns = [get.get("isbn"), *(_list(get.get("isbns")))]
    isbn13 = next((i for i in (parse_isbn13(_bracketed(x)) for x in isbns if x) if i), None)
    ctx.check_isbns(*(str(x) for x in isbns if x))
    started = parse_date(_bracketed(get.get("started")), "mdy")
    entry = parse_date(_bracketed(get.get("entry")), "mdy")
    status = fields.get("status")
    when = date_read if status == "done" and date_read else (started or entry) if status == "reading" else \
        (entry if status == "done" else None)
    book_id, work = str(get.get("id") or "").strip(), str(get.get("work") or "").strip()
    ids = ((f"librarything:{book_id}",) if book_id.isdigit() else ()) + \
        ((f"librarything-work:{work}",) if work.isdigit() else ())
    # Several authors in one cell: "Roubaud, Jacques ; Delay, Florence", each flipped (a role's parenthesis, which
    # may hold semicolons of its own, gone first).
    cell = re.sub(r"\s*\([^()]*\)", "", str(get.get("author") or ""))
    authors = tuple(a for a in (flip_name(p) for p in cell.split(";")) if a)
    return ImportRow(
        line=line, title=title, year=parse_year(str(get.get("date") or "")), edition_year=True,
        kind="book",
        creators=authors, rating=rating, scale=SCALE if rating is not None else None,
        consumed_at=None if fields.get("saved") or fields.get("not_interested") else when,
        isbn13=isbn13, alt_ids=ids, raw=raw,
        # Read once, on its Date Read; one without counts in no year. Its Entry Date (when it was catalogued) still
        # orders the history, but "Your year" said mmai read 724 books in 2006, the year the library was entered.
        viewings=(Viewing(date=date_read, rating=rating, pages=_pages(get.get("pages"))),) if status == "done" else (),
        **fields,  # type: ignore[arg-type]
    )


def _pages(text: Any) -> int | None:
    found = re.match(r"\s*(\d+)", str(text or ""))
    return int(found.group(1)) if found and int(found.group(1)) > 0 else None


def _list(value: Any) -> list[str]:
    if isinstance(value, list | tuple):
        return [clean_text(str(v)) for v in value if v not in (None, "")]
    if isinstance(value, dict):
        return [clean_text(str(v)) for v in value.values() if v not in (None, "")]
    return [clean_text(p) for p in re.split(r"\s*,\s*", str(value or "")) if p.strip()]


def read(csv_file: CsvFile, ctx: ReadContext) -> Iterator[ImportRow | Skip]:
    columns = _columns(csv_file.header)
    for row in csv_file.rows():
        get = {field: row.get(column, "") for field, column in columns.items()}
        yield _row(csv_file.line, get, ctx, {k: v for k, v in row.items() if v and k not in ("Summary",)})


# -- the JSON export -----------------------------------------------------------------------------------

_SNIFF = 64 << 10


def claims(path: Path, limits: Limits = LIMITS) -> str | None:
    if not looks_like_json(path):
        return None
    with path.open("rb") as f:
        head = f.read(_SNIFF)
    if b'"books_id"' in head or (b'"primaryauthor"' in head and b'"title"' in head):
        return "its JSON holds LibraryThing's books (books_id, primaryauthor, collections)"
    return None


def _json_fields(book: dict[str, Any]) -> dict[str, Any]:
    authors = book.get("authors") if isinstance(book.get("authors"), list) else []
    first = next((a for a in authors if isinstance(a, dict)), {})
    isbn = book.get("isbn")
    isbns = _list(isbn) if isbn else []
    return {
        "id": book.get("books_id"), "title": book.get("title"),
        "author": first.get("fl") or book.get("primaryauthor") or first.get("lf"),
        "rating": book.get("rating"), "date": book.get("date"), "read": book.get("dateread"),
        "started": book.get("datestarted"), "entry": book.get("entrydate"),
        "collections": book.get("collections"), "tags": book.get("tags"),
        "isbn": book.get("originalisbn"), "isbns": isbns, "work": book.get("workcode"),
    }


def open_json(paths: Sequence[Path], shelves: dict[str, str], limits: Limits = LIMITS) -> list[Opened]:
    out = []
    for path in paths:
        data = parse_json(read_document(path, limits), path.name)
        books = list(data.values()) if isinstance(data, dict) else data if isinstance(data, list) else None
        if books is None:
            raise InputError(f"{path.name} is not LibraryThing's JSON export (no list of books).")
        notes: Counter[str] = Counter()
        ctx = ReadContext(shelves=shelves, notes=notes)
        done = [0]

        def records(books: list[Any] = books, ctx: ReadContext = ctx, done: list[int] = done
                    ) -> Iterator[ImportRow | Skip]:
            for line, book in enumerate(books, 1):
                done[0] = line
                if not isinstance(book, dict):
                    yield Skip(line, "not a book record")
                    continue
                raw = {k: str(v)[:500] for k, v in book.items() if v not in (None, "", [], {})
                       and k not in ("summary", "subject", "ddc", "lcc")}
                yield _row(line, _json_fields(book), ctx, raw)

        out.append(Opened(records=records(), paths=(path,), layout="JSON export",
                          why="its JSON holds LibraryThing's books (books_id, primaryauthor, collections)",
                          kind="book", size=len(books), position=lambda done=done: done[0], encoding="json",
                          notes=notes))
    return out


FORMAT = Format(
    name="librarything", label="LibraryThing", kind="book", scale=SCALE, suffixes=(".tsv", ".csv", ".json"),
    statuses="Currently reading: reading; To read, Wishlist: saved for later; Read but unowned, Favorites: read;"
             " Your library alone: read if rated or dated, else shelved",
    recognised="its header names LibraryThing's columns (Book Id, Primary Author, Collections, ISBNs)",
    matches=matches, read=read, layout=layout, date_columns=("Date Read", "Entry Date"),
    claims=claims, open=open_json, order=35,
)
