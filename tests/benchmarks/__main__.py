"""Run the benchmarks (default: all):

    python -m tests.benchmarks [ranking|embedding|cli|import|eval|explain|gui|history|search|stats|multilingual ...]
"""

from __future__ import annotations

import sys

from tests.benchmarks import (
    bench_cli,
    bench_embedding,
    bench_eval,
    bench_explain,
    bench_gui,
    bench_history,
    bench_import,
    bench_multilingual,
    bench_ranking,
    bench_search,
    bench_stats,
)

BENCHES = {
    "ranking": bench_ranking.main,
    "embedding": bench_embedding.main,
    "cli": bench_cli.main,
    "import": bench_import.main,
    "eval": bench_eval.main,
    "explain": bench_explain.main,
    "gui": bench_gui.main,
    "history": bench_history.main,
    "search": bench_search.main,
    "stats": bench_stats.main,
    "multilingual": bench_multilingual.main,
}


def main() -> None:
    names = [a for a in sys.argv[1:] if a in BENCHES] or list(BENCHES)
    options = [a for a in sys.argv[1:] if a not in BENCHES]  # e.g. "explain --set check"
    for name in names:
        print(f"== {name} ==", flush=True)
        BENCHES[name](options if len(names) == 1 else [])
        print(flush=True)


if __name__ == "__main__":
    main()
