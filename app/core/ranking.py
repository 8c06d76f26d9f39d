"""The one way Hearth ranks, for the app (app/services/recommend.py) and the lab (app/lab/evaluate.py,
app/lab/explain_eval.py) alike: evidence rows of history items, the scoring model over the candidates,
and each result as a Recommendation with its attribution."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from app.core import scoring
from app.core.types import Contribution, Item, RankingParams, Recommendation, ScoreTerms

__all__ = ["item_evidence", "mainstream_of", "recommendation", "recommend"]


def item_evidence(
    universe: scoring.Universe,
    positions: np.ndarray,
    weights: np.ndarray,
    params: RankingParams,
    *,
    cf: scoring.SparseRows,
    text_rows: scoring.TextRows,
    load: Callable[[list[int]], scoring.RowMap] | None = None,
    save: Callable[[scoring.RowMap], None] | None = None,
    ratings: Sequence[float | None] = (),
) -> scoring.Evidence:
    """The evidence rows of the items at ``positions`` with weights w_h: their vectors, their text
    neighbours (kept by ``text_rows``; ``load``/``save`` persist them) and their co-liked rows ``cf``.
    ``ratings`` (normalised, None if unrated), one per position where given, say how mainstream the
    person is: how their ratings follow the popularity of what they rated (scoring.mainstream)."""
    text = None
    k = scoring.neighbours_for(params, len(positions))
    if k > 0:
        text = text_rows.of(universe.embeddings, positions, weights, k=k, load=load, save=save)
    return scoring.Evidence(weights=weights, embeddings=universe.embeddings[positions], text=text,
                            cf=scoring.dislikes_push_down(cf, weights),
                            mainstream=mainstream_of(universe, positions, ratings),
                            kinds=None if universe.kinds is None else universe.kinds[positions])


def mainstream_of(universe: scoring.Universe, positions: np.ndarray, ratings: Sequence[float | None]) -> float:
    """The person's ``scoring.mainstream`` over their rated items that people rated (the catalogs')."""
    counts = universe.counts
    rated = [(p, r) for p, r in zip(np.asarray(positions).tolist(), ratings)
             if r is not None and (counts is None or counts[p] > 0)]
    if not rated:
        return 0.0
    pos = np.array([p for p, _ in rated], dtype=np.int64)
    return scoring.mainstream(np.array([r for _, r in rated], dtype=np.float64), universe.prior[pos])


def recommend(
    universe: scoring.Universe,
    evidence: scoring.Evidence,
    evidence_items: Sequence[Item],
    params: RankingParams,
    *,
    items: Callable[[list[int]], Mapping[int, Item]],
    candidates: np.ndarray,
    feedback: np.ndarray | None = None,
    k: int = 10,
    diversity: float = 0.0,
    only: Sequence[int] | None = None,
    top_contributions: int | None = 3,
) -> list[Recommendation]:
    """The top k candidates (or exactly ``only``), each with the ``top_contributions`` largest shares of
    its score (all with None). ``items(positions)`` gives the Item at each universe position."""
    scored = scoring.rank(universe, evidence, params, candidates=candidates, feedback=feedback, k=k,
                          diversity=diversity, only=only)
    found = items([s.position for s in scored])
    return [recommendation(rank, s, found[s.position], evidence, evidence_items, top_contributions)
            for rank, s in enumerate(scored, start=1)]


def recommendation(
    rank: int,
    s: scoring.Scored,
    item: Item,
    evidence: scoring.Evidence,
    evidence_items: Sequence[Item],
    top: int | None,
) -> Recommendation:
    """One scored item as a Recommendation: its terms, and the non-zero contributions of the evidence
    rows, largest first (ties by item id)."""
    parts = [
        Contribution(
            item_id=int(h.id or 0), title=h.title, year=h.year,
            weight=float(evidence.weights[j]),
            content=float(s.by_history_content[j]), cf=float(s.by_history_cf[j]),
            source=h.kind if h.kind in ("query", "interest") else "history",
        )
        for j, h in enumerate(evidence_items)
        if s.by_history_content[j] != 0 or s.by_history_cf[j] != 0
    ]
    parts.sort(key=lambda c: (-c.contribution, c.item_id))
    return Recommendation(
        rank=rank,
        item=item,
        probability=s.probability,
        score=s.score,
        terms=ScoreTerms(content=s.content, cf=s.cf, prior=s.prior, feedback=s.feedback, popularity_weight=s.gamma,
                         popularity_short=s.short_gamma),
        contributions=tuple(parts[:top] if top is not None else parts),
        match=s.match,
    )
