"""A catalog bundle's second matrix: each item's vector from the multilingual text model, beside the
English one (app/importers/bundle.py holds the rest of the format).

    embeddings-multilingual.npy   float16 (items, 512), L2-normalised, in items.jsonl's order, embedded
                                  from the same text as embeddings.npy (app.core.text.item_text)

The manifest names its model (``multilingual_model``) and lists the file's sha256 with the others, so
the catalog's version changes with it and an installed catalog is installed again. A bundle without
the file still installs: text the English model cannot read then falls back to it (with a notice).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from app.importers.files import sha256_file

__all__ = ["MULTILINGUAL_FILE", "read_multilingual", "write_multilingual"]

MULTILINGUAL_FILE = "embeddings-multilingual.npy"


def read_multilingual(folder: Path, manifest: dict, items: int) -> tuple[str, np.ndarray] | None:
    """(model id, float32 unit rows) when the bundle has a matrix the manifest vouches for, else None.
    (read_bundle has checked the file against the manifest's sha256 already.)"""
    path = Path(folder) / MULTILINGUAL_FILE
    model = manifest.get("multilingual_model")
    if not model or MULTILINGUAL_FILE not in manifest.get("sha256", {}) or not path.is_file():
        return None
    matrix = np.load(path).astype(np.float32)
    if matrix.ndim != 2 or matrix.shape[0] != items:
        return None
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return str(model), matrix


def write_multilingual(folder: Path, matrix: np.ndarray, *, model_id: str, license_note: str = "") -> dict:
    """Add (or replace) the matrix in a written bundle: the file, the manifest's model, sha256 and version
    (computed as write_bundle does: from the files' sha256), and ``license_note`` appended to LICENSE.txt
    once. Returns the new manifest."""
    folder = Path(folder)
    manifest_path = folder / "catalog.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if matrix.shape[0] != manifest["items"]:
        raise ValueError(f"{matrix.shape[0]} vectors for {manifest['items']} items")
    np.save(folder / MULTILINGUAL_FILE, np.ascontiguousarray(matrix, dtype=np.float16))
    licence = folder / "LICENSE.txt"
    text = licence.read_text(encoding="utf-8")
    if license_note and license_note.strip() not in text:
        licence.write_text(text.rstrip("\n") + "\n" + license_note, encoding="utf-8", newline="\n")
    sha = dict(manifest.get("sha256", {}))
    for name in (MULTILINGUAL_FILE, "LICENSE.txt"):
        sha[name] = sha256_file(folder / name)
    sha = dict(sorted(sha.items()))
    manifest |= {"multilingual_model": model_id, "sha256": sha,
                 "version": hashlib.sha256(json.dumps(sha, sort_keys=True).encode()).hexdigest()[:16]}
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                             encoding="utf-8", newline="\n")
    return manifest
