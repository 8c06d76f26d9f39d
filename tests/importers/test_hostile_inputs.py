"""Hostile and broken files (issue 14): each is refused with one clear InputError, or read with a
note that says what was odd. Caps are lowered through ``Limits`` so the files stay small."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.importers.detect import open_source
from app.importers.formats.generic import ImportRow, Skip
from app.importers.limits import Limits
from app.importers.values import parse_date
from tests.fixtures.exports.make_exports import letterboxd_files

RATINGS_HEAD = "Date,Name,Year,Letterboxd URI,Rating\n"


def _read(path: Path, **kw: object) -> tuple[list[ImportRow], list[Skip], dict[str, int]]:
    source = open_source(path, **kw)  # type: ignore[arg-type]
    try:
        records = list(source.records)
    finally:
        source.close()
    return ([r for r in records if isinstance(r, ImportRow)], [r for r in records if isinstance(r, Skip)],
            dict(source.notes))


def _zip(path: Path, files: dict[str, str], method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", method) as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


def _patch_headers(path: Path, *, flags: int | None = None, method: int | None = None,
                   version: int | None = None) -> Path:
    """Rewrite fields of every local and central header, as a damaged or exotic archive has them."""
    data = bytearray(path.read_bytes())
    for sig, at_version, at_flags, at_method in ((b"PK\x03\x04", 4, 6, 8), (b"PK\x01\x02", 6, 8, 10)):
        start = 0
        while (start := data.find(sig, start)) >= 0:
            if flags is not None:
                struct.pack_into("<H", data, start + at_flags, flags)
            if method is not None:
                struct.pack_into("<H", data, start + at_method, method)
            if version is not None:
                struct.pack_into("<H", data, start + at_version, version)
            start += 4
    path.write_bytes(bytes(data))
    return path


def test_a_letterboxd_zip_of_millions_of_rows_stops_at_the_row_cap(tmp_path: Path) -> None:
    # The red team's 9.9 MB ZIP held 4.2 M rows; the same shape, scaled down by the cap.
    rows = "".join(f"2020-01-01,Film {k},2000,https://boxd.it/{k},4\n" for k in range(5_000))
    path = _zip(tmp_path / "letterboxd.zip", {**letterboxd_files(), "ratings.csv": RATINGS_HEAD + rows})
    with pytest.raises(InputError, match="more than 1,000 rows"):
        _read(path, limits=Limits(rows=1_000))
    assert len(_read(path)[0]) > 5_000  # under the default cap it is read


def test_the_archive_as_a_whole_has_a_cap(tmp_path: Path) -> None:
    big = RATINGS_HEAD + "2020-01-01,A,2000,x,4\n" * 20_000  # ~0.5 MB a member
    files = {**letterboxd_files(), "ratings.csv": big, "diary.csv": big.replace("Rating", "Rating,Watched Date")}
    path = _zip(tmp_path / "letterboxd.zip", files)
    with pytest.raises(InputError, match="unpacks to more than"):
        _read(path, limits=Limits(member_bytes=1 << 20, archive_bytes=600 << 10))


def test_a_huge_header_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("Title," + "x" * 100_000 + "\nAlien,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="first line is longer than"):
        _read(path, limits=Limits(header_bytes=10_000))
    many = tmp_path / "many.csv"
    many.write_text(",".join(f"c{k}" for k in range(3_000)) + ",Title\n", encoding="utf-8")
    with pytest.raises(InputError, match="3,001 columns"):
        _read(many)


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text("Title,Rating\n" + "Alien,5\n" * 2_000, encoding="utf-8")
    with pytest.raises(InputError, match="larger than any history export"):
        _read(path, limits=Limits(file_bytes=4_096))


@pytest.mark.parametrize(("patch", "says"), [
    ({"flags": 0x1}, "encrypted"),
    ({"method": 99}, "compression or ZIP version"),  # 99 is AES: not in zipfile
    ({"version": 99}, "compression or ZIP version"),  # "zip file version 9.9"
])
def test_encrypted_and_exotic_zips_are_one_clear_error(tmp_path: Path, patch: dict[str, int], says: str) -> None:
    path = _patch_headers(_zip(tmp_path / "export.zip", letterboxd_files(), zipfile.ZIP_STORED), **patch)
    with pytest.raises(InputError, match=says) as caught:
        _read(path, format="letterboxd")
    assert "Traceback" not in str(caught.value)


def test_damaged_zips_are_one_clear_error(tmp_path: Path) -> None:
    good = _zip(tmp_path / "good.zip", letterboxd_files()).read_bytes()
    end = good.rfind(b"PK\x05\x06")
    # The central directory's offset pointing before the file's start: OSError [Errno 22] once.
    bad_offset = bytearray(good)
    struct.pack_into("<I", bad_offset, end + 16, 0xFFFFFF00)
    # A member's compressed bytes overwritten: zlib fails in the middle.
    garbled = bytearray(good)
    first = good.find(b"PK\x03\x04")
    garbled[first + 60:first + 160] = b"\xff" * 100
    for name, data in (("offset.zip", bad_offset), ("garbled.zip", garbled), ("cut.zip", good[: len(good) // 2])):
        path = tmp_path / name
        path.write_bytes(bytes(data))
        for format in ("letterboxd", None):
            with pytest.raises(InputError, match="damaged") as caught:
                _read(path, format=format)
            assert "Errno" not in caught.value.message


@pytest.mark.parametrize("encoding", ["zlib_codec", "rot13", "hex", "base64", "undefined"])
def test_an_encoding_that_is_no_text_encoding_is_refused(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "films.csv"
    path.write_text("Title,Rating\nAlien,5\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a text encoding|is not valid"):
        _read(path, encoding=encoding)


def test_an_unterminated_quote_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    body = "".join(f"Film {k},{k % 5 + 1}\n" for k in range(50))
    path.write_text('Title,Rating\nAlien,5\n"Heat,4\n' + body, encoding="utf-8")
    rows, _, notes = _read(path)
    assert len(rows) == 2  # what the csv module makes of it...
    assert any("never to be closed" in n and "line 3" in n for n in notes)  # ...and now it says so


def test_a_multi_line_review_is_not_taken_for_a_broken_quote(tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    path.write_text('Title,Rating,Review\nAlien,5,"Tense.\nDark, and cold.\nSee it."\nHeat,4,ok\n', encoding="utf-8")
    rows, _, notes = _read(path)
    assert [r.title for r in rows] == ["Alien", "Heat"] and not notes


def test_one_absurd_rating_does_not_set_the_scale(tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    body = "".join(f"Film {k},{k % 5 + 1}\n" for k in range(50))
    path.write_text("Title,Rating\n" + body + "Alien,1e308\n", encoding="utf-8")
    rows, skips, notes = _read(path)
    assert rows[0].scale == (1.0, 5.0)
    assert "Alien" not in {r.title for r in rows} and any("1e+308" in n for n in notes)
    assert [s.reason for s in skips] == ["rating outside the file's scale"]


def test_one_windows_byte_does_not_turn_a_utf8_file_into_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "films.csv"
    path.write_bytes("Title,Rating\nAmélie,5\nLéon,4\n".encode() + b"Caf\xe9 Society,3\n")
    rows, _, notes = _read(path)
    assert [r.title for r in rows] == ["Amélie", "Léon", "Café Society"]
    assert any("Windows-1252" in n for n in notes)
    # A file that is cp1252 throughout is still read as cp1252.
    windows = tmp_path / "windows.csv"
    windows.write_bytes("Title,Rating\nAmélie,5\nLéon,4\n".encode("cp1252"))
    assert [r.title for r in _read(windows)[0]] == ["Amélie", "Léon"]


def test_a_date_past_today_is_no_history_date() -> None:
    assert parse_date("9999999999") is None  # would be 2286
    assert parse_date("2999-01-01") is None
    assert parse_date("1700000000") == "2023-11-14"


def test_a_line_of_millions_of_cells_is_refused_before_it_is_split(tmp_path: Path) -> None:
    path = tmp_path / "commas.csv"
    with path.open("w", encoding="utf-8") as f:
        f.write("Title,Rating\nAlien,5\n")
        f.write("," * (17 << 20) + "\n")  # 17 M cells in one line
    with pytest.raises(InputError, match="a line longer than 16 MiB"):
        _read(path)


def test_a_folder_too_big_to_be_an_export_is_refused_without_walking_it_all(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import app.importers.detect as detect

    monkeypatch.setattr(detect, "MAX_ENTRIES", 50)
    for k in range(60):
        (tmp_path / f"note-{k}.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="more than 50 files and folders"):
        _read(tmp_path)


def test_links_in_a_folder_are_not_followed_round_in_circles(tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    (export / "films.csv").write_text("Title,Rating\nAlien,5\n", encoding="utf-8")
    try:
        (export / "loop").symlink_to(export, target_is_directory=True)
    except OSError:
        pytest.skip("this system cannot make symbolic links")
    assert [r.title for r in _read(export)[0]] == ["Alien"]


def test_a_device_is_not_taken_for_a_missing_file() -> None:
    devnull = Path("/dev/null")
    if not devnull.exists():
        pytest.skip("no /dev/null here")
    with pytest.raises(InputError, match="is not a regular file"):
        _read(devnull)
