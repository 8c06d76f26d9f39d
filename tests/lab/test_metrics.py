from __future__ import annotations

import math

import numpy as np
import pytest

from app.lab import metrics


def test_ranking_metrics_by_hand() -> None:
    top = np.arange(20)
    info = np.ones(100)
    m = metrics.user_metrics(top=top, relevant={1, 15, 50}, first_relevant_rank=2, self_information=info,
                             embeddings=None)
    assert m["ndcg@10"] == pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3) + 1 / math.log2(4)))
    assert m["recall@10"] == pytest.approx(1 / 3) and m["recall@20"] == pytest.approx(2 / 3)
    assert m["hr@10"] == 1.0 and m["mrr"] == 0.5 and m["novelty"] == 1.0
    many = set(range(5, 40))  # more relevant items than k: recall divides by k
    assert metrics.user_metrics(top=top, relevant=many, first_relevant_rank=6, self_information=info,
                                embeddings=None)["recall@10"] == pytest.approx(5 / 10)


def test_diversity_and_coverage() -> None:
    e = np.eye(20, dtype=np.float32)
    m = metrics.user_metrics(top=np.arange(20), relevant={0}, first_relevant_rank=1,
                             self_information=np.zeros(20), embeddings=e)
    assert m["diversity"] == pytest.approx(1.0)  # orthogonal items: as different as can be
    same = np.ones((20, 4), dtype=np.float32) / 2
    assert metrics.user_metrics(top=np.arange(20), relevant={0}, first_relevant_rank=1,
                                self_information=np.zeros(20), embeddings=same)["diversity"] == pytest.approx(0.0)
    assert metrics.coverage([np.arange(10), np.arange(5, 15)], 100) == pytest.approx(0.15)


def test_bootstrap_intervals_hold_the_estimate() -> None:
    values = np.random.default_rng(1).random(500)
    low, high = metrics.bootstrap_ci(values)
    assert low < values.mean() < high and high - low < 0.1
    lists = [np.random.default_rng(k).choice(1000, 10, replace=False) for k in range(200)]
    low, high = metrics.coverage_ci(lists, 1000)
    assert low <= metrics.coverage(lists, 1000) <= high
