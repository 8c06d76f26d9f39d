"""Run the benchmarks: python -m tests.benchmarks [ranking|embedding|cli|import|eval|gui|history ...] (default: all)."""

from __future__ import annotations

import sys

from tests.benchmarks import (
    bench_cli,
    bench_embedding,
    bench_eval,
    bench_gui,
    bench_history,
    bench_import,
    bench_ranking,
)

BENCHES = {
    "ranking": bench_ranking.main,
    "embedding": bench_embedding.main,
    "cli": bench_cli.main,
    "import": bench_import.main,
    "eval": bench_eval.main,
    "gui": bench_gui.main,
    "history": bench_history.main,
}


def main() -> None:
    names = [a for a in sys.argv[1:] if a in BENCHES] or list(BENCHES)
    for name in names:
        print(f"== {name} ==", flush=True)
        BENCHES[name]([])
        print(flush=True)


if __name__ == "__main__":
    main()
