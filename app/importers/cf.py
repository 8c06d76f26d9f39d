"""Item-to-item weights learned from interactions (EASE, co-occurrence kNN).

Used offline by the catalog builders and by the evaluation baselines; the user's
own history never goes through here.
"""

from __future__ import annotations

import numpy as np

__all__ = ["cooccurrence_knn", "ease", "top_k_rows"]


def ease(x: np.ndarray, *, l2: float = 300.0) -> np.ndarray:
    """EASE (Steck 2019): B = I - P diagMat(1 / diag(P)), P = (X'X + l2 I)^-1, diag(B) = 0.

    ``x`` is a (users, items) 0/1 matrix; returns the dense (items, items) weights,
    where row h holds how much having item h raises each other item's score.
    """
    from scipy.linalg import lapack

    gram = x.T.astype(np.float64) @ x.astype(np.float64)
    gram[np.diag_indices_from(gram)] += l2
    # The Gram matrix is symmetric positive definite: a Cholesky inverse is ~6x faster than inv().
    factor, info = lapack.dpotrf(gram, lower=False, overwrite_a=True)
    if info != 0:
        raise ValueError(f"EASE: Cholesky factorisation failed (info={info})")
    p, info = lapack.dpotri(factor, lower=False, overwrite_c=True)
    if info != 0:
        raise ValueError(f"EASE: inverse failed (info={info})")
    p = np.triu(p) + np.triu(p, 1).T
    b = p / (-np.diag(p))
    b[np.diag_indices_from(b)] = 0.0
    return b


def cooccurrence_knn(x: np.ndarray, *, shrink: float = 10.0) -> np.ndarray:
    """Cosine similarity of item co-occurrence columns with shrinkage (item-kNN)."""
    xf = x.astype(np.float64)
    co = xf.T @ xf
    counts = np.diag(co).copy()
    norm = np.sqrt(np.outer(counts, counts)) + shrink
    sim = co / norm
    sim[np.diag_indices_from(sim)] = 0.0
    return sim


def top_k_rows(weights: np.ndarray, *, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep each row's k largest positive weights: (rows, cols, values), sorted by row, col.

    Ties are broken by column so the result is the same on every machine.
    """
    n = weights.shape[1]
    k = min(k, n)
    rows, cols, vals = [], [], []
    for r in range(weights.shape[0]):
        row = weights[r]
        if k < n:
            # Everything tied with the k-th largest value, then a stable order among them.
            threshold = row[np.argpartition(-row, k - 1)[k - 1]]
            near = np.flatnonzero(row >= threshold)
        else:
            near = np.arange(n)
        order = near[np.lexsort((near, -row[near]))][:k]
        order = order[row[order] > 0]
        order.sort()
        rows.append(np.full(len(order), r, dtype=np.int32))
        cols.append(order.astype(np.int32))
        vals.append(row[order].astype(np.float32))
    if not rows:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
