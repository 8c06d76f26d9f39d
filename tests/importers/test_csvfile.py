"""Reading exported CSVs in whatever encoding and shape they come."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import InputError
from app.importers.csvfile import detect_encoding, open_csv
from app.importers.formats.generic import parse_mapping, resolve_columns

TEXT = "Title,Year,Rating\nAmélie,2001,5\nLéon: The Professional,1994,4.5\n"


def _rows(path: Path, **kw: str) -> list[dict[str, str]]:
    f = open_csv(path, **kw)
    try:
        return list(f.rows())
    finally:
        f.close()


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("Amélie", "Am\x8dlie").encode("latin-1"), "latin-1"),  # \x8d is not cp1252
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    assert detect_encoding(path) == encoding
    rows = _rows(path)
    assert [r["Title"] for r in rows][1] == "Léon: The Professional"
    assert rows[0]["Year"] == "2001"


def test_a_wrong_explicit_encoding_says_which_failed(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_bytes(TEXT.encode("cp1252"))
    with pytest.raises(InputError, match="not valid utf-8") as err:
        open_csv(path, encoding="utf-8")
    assert "offset" in str(err.value)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "f.csv"
    path.write_text(TEXT.replace(",", delimiter), encoding="utf-8")
    assert _rows(path)[0] == {"Title": "Amélie", "Year": "2001", "Rating": "5"}


def test_empty_binary_and_headerless_files_are_clear_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty"):
        open_csv(empty)
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(InputError, match="binary"):
        open_csv(binary)
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n", encoding="utf-8")
    with pytest.raises(InputError, match="no header"):
        open_csv(blank)
    with pytest.raises(InputError, match="no file"):
        open_csv(tmp_path / "missing.csv")


def test_ragged_rows_are_padded_and_blank_rows_dropped(tmp_path: Path) -> None:
    path = tmp_path / "f.csv"
    path.write_text("Title,Year,Rating\nA\n\nB,2000,3,extra\n", encoding="utf-8")
    assert _rows(path) == [{"Title": "A", "Year": "", "Rating": ""}, {"Title": "B", "Year": "2000", "Rating": "3"}]


def test_missing_required_columns_are_all_named() -> None:
    with pytest.raises(InputError) as err:
        resolve_columns(["Name2", "Stars"], {"title": "Film", "rating": "Score"})
    text = str(err.value)
    assert "title (mapped to 'Film'" in text and "rating (mapped to 'Score'" in text
    assert "Name2, Stars" in text
    with pytest.raises(InputError, match=r"title \(looked for"):
        resolve_columns(["Foo", "Bar"])


def test_columns_are_found_by_name_or_mapping() -> None:
    assert resolve_columns(["Name", "Your Rating", "Date Rated", "Year"]) == {
        "title": "Name", "rating": "Your Rating", "date": "Date Rated", "year": "Year"}
    assert resolve_columns(["Film", "Stars"], parse_mapping("title=Film, rating=Stars"))["title"] == "Film"
    with pytest.raises(InputError, match="Unknown field"):
        parse_mapping("colour=Red")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_random_bytes_read_or_fail_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.csv"
    path.write_bytes(data)
    try:
        f = open_csv(path)
    except InputError:
        return
    try:
        for row in f.rows():
            assert set(row) <= set(f.header)
    except InputError:
        pass
    finally:
        f.close()
