"""EASE top-k weights are the same on every CPU: chosen on a grid far coarser than BLAS rounding."""

from __future__ import annotations

import numpy as np
import pytest

from app.lab.cf import ease, round_significand, top_k_rows


def _with_twins() -> np.ndarray:
    """A 0/1 (users, items) matrix where groups of items have the same users: their EASE weights are equal in
    exact arithmetic, and only rounding orders them (as for MovieLens films liked by one person)."""
    rng = np.random.default_rng(7)
    x = (rng.random((300, 120)) < 0.08).astype(np.float64)
    for first in range(0, 120, 6):  # 20 groups of 6 identical columns
        x[:, first + 1:first + 6] = x[:, [first]]
    return x


def test_the_top_k_cut_ignores_blas_rounding() -> None:
    b = ease(_with_twins(), l2=30.0)
    # Another BLAS: the measured difference is up to ~2e-15 at weights of ~1e-3; 1e-12 relative is more.
    other = b * (1 + 1e-12 * np.random.default_rng(1).standard_normal(b.shape))
    ours, theirs = top_k_rows(b, k=40), top_k_rows(other, k=40)
    assert all(np.array_equal(a, c) for a, c in zip(ours, theirs))
    # Without the grid, the same noise picks other twins at the cut: the check above could fail.
    raw = [set(np.argsort(-np.abs(m[r]), kind="stable")[:40]) for m in (b, other) for r in range(len(m))]
    assert raw[:len(b)] != raw[len(b):]


def test_weights_are_kept_at_float16_precision_with_ties_by_column() -> None:
    w = np.array([[0.0, 0.5, -0.30001, 0.30002, 0.3, 1e-9]])  # the three 0.3s are one float16
    rows, cols, vals = top_k_rows(w, k=3)
    assert cols.tolist() == [1, 2, 3] and vals.dtype == np.float32
    assert np.array_equal(vals, np.array([0.5, -0.3, 0.3], dtype=np.float16).astype(np.float32))
    # float16's rounding (half to even) where it has its full precision; no underflow below it.
    v = np.random.default_rng(0).normal(scale=1e-2, size=100_000)
    normal = np.abs(v) >= np.finfo(np.float16).tiny
    assert np.array_equal(round_significand(v[normal]), v[normal].astype(np.float16).astype(np.float64))
    assert round_significand(np.array([1e-9]))[0] != 0 and round_significand(np.array([0.0]))[0] == 0


def test_too_many_items_for_dense_ease_is_a_clear_error() -> None:
    import scipy.sparse as sp

    from app.core.errors import InputError

    x = sp.csr_matrix((10, 2_000_000), dtype=np.float32)  # 2 million items: ~116 TB of dense matrices
    with pytest.raises(InputError, match="too many for EASE"):
        ease(x)
