"""The full `hearth eval` on MovieLens latest-small, timed as a person runs it.

    python -m tests.benchmarks eval

Needs ../shared/data/ml-latest-small (the development checkout); says so and stops
without it. The first run in a data folder also embeds the items whose text differs
from the bundled catalog's (tags of held-out ratings are left out).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data" / "ml-latest-small"


def main(argv: list[str] | None = None) -> None:
    del argv
    if not DATA.is_dir():
        print(f"skipped: {DATA} is absent")
        return
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", tmp, "eval", "--ratings", str(DATA / "ratings.csv"),
             "--items", str(DATA / "movies.csv"), "--tags", str(DATA / "tags.csv"), "--json"],
            capture_output=True, text=True, env=env, cwd=ROOT,
        )
        wall = time.perf_counter() - start
    if result.returncode:
        print(result.stderr[-2000:])
        return
    out = json.loads(result.stdout)
    print(f"hearth eval on ml-latest-small, fresh data folder (catalog install included): {wall:.0f} s wall")
    print(f"{'model':<9} {'ndcg@10':>8} {'95% CI':>16} {'cold ndcg@10':>13} {'cold mrr':>9}")
    for name, m in out["models"].items():
        low, high = m["ndcg@10_ci"]
        print(f"{name:<9} {m['ndcg@10']:>8.4f} [{low:.3f}, {high:.3f}] {m['cold']['ndcg@10']:>13.4f} "
              f"{m['cold']['mrr']:>9.4f}")


if __name__ == "__main__":
    main()
