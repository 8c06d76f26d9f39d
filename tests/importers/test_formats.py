"""Each export format read on its own: quirks, detection, hostile archives."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.importers.detect import open_source
from app.importers.formats.generic import ImportRow, Skip
from app.importers.formats.storygraph import last_date
from app.importers.limits import Limits
from tests.fixtures.exports.make_exports import letterboxd_files

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def _records(path: Path, **kw: object) -> tuple[str, list[ImportRow], list[Skip]]:
    source = open_source(path, **kw)  # type: ignore[arg-type]
    try:
        records = list(source.records)
    finally:
        source.close()
    return (source.format, [r for r in records if isinstance(r, ImportRow)],
            [r for r in records if isinstance(r, Skip)])


def write_zip(path: Path, files: dict[str, str | bytes], *, prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(prefix + name, data)
    return path


@pytest.mark.parametrize("name", ["goodreads_library_export.csv", "goodreads_library_export_31.csv"])
def test_goodreads_both_layouts(name: str) -> None:
    fmt, rows, skips = _records(EXPORTS / name)
    assert fmt == "goodreads" and not skips and len(rows) == 50
    by_title = {r.title: r for r in rows}
    hunger = by_title["The Hunger Games"]  # the series suffix goes
    assert (hunger.isbn13, hunger.goodreads, hunger.rating, hunger.scale) == ("9780439023481", "2767052", 5, (1, 5))
    assert hunger.creators == ("Suzanne Collins",) and hunger.kind == "book"
    assert by_title["Life of Pi"].rating is None  # My Rating 0 = not rated
    assert by_title["Circe"].saved and by_title["The Midnight Library"].status == "reading"
    assert by_title["Harry Potter and the Sorcerer's Stone"].consumed_at == "2011-02-02"  # YYYY/MM/DD
    assert by_title["Snow Crash"].isbn13 is None  # ="" cells


def test_storygraph_statuses_and_dates() -> None:
    fmt, rows, _ = _records(EXPORTS / "storygraph_export.csv")
    by_title = {r.title: r for r in rows}
    assert fmt == "storygraph"
    assert by_title["Gone Girl"].status == "dnf"
    assert by_title["Circe"].saved
    assert by_title["Piranesi"].status == "reading" and by_title["Twilight"].status == "reading"
    assert by_title["The Left Hand of Darkness"].consumed_at == "2023-07-02"
    assert by_title["Dune"].rating == 4.5 and by_title["Dune"].scale == (0.25, 5)  # quarter stars
    assert last_date("2025/01/01-2025/01/03;2025/02/05") == "2025-02-05"


def test_a_storygraph_row_with_no_status_takes_a_tag_that_is_one(tmp_path: Path) -> None:
    """IvanAlba97's Carrie has no Read Status and the tag "abandonados": it was counted as read."""
    lines = (EXPORTS / "storygraph_export.csv").read_text(encoding="utf-8").splitlines()[:2]
    lines += ["Carrie,Stephen King,,,audio,,,,,,,,,,,,,,,,,abandonados,No",
              "It,Stephen King,,,audio,,,,,,,,,,,,,4.0,,,,horror,No"]
    path = tmp_path / "storygraph_export.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, rows, _ = _records(path)
    by_title = {r.title: r for r in rows}
    assert by_title["Carrie"].status == "dnf" and by_title["Carrie"].shelf == "abandonados"
    assert by_title["It"].status == "done" and by_title["Dune"].status == "done"


@pytest.mark.parametrize("name", ["imdb_ratings.csv", "imdb_ratings_old.csv"])
def test_imdb_both_layouts(name: str) -> None:
    fmt, rows, _ = _records(EXPORTS / name)
    by_title = {r.title: r for r in rows}
    assert fmt == "imdb"
    matrix = by_title["The Matrix"]
    assert (matrix.imdb, matrix.year, matrix.rating, matrix.scale, matrix.kind) == ("133093", 1999, 10, (1, 10), "film")
    assert matrix.consumed_at == "2019-05-04" and matrix.creators == ("Lana Wachowski", "Lilly Wachowski")
    assert by_title["Breaking Bad"].kind == "other"


def test_letterboxd_merges_one_film_across_files(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "letterboxd.zip", letterboxd_files(), prefix="letterboxd-user-2024/")
    fmt, rows, skips = _records(path)
    by_title = {r.title: r for r in rows}
    assert fmt == "letterboxd" and not skips
    assert set(by_title) == {"The Matrix", "Alien", "Blade Runner", "Heat", "Aliens"}
    matrix = by_title["The Matrix"]
    assert (matrix.rating, matrix.consumed_at, matrix.liked, matrix.saved) == (5, "2024-05-30", True, False)
    assert by_title["Alien"].rating == 4.5 and by_title["Alien"].consumed_at == "2023-03-02"
    assert by_title["Blade Runner"].rating == 3.5
    assert by_title["Heat"].rating is None and not by_title["Heat"].saved  # watched beats watchlist
    assert by_title["Aliens"].saved and by_title["Aliens"].consumed_at is None


def test_letterboxd_films_outside_a_kept_diary_were_seen_on_no_known_date(tmp_path: Path) -> None:
    """Letterboxd's year in review counts the diary: a back catalogue marked watched in one April was not
    all seen that April. Without any diary, the date a film was logged is all there is."""
    diary = "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2021-04-20,Heat,1995,u1,4,,,2021-04-19\n"
    watched = ("Date,Name,Year,Letterboxd URI\n2021-04-13,Heat,1995,w1\n2021-04-13,Alien,1979,w2\n"
               "2021-04-13,Jaws,1975,w3\n")
    _, rows, _ = _records(write_zip(tmp_path / "with-diary.zip", {"diary.csv": diary, "watched.csv": watched}))
    dates = {r.title: [v.date for v in r.viewings] for r in rows}
    assert dates == {"Heat": ["2021-04-19"], "Alien": [None], "Jaws": [None]}
    _, rows, _ = _records(write_zip(tmp_path / "no-diary.zip", {"watched.csv": watched}))
    assert {r.title: [v.date for v in r.viewings] for r in rows} == {
        "Heat": ["2021-04-13"], "Alien": ["2021-04-13"], "Jaws": ["2021-04-13"]}


def test_letterboxd_ignores_traversal_names(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = dict(letterboxd_files())
    files["../../evil/diary.csv"] = "Date,Name,Year,Letterboxd URI\n2020-01-01,Evil,2000,x\n"
    files["/abs/ratings.csv"] = "Date,Name,Year,Letterboxd URI,Rating\n2020-01-01,Evil,2000,x,5\n"
    path = write_zip(tmp_path / "export.zip", files)
    _, rows, _ = _records(path)
    assert "Evil" not in {r.title for r in rows}
    assert not (tmp_path.parent / "evil").exists()


def test_letterboxd_zip_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "Date,Name,Year,Letterboxd URI\n" + "2020-01-01,A,2000,x\n" * 200_000  # ~4 MB, squeezes to KBs
    path = write_zip(tmp_path / "bomb.zip", {"watched.csv": bomb})
    assert path.stat().st_size < 100_000
    with pytest.raises(InputError, match="unpacks to more than 1 MiB"):
        _records(path, limits=Limits(member_bytes=1 << 20))


def test_a_zip_that_is_not_letterboxd(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "photos.zip", {"a.jpg": b"\xff\xd8\xff"})
    with pytest.raises(InputError, match="not a Letterboxd export"):
        _records(path)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(path.read_bytes()[:40])
    with pytest.raises(InputError):
        _records(broken)


def test_forcing_the_wrong_format_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="not a goodreads export"):
        _records(EXPORTS / "imdb_ratings.csv", format="goodreads")


def test_generic_is_the_fallback(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Title,Year\nDune,1965\n", encoding="utf-8")
    fmt, rows, _ = _records(path)
    assert fmt == "generic" and rows[0].title == "Dune"
