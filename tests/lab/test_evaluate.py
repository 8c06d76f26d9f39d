"""The evaluation harness: protocol, output contract, and the targets on MovieLens."""

from __future__ import annotations

import csv
import json
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from app.core.types import RankingParams
from app.lab.evaluate import Dataset, Evaluator, Protocol, split
from app.lab.movielens import Interactions
from app.services import Services
from tests.conftest import needs_shared

METRICS = ["ndcg@10", "recall@10", "recall@20", "hr@10", "mrr", "coverage@10", "novelty", "diversity"]
GENRES = ["Sci-Fi", "Romance", "Horror", "Comedy"]


def synthetic(folder: Path, *, users: int = 60, items: int = 120, seed: int = 0,
              names: dict[str, str] | None = None) -> tuple[Path, Path, Path]:
    """A small MovieLens-layout data set where each user loves one genre."""
    n = {"user": "userId", "item": "movieId", "rating": "rating", "timestamp": "timestamp",
         "title": "title", "genres": "genres", "tag": "tag", **(names or {})}
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    genre_of = [GENRES[i % 4] for i in range(items)]
    with (folder / "movies.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([n["item"], n["title"], n["genres"]])
        for i in range(items):
            w.writerow([i + 1, f"{genre_of[i]} Story Number {i} ({1980 + i % 30})", genre_of[i]])
    with (folder / "ratings.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([n["user"], n["item"], n["rating"], n["timestamp"]])
        for u in range(users):
            taste = GENRES[u % 4]
            liked = [i for i in range(items) if genre_of[i] == taste]
            picks = rng.choice(liked, size=12, replace=False).tolist() + rng.choice(items, 4).tolist()
            for t, i in enumerate(picks):
                w.writerow([u + 1, i + 1, 5.0 if genre_of[i] == taste else 2.0, 1_000_000 + t * 60 + u])
    with (folder / "tags.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow([n["user"], n["item"], n["tag"], n["timestamp"]])
        for i in range(0, items, 3):
            w.writerow([1, i + 1, genre_of[i].lower() + " classic", 1])
    return folder / "ratings.csv", folder / "movies.csv", folder / "tags.csv"


def test_split_holds_out_the_latest_positives() -> None:
    data = Interactions(
        users=np.array([0] * 6 + [1] * 3), items=np.array([str(k) for k in range(9)], dtype=object),
        ratings=np.array([5, 5, 2, 5, 5, 5, 5, 5, 5], dtype=np.float32),
        timestamps=np.array([1, 2, 3, 4, 5, 6, 1, 2, 3]), user_keys=("a", "b"),
    )
    result = split(data, Protocol(min_positives=5))
    assert result.test == {0: {"5"}}  # 20% of user 0's five positives; user 1 has too few
    assert "5" not in set(result.train.items.tolist()) and "2" in set(result.train.items.tolist())
    last = split(data, Protocol(min_positives=3, leave_last=2))
    assert last.test == {0: {"4", "5"}, 1: {"7", "8"}}


@pytest.mark.heavy
def test_eval_json_contract(cli, tmp_path: Path) -> None:
    ratings, items, tags = synthetic(tmp_path / "ml")
    result = cli("eval", "--ratings", str(ratings), "--items", str(items), "--tags", str(tags), "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    out = json.loads(result.stdout)
    assert out["protocol"]["holdout"] == 0.2 and out["protocol"]["users"] == 60
    assert set(out["models"]) == {"hearth", "mostpop", "itemknn", "ease"}
    for model in out["models"].values():
        for part in (model, model["cold"]):
            for name in METRICS:
                assert isinstance(part[name], float)
                low, high = part[f"{name}_ci"]
                assert low <= part[name] + 1e-9 and part[name] <= high + 1e-9
    # A genre-coherent world: every learned model beats popularity.
    assert out["models"]["hearth"]["ndcg@10"] > out["models"]["mostpop"]["ndcg@10"]
    text = cli("eval", "--ratings", str(ratings), "--items", str(items), "--leave-last", "2")
    assert text.returncode == 0 and "ndcg@10" in text.stdout and "last 2" in text.stdout


@pytest.mark.heavy  # an eval through the CLI, ~11 s
def test_eval_reads_other_layouts_with_map(cli, tmp_path: Path) -> None:
    names = {"user": "uid", "item": "iid", "rating": "stars", "timestamp": "ts", "title": "name"}
    ratings, items, _ = synthetic(tmp_path / "other", names=names)
    plain = cli("eval", "--ratings", str(ratings), "--items", str(items), "--json")
    assert plain.returncode == 1 and "--map" in plain.stderr
    mapped = cli("eval", "--ratings", str(ratings), "--items", str(items), "--json",
                 "--map", ",".join(f"{k}={v}" for k, v in names.items()))
    assert mapped.returncode == 0, mapped.stderr[-2000:]
    assert json.loads(mapped.stdout)["protocol"]["users"] == 60


@pytest.mark.lab
def test_movielens_targets(services: Services) -> None:
    src = needs_shared("data", "ml-latest-small")
    data = Dataset.folder(src)  # with film-metadata beside it, as the bundled catalog has it
    assert data.metadata is not None
    result = Evaluator(services.embeddings).evaluate(data)
    models = result["models"]
    print({m: (round(v["ndcg@10"], 4), round(v["cold"]["ndcg@10"], 4)) for m, v in models.items()})
    assert models["hearth"]["ndcg@10"] >= models["ease"]["ndcg@10"] > models["mostpop"]["ndcg@10"]
    for baseline in ("ease", "itemknn"):
        assert models["hearth"]["cold"]["ndcg@10"] > models[baseline]["cold"]["ndcg@10"]
        assert models["hearth"]["cold"]["mrr"] > models[baseline]["cold"]["mrr"]


@pytest.mark.lab
def test_goodbooks_targets(services: Services) -> None:
    """No timestamps: a seeded random fifth of each reader's positives is held out."""
    result = Evaluator(services.embeddings).evaluate(Dataset.folder(needs_shared("data", "goodbooks-10k")),
                                                     protocol=Protocol(max_users=2000))
    assert result["protocol"]["order"] == "random" and result["protocol"]["users"] == 2000
    models = result["models"]
    print({m: (round(v["ndcg@10"], 4), round(v["cold"]["ndcg@10"], 4)) for m, v in models.items()})
    assert models["hearth"]["ndcg@10"] >= models["ease"]["ndcg@10"] > models["itemknn"]["ndcg@10"]
    assert "cold" in models["hearth"]


# Constants where ml-latest-small's validation split and the sets kept back from tuning disagree, kept as those
# sets say. neutral_sds: the validation split prefers 1.25 (0.1520 against 0.1489) since recency runs from the
# last day read; goodbooks-10k (0.2660 against 0.2697), ml-100k (0.2119 against 0.2131) and the books replay
# (0.325 against 0.353) prefer 1.5. docs/evaluation.md has the figures.
KEPT_BY_HELD_OUT_SETS = {"neutral_sds"}


@pytest.mark.lab
def test_tuning_from_the_shipped_defaults_keeps_them(services: Services) -> None:
    src = needs_shared("data", "ml-latest-small")
    tuned, report = Evaluator(services.embeddings).tune(
        Dataset(ratings=src / "ratings.csv", items=src / "movies.csv", tags=src / "tags.csv"))
    shipped = RankingParams()
    moved = {f.name for f in fields(shipped) if getattr(tuned, f.name) != getattr(shipped, f.name)}
    assert moved <= KEPT_BY_HELD_OUT_SETS, (moved, report["cold_boost_trials"])
