"""Bundled catalogs: installing them into the database, browsing them (app/lab/catalogs.py builds them)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

from app.core.progress import Progress, no_progress
from app.core.text import TEXT_VERSION, item_text, text_hash
from app.core.types import Item
from app.importers.bundle import read_bundle, read_manifest
from app.importers.bundle_multilingual import read_multilingual
from app.storage import CatalogInfo, Store

__all__ = ["CatalogService", "repo_root", "resources_dir"]


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``HEARTH_RESOURCES``, the PyInstaller bundle's copy, or the source tree's."""
    env = os.environ.get("HEARTH_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return repo_root() / "resources"


class CatalogService:
    def __init__(self, store: Store, *, catalogs_dir: Path | None = None) -> None:
        self.store = store
        self.catalogs_dir = catalogs_dir or resources_dir() / "catalogs"

    def installed(self) -> list[CatalogInfo]:
        return self.store.items.catalogs()

    def browse(self, *, catalog: str | None = None, text: str = "", kind: str | None = None,
               year_min: int | None = None, year_max: int | None = None, limit: int = 200) -> list[Item]:
        """A catalog's items (all catalogs if none is named), most rated first, filtered by title or
        creator, kind and years."""
        return self.store.items.search(catalog=catalog, text=text, kind=kind, year_min=year_min,
                                       year_max=year_max, limit=limit)

    def genres(self) -> list[tuple[str, int]]:
        """The catalogs' genres with how many items have each, most common first."""
        return self.store.items.genres()

    def bundled(self) -> list[Path]:
        if not self.catalogs_dir.is_dir():
            return []
        return sorted(p.parent for p in self.catalogs_dir.glob("*/catalog.json"))

    def pending(self) -> list[Path]:
        """Bundled catalogs not installed yet, or installed from an older version."""
        installed = {c.name: c.version for c in self.store.items.catalogs()}
        out = []
        for folder in self.bundled():
            manifest = read_manifest(folder)
            if installed.get(manifest["name"]) != manifest["version"]:
                out.append(folder)
        return out

    def ensure_bundled(self, *, progress: Progress = no_progress) -> list[str]:
        """Install what ``pending()`` lists; returns the names installed."""
        names = []
        for folder in self.pending():
            names.append(self.install(folder, progress=progress))
        return names

    def install(self, folder: Path, *, progress: Progress = no_progress) -> str:
        """Load a bundle into the database in one transaction; item ids stay stable on upgrade."""
        bundle = read_bundle(folder)
        m = bundle.manifest
        label = f"Installing {m['title']}"
        steps = 4
        progress(0, steps, label)
        with self.store.transaction():
            catalog_id = self.store.items.upsert_catalog(
                name=m["name"],
                title=m["title"],
                kind=m["kind"],
                version="",  # set last: a half-installed catalog is never taken as current
                bundled=True,
                license=m.get("license", ""),
                attribution=m.get("attribution", ""),
            )
            ids = self.store.items.upsert_items(catalog_id, bundle.items)
            progress(1, steps, label)
            item_ids = np.array([ids[it.source_key] for it in bundle.items], dtype=np.int64)
            w = bundle.weights
            self.store.items.replace_weights(catalog_id, item_ids[w["item"]], item_ids[w["neighbour"]],
                                             w["weight"])
            progress(2, steps, label)
            hashes = [text_hash(item_text(it)) for it in bundle.items]
            if bundle.embeddings is not None and m.get("text_version") == TEXT_VERSION:
                self.store.embeddings.put(m["embedding_model"], dict(zip(hashes, bundle.embeddings)))
            # The second matrix, for text the English model cannot read (app/services/multilingual.py).
            multilingual = read_multilingual(folder, m, len(bundle.items))
            if multilingual is not None and m.get("text_version") == TEXT_VERSION:
                self.store.embeddings.put(multilingual[0], dict(zip(hashes, multilingual[1])))
            progress(3, steps, label)
            self.store.embeddings.forget_text_rows()  # they were the nearest among the items there were
            self.store.items.upsert_catalog(
                name=m["name"],
                title=m["title"],
                kind=m["kind"],
                version=m["version"],
                bundled=True,
                license=m.get("license", ""),
                attribution=m.get("attribution", ""),
            )
        progress(steps, steps, label)
        return str(m["name"])
