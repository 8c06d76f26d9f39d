"""Issue 22.5: a quote never closed is reported; a review of several paragraphs, quoted as it should be,
is not (a tester's reviews.csv read cleanly by Python's csv module was said to have a quote opened on
line 20 and never closed)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from app.importers.csvfile import open_csv
from app.importers.detect import open_source

HEADER = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date"
# Paragraphs of a review hold as many commas as a row of the file, and more.
REVIEW = ("I went in expecting little, honestly, and came out, somehow, moved: the pacing, the score, the colour,"
          " the cast, the silences, all of it, works.\n\nA second paragraph rambles too, as reviews do, about the"
          " director, the writer, the editor, the gaffer, the caterer, the driver, and so on, and on.\nA third, short.")


def _reviews(review_at: int = 18, rows: int = 30) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER.split(","))
    for k in range(rows):
        writer.writerow([f"2021-01-{k % 28 + 1:02d}", f"Film {k}", 2000 + k % 20, f"https://boxd.it/x{k}", 3.5, "",
                         REVIEW if k == review_at else "Fine.", "", "2021-01-01"])
    return out.getvalue()


def _row(k: int, review: str) -> str:
    return f"2021-01-{k % 28 + 1:02d},Film {k},{2000 + k % 20},https://boxd.it/x{k},3.5,,{review},,2021-01-01\n"


def _notes(path: Path) -> tuple[int, dict[str, int]]:
    csv_file = open_csv(path)
    try:
        return sum(1 for _ in csv_file.rows()), dict(csv_file.notes)
    finally:
        csv_file.close()


def test_a_review_of_several_paragraphs_is_no_unclosed_quote(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    path.write_text(_reviews(), encoding="utf-8")
    assert len(list(csv.DictReader(path.open(encoding="utf-8")))) == 30  # the csv module reads it cleanly
    assert _notes(path) == (30, {})


def test_the_same_reviews_in_a_letterboxd_zip_give_no_note(tmp_path: Path) -> None:
    path = tmp_path / "letterboxd-me.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("reviews.csv", _reviews(review_at=0))
        zf.writestr("watched.csv", "Date,Name,Year,Letterboxd URI\n2021-01-01,Film 0,2000,https://boxd.it/x\n")
    source = open_source(path)
    try:
        rows = list(source.records)
    finally:
        source.close()
    assert len(rows) == 30 and not any("quote" in note for note in source.notes)


def test_a_quote_never_closed_is_still_reported(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    body = "".join(_row(k, "Fine") for k in range(5)) + _row(5, '"Great, but this quote is never closed')
    path.write_text(HEADER + "\n" + body + "".join(_row(k, "ok") for k in range(6, 30)), encoding="utf-8")
    rows, notes = _notes(path)
    assert rows == 6 and any(n.startswith("line 7: a quote opened there seems never") for n in notes)


def test_a_quote_closed_only_by_a_later_row_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "reviews.csv"
    body = ("".join(_row(k, "Fine") for k in range(5)) + _row(5, '"Great, but this quote is never closed')
            + "".join(_row(k, "ok") for k in range(6, 20)) + "".join(_row(k, '"Good, really"') for k in range(20, 30)))
    path.write_text(HEADER + "\n" + body, encoding="utf-8")
    _, notes = _notes(path)
    assert any(n.startswith("line 7: a quote opened there seems never") for n in notes)
