"""Offline ranking metrics, per user, and a user-level bootstrap for their intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["PER_USER", "bootstrap_ci", "coverage", "coverage_ci", "ndcg_at", "user_metrics"]

PER_USER = ("ndcg@10", "recall@10", "recall@20", "hr@10", "mrr", "novelty", "diversity")


def _dcg(hits: np.ndarray) -> float:
    return float(np.sum(hits / np.log2(np.arange(2, len(hits) + 2))))


def ndcg_at(ranked: Sequence[int], relevant: set[int], k: int = 10) -> float:
    """NDCG@k of one ranked list with binary relevance."""
    hits = np.array([r in relevant for r in ranked[:k]], dtype=np.float64)
    ideal = _dcg(np.ones(min(len(relevant), k)))
    return _dcg(hits) / ideal if ideal else 0.0


def user_metrics(
    *,
    top: np.ndarray,
    relevant: set[int],
    first_relevant_rank: int,
    self_information: np.ndarray,
    embeddings: np.ndarray | None,
) -> dict[str, float]:
    """Metrics of one user's list.

    ``top`` holds at least 20 item positions, best first; ``first_relevant_rank`` is the
    1-based rank of the best-placed relevant item in the full ranking (for MRR).
    Recall@k divides by min(|relevant|, k).
    """
    hits = np.array([p in relevant for p in top[:20]], dtype=np.float64)
    n_rel = len(relevant)
    ideal = _dcg(np.ones(min(n_rel, 10)))
    ten = top[:10]
    out = {
        "ndcg@10": _dcg(hits[:10]) / ideal if ideal else 0.0,
        "recall@10": hits[:10].sum() / min(n_rel, 10),
        "recall@20": hits[:20].sum() / min(n_rel, 20),
        "hr@10": float(hits[:10].any()),
        "mrr": 1.0 / first_relevant_rank if first_relevant_rank > 0 else 0.0,
        "novelty": float(self_information[ten].mean()) if len(ten) else 0.0,
        "diversity": _intra_list_diversity(embeddings[ten]) if embeddings is not None and len(ten) > 1 else 0.0,
    }
    return out


def _intra_list_diversity(vectors: np.ndarray) -> float:
    """Mean pairwise cosine distance within a list (rows L2-normalised)."""
    sims = vectors @ vectors.T
    n = len(vectors)
    return float(1.0 - (sims.sum() - np.trace(sims)) / (n * (n - 1)))


def coverage(lists: Sequence[np.ndarray], n_items: int) -> float:
    """Share of the catalog that appears in at least one top-10 list."""
    if not lists:
        return 0.0
    return float(len(np.unique(np.concatenate([np.asarray(x[:10]) for x in lists]))) / n_items)


def bootstrap_ci(
    values: np.ndarray, *, rounds: int = 1000, seed: int = 0, alpha: float = 0.05
) -> tuple[float, float]:
    """Percentile interval of the mean, resampling users with replacement."""
    values = np.asarray(values, dtype=np.float64)
    if len(values) == 0:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(rounds, len(values)))
    means = values[idx].mean(axis=1)
    return (float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2)))


def coverage_ci(
    lists: Sequence[np.ndarray], n_items: int, *, rounds: int = 200, seed: int = 0
) -> tuple[float, float]:
    """Bootstrap interval of coverage@10, resampling users' lists.

    Resampling repeats users, which can only shrink a union, so every resample sits
    below the estimate; the interval is the resamples' spread, re-centred on the estimate.
    """
    if not lists:
        return (0.0, 0.0)
    rng = np.random.default_rng(seed)
    tops = np.stack([np.asarray(x[:10]) for x in lists])
    estimate = len(np.unique(tops)) / n_items
    values = [len(np.unique(tops[rng.integers(0, len(tops), len(tops))])) / n_items for _ in range(rounds)]
    shift = estimate - float(np.mean(values))
    return (float(np.quantile(values, 0.025) + shift), float(np.quantile(values, 0.975) + shift))
