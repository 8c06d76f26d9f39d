"""The on-disk form of a bundled catalog (``resources/catalogs/<name>/``).

    catalog.json     manifest: name, title, kind, version, licence, attribution, the
                     embedding model, the command that built it, sha256 of each file
    items.jsonl      one item per line, keys sorted, in source-id order ("runtime", a film's minutes,
                     only where known; a file without it installs with none)
    weights.npy      item-to-item weights: (item, neighbour, weight) by line number; stored
                     compact (uint16 positions, float16 weights) when the catalog has under
                     65,536 items: float16 keeps ~3 digits, which changes no ranking measured
    embeddings.npy   float16 (items, dim), L2-normalised, for the manifest's model (read back
                     as float32; the cosine to the float32 vector is above 0.99999)
    LICENSE.txt      the source data's licence and attribution

Every file is written deterministically, so a rebuild from the same inputs gives
the same bytes, weights on another CPU too (chosen and stored at float16's precision,
see cf.top_k_rows), embeddings there to float rounding.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.core.errors import InputError
from app.core.text import TEXT_VERSION
from app.core.types import Item
from app.importers.files import sha256_file

__all__ = ["WEIGHT_DTYPE", "Bundle", "read_bundle", "write_bundle"]

WEIGHT_DTYPE = np.dtype([("item", "<i4"), ("neighbour", "<i4"), ("weight", "<f4")])
_COMPACT_DTYPE = np.dtype([("item", "<u2"), ("neighbour", "<u2"), ("weight", "<f2")])
_ITEM_KEYS = (
    "source_key", "kind", "title", "year", "creators", "description", "genres", "tags",
    "alt_titles", "imdb", "tmdb", "goodreads", "isbn13", "popularity", "alt_ids", "runtime",
)
_OPTIONAL_KEYS = ("alt_ids", "runtime")  # written only when not empty (a catalog without runtimes: as before)


@dataclass
class Bundle:
    folder: Path
    manifest: dict[str, Any]
    items: list[Item]
    weights: np.ndarray  # WEIGHT_DTYPE, indices are positions in ``items``
    embeddings: np.ndarray | None  # (len(items), dim) or None


def _item_to_json(item: Item) -> str:
    data = {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(item).items()
            if k in _ITEM_KEYS and not (k in _OPTIONAL_KEYS and not v)}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def write_bundle(
    folder: Path,
    *,
    manifest: dict[str, Any],
    items: list[Item],
    weights: np.ndarray,
    embeddings: np.ndarray | None,
    license_text: str,
) -> Path:
    """Write a catalog bundle atomically: into a sibling folder, then swapped in."""
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with (tmp / "items.jsonl").open("w", encoding="utf-8", newline="\n") as f:
        for item in items:
            f.write(_item_to_json(item) + "\n")
    compact = len(items) < 1 << 16
    np.save(tmp / "weights.npy", np.ascontiguousarray(weights.astype(_COMPACT_DTYPE if compact else WEIGHT_DTYPE)))
    files = ["items.jsonl", "weights.npy", "LICENSE.txt"]
    if embeddings is not None:
        np.save(tmp / "embeddings.npy", np.ascontiguousarray(embeddings, dtype=np.float16))
        files.append("embeddings.npy")
    (tmp / "LICENSE.txt").write_text(license_text, encoding="utf-8", newline="\n")
    sha = {name: sha256_file(tmp / name) for name in sorted(files)}
    manifest = {
        **manifest,
        "items": len(items),
        "weights": int(len(weights)),
        "text_version": TEXT_VERSION,
        "sha256": sha,
        # Content-addressed: any change to the files makes a new version to install.
        "version": hashlib.sha256(json.dumps(sha, sort_keys=True).encode()).hexdigest()[:16],
    }
    (tmp / "catalog.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
        encoding="utf-8",
        newline="\n",
    )
    if folder.exists():
        shutil.rmtree(folder)
    tmp.rename(folder)
    return folder


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / "catalog.json"
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError as exc:
        raise InputError(f"{folder} is not a catalog: it has no catalog.json.") from exc
    except (ValueError, OSError) as exc:
        raise InputError(f"{path} cannot be read: {exc}.") from exc


def read_bundle(folder: Path, *, verify: bool = True) -> Bundle:
    """Load a bundle, checking each file against the manifest's sha256."""
    manifest = read_manifest(folder)
    if verify:
        for name, expected in manifest.get("sha256", {}).items():
            path = folder / name
            if not path.is_file() or sha256_file(path) != expected:
                raise InputError(
                    f"The catalog file {path} is missing or damaged.",
                    hint="Reinstall Hearth, or rebuild the catalog with `hearth build-catalog`.",
                )
    items = []
    with (folder / "items.jsonl").open(encoding="utf-8") as f:
        for line in f:
            data = json.loads(line)
            items.append(
                Item(
                    catalog=manifest["name"],
                    **{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()},
                )
            )
    weights = np.load(folder / "weights.npy").astype(WEIGHT_DTYPE)
    emb_path = folder / "embeddings.npy"
    embeddings = np.load(emb_path).astype(np.float32) if emb_path.is_file() else None
    if embeddings is not None:  # float16 on disk: back to unit length
        embeddings /= np.maximum(np.linalg.norm(embeddings, axis=1, keepdims=True), 1e-12)
    if embeddings is not None and embeddings.shape[0] != len(items):
        raise InputError(f"{emb_path} does not match the catalog's items.")
    return Bundle(folder, manifest, items, weights, embeddings)
