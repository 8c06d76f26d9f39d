"""The desktop app: launch to window shown, and time to recommendations for a 200-item history.

    python -m tests.benchmarks gui

Launch: a fresh `python -m app --self-check` process (offscreen), timed from spawn to
the line the app prints once the window is shown; heavy imports are deferred. Then,
in this process, recommendations over both bundled catalogs for a 200-item history
of films and books: the first call (the catalog matrix loaded from the database),
then repeated calls (what a change of filters or feedback costs).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _launch(data: str) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", data, "--self-check"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    shown = ready = 0.0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("window shown"):
            shown = time.perf_counter() - start
        elif line.startswith("ready"):
            ready = time.perf_counter() - start
    proc.wait(timeout=120)
    return shown, ready


def main(argv: list[str] | None = None) -> None:
    del argv
    from app.services import Services
    from app.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        services = Services(store)
        services.catalogs.ensure_bundled()
        films = store.db.read("SELECT items.id FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
                              " WHERE catalogs.name = 'movielens-small' ORDER BY popularity DESC LIMIT 140")
        books = store.db.read("SELECT items.id FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
                              " WHERE catalogs.name = 'goodbooks-10k' ORDER BY popularity DESC LIMIT 60")
        for k, (item_id,) in enumerate(films + books):
            services.history.add(str(item_id), rating=[5, 4.5, 4, 3, 2][k % 5])
        store.close()
        launches = [_launch(tmp) for _ in range(3)]

        store = Store.open(Path(tmp))
        services = Services(store)
        _ = services.embeddings.embedder  # the embedding model is set up (no text needs embedding)
        start = time.perf_counter()
        services.recommender.recommend(k=50)
        first = time.perf_counter() - start
        times = []
        for _ in range(5):
            start = time.perf_counter()
            services.recommender.recommend(k=50)
            times.append(time.perf_counter() - start)
        store.close()
    shown = statistics.median(s for s, _ in launches)
    ready = statistics.median(r for _, r in launches)
    print(f"launch to window shown: p50 {shown:.2f} s (3 launches); first recommendations on screen: {ready:.2f} s")
    print(f"recommendations, 200-item history, both catalogs (19,742 items): first {first:.2f} s, "
          f"then p50 {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
