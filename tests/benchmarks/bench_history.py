"""A long history: the first recommendation for a 3,000-entry history once the models and catalogs are
loaded, the next ones, and the catalogs' sizes on disk.

    python -m tests.benchmarks history [--entries 3000]

The history is 3,000 catalog items (films and books) with ratings spread over ten years, added
straight to the database (not timed). "Loaded" means the embedder and the ranking universe are in
memory, as they are in the app once the window shows its first list.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=3000)
    args = parser.parse_args(argv)
    from app.services import Services
    from app.services.catalogs import resources_dir
    from app.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        services = Services(store)
        start = time.perf_counter()
        services.catalogs.ensure_bundled()
        installed = time.perf_counter() - start
        rng = np.random.default_rng(0)
        ids = [r[0] for r in store.db.read("SELECT id FROM items ORDER BY popularity DESC LIMIT 8000")]
        chosen = rng.choice(ids, size=min(args.entries, len(ids)), replace=False)
        with store.transaction():
            for k, item_id in enumerate(chosen):
                day = f"{2014 + k * 10 // len(chosen)}-{1 + k % 12:02d}-{1 + k % 28:02d}"
                store.history.upsert(int(item_id), rating=float(rng.integers(1, 11)), scale=(1.0, 10.0),
                                     consumed_at=day, source="bench")
        services.embeddings.embedder.encode(["warm up"])
        services.recommender.universe()  # embeddings of every item in memory: the app's state once loaded
        start = time.perf_counter()
        first = services.recommender.recommend(k=10)
        first_s = time.perf_counter() - start
        again = []
        for _ in range(5):
            start = time.perf_counter()
            services.recommender.recommend(k=10)
            again.append(time.perf_counter() - start)
        share = min(r.terms.history_share for r in first)
        db = store.size_bytes()
        store.close()
    print(f"{args.entries}-entry history over both catalogs: first recommendation {first_s:.2f} s (target 1 s), "
          f"then p50 {statistics.median(again) * 1000:.0f} ms; history terms >= {share:.0%} of each top-10 score")
    folder = resources_dir() / "catalogs"
    for catalog in sorted(p for p in folder.iterdir() if p.is_dir()):
        sizes = {f.name: f.stat().st_size for f in catalog.iterdir() if f.is_file()}
        parts = ", ".join(f"{name} {size / 1e6:.1f} MB" for name, size in sorted(sizes.items()) if size > 100_000)
        print(f"catalog {catalog.name}: {sum(sizes.values()) / 1e6:.1f} MB on disk ({parts})")
    print(f"database with both catalogs installed and the history: {db / 1e6:.0f} MB; install {installed:.1f} s")


if __name__ == "__main__":
    main()
