"""The StoryGraph export: read status, quarter-star ratings, several reading dates.

Also read when a spreadsheet has cut it down to a few columns (no Star Rating, dates
written M/D/YYYY, ISBNs in scientific notation).
"""

from __future__ import annotations

from collections.abc import Iterator

from app.core.stats import Viewing
from app.core.text import clean_text
from app.importers.csvfile import CsvFile
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format
from app.importers.values import DateOrder, parse_date, parse_isbn13

__all__ = ["FORMAT", "REQUIRED", "SCALE", "last_date", "matches", "read"]

SCALE = (0.25, 5.0)  # StoryGraph allows quarter stars
REQUIRED = ("Title", "Authors", "Read Status", "ISBN/UID")
DATE_COLUMNS = ("Last Date Read", "Date Added", "Dates Read")


def matches(header: list[str]) -> bool:
    return all(column in header for column in REQUIRED)


def last_date(dates_read: str | None, order: DateOrder = "mdy") -> str | None:
    """``"2025/01/01-2025/01/03;2025/02/05"`` -> ``"2025-02-05"``: the latest date named."""
    found = []
    for span in (dates_read or "").split(";"):
        for part in span.split("-") if span.count("/") >= 2 else [span]:
            date = parse_date(part.strip(), order)
            if date:
                found.append(date)
    return max(found) if found else None


def _tagged(tags: str | None, ctx: ReadContext, *, rated: bool, finished: bool) -> str:
    """The status of a row the export gives none: a tag that is one ("abandonados": IvanAlba97's Carrie was counted
    as read), else read."""
    for tag in (t.strip() for t in (tags or "").split(",")):
        if tag and ctx.shelf_meaning(tag, rated=rated, finished=finished) not in ("read", "shelved"):
            return tag
    return "read"


def read(csv_file: CsvFile, ctx: ReadContext) -> Iterator[ImportRow | Skip]:
    for row in csv_file.rows():
        line = csv_file.line
        title = clean_text(row.get("Title"))
        if not title:
            yield Skip(line, "no title")
            continue
        rating, valid = ctx.stars(row.get("Star Rating"))
        if not valid:
            yield Skip(line, "rating outside 0-5")
            continue
        finished = parse_date(row.get("Last Date Read"), ctx.date_order) or last_date(row.get("Dates Read"),
                                                                                     ctx.date_order)
        status = (row.get("Read Status") or "").strip() or _tagged(row.get("Tags"), ctx, rated=rating is not None,
                                                                   finished=finished is not None)
        fields = ctx.row_fields(status, rated=rating is not None, finished=finished is not None)
        if fields is None:
            yield Skip(line, f"with the status {status!r}, which you chose to skip")
            continue
        ctx.check_isbns(row.get("ISBN/UID"))
        authors = [clean_text(a) for a in (row.get("Authors") or "").split(",")]
        yield ImportRow(
            line=line,
            title=title,
            kind="book",
            creators=tuple(a for a in authors if a),
            rating=rating,
            scale=SCALE if rating is not None else None,
            consumed_at=None if fields.get("saved") or fields.get("not_interested") else finished,
            isbn13=parse_isbn13(row.get("ISBN/UID")),
            # Read once, on its last date read; a book read without a date counts, in no year.
            viewings=(Viewing(date=finished, rating=rating),) if fields.get("status") == "done" else (),
            raw=dict(row),
            **fields,  # type: ignore[arg-type]
        )


def _layout(header: list[str], filename: str) -> str:
    return "export" if "Star Rating" in header else f"export cut down to {len(header)} columns (no Star Rating)"


FORMAT = Format(
    name="storygraph", label="StoryGraph", kind="book", scale=SCALE,
    statuses="read; currently-reading; did-not-finish (counts a little against); to-read (saved for later)",
    recognised="its header names a StoryGraph export's columns (ISBN/UID, Read Status)",
    matches=matches, read=read, layout=_layout, date_columns=DATE_COLUMNS, order=20,
)
