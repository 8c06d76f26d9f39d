"""Embedding items, each text once per model: the cache is (model id, text hash)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

import numpy as np

from app.core.progress import CancelToken, Progress, no_progress
from app.core.scripts import reads_non_latin
from app.core.text import cjk_share, item_text, text_hash
from app.core.types import Item
from app.models.embedder import Embedder
from app.models.multilingual import MULTILINGUAL_MODEL_ID, MultilingualEmbedder
from app.storage import Store

__all__ = ["CJK_NOTICE", "QUERY_CJK_NOTICE", "EmbeddingService"]

log = logging.getLogger(__name__)

CJK_NOTICE = (
    "Most of the text being embedded is Chinese, Japanese or Korean, but the embedding model "
    "({model}) only understands English, so text similarity would be noise. Choose a multilingual "
    "sentence-transformers model's folder (e.g. paraphrase-multilingual-MiniLM-L12-v2) in Settings, "
    "Embedding model (hearth settings set embedding_model FOLDER)."
)

QUERY_CJK_NOTICE = (
    "Your words are Chinese, Japanese or Korean, but the embedding model ({model}) only understands "
    "English, so matching them by meaning would be noise: only words written exactly as in a title are "
    "found. For "
    "meaning, choose a multilingual sentence-transformers model's folder (e.g. "
    "paraphrase-multilingual-MiniLM-L12-v2) in Settings, Embedding model."
)


class EmbeddingService:
    """Finds texts with no cached vector for the current model and embeds only those."""

    CHUNK = 1024

    def __init__(
        self,
        store: Store,
        embedder_factory: Callable[[], Embedder],
        *,
        notice: Callable[[str], None] | None = None,
        multilingual_factory: Callable[[], MultilingualEmbedder | None] | None = None,
    ) -> None:
        self.store = store
        self._factory = embedder_factory
        self._embedder: Embedder | None = None
        self._multilingual_factory = multilingual_factory
        self._multilingual: MultilingualEmbedder | None = None
        self._multilingual_built = False
        self._notice = notice or log.warning
        self._warned_cjk = False
        self.last_embedded = 0  # texts sent to the model by the last call (0 = all cached)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = self._factory()
        return self._embedder

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    def reset(self) -> None:
        """Forget the model (after a settings change); the next use builds it anew."""
        self._embedder = None

    # -- the multilingual model, for text the English model cannot read ---------------------------

    @property
    def multilingual(self) -> MultilingualEmbedder | None:
        """The multilingual model (not loaded yet), or None where it is not installed. It is used only
        beside an English-only embedding model: a multilingual one set in Settings reads everything."""
        if not self._multilingual_built:
            self._multilingual_built = True
            self._multilingual = self._multilingual_factory() if self._multilingual_factory else None
        return self._multilingual if self.embedder.english_only else None

    @property
    def multilingual_model_id(self) -> str:
        model = self.multilingual
        return model.model_id if model is not None else MULTILINGUAL_MODEL_ID

    def routes(self, text: str) -> bool:
        """Whether this text is read by the multilingual model (app/core/scripts.py): mostly in a script
        other than Latin, while the embedding model is English-only and the multilingual one is there."""
        return reads_non_latin(text) and self.multilingual is not None

    def warm_multilingual(self) -> None:
        """Start loading the multilingual model in the background (no-op without it, or when loaded)."""
        model = self.multilingual
        if model is not None and not model.loaded:
            model.load_async()

    def embed_query_multilingual(self, texts: Sequence[str]) -> np.ndarray:
        """``embed_query`` by the multilingual model: unit vectors, never stored."""
        model = self.multilingual
        assert model is not None, "routes() said no multilingual model"
        return model.encode(list(texts), label="Reading your words")

    def embed_texts_multilingual(self, texts: Sequence[str], *, cancel: CancelToken | None = None) -> np.ndarray:
        """``embed_texts`` by the multilingual model: cached by (its model id, text hash)."""
        model = self.multilingual
        assert model is not None, "routes() said no multilingual model"
        hashes = [text_hash(t) for t in texts]
        missing = self.store.embeddings.missing(model.model_id, hashes)
        if missing:
            by_hash = dict(zip(hashes, texts))
            vectors = model.encode([by_hash[h] for h in missing], cancel=cancel, label="Embedding your own items")
            self.store.embeddings.put(model.model_id, dict(zip(missing, vectors)))
        found = self.store.embeddings.get(model.model_id, hashes)
        return np.stack([found[h] for h in hashes]) if texts else np.zeros((0, model.dim), np.float32)

    def embed_texts(
        self,
        texts: Sequence[str],
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> np.ndarray:
        """Vectors for the texts, in order: cached ones read, the rest embedded and stored."""
        hashes = [text_hash(t) for t in texts]
        missing = self.store.embeddings.missing(self.model_id, hashes)
        self.last_embedded = len(missing)
        if missing:
            by_hash = dict(zip(hashes, texts))
            self._check_language([by_hash[h] for h in missing])
            # Longest first across all chunks (as one encode() call would sort them), and
            # each chunk stored as it is done, so a cancel keeps the work already finished.
            missing.sort(key=lambda h: -len(by_hash[h]))
            total = len(missing)
            for start in range(0, total, self.CHUNK):
                chunk = missing[start : start + self.CHUNK]
                vectors = self.embedder.encode(
                    [by_hash[h] for h in chunk],
                    progress=lambda done, _t, label, s=start: progress(s + done, total, label),
                    cancel=cancel,
                )
                self.store.embeddings.put(self.model_id, dict(zip(chunk, vectors)))
        found = self.store.embeddings.get(self.model_id, hashes)
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([found[h] for h in hashes])

    def embed_query(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors for what a person typed (a search, a mood), L2-normalised and never stored: a query
        is not history, and the cache would keep it."""
        vectors = self.embedder.encode(list(texts), label="Reading your words").astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.where(norms > 0, norms, 1.0)

    def query_notice(self, texts: Sequence[str]) -> str:
        """What to tell a person whose words the embedding model cannot read ("" if it can)."""
        if not self.embedder.english_only or cjk_share(list(texts)) <= 0.3:
            return ""
        return QUERY_CJK_NOTICE.format(model=self.model_id)

    def embed_items(
        self,
        items: Sequence[Item],
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> np.ndarray:
        return self.embed_texts([item_text(it) for it in items], progress=progress, cancel=cancel)

    def _check_language(self, texts: Sequence[str]) -> None:
        if self._warned_cjk or not self.embedder.english_only or self.multilingual is not None:
            return  # (with the multilingual model, Chinese own items are read by it: app/services/multilingual.py)
        if cjk_share(list(texts)) > 0.5:
            self._warned_cjk = True
            self._notice(CJK_NOTICE.format(model=self.model_id))
