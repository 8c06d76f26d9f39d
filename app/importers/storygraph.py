"""The StoryGraph export: read status, star ratings, several reading dates."""

from __future__ import annotations

from collections.abc import Iterator

from app.core.text import clean_text
from app.importers.csvfile import CsvFile
from app.importers.generic import ImportRow, Skip
from app.importers.values import parse_date, parse_float, parse_isbn13

__all__ = ["FORMAT", "matches", "read"]

FORMAT = "storygraph"
REQUIRED = ("Title", "Authors", "Read Status", "Star Rating")


def matches(header: list[str]) -> bool:
    return all(column in header for column in REQUIRED) and "ISBN/UID" in header


def last_date(dates_read: str | None) -> str | None:
    """``"2025/01/01-2025/01/03;2025/02/05"`` -> ``"2025-02-05"``: the latest date named."""
    found = []
    for span in (dates_read or "").split(";"):
        for part in span.split("-") if span.count("/") >= 2 else [span]:
            date = parse_date(part.strip())
            if date:
                found.append(date)
    return max(found) if found else None


def read(csv_file: CsvFile) -> Iterator[ImportRow | Skip]:
    for row in csv_file.rows():
        line = csv_file.line
        title = clean_text(row.get("Title"))
        if not title:
            yield Skip(line, "no title")
            continue
        status = (row.get("Read Status") or "read").strip().lower()
        rating = parse_float(row.get("Star Rating"))
        if rating is not None and not 0 <= rating <= 5:
            yield Skip(line, "rating outside 0-5")
            continue
        if rating == 0:
            rating = None
        authors = [clean_text(a) for a in (row.get("Authors") or "").split(",")]
        yield ImportRow(
            line=line,
            title=title,
            kind="book",
            creators=tuple(a for a in authors if a),
            rating=rating,
            scale=(0.5, 5.0) if rating is not None else None,
            consumed_at=parse_date(row.get("Last Date Read")) or last_date(row.get("Dates Read")),
            isbn13=parse_isbn13(row.get("ISBN/UID")),
            saved=status in ("to-read", "to read"),
            status={"did-not-finish": "dnf", "currently-reading": "reading", "paused": "reading"}.get(
                status, "done"
            ),
            raw=dict(row),
        )
