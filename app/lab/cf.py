"""Item-to-item weights learned from interactions (EASE, co-occurrence kNN).

Used offline by the catalog builders and by the evaluation baselines; the user's
own history never goes through here.
"""

from __future__ import annotations

import os

import numpy as np

from app.core.errors import InputError

__all__ = ["SIGNIFICANT_BITS", "cooccurrence_knn", "ease", "round_significand", "top_k_rows"]

SIGNIFICANT_BITS = 11  # float16's precision


DENSE_COPIES = 4  # (items, items) float64 arrays alive at once in ``ease``: the Gram matrix, its inverse, B


def _fits(items: int) -> None:
    """An InputError, not an out-of-memory kill, where the dense item-by-item matrices cannot fit in this
    machine's memory at all (ml-25m's 59,000 films need about 110 GB)."""
    need = DENSE_COPIES * items * items * 8
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (AttributeError, ValueError, OSError):  # not every system says
        return
    if need > total:
        raise InputError(f"{items:,} items is too many for EASE's dense item-by-item matrices: they need about"
                         f" {need / 2**30:.0f} GB, and this machine has {total / 2**30:.0f} GB of memory.",
                         hint="Evaluate a smaller data set (ml-latest-small, ml-1m, ml-10m, goodbooks-10k).")


def _gram(x: object) -> np.ndarray:
    """X'X in float64 for a dense or scipy-sparse (users, items) 0/1 matrix."""
    import scipy.sparse as sp

    _fits(int(x.shape[1]))  # type: ignore[attr-defined]

    if sp.issparse(x):
        xs = sp.csr_matrix(x, dtype=np.float64)
        return np.asarray((xs.T @ xs).toarray(), dtype=np.float64)
    xf = np.asarray(x, dtype=np.float64)
    return xf.T @ xf


def ease(x: object, *, l2: float = 300.0) -> np.ndarray:
    """EASE (Steck 2019): B = I - P diagMat(1 / diag(P)), P = (X'X + l2 I)^-1, diag(B) = 0.

    ``x`` is a (users, items) 0/1 matrix, dense or scipy-sparse; returns the dense (items, items)
    weights, where row h holds how much having item h raises (or lowers) each other item's score.
    """
    from scipy.linalg import lapack

    gram = _gram(x)
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


def cooccurrence_knn(x: object, *, shrink: float = 10.0) -> np.ndarray:
    """Cosine similarity of item co-occurrence columns with shrinkage (item-kNN)."""
    co = _gram(x)
    counts = np.diag(co).copy()
    norm = np.sqrt(np.outer(counts, counts)) + shrink
    sim = co / norm
    sim[np.diag_indices_from(sim)] = 0.0
    return sim


def round_significand(x: np.ndarray, bits: int = SIGNIFICANT_BITS) -> np.ndarray:
    """``x`` (float64) rounded to ``bits`` significant bits, half to even, with float64's exponent range
    (no float16 underflow). frexp, ldexp and rint are exact, so this gives the same bits on every CPU."""
    mantissa, exponent = np.frexp(np.asarray(x, dtype=np.float64))
    return np.ldexp(np.rint(np.ldexp(mantissa, bits)), exponent - bits)


def top_k_rows(weights: np.ndarray, *, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep each row's k weights of largest magnitude, negative ones too: (rows, cols, values), sorted
    by row, col. EASE's negative weights ("people who liked h did not like i") carry as much as its
    positive ones; dropping them cost 0.004 NDCG@10 on MovieLens.

    Values are rounded to float16's precision (what the compact bundles store) before the cut, and ties
    broken by column, so another CPU or BLAS gives the same bytes: their solves differ by up to ~2e-15,
    and no weight the bundled catalogs keep lies within 2e-14 of a boundary of this grid (steps ~1e-6).
    Cut on raw float64, weights equal in exact arithmetic (items with the same users) were ordered by
    that noise, and another BLAS kept a different 2.2% of the MovieLens pairs (issue 14).
    """
    n = weights.shape[1]
    k = min(k, n)
    rows, cols, vals = [], [], []
    for r in range(weights.shape[0]):
        row = round_significand(weights[r]).astype(np.float32)  # exact: 11 bits fit in float32
        size = np.abs(row)
        if k < n:
            # Everything tied with the k-th largest magnitude, then a stable order among them.
            threshold = size[np.argpartition(-size, k - 1)[k - 1]]
            near = np.flatnonzero(size >= threshold)
        else:
            near = np.arange(n)
        order = near[np.lexsort((near, -size[near]))][:k]
        order = order[row[order] != 0]
        order.sort()
        rows.append(np.full(len(order), r, dtype=np.int32))
        cols.append(order.astype(np.int32))
        vals.append(row[order])
    if not rows:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty, np.zeros(0, dtype=np.float32)
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
