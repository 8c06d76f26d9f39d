"""Reading the files people export from other services (Goodreads, Letterboxd, StoryGraph, IMDb, any CSV)
and the bundled catalogs' bundle format. Pure Python over files: no database, no models.

``FORMATS`` is the registry of import formats, by name (app/importers/registry.py)."""

from typing import Any


def __getattr__(name: str) -> Any:
    # Lazy: the format modules import this package's own modules.
    if name == "FORMATS":
        from app.importers.registry import formats

        return formats()
    raise AttributeError(name)
