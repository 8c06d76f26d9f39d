"""The scoring model: the article's worked example, exact attribution, weights, MMR."""

from __future__ import annotations

import math

import numpy as np
import pytest

from app.core import scoring
from app.core.types import HistoryEntry, Item, RankingParams

ARTICLE_U = np.array([[0.1, 0.2, 0.3, 0.4]], dtype=np.float32)
ARTICLE_ITEMS = np.array(
    [[0.5, 0.1, 0.2, 0.2], [0.1, 0.3, 0.2, 0.4], [0.3, 0.2, 0.3, 0.2]], dtype=np.float32
)


def _article() -> tuple[scoring.Universe, scoring.Evidence, RankingParams]:
    universe = scoring.Universe(
        item_ids=np.array([1, 2, 3]), embeddings=ARTICLE_ITEMS, prior=np.zeros(3, np.float32)
    )
    evidence = scoring.Evidence(
        weights=np.array([1.0]), embeddings=ARTICLE_U, text=None, cf=scoring.SparseRows.empty(1)
    )
    params = RankingParams(alpha=1.0, beta=0.0, gamma=0.0, tau=1.0, text_neighbours=0, short_boost=0.0)
    return universe, evidence, params


def test_article_section_4_3_with_correct_arithmetic() -> None:
    universe, evidence, params = _article()
    content, cf = scoring.score_all(universe, evidence, params)
    # u.i1 = 0.05 + 0.02 + 0.06 + 0.08 = 0.21 (the article says 0.175)
    # u.i2 = 0.01 + 0.06 + 0.06 + 0.16 = 0.29
    # u.i3 = 0.03 + 0.04 + 0.09 + 0.08 = 0.24 (the article says 0.215)
    np.testing.assert_allclose(content, [0.21, 0.29, 0.24], atol=1e-6)
    assert not math.isclose(content[0], 0.175, abs_tol=1e-3)
    np.testing.assert_array_equal(cf, 0)

    ranked = scoring.rank(universe, evidence, params, candidates=np.ones(3, bool), k=3)
    probs = {s.position: s.probability for s in ranked}
    denom = math.exp(0.21) + math.exp(0.29) + math.exp(0.24)
    assert probs[0] == pytest.approx(math.exp(0.21) / denom, abs=1e-6)  # 0.3212
    assert probs[1] == pytest.approx(math.exp(0.29) / denom, abs=1e-6)  # 0.3479
    assert probs[2] == pytest.approx(math.exp(0.24) / denom, abs=1e-6)  # 0.3309
    assert probs[1] == pytest.approx(0.3479, abs=1e-4)
    # i2 ranks first, not i3 as the article concludes (its 0.41 for i3 is wrong).
    assert [s.position for s in ranked] == [1, 2, 0]
    assert probs[2] < 0.41


def _random_case(seed: int, n: int = 300, m: int = 12, d: int = 16, k_text: int = 20):
    rng = np.random.default_rng(seed)
    emb = rng.normal(size=(n, d)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    hist_pos = rng.choice(n, size=m, replace=False)
    cf = scoring.SparseRows.from_lists(
        [(rng.choice(n, size=30, replace=False), rng.random(30).astype(np.float32)) for _ in range(m)]
    )
    text = scoring.text_neighbours(emb, emb[hist_pos], k=k_text, exclude=hist_pos.tolist())
    evidence = scoring.Evidence(
        weights=rng.normal(size=m), embeddings=emb[hist_pos], text=text, cf=cf
    )
    universe = scoring.Universe(item_ids=np.arange(n) + 100, embeddings=emb, prior=rng.random(n).astype(np.float32))
    candidates = np.ones(n, bool)
    candidates[hist_pos] = False
    return universe, evidence, candidates


@pytest.mark.parametrize("text_neighbours", [0, 20])
def test_contributions_sum_exactly_to_score_less_prior_and_feedback(text_neighbours: int) -> None:
    universe, evidence, candidates = _random_case(1)
    if text_neighbours == 0:
        evidence = scoring.Evidence(weights=evidence.weights, embeddings=evidence.embeddings,
                                    text=None, cf=evidence.cf)
    params = RankingParams(alpha=0.7, beta=1.3, gamma=0.2, tau=0.05, text_neighbours=text_neighbours)
    feedback = np.zeros(len(universe))
    feedback[5] = 0.3
    ranked = scoring.rank(universe, evidence, params, candidates=candidates, feedback=feedback, k=50)
    assert len(ranked) == 50
    for s in ranked:
        total = s.by_history_content.sum() + s.by_history_cf.sum()
        assert total == pytest.approx(s.score - s.prior - s.feedback, abs=1e-9)
        assert s.by_history_content.sum() == pytest.approx(s.content, abs=1e-9)
        assert s.by_history_cf.sum() == pytest.approx(s.cf, abs=1e-9)
    scores = [s.score for s in ranked]
    assert scores == sorted(scores, reverse=True)


def test_probabilities_are_a_softmax_over_candidates_only() -> None:
    universe, evidence, candidates = _random_case(2)
    params = RankingParams(alpha=1, beta=1, gamma=0.1, tau=0.1)
    ranked = scoring.rank(universe, evidence, params, candidates=candidates, k=int(candidates.sum()))
    assert sum(s.probability for s in ranked) == pytest.approx(1.0, abs=1e-9)
    assert not any(not candidates[s.position] for s in ranked)
    ratio = ranked[0].probability / ranked[1].probability
    assert ratio == pytest.approx(math.exp((ranked[0].score - ranked[1].score) / params.tau), rel=1e-6)


def test_only_scores_exactly_the_requested_items() -> None:
    universe, evidence, candidates = _random_case(3)
    params = RankingParams()
    full = {s.position: s for s in scoring.rank(universe, evidence, params, candidates=candidates, k=300)}
    pick = next(iter(full))
    one = scoring.rank(universe, evidence, params, candidates=candidates, only=[pick])[0]
    assert one.score == pytest.approx(full[pick].score)
    assert one.probability == pytest.approx(full[pick].probability)


def test_the_match_is_the_score_against_the_best_candidates() -> None:
    universe, evidence, candidates = _random_case(2)
    params = RankingParams(alpha=1, beta=1, gamma=0.1, tau=0.1)
    ranked = scoring.rank(universe, evidence, params, candidates=candidates, k=20)
    assert ranked[0].match == pytest.approx(1.0)
    assert [s.match for s in ranked] == sorted((s.match for s in ranked), reverse=True)
    assert ranked[5].match == pytest.approx(ranked[5].score / ranked[0].score, rel=1e-5)
    # One item scored alone keeps its match against the best of all the candidates (hearth why).
    one = scoring.rank(universe, evidence, params, candidates=candidates, only=[ranked[5].position])[0]
    assert one.match == pytest.approx(ranked[5].match, rel=1e-5)
    # No positive best: the probabilities' ratio, still 1 at the top.
    assert scoring.match_of(-0.5, -0.2, 0.01, 0.04) == pytest.approx(0.25)
    assert scoring.match_of(0.3, 0.2, 0.5, 0.5) == 1.0 and scoring.match_of(-0.1, 0.2, 0.1, 0.5) == 0.0


def test_text_neighbours_truncate_to_top_k_and_exclude_self() -> None:
    rng = np.random.default_rng(4)
    emb = rng.normal(size=(500, 8)).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    rows = scoring.text_neighbours(emb, emb[[7, 9]], k=10, exclude=[7, 9], block_floats=600)
    for r, self_pos in enumerate([7, 9]):
        span = slice(rows.offsets[r], rows.offsets[r + 1])
        got = set(rows.positions[span].tolist())
        sims = emb @ emb[self_pos]
        sims[self_pos] = -np.inf
        assert got == set(np.argsort(-sims)[:10].tolist())
        assert self_pos not in got


def _entry(rating: float | None, date: str, seq: int) -> HistoryEntry:
    return HistoryEntry(item=Item(title=f"t{seq}"), rating=rating,
                        rating_norm=None if rating is None else (rating - 0.5) / 4.5,
                        consumed_at=date, seq=seq)


def test_ratings_are_read_relative_to_the_persons_own_average() -> None:
    # A generous rater (8s and 9s on 1-10): their 7 is a shrug, their 10 praise.
    generous = [_entry10(r, "2024-01-01", k) for k, r in enumerate([8, 9, 8, 9, 9, 8, 9, 10, 7, 8] * 3)]
    w = scoring.evidence_weights(generous, params=RankingParams(half_life=0))
    by_rating = {e.rating: float(w[k]) for k, e in enumerate(generous)}
    assert by_rating[10] >= by_rating[9] > by_rating[8] > by_rating[7]
    assert by_rating[7] < 0.35 * by_rating[10]
    # A harsh rater (3s and 4s): their 7 is praise.
    harsh = [_entry10(r, "2024-01-01", k) for k, r in enumerate([3, 4, 3, 4, 5, 3, 4, 7, 2, 4] * 3)]
    w = scoring.evidence_weights(harsh, params=RankingParams(half_life=0))
    assert {e.rating: float(w[k]) for k, e in enumerate(harsh)}[7] > 0.9
    # With few ratings, the typical reader's spread: a top rating counts for, a bottom one against.
    few = [_entry(5, "2024-01-03", 3), _entry(0.5, "2024-01-02", 2)]
    w = scoring.evidence_weights(few, params=RankingParams(half_life=0))
    assert w[0] > 0 > w[1] and np.all(np.abs(w) <= 1)


def _entry10(rating: float, date: str, seq: int) -> HistoryEntry:
    return HistoryEntry(item=Item(title=f"t{seq}"), rating=rating, rating_norm=(rating - 1) / 9,
                        consumed_at=date, seq=seq)


def test_recency_decays_in_days_and_keeps_a_long_term_share() -> None:
    entries = [_entry(None, "2024-01-11", 1), _entry(None, "2023-01-11", 2), _entry(None, "2000-01-01", 3)]
    params = RankingParams(half_life=365, long_term=0.3, unrated_weight=0.5)
    w = scoring.evidence_weights(entries, params=params)
    assert w[0] == pytest.approx(0.5)  # the latest entry: no decay
    assert w[1] == pytest.approx(0.5 * (0.3 + 0.7 * 2 ** (-365 / 365)))
    assert w[2] == pytest.approx(0.5 * 0.3, rel=1e-3)  # decades ago: the long-term share remains
    assert scoring.evidence_weights(entries, params=params.with_(half_life=0)).tolist() == [0.5, 0.5, 0.5]


def test_an_imported_row_without_a_date_ages_nothing_and_is_of_typical_age() -> None:
    """A Goodreads to-read shelf has no date but the import's: it made every book read before it years old
    (all at the long-term share), and itself the newest entry. Age runs from the latest day read, and a row
    of unknown date takes the median age of the dated ones."""
    from dataclasses import replace

    params = RankingParams(half_life=365, long_term=0.1, unrated_weight=0.5, saved_weight=0.15)
    read = [_entry(None, "2016-01-01", 1), _entry(None, "2015-01-01", 2), _entry(None, "2014-01-01", 3)]
    saved = replace(_entry(None, None, 4), consumed_at=None, added_at="2026-12-05T10:00:00+00:00",
                    source="goodreads")
    w = scoring.evidence_weights([*read, saved], params=params)
    assert w[0] == pytest.approx(0.5)  # the last book read: no decay
    year = 0.1 + 0.9 * 2 ** (-365 / 365)
    assert w[1] == pytest.approx(0.5 * year, rel=1e-2)
    assert w[3] == pytest.approx(w[1])  # the median age of the three: a year
    # Added by hand without a date: the day it was added (a book just finished).
    mine = replace(saved, source="manual", added_at="2016-07-01T10:00:00+00:00")
    w = scoring.evidence_weights([*read, mine], params=params)
    assert w[3] == pytest.approx(0.5) and w[0] < 0.5


def test_age_runs_from_the_latest_entry_of_the_same_kind() -> None:
    """Books read until 2018 and a film watched in 2024: the last book is the latest of the reading."""
    from dataclasses import replace

    books = [replace(_entry(None, day, k), item=Item(title=f"b{k}", kind="book"))
             for k, day in enumerate(["2018-06-01", "2017-06-01"])]
    film = replace(_entry(None, "2024-06-01", 9), item=Item(title="f", kind="film"))
    w = scoring.evidence_weights([*books, film], params=RankingParams(half_life=365, long_term=0.1))
    assert w[0] == pytest.approx(w[2]) and w[1] < w[0]


def test_shelved_and_unfinished_entries_weigh_as_the_settings_say() -> None:
    from dataclasses import replace

    entries = [_entry(None, "2024-01-01", 1), replace(_entry(None, "2024-01-01", 2), status="shelved"),
               replace(_entry(None, "2024-01-01", 3), status="dnf")]
    params = RankingParams(half_life=0, unrated_weight=0.5, shelved_weight=0.15, dnf_weight=0.25)
    w = scoring.evidence_weights(entries, params=params)
    np.testing.assert_allclose(w, [0.5, 0.15, -0.25])


def test_a_long_history_is_not_diluted() -> None:
    # Each entry adds its evidence: a loved item weighs as much in a history of 3,000 as in one of 30
    # (weights were once divided by the history's size, and popularity then decided long histories).
    ratings = [5, 4, 3, 4.5, 2, 5, 4, 3.5, 1, 4]
    short = scoring.evidence_weights([_entry(r, "2024-01-01", k) for k, r in enumerate(ratings * 3)],
                                     params=RankingParams(half_life=0))
    long = scoring.evidence_weights([_entry(r, "2024-01-01", k) for k, r in enumerate(ratings * 300)],
                                    params=RankingParams(half_life=0))
    np.testing.assert_allclose(long[:10], short[:10], atol=0.05)
    assert long[0] > 0.5


def test_diversity_spreads_the_list() -> None:
    # Ten near-copies score highest; MMR should still pick other clusters.
    rng = np.random.default_rng(5)
    base = rng.normal(size=(1, 8))
    dup = base + rng.normal(scale=0.01, size=(10, 8))
    other = rng.normal(size=(40, 8))
    emb = np.vstack([dup, other]).astype(np.float32)
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    universe = scoring.Universe(item_ids=np.arange(50), embeddings=emb, prior=np.zeros(50, np.float32))
    profile = (base / np.linalg.norm(base)).astype(np.float32)
    evidence = scoring.Evidence(weights=np.array([1.0]), embeddings=profile, text=None,
                                cf=scoring.SparseRows.empty(1))
    params = RankingParams(alpha=1, beta=0, gamma=0, text_neighbours=0)
    plain = scoring.rank(universe, evidence, params, candidates=np.ones(50, bool), k=5)
    varied = scoring.rank(universe, evidence, params, candidates=np.ones(50, bool), k=5, diversity=0.7)
    assert all(s.position < 10 for s in plain)
    assert sum(s.position < 10 for s in varied) <= 2
    assert varied[0].position == plain[0].position


def test_how_mainstream_a_person_is_is_read_from_their_ratings_and_shrunk() -> None:
    priors = np.linspace(0.1, 1.0, 40)
    assert scoring.mainstream(priors, priors) == pytest.approx(40 / (40 + scoring.MAINSTREAM_PRIOR))
    assert scoring.mainstream(1 - priors, priors) == pytest.approx(-40 / (40 + scoring.MAINSTREAM_PRIOR))
    short = scoring.mainstream(1 - priors[:5], priors[:5])
    assert -0.2 < short < 0  # five ratings say little
    assert scoring.mainstream(np.ones(10), priors[:10]) == 0.0  # all the same rating: nothing to read


def test_popularity_counts_less_for_someone_who_rates_popular_titles_low() -> None:
    universe, evidence, candidates = _random_case(3)
    params = RankingParams(alpha=0.7, beta=1.3, gamma=0.2, tau=0.05, text_neighbours=20)
    against = scoring.Evidence(weights=evidence.weights, embeddings=evidence.embeddings, text=evidence.text,
                               cf=evidence.cf, mainstream=-0.5)
    usual = scoring.rank(universe, evidence, params, candidates=candidates, k=30)
    moved = scoring.rank(universe, against, params, candidates=candidates, k=30)
    base = scoring.short_gamma(params, len(evidence))  # 12 entries: a little over gamma
    assert 0.2 < base < 0.2 * 1.5
    assert all(s.gamma == pytest.approx(base) and s.short_gamma == pytest.approx(base) for s in usual)
    assert moved[0].gamma < base  # gamma_u = short_gamma + weight * m_u * the person's score scale
    mean_prior = lambda ranked: float(np.mean([universe.prior[s.position] for s in ranked]))  # noqa: E731
    assert mean_prior(moved) < mean_prior(usual)
    for s in moved:  # still exact: the prior term is gamma_u * prior(i), the rest splits over history rows
        assert s.prior == pytest.approx(s.gamma * float(universe.prior[s.position]))
        assert s.by_history_content.sum() + s.by_history_cf.sum() == pytest.approx(s.score - s.prior, abs=1e-9)
    off = scoring.rank(universe, against, params.with_(mainstream_weight=0.0), candidates=candidates, k=30)
    assert [s.position for s in off] == [s.position for s in usual]


def test_a_short_history_looks_further_by_text_and_leans_on_what_people_know() -> None:
    params = RankingParams(text_neighbours=50, cold_boost=0.5, gamma=0.002)
    # Up to a dozen entries each brings 16x the text neighbours; then the co-liked term does that job.
    assert [scoring.neighbours_for(params, n) for n in (1, 12, 13, 500)] == [800, 800, 50, 50]
    assert scoring.neighbours_for(params.with_(text_neighbours=0), 3) == 0  # 0 = every item, as before
    # The boost of little-rated items fades in for long histories only: in a short one it filled the list
    # with films a few people rated.
    cold = [scoring.cold_weight(params, n) for n in (0, 10, 200, 5000)]
    assert cold[0] == 0 and cold[1] < 0.05 and cold[2] == pytest.approx(0.25) and cold[3] > 0.45
    # Popularity: twice gamma with nothing known, back to gamma as the history grows.
    short = [scoring.short_gamma(params, n) for n in (0, 5, 1000)]
    assert short[0] == pytest.approx(0.004) and short[1] == pytest.approx(0.003)
    assert short[2] == pytest.approx(0.002, rel=0.01)


@pytest.mark.parametrize("text_neighbours", [0, 20])
def test_typed_rows_get_no_cold_boost_and_the_parts_still_add_up(text_neighbours: int) -> None:
    """The cold boost makes up for the co-liked row that rarely rated items lack; a typed text has no such row
    for any item, so its row is never boosted (a typed "heist film" brought films a few people rated)."""
    from dataclasses import replace

    universe, evidence, candidates = _random_case(2)
    counts = np.random.default_rng(3).integers(0, 40, len(universe)).astype(np.float32)
    universe = replace(universe, counts=counts)
    evidence = replace(evidence, asked=3, text=None if text_neighbours == 0 else evidence.text)
    params = RankingParams(alpha=0.7, beta=1.3, gamma=0.2, tau=0.05, text_neighbours=text_neighbours,
                           cold_boost=50.0)
    ranked = scoring.rank(universe, evidence, params, candidates=candidates, k=40)
    positions = np.array([s.position for s in ranked])
    alpha = scoring.content_weight(params, evidence)
    cos = (evidence.embeddings @ universe.embeddings[positions].T if evidence.text is None
           else evidence.text.columns(positions))
    scale = universe.content_scale(params, len(evidence))
    assert scale is not None and scale.max() > 1.5
    for j, s in enumerate(ranked):
        assert s.by_history_content.sum() + s.by_history_cf.sum() == pytest.approx(s.score - s.prior, abs=1e-9)
        assert s.by_history_content[-3:] == pytest.approx(alpha * evidence.weights[-3:] * cos[-3:, j], abs=1e-9)
        assert s.by_history_content[:-3] == pytest.approx(
            alpha * evidence.weights[:-3] * cos[:-3, j] * scale[s.position], abs=1e-9)


def test_rows_without_a_co_liked_row_get_no_cold_boost_nor_make_a_history_long() -> None:
    """An item of the person's own has no co-liked row (no catalog knows it): like a typed text, its row
    is not boosted (a Douban history of Chinese titles brought a Soviet cartoon and films of a dozen
    ratings first), and it does not make the history long for the popularity weight."""
    from dataclasses import replace

    universe, evidence, candidates = _random_case(4)
    universe = replace(universe, counts=np.random.default_rng(5).integers(0, 40, len(universe)).astype(np.float32))
    rows = [(evidence.cf.positions[evidence.cf.offsets[r]:evidence.cf.offsets[r + 1]],
             evidence.cf.values[evidence.cf.offsets[r]:evidence.cf.offsets[r + 1]]) for r in range(len(evidence))]
    own = [0, 1, 2]
    for r in own:
        rows[r] = (np.zeros(0, np.int64), np.zeros(0, np.float32))
    evidence = replace(evidence, cf=scoring.SparseRows.from_lists(rows))
    assert evidence.boosted().tolist() == [r not in own for r in range(len(evidence))]
    params = RankingParams(alpha=0.7, beta=1.3, gamma=0.2, tau=0.05, text_neighbours=20, cold_boost=50.0)
    ranked = scoring.rank(universe, evidence, params, candidates=candidates, k=40)
    alpha = scoring.content_weight(params, evidence)
    scale = universe.content_scale(params, len(evidence))
    assert scale is not None
    cos = evidence.text.columns(np.array([s.position for s in ranked]))
    for j, s in enumerate(ranked):
        assert s.by_history_content[own] == pytest.approx(alpha * evidence.weights[own] * cos[own, j], abs=1e-9)
        assert s.by_history_content[3:] == pytest.approx(
            alpha * evidence.weights[3:] * cos[3:, j] * scale[s.position], abs=1e-9)
        assert s.by_history_content.sum() + s.by_history_cf.sum() == pytest.approx(s.score - s.prior, abs=1e-9)
        assert s.short_gamma == pytest.approx(scoring.short_gamma(params, len(evidence) - len(own)))


@pytest.mark.parametrize("text_neighbours", [0, 20])
def test_an_entry_counts_less_for_items_of_another_kind_and_the_parts_still_add_up(text_neighbours: int) -> None:
    """What one read says more about what one will read than what one watched: a row's closeness to an
    item of another kind counts OTHER_KIND of it; a typed text (kind -1) counts fully for every kind."""
    from dataclasses import replace

    universe, evidence, candidates = _random_case(6)
    kinds = np.random.default_rng(7).integers(0, 2, len(universe)).astype(np.int8)
    rows = np.random.default_rng(8).integers(-1, 2, len(evidence)).astype(np.int8)
    universe = replace(universe, kinds=kinds)
    plain = replace(evidence, text=None if text_neighbours == 0 else evidence.text)
    kinded = replace(plain, kinds=rows)
    params = RankingParams(alpha=0.7, beta=1.3, gamma=0.2, tau=0.05, text_neighbours=text_neighbours)
    content, _ = scoring.score_all(universe, kinded, params)
    every = np.arange(len(universe))
    by_row = scoring.attribute(universe, plain, params, every)[0]  # without kinds
    factor = np.where((rows[:, None] < 0) | (rows[:, None] == kinds[None, :]), 1.0, scoring.OTHER_KIND)
    assert content == pytest.approx((by_row * factor).sum(axis=0), abs=1e-6)  # (dense: a float32 profile)
    assert scoring.attribute(universe, kinded, params, every)[0] == pytest.approx(by_row * factor, abs=1e-12)
    assert not np.allclose(content, by_row.sum(axis=0))


def test_a_disliked_item_only_pushes_down_what_people_liked_with_it() -> None:
    """EASE's negative weights times a dislike's negative weight would raise an item because the person
    disliked another; through the real evidence builder, they are dropped from negative rows only."""
    from app.core import ranking

    emb = np.eye(4, dtype=np.float32)
    universe = scoring.Universe(item_ids=np.arange(4), embeddings=emb, prior=np.zeros(4, np.float32))
    # Row 0 (disliked) and row 1 (loved) have the same co-liked row: item 2 -, item 3 +.
    cf = scoring.SparseRows.from_lists([(np.array([2, 3]), np.array([-0.5, 0.4])),
                                        (np.array([2, 3]), np.array([-0.5, 0.4]))])
    params = RankingParams(alpha=0.0, beta=1.0, gamma=0.0, text_neighbours=0)
    disliked = ranking.item_evidence(universe, np.array([0]), np.array([-1.0]), params,
                                     cf=scoring.SparseRows.from_lists([(cf.positions[:2], cf.values[:2])]),
                                     text_rows=scoring.TextRows())
    f = scoring.total_scores(universe, disliked, params)
    assert f[2] == 0.0 and f[3] == pytest.approx(-0.4)
    loved = ranking.item_evidence(universe, np.array([1]), np.array([1.0]), params,
                                  cf=scoring.SparseRows.from_lists([(cf.positions[2:], cf.values[2:])]),
                                  text_rows=scoring.TextRows())
    f = scoring.total_scores(universe, loved, params)
    assert f[2] == pytest.approx(-0.5) and f[3] == pytest.approx(0.4)  # a loved item keeps both signs
