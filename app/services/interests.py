"""Data for the interests view: the facets on a 2-D map, and history x recommendations similarity."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.core.errors import InputError, NotFound
from app.core.typed import MAX_ID, MAX_PINS, typed_text
from app.services.explain import ExplainService
from app.services.recommend import RecommendService

__all__ = ["InterestMap", "InterestsService"]


@dataclass(frozen=True)
class InterestMap:
    titles: list[str]
    xy: np.ndarray  # (n, 2) a 2-D projection of the embeddings (principal components)
    group: list[str]  # the facet label, or "recommended"
    is_history: list[bool]
    heat_rows: list[str]  # history items
    heat_cols: list[str]  # top recommendations
    heat: np.ndarray  # cosine similarity, (rows, cols)


class InterestsService:
    def __init__(self, recommender: RecommendService, explainer: ExplainService) -> None:
        self.recommender = recommender
        self.explainer = explainer

    # -- standing interests: what the person asked for in words and pinned ----------------------

    def pinned(self) -> list[tuple[int, str, str]]:
        """(id, text, added_at) of each pinned interest."""
        return self.recommender.store.interests.all()

    def pin(self, text: str) -> int:
        text = typed_text(text, "A pinned interest")
        if not text:
            raise InputError("Say what the interest is: a few words, e.g. \"slow-burning Nordic crime\".",
                             zh="请说说这个兴趣是什么：几个词就行，例如“节奏缓慢的北欧犯罪故事”。")
        store = self.recommender.store.interests
        if text not in store.texts() and len(store.texts()) >= MAX_PINS:
            raise InputError(f"You have {MAX_PINS} pinned interests, as many as Hearth keeps (each counts in every"
                             " list).", hint="Unpin one first.", command="hearth interests lists them; hearth"
                             " interests unpin N.",
                             zh=f"你已经固定了 {MAX_PINS} 个兴趣，这是 Hearth 能保存的上限（每一个都会影响所有列表）。",
                             zh_hint="请先取消固定一个。")
        return store.add(text)

    def unpin(self, interest_id: int) -> None:
        if not 0 < interest_id <= MAX_ID or not self.recommender.store.interests.remove(interest_id):
            raise NotFound(f"There is no pinned interest {interest_id}.", command="hearth interests lists them.")

    def interest_map(self, *, recommendations: int = 12, heat_rows: int = 12) -> InterestMap:
        facets = self.explainer.facets()
        loaded = self.recommender.universe()
        recs = self.recommender.recommend(k=recommendations)
        history = [(i, f.label) for f in facets for i in f.items]
        ids = [int(i.id or 0) for i, _ in history] + [int(r.item.id or 0) for r in recs]
        pos = np.searchsorted(loaded.universe.item_ids, ids)
        e = loaded.universe.embeddings[pos].astype(np.float64)
        centred = e - e.mean(axis=0)
        _, _, vt = np.linalg.svd(centred, full_matrices=False)
        xy = centred @ vt[:2].T if len(e) > 1 else np.zeros((len(e), 2))
        rows = history[:heat_rows]
        heat = e[: len(rows)] @ e[len(history):].T
        return InterestMap(
            titles=[i.label for i, _ in history] + [r.item.label for r in recs],
            xy=xy,
            group=[label for _, label in history] + ["recommended"] * len(recs),
            is_history=[True] * len(history) + [False] * len(recs),
            heat_rows=[i.label for i, _ in rows],
            heat_cols=[r.item.label for r in recs],
            heat=heat,
        )
