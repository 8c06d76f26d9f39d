"""The multilingual space beside the English one: every item's vector from the multilingual model
(app/models/multilingual.py), by universe position, and the evidence rows of what it reads.

The English model (all-MiniLM-L6-v2) cannot read Chinese. What the person types in a script it cannot
read (app/core/scripts.py), and their own items whose text is in one, get their text neighbours from
this space instead: their query or item vector against the catalogs' multilingual vectors (shipped
with the catalogs as embeddings-multilingual.npy). The two spaces never meet: a row's neighbours and
cosines all come from one model, and the scoring works on those sparse rows, whatever produced them,
so the attribution stays exact. English text never comes here.

The space is ready only when every catalog item has a multilingual vector; otherwise (catalogs built
without the matrix) everything is read as before, with one notice in the log.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.core import scoring
from app.core.scripts import reads_non_latin
from app.core.text import item_text
from app.models.multilingual import MULTILINGUAL_DIM, MULTILINGUAL_MODEL_ID
from app.services.embeddings import EmbeddingService
from app.storage import USER_CATALOG, Store

__all__ = ["BRIDGE_NEIGHBOURS", "NOT_READY_NOTICE", "MultilingualSpace", "Space"]

log = logging.getLogger(__name__)

# In the dense mode (text_neighbours = 0) a row needs a vector in the English space: a text read by the
# multilingual model gets the mean English vector of its nearest items in the multilingual space.
BRIDGE_NEIGHBOURS = 50

NOT_READY_NOTICE = (
    "{missing} of {total} catalog items have no vector from the multilingual text model (their catalog was "
    "built without embeddings-multilingual.npy), so Chinese and other non-Latin text is read by the English "
    "model as before. Rebuild it with: hearth build-catalog movielens|goodbooks --multilingual-only"
)


@dataclass(frozen=True, eq=False)
class Space:
    """The multilingual vectors of one universe."""

    key: tuple
    matrix: np.ndarray  # (N, 512) float32, unit rows; zero rows for items with no vector
    present: np.ndarray  # (N,) which items have one
    own_routed: np.ndarray  # sorted positions of the person's own items read by the multilingual model
    ready: bool  # every catalog item has a vector


class MultilingualSpace:
    def __init__(self, store: Store, embeddings: EmbeddingService, *,
                 notice: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.embeddings = embeddings
        self._notice = notice or log.warning
        self._warned = False
        self._lock = threading.Lock()
        self._own: tuple[tuple, np.ndarray] | None = None
        self._space: Space | None = None
        self.text_rows = scoring.TextRows()  # the own items' rows, as RecommendService keeps the English ones

    @property
    def available(self) -> bool:
        return self.embeddings.multilingual is not None

    def own_routed(self, key: tuple, item_ids: np.ndarray, catalog_ids: np.ndarray) -> np.ndarray:
        """Positions of the person's own items whose text is mostly non-Latin (read from the database once
        per universe; the catalogs' items are never routed: their text is English)."""
        if self._own is not None and self._own[0] == key:
            return self._own[1]
        own = self.store.items.catalog_id(USER_CATALOG)
        positions = np.flatnonzero(catalog_ids == own) if own is not None else np.zeros(0, np.int64)
        ids = item_ids[positions]
        found = self.store.items.get_many(ids.tolist()) if len(ids) else {}
        keep = [p for p, i in zip(positions.tolist(), ids.tolist())
                if i in found and reads_non_latin(item_text(found[i]))]
        routed = np.array(sorted(keep), dtype=np.int64)
        self._own = (key, routed)
        return routed

    def warm(self, key: tuple, item_ids: np.ndarray, catalog_ids: np.ndarray, pinned: Sequence[str]) -> None:
        """Load the model in the background when this person will need it (own items or pinned interests
        it reads), so the first list does not wait for it."""
        if self.available and (len(self.own_routed(key, item_ids, catalog_ids)) or any(map(reads_non_latin, pinned))):
            self.embeddings.warm_multilingual()

    def space(self, key: tuple, universe: scoring.Universe, catalog_ids: np.ndarray) -> Space | None:
        """The universe's multilingual vectors (loaded once per universe), or None without the model."""
        if not self.available:
            return None
        with self._lock:
            if self._space is not None and self._space.key == key:
                return self._space
            own = self.own_routed(key, universe.item_ids, catalog_ids)
            matrix, present = self.store.embeddings.item_vectors(MULTILINGUAL_MODEL_ID)
            if matrix.shape[1] != MULTILINGUAL_DIM or matrix.shape[0] != len(universe):
                matrix, present = np.zeros((len(universe), MULTILINGUAL_DIM), np.float32), np.zeros(len(universe), bool)
            todo = own[~present[own]]
            if len(todo):
                items = self.store.items.get_many(universe.item_ids[todo].tolist())
                texts = [item_text(items[int(i)]) for i in universe.item_ids[todo]]
                matrix[todo] = self.embeddings.embed_texts_multilingual(texts)
                present[todo] = True
            own_id = self.store.items.catalog_id(USER_CATALOG)
            catalog = catalog_ids != own_id if own_id is not None else np.ones(len(universe), bool)
            ready = bool(catalog.any() and present[catalog].all())
            if not ready and not self._warned:
                self._warned = True
                self._notice(NOT_READY_NOTICE.format(missing=int((catalog & ~present).sum()), total=int(catalog.sum())))
            self._space = Space(key, matrix, present, own, ready)
            self.text_rows.clear()
            return self._space

    def reads(self, text: str, space: Space | None) -> bool:
        """Whether this text is read in the multilingual space."""
        return space is not None and space.ready and self.embeddings.routes(text)

    def bridge(self, space: Space, universe: scoring.Universe, vectors: np.ndarray) -> np.ndarray:
        """English-space stand-ins for multilingual vectors (the dense mode's rows): the cosine-weighted
        mean English vector of each one's BRIDGE_NEIGHBOURS nearest catalog items in the multilingual space."""
        out = np.zeros((len(vectors), universe.embeddings.shape[1]), dtype=np.float32)
        if not len(vectors):
            return out
        sims = vectors @ space.matrix.T
        sims[:, ~space.present] = -np.inf
        sims[:, space.own_routed] = -np.inf  # the own items' English vectors are what could not be read
        for r, row in enumerate(sims):
            k = min(BRIDGE_NEIGHBOURS, int(np.isfinite(row).sum()))
            if k <= 0:
                continue
            top = np.argpartition(-row, k - 1)[:k]
            out[r] = np.clip(row[top], 0, None).astype(np.float32) @ universe.embeddings[top]
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms > 0, norms, 1.0)

    def own_evidence(self, space: Space | None, universe: scoring.Universe, positions: np.ndarray,
                     evidence: scoring.Evidence, *, k: int,
                     load: Callable[[list[int]], scoring.RowMap] | None = None,
                     save: Callable[[scoring.RowMap], None] | None = None) -> scoring.Evidence:
        """The evidence of history items with the rows of own items in a non-Latin script taken from the
        multilingual space: the same rows get neighbours (the TEXT_ROWS heaviest), from the other model."""
        if space is None or not space.ready or not len(space.own_routed):
            return evidence
        positions = np.asarray(positions, dtype=np.int64)
        routed = np.isin(positions, space.own_routed)
        if not routed.any():
            return evidence
        if evidence.text is None:  # dense: the rows' vectors are all there is
            embeddings = evidence.embeddings.copy()
            embeddings[routed] = self.bridge(space, universe, space.matrix[positions[routed]])
            return replace(evidence, embeddings=embeddings)
        # The rows that got English neighbours are the heaviest ones; among the routed rows those are also
        # the heaviest, so TextRows picks the same ones when given their weights.
        ml = self.text_rows.of(space.matrix, positions[routed], evidence.weights[: len(positions)][routed], k=k,
                               load=load, save=save)
        old = evidence.text
        rows: list[tuple[np.ndarray, np.ndarray]] = []
        for j, r in enumerate(np.cumsum(routed) - 1):
            span = slice(old.offsets[j], old.offsets[j + 1])
            if routed[j] and span.stop > span.start:
                mspan = slice(ml.offsets[r], ml.offsets[r + 1])
                # Above the row's k-th cosine: in this space a title with genres is close to every such
                # text and a blurb further from anything, and raw cosines let the thin texts decide.
                values = ml.values[mspan]
                rows.append((ml.positions[mspan], values - values.min()))
            else:
                rows.append((old.positions[span], old.values[span]))
        return replace(evidence, text=scoring.SparseRows.from_lists(rows))

    def asked(self, space: Space, universe: scoring.Universe, texts: Sequence[str], *, k: int | None,
              within: Sequence[np.ndarray | None] | None = None) -> tuple[np.ndarray, scoring.SparseRows | None]:
        """For texts this space reads: their English-space stand-ins, and (k given) their k nearest items
        in the multilingual space as text rows, among the positions ``within[r]`` where given."""
        q = self.embeddings.embed_query_multilingual(texts)
        rows = None
        if k is not None:
            k = min(k, int(space.present.sum()))
            found: list[tuple[np.ndarray, np.ndarray]] = []
            for r, positions in enumerate(within or [None] * len(texts)):
                if positions is None:  # the whole matrix, not a copy of it (40 MB at 20,000 items)
                    near = scoring.text_neighbours(space.matrix, q[r : r + 1], k=k)
                    found.append((near.positions, near.values))
                    continue
                chosen = positions[space.present[positions]]
                near = scoring.text_neighbours(space.matrix[chosen], q[r : r + 1], k=k)
                found.append((chosen[near.positions], near.values))
            rows = scoring.SparseRows.from_lists(found)
        return self.bridge(space, universe, q), rows

    def similarities(self, space: Space, text: str) -> np.ndarray:
        """The cosine of one text to every item in the multilingual space (-inf where an item has none)."""
        q = self.embeddings.embed_query_multilingual([text])[0]
        sims = space.matrix @ q
        sims[~space.present] = -np.inf
        return sims
