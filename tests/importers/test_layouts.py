"""Every layout people's exports come in, recognised by content and read as their owners meant them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InputError
from app.importers.detect import Source, open_source, open_sources
from app.importers.records import ImportRow, Skip
from app.importers.shelves import classify, parse_shelf_map
from app.importers.values import parse_date, sniff_date_order
from tests.fixtures.exports.make_exports import letterboxd_files
from tests.importers.test_formats import EXPORTS, write_zip


def _read(source: Source) -> tuple[list[ImportRow], list[Skip]]:
    try:
        records = list(source.records)
    finally:
        source.close()
    return [r for r in records if isinstance(r, ImportRow)], [r for r in records if isinstance(r, Skip)]


def _rows(path: Path, **kw: object) -> tuple[Source, dict[str, ImportRow]]:
    source = open_source(path, **kw)  # type: ignore[arg-type]
    rows, _ = _read(source)
    return source, {r.title: r for r in rows}


def test_goodreads_without_its_header_line_is_recognised_by_its_shape() -> None:
    source, rows = _rows(EXPORTS / "goodreads_no_header.csv")
    assert source.format == "goodreads" and source.guessed and "no header line" in source.why
    assert len(rows) == 12  # the first line is a row, not lost as a header
    hunger = rows["The Hunger Games"]
    assert (hunger.rating, hunger.scale, hunger.isbn13, hunger.goodreads) == (5, (1, 5), "9780439023481", "2767052")


def test_goodreads_with_padded_columns_keeps_ratings_and_titles_with_commas() -> None:
    source, rows = _rows(EXPORTS / "goodreads_padded.csv")
    assert source.format == "goodreads" and "23 columns" in source.layout and not source.guessed
    assert len(rows) == 12
    assert rows["Harry Potter and the Sorcerer's Stone"].rating == 5  # not split at the comma
    assert rows["The Hunger Games"].creators == ("Suzanne Collins",)
    assert sum(r.rating is not None for r in rows.values()) >= 10


def test_goodreads_shelves_mean_what_their_names_say() -> None:
    _, rows = _rows(EXPORTS / "goodreads_shelves.csv")
    assert rows["Hyperion"].status == "done"  # "favorites" is read
    assert rows["The Lovely Bones"].status == "dnf" and rows["Fifty Shades of Grey"].status == "dnf"
    eat = rows["Eat, Pray, Love"]
    assert eat.not_interested and not eat.saved and eat.consumed_at is None
    assert rows["Moby-Dick; or, The Whale"].status == "shelved" and rows["Middlemarch"].shelf == "literature"
    assert rows["Anna Karenina"].status == "done"  # rated and dated on that shelf: read
    assert rows["The Goldfinch"].saved  # owned-to-read
    assert rows["Leídos pendientes de reseña"].saved  # Spanish "pendientes"


def test_a_shelf_can_be_remapped() -> None:
    _, rows = _rows(EXPORTS / "goodreads_shelves.csv", shelves=parse_shelf_map(["literature=read",
                                                                                   "did-not-finish=skip"]))
    assert rows["Middlemarch"].status == "done"
    assert "The Lovely Bones" not in rows
    with pytest.raises(InputError, match="Unknown meaning"):
        parse_shelf_map(["literature=maybe"])


@pytest.mark.parametrize(("name", "meaning"), [
    ("to-read", "saved"), ("owned-to-read", "saved"), ("tbr", "saved"), ("por-leer", "saved"),
    ("wishlist", "saved"), ("à-lire", "saved"), ("currently-reading", "reading"), ("read", "read"),
    ("leídos", "read"), ("gelesen", "read"), ("did-not-finish", "dnf"), ("DNF", "dnf"),
    ("abandonados", "dnf"), ("not-interested-for-now", "not-interested"), ("literature", "shelved"),
    ("owned", "shelved"), ("sci-fi", "shelved"),
])
def test_shelf_names_in_several_languages(name: str, meaning: str) -> None:
    assert classify(name) == meaning


def test_imdb_layout_before_2018_keeps_every_rating_and_date() -> None:
    source, rows = _rows(EXPORTS / "imdb_ratings_2017.csv")
    assert source.format == "imdb" and source.layout == "ratings, layout before 2018"
    matrix = rows["The Matrix"]
    assert (matrix.rating, matrix.scale, matrix.consumed_at, matrix.imdb) == (10, (1, 10), "2017-01-29", "133093")
    assert rows["Breaking Bad"].kind == "other" and rows["Alien"].kind == "film"
    assert all(r.rating is not None and not r.saved for r in rows.values())


@pytest.mark.parametrize("name", ["WATCHLIST.csv", "imdb_list_rated.csv"])
def test_an_imdb_watchlist_is_saved_for_later_not_history(name: str) -> None:
    source, rows = _rows(EXPORTS / name)
    assert source.format == "imdb"
    rated = {t for t, r in rows.items() if not r.saved}
    assert rated == ({"Terminator 2: Judgment Day"} if name == "imdb_list_rated.csv" else set())
    assert all(r.consumed_at is None for r in rows.values() if r.saved)


def test_letterboxd_loose_csvs_are_letterboxd_and_merge_like_the_zip(tmp_path: Path) -> None:
    folder = tmp_path / "letterboxd-me-2024"
    for name, text in letterboxd_files().items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "deleted").mkdir()
    (folder / "deleted" / "diary.csv").write_text(
        "Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2020-01-01,Deleted Film,2000,x,1,,,\n")
    (folder / "profile.csv").write_text("Date Joined,Username\n2020-01-01,me\n")
    zipped = write_zip(tmp_path / "export.zip", letterboxd_files())
    meaning = lambda rows: {r.title: (r.rating, r.consumed_at, r.saved, r.liked) for r in rows}  # noqa: E731
    from_zip = meaning(_read(open_source(zipped))[0])

    sources = open_sources([folder])
    assert [s.format for s in sources] == ["letterboxd"] and "loose CSVs" in sources[0].layout
    assert "left out: profile.csv (not a history file)" in sources[0].notes
    from_folder = meaning(_read(sources[0])[0])
    assert from_folder == from_zip and "Deleted Film" not in from_folder

    files = [folder / n for n in ("ratings.csv", "diary.csv", "watched.csv", "watchlist.csv")]
    (only,) = open_sources(files)
    merged = {r.title: r for r in _read(only)[0]}
    assert only.format == "letterboxd" and merged["Blade Runner"].rating == 3.5 and merged["Aliens"].saved
    assert all(r.kind == "film" and r.scale in (None, (0.5, 5)) for r in merged.values())


def test_a_loose_letterboxd_watchlist_alone_is_all_saved(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.csv"
    path.write_text(letterboxd_files()["watchlist.csv"], encoding="utf-8")
    source, rows = _rows(path)
    assert source.format == "letterboxd" and rows and all(r.saved for r in rows.values())


def test_letterboxd_scale_belongs_to_the_format(tmp_path: Path) -> None:
    path = tmp_path / "ratings.csv"  # nobody gave half a star: still 0.5-5
    path.write_text("Date,Name,Year,Letterboxd URI,Rating\n2021-01-01,Heat,1995,x,3\n2021-01-02,Alien,1979,y,5\n")
    source, rows = _rows(path)
    assert source.rating_scale == (0.5, 5) and rows["Heat"].scale == (0.5, 5)
    with pytest.raises(InputError, match="--scale is for CSVs of their own layout"):
        open_source(path, scale=(1.0, 5.0))


def test_a_spreadsheet_resaved_letterboxd_diary() -> None:
    source, rows = _rows(EXPORTS / "letterboxd_diary_semicolons.csv")
    assert source.format == "letterboxd"
    assert rows["Prisoners"].consumed_at == "2023-08-02" and rows["Whiplash"].rating == 4.5  # "4,5"


def test_storygraph_cut_down_by_a_spreadsheet() -> None:
    source, rows = _rows(EXPORTS / "storygraph_cut.csv")
    assert source.format == "storygraph" and "no Star Rating" in source.layout
    assert rows["The Hunger Games"].consumed_at == "2024-03-27"  # M/D/YYYY
    assert rows["The Hunger Games"].isbn13 is None  # 9.78044E+12 lost its digits: not an id
    assert rows["Dune"].isbn13 == "9780441013593"  # from the ISBN-10
    assert rows["Gone Girl"].status == "dnf" and rows["Circe"].saved
    assert any("scientific notation" in note for note in source.notes)


def test_date_order_is_read_from_the_file() -> None:
    assert sniff_date_order(["4/1/2024", "3/27/2024"]) == "mdy"
    assert sniff_date_order(["14/03/2025"]) == "dmy"
    assert sniff_date_order(["4/1/2024"]) is None
    assert parse_date("4/1/2024", "mdy") == "2024-04-01" and parse_date("4/1/2024", "dmy") == "2024-01-04"


def test_a_folder_with_no_export_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(InputError, match="Nothing to import"):
        open_sources([tmp_path])
