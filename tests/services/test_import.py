"""Importing a CSV of any layout: reports, idempotence, and failures that lose nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import Cancelled, InputError, StorageError
from app.core.progress import CancelToken
from app.services import Services

FILMS = """Title,Year,Rating,Watched
The Matrix,1999,10,2021-03-04
Blade Runner,1982,8,2021/02/01
Alien,1979,9,
My Grandmother's Home Videos,2003,6,2020-01-01
Heat,1995,not a number,
,2000,5,
"""


def _dump(services: Services) -> dict[str, object]:
    """Every row of the tables an import writes (the big static ones by count)."""
    conn = services.store.db.conn
    state: dict[str, object] = {
        table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
        for table in ("history", "feedback", "items", "settings", "imports", "catalogs")
    }
    for table in ("embeddings", "weight_rows"):
        state[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
    return state


def _write(tmp_path: Path, text: str, name: str = "films.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_generic_import_matches_and_reports(services: Services, tmp_path: Path) -> None:
    report = services.history.import_file(_write(tmp_path, FILMS))
    assert report.format == "generic"
    assert report.rows == 6
    assert report.skipped == 1 and report.skipped_reasons == {"no title": 1}
    assert report.imported == report.added == 5
    assert report.matched == 4 and report.unmatched == 1
    assert report.rating_scale == [1.0, 10.0]
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["The Matrix"].item.catalog == "movielens-small"
    assert entries["The Matrix"].rating_norm == pytest.approx(1.0)
    assert entries["Blade Runner"].consumed_at == "2021-02-01"
    assert entries["Heat"].rating is None  # kept, unrated
    own = entries["My Grandmother's Home Videos"].item
    assert own.catalog == "user" and own.kind == "film"  # the file's other rows are films
    assert entries["Alien"].item.kind == "film"  # not the novel of 1979: the file lists films


def test_reimporting_the_same_file_changes_nothing(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, FILMS)
    services.history.import_file(path)
    before = _dump(services)
    again = services.history.import_file(path)
    assert again.already_imported
    assert again.imported == 0 and again.unchanged == 5
    assert _dump(services) == before


def test_a_title_twice_in_one_file_is_one_entry_and_no_change(services: Services, tmp_path: Path) -> None:
    """mmai's fresh LibraryThing import said "1165 new, 14 changed": the 14 were second copies of books the file
    already had. They are one entry each, and the report says they repeat a row."""
    path = _write(tmp_path, "Title,Year,Rating\nHeat,1995,4\nHeat,1995,5\nAlien,1979,5\n")
    report = services.history.import_file(path)
    assert (report.added, report.updated, report.unchanged, report.repeated) == (2, 0, 0, 1)
    assert len(services.history.entries()) == 2


def test_mapping_names_the_columns(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, "Film;Released;Stars\nThe Matrix;1999;4.5\n")
    report = services.history.import_file(path, mapping="title=Film,year=Released,rating=Stars", kind="film")
    assert report.matched == 1
    (entry,) = services.history.entries()
    assert entry.rating == 4.5 and entry.rating_max == 5


def test_latin1_file_imports_with_accents(services: Services, tmp_path: Path) -> None:
    path = _write(tmp_path, "Title,Year\nAmélie,2001\nLéon: The Professional,1994\n", encoding="cp1252")
    report = services.history.import_file(path)
    assert report.encoding == "cp1252" and report.matched == 2


def test_missing_columns_change_nothing(services: Services, tmp_path: Path) -> None:
    before = _dump(services)
    with pytest.raises(InputError, match="Missing required column") as caught:
        services.history.import_file(_write(tmp_path, "Foo,Bar\n1,2\n"))
    assert _dump(services) == before
    # A Chinese window says it all in Chinese: which column, where Hearth looked, what the file has.
    assert caught.value.zh.startswith("缺少必需的列：title（找过：title、")
    assert caught.value.zh_hint.startswith("这个文件的列有：Foo、Bar。")


def test_a_broken_row_late_in_the_file_imports_nothing(services: Services, tmp_path: Path) -> None:
    good = "".join(f"Film number {k},2000,3\n" for k in range(5000))
    path = tmp_path / "broken.csv"
    # An unterminated quote swallows the rest: a field far beyond any real review.
    path.write_bytes(("Title,Year,Rating\n" + good + '"Broken,2000,3\n').encode() + b"x" * (17 << 20))
    before = _dump(services)
    with pytest.raises(InputError, match="line"):
        services.history.import_file(path)
    assert _dump(services) == before


def test_a_full_disk_mid_import_imports_nothing(services: Services, tmp_path: Path) -> None:
    services.history.add("The Matrix (1999)", rating=5)
    conn = services.store.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 20}")
    rows = "".join(f"Own film {k} {'x' * 200},2000,3\n" for k in range(3000))
    with pytest.raises(StorageError, match="full"):
        services.history.import_file(_write(tmp_path, "Title,Year,Rating\n" + rows))
    assert [e.item.title for e in services.history.entries()] == ["The Matrix"]


def test_cancel_imports_nothing(services: Services, tmp_path: Path) -> None:
    token = CancelToken()
    rows = "".join(f"Own film {k},2000,3\n" for k in range(3000))

    def progress(done: int, total: int, label: str) -> None:
        if done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        services.history.import_file(_write(tmp_path, "Title,Year,Rating\n" + rows), progress=progress,
                                    cancel=token)
    assert services.history.entries() == []


HEADERS = ["Title", "Year", "Rating", "Date", "Name", "Stars", "", "Title;Year"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    header=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5),
    cells=st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=30),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
    tail=st.binary(max_size=40),
)
def test_any_file_imports_fully_or_not_at_all(bare_services: Services, tmp_path: Path, header: list[str],
                                              cells: list[list[str]], encoding: str, tail: bytes) -> None:
    lines = [",".join(header)] + [",".join(c.replace("\x00", "") for c in row) for row in cells]
    try:
        data = ("\n".join(lines) + "\n").encode(encoding, errors="replace") + tail
    except UnicodeEncodeError:
        return
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    before = _dump(bare_services)
    try:
        report = bare_services.history.import_file(path)
    except (InputError, StorageError):
        assert _dump(bare_services) == before  # a failure leaves nothing behind
        return
    history = bare_services.store.history.count()
    assert report.rows == report.skipped + report.matched + report.unmatched
    assert report.added + report.updated + report.unchanged + report.repeated + report.saved \
        == report.matched + report.unmatched
    assert history >= report.added


def test_a_tmdb_or_imdb_id_matches_before_any_title(services: Services, tmp_path: Path) -> None:
    """Issue 21: an id names the film exactly, whatever the title says (here a title no catalog has, in
    another language, or another film's title)."""
    path = _write(tmp_path, "Title,Year,tmdbId,imdbId,Rating\n"
                            "Le fabuleux destin,2001,194,,9\n"          # Amélie, by its TMDB id
                            "Heat,1995,,tt0114814,8\n"                  # The Usual Suspects' IMDb id
                            "https://www.themoviedb.org/movie/949-heat,1995,949,,7\n")
    report = services.history.import_file(path)
    assert report.matched == 3 and report.unmatched == 0
    labels = {e.item.tmdb or e.item.imdb: e.item.title for e in services.history.entries()}
    assert labels["194"].startswith("Amelie") and labels["949"] == "Heat"
    assert "The Usual Suspects" in labels.values()
