"""Ranking with attribution, top 50, on synthetic catalogs, against a bare mat-vec.

    python -m tests.benchmarks ranking [--sizes 10000,100000,1000000] [--repeats 15]

The engine's per-request work is timed the way the service runs it: each history
item's text neighbours are computed once and cached (their one-off cost is printed
too), the catalog weights B are sparse rows. "dense" is the article's plain
mean-profile content term (text_neighbours = 0), which is one mat-vec by itself.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from app.core import scoring
from app.core.types import RankingParams


def _p50(fn, repeats: int) -> float:  # noqa: ANN001
    fn()  # warm caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def bench(n: int, *, d: int = 384, m: int = 200, repeats: int = 15, seed: int = 0) -> dict[str, float]:
    rng = np.random.default_rng(seed)
    emb = rng.standard_normal((n, d), dtype=np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    prior = rng.random(n, dtype=np.float32)
    hist = rng.choice(n, size=m, replace=False)
    universe = scoring.Universe(item_ids=np.arange(n, dtype=np.int64), embeddings=emb, prior=prior)
    cf = scoring.SparseRows.from_lists(
        [(rng.choice(n, size=100, replace=False), rng.random(100, dtype=np.float32)) for _ in range(m)]
    )
    weights = rng.random(m)
    weights /= weights.sum()
    candidates = np.ones(n, dtype=bool)
    candidates[hist] = False
    params = RankingParams()

    start = time.perf_counter()
    text = scoring.text_neighbours(emb, emb[hist], k=params.text_neighbours, exclude=hist.tolist())
    neighbours_once = (time.perf_counter() - start) * 1000

    knn = scoring.Evidence(weights=weights, embeddings=emb[hist], text=text, cf=cf)
    dense = scoring.Evidence(weights=weights, embeddings=emb[hist], text=None, cf=cf)
    dense_params = params.with_(text_neighbours=0)
    vector = emb[hist[0]].copy()

    result = {
        "matvec_ms": _p50(lambda: emb @ vector, repeats),
        "rank_ms": _p50(lambda: scoring.rank(universe, knn, params, candidates=candidates, k=50), repeats),
        "rank_dense_ms": _p50(
            lambda: scoring.rank(universe, dense, dense_params, candidates=candidates, k=50), repeats
        ),
        "neighbours_once_ms": neighbours_once,
    }
    ranked = scoring.rank(universe, knn, params, candidates=candidates, k=50)
    assert len(ranked) == 50 and all(len(s.by_history_content) == m for s in ranked)
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args(argv)
    print("ranking with attribution: top 50, 384 dims, 200-item history, 100 B weights per history item")
    print(f"{'items':>9} {'matvec p50':>11} {'rank p50':>9} {'ratio':>6} {'dense p50':>10} {'ratio':>6} "
          f"{'neighbours (once)':>18}")
    for n in (int(s) for s in args.sizes.split(",")):
        r = bench(n, repeats=args.repeats)
        print(f"{n:>9,} {r['matvec_ms']:>9.1f}ms {r['rank_ms']:>7.1f}ms {r['rank_ms'] / r['matvec_ms']:>5.2f}x "
              f"{r['rank_dense_ms']:>8.1f}ms {r['rank_dense_ms'] / r['matvec_ms']:>5.2f}x "
              f"{r['neighbours_once_ms']:>16.0f}ms")


if __name__ == "__main__":
    main()
