"""The import formats as the CLI's help and the window's file dialog offer them, read from the
registry (app.importers.FORMATS), so a new format module shows up in both."""

from __future__ import annotations

from app.importers.registry import Format, formats

__all__ = ["Format", "file_patterns", "import_formats"]


def import_formats() -> list[Format]:
    """Every format Hearth reads, in detection order (the generic CSV last)."""
    return list(formats().values())


def file_patterns() -> list[str]:
    """Glob patterns of the files an import takes: "*.csv", "*.zip", ..."""
    return sorted({f"*{suffix}" for f in formats().values() for suffix in f.suffixes})
