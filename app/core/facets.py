"""Interest facets: the history's embeddings clustered, each cluster labelled by its genres."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.types import Item

__all__ = ["Facet", "find_facets", "kmeans"]


@dataclass(frozen=True)
class Facet:
    label: str  # its most frequent genres and tags
    items: tuple[Item, ...]  # the most representative first
    weight: float  # share of the history's (positive) weight


def kmeans(x: np.ndarray, k: int, *, weights: np.ndarray | None = None, seed: int = 0,
           rounds: int = 50) -> np.ndarray:
    """Weighted spherical k-means with k-means++ seeding; returns each row's cluster."""
    n = len(x)
    k = max(1, min(k, n))
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    centres = [x[int(np.argmax(w))]]
    for _ in range(1, k):
        dist = np.min([1 - x @ c for c in centres], axis=0).clip(min=0) * w
        total = dist.sum()
        pick = int(rng.choice(n, p=dist / total)) if total > 0 else int(rng.integers(n))
        centres.append(x[pick])
    c = np.array(centres)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(rounds):
        new = np.argmax(x @ c.T, axis=1)
        if _ > 0 and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = labels == j
            if members.any():
                centre = (x[members] * w[members, None]).sum(axis=0)
                norm = np.linalg.norm(centre)
                c[j] = centre / norm if norm > 0 else c[j]
    return labels


def _label(items: Sequence[Item]) -> str:
    counts: Counter[str] = Counter()
    for it in items:
        counts.update({g: 2 for g in it.genres})
        counts.update({t.lower(): 1 for t in it.tags[:3]})
        counts.update({c: 1 for c in it.creators[:1]})
    top = [name for name, n in counts.most_common(3) if n >= 2 or len(items) == 1]
    return ", ".join(top) if top else items[0].title


def find_facets(items: Sequence[Item], embeddings: np.ndarray, weights: np.ndarray, *,
                max_facets: int = 6, per_facet: int = 5, seed: int = 0) -> list[Facet]:
    """Cluster what the person liked (positive weights) into a few labelled facets."""
    keep = np.flatnonzero(np.asarray(weights) > 0)
    if not len(keep):
        return []
    x = embeddings[keep].astype(np.float64)
    w = np.asarray(weights, dtype=np.float64)[keep]
    k = int(np.clip(round(np.sqrt(len(keep) / 2)), 1, max_facets))
    labels = kmeans(x, k, weights=w, seed=seed)
    facets = []
    for j in np.unique(labels):
        members = np.flatnonzero(labels == j)
        centre = (x[members] * w[members, None]).sum(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        order = members[np.argsort(-(x[members] @ centre) * w[members], kind="stable")]
        chosen = [items[keep[m]] for m in order]
        facets.append(Facet(label=_label(chosen), items=tuple(chosen[:per_facet]),
                            weight=float(w[members].sum() / w.sum())))
    facets.sort(key=lambda f: -f.weight)
    return facets
