"""The registry of import formats: every format module is in it, detection and the CLI read it, and a
new format is one new module."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import app.importers.formats as formats_package
from app.importers import FORMATS
from app.importers.detect import open_source
from app.importers.registry import Format, formats
from app.services.formats import file_patterns

FORMATS_DIR = Path(formats_package.__file__).parent


def test_every_format_module_is_in_the_registry() -> None:
    modules = sorted(p.stem for p in FORMATS_DIR.glob("*.py") if p.stem != "__init__")
    assert modules == sorted(FORMATS)  # each module is named after its format, and none is left out
    for name in modules:
        module = sys.modules[f"app.importers.formats.{name}"]
        assert module.FORMAT is FORMATS[name] and isinstance(module.FORMAT, Format)


def test_the_registry_describes_each_format() -> None:
    assert list(FORMATS) == ["goodreads", "storygraph", "douban", "imdb", "librarything", "letterboxd", "trakt",
                             "generic"]  # detection order
    for f in FORMATS.values():
        assert f.label and f.statuses and f.recognised and f.suffixes
        assert (f.matches is None) == (f.read is None)  # a header-named format reads its own rows
        assert (f.claims is None) == (f.open is None)  # a format that claims files opens them
    assert FORMATS["goodreads"].scale == (1.0, 5.0) and FORMATS["imdb"].kind == "film"
    assert FORMATS["trakt"].scale == (1.0, 10.0) and FORMATS["librarything"].scale == (0.5, 5.0)
    assert file_patterns() == ["*.csv", "*.json", "*.tsv", "*.xlsx", "*.zip"]


def test_the_cli_offers_the_registered_formats() -> None:
    from app.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["import", "x.csv", "--format", "storygraph"])
    assert args.format == "storygraph"
    sub = next(a for a in parser._actions if a.dest == "command")
    fmt = next(a for a in sub.choices["import"]._actions if a.dest == "format")
    assert list(fmt.choices) == list(FORMATS)


def test_a_new_format_is_one_new_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A module dropped into app/importers/formats/ is detected, read and named, with no other edit."""
    plugin = tmp_path / "formats"
    plugin.mkdir()
    (plugin / "shelfie.py").write_text('''
from app.importers.records import ImportRow
from app.importers.registry import Format


def _read(csv_file, ctx):
    for row in csv_file.rows():
        yield ImportRow(line=csv_file.line, title=row["Shelfie Title"], kind="book", rating=float(row["Stars"]),
                        scale=(1.0, 5.0), raw=dict(row))


FORMAT = Format(name="shelfie", label="Shelfie", kind="book", scale=(1.0, 5.0), statuses="every row is read",
                recognised="its header names Shelfie's columns", matches=lambda h: "Shelfie Title" in h,
                read=_read, order=5)
''', encoding="utf-8")
    monkeypatch.setattr(formats_package, "__path__", [*formats_package.__path__, str(plugin)])
    formats.cache_clear()
    try:
        assert "shelfie" in formats()
        export = tmp_path / "mine.csv"
        export.write_text("Shelfie Title,Stars\nDune,5\n", encoding="utf-8")
        source = open_source(export)
        try:
            rows = list(source.records)
        finally:
            source.close()
        assert (source.format, source.name, source.why, source.kind) == (
            "shelfie", "Shelfie", "its header names Shelfie's columns", "book")
        assert [(r.title, r.rating) for r in rows] == [("Dune", 5.0)]
    finally:
        monkeypatch.undo()
        formats.cache_clear()
        sys.modules.pop("app.importers.formats.shelfie", None)
    assert "shelfie" not in formats()
