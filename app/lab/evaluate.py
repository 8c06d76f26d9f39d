"""Offline evaluation: Hearth's engine against MostPop, ItemKNN and EASE on held-out data.

Protocol (defaults): positives are ratings >= 4; users with >= 5 positives; each
user's last 20% of positives by time are held out (or the last N); a data set without
timestamps (goodbooks-10k) holds out a random 20% of each reader's positives, with a
fixed seed. The catalog is built from the training interactions only, with the same
builder code as the bundled catalogs; every model ranks the full catalog with the
user's seen items excluded. Recall@k divides by min(|test|, k). Intervals are a
user-level bootstrap. Data sets with many users are scored on a seeded sample of them.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from app.core import ranking, scoring
from app.core.errors import InputError
from app.core.progress import CancelToken, Progress, no_progress
from app.core.series import Places
from app.core.types import HistoryEntry, Item, RankingParams
from app.lab import cf, goodbooks, metrics
from app.lab.catalogs import EASE_L2, RECIPES, ease_weights, film_facts
from app.lab.movielens import Interactions, Layout, read_interactions, read_movies, read_tags
from app.lab.movielens_legacy import legacy_files
from app.services.embeddings import EmbeddingService

__all__ = ["TUNE_GRID", "Dataset", "Evaluator", "Layout", "Protocol"]

MODELS = ("hearth", "mostpop", "itemknn", "ease")

# Coordinate-descent grid for `hearth eval --tune` (tau is fitted separately, by likelihood).
TUNE_GRID: dict[str, tuple[float, ...]] = {
    "alpha": (0.0, 0.002, 0.005, 0.01, 0.02),
    "beta": (0.5, 1.0, 2.0),
    "gamma": (0.0, 0.002, 0.005, 0.01),
    "half_life": (0.0, 90.0, 365.0, 1000.0),
    "long_term": (0.1, 0.3, 0.5),
    "text_neighbours": (20, 50, 100),
    "neutral_sds": (0.75, 1.0, 1.25, 1.5, 2.0),
}
COLD_GRID = (0.0, 0.25, 0.5, 1.0, 2.0)
COLD_TOLERANCE = 0.99  # 0.97 chose 1.0: 0.1407 on ml-latest-small with MiniLM, below EASE's 0.1424
SIGNIFICANCE = 2.0  # standard errors of the paired difference a tuning step must win by (~95%)
TAU_GRID = (0.005, 0.01, 0.02, 0.05, 0.1, 0.2)


@dataclass(frozen=True)
class Dataset:
    """The files an evaluation reads, and their column names.

    MovieLens layout (movies.csv, ratings.csv with timestamps, tags.csv) or goodbooks-10k
    (books.csv, ratings.csv without timestamps, book_tags.csv beside tags.csv), told apart
    by the items file's columns.
    """

    ratings: Path
    items: Path
    tags: Path | None = None
    layout: Layout = Layout()
    metadata: Path | None = None  # film-metadata (TMDB keywords, overviews, directors), as the catalog has it

    @property
    def kind(self) -> str:
        try:
            with Path(self.items).open(encoding="utf-8", errors="replace") as f:  # ml-1m's is Latin-1
                header = f.readline()
        except OSError:
            return "movielens"
        return "goodbooks" if "goodreads_book_id" in header else "movielens"

    @classmethod
    def folder(cls, path: Path) -> Dataset:
        """A MovieLens set (ml-latest-small and the other CSV ones; ml-100k, ml-1m, ml-10m) or goodbooks-10k,
        as they are unpacked."""
        path = Path(path)
        legacy = legacy_files(path)
        if legacy is not None:
            ratings, items, tags = legacy
            return cls(ratings=ratings, items=items, tags=tags)
        if (path / "books.csv").is_file():
            return cls(ratings=path / "ratings.csv", items=path / "books.csv",
                       tags=path / "book_tags.csv" if (path / "book_tags.csv").is_file() else None)
        if (path / "movies.csv").is_file():
            metadata = path.parent / "film-metadata"
            return cls(ratings=path / "ratings.csv", items=path / "movies.csv",
                       tags=path / "tags.csv" if (path / "tags.csv").is_file() else None,
                       metadata=metadata if metadata.is_dir() else None)
        raise InputError(f"{path} holds no MovieLens or goodbooks-10k files.",
                         hint="Point --data at an unpacked folder: ml-latest-small (movies.csv, ratings.csv), ml-100k"
                              " (u.data, u.item), ml-1m (ratings.dat, movies.dat) or goodbooks-10k (books.csv).")


@dataclass(frozen=True)
class Protocol:
    positive: float = 4.0
    min_positives: int = 5
    holdout: float = 0.2
    leave_last: int | None = None
    cold_below: int = 5  # a test item with fewer training interactions is "cold"
    seed: int = 0
    bootstrap: int = 1000
    order: str = "time"  # which positives are held out: the last by "time", or "random" ones
    max_users: int = 5000  # users scored (a seeded sample when there are more)


@dataclass(eq=False)
class Split:
    train: Interactions
    test: dict[int, set[str]]  # user -> held-out positive item keys


def split(data: Interactions, protocol: Protocol) -> Split:
    """Hold out each eligible user's last positives by time (ties broken by item key), or a
    seeded random choice of them when the data set has no time order."""
    if protocol.order == "random":
        shuffle = np.random.default_rng(protocol.seed).permutation(len(data.users))
        order = np.lexsort((shuffle, data.users))
    else:
        order = np.lexsort((data.items.astype(str), data.timestamps, data.users))
    keep = np.ones(len(data.users), dtype=bool)
    test: dict[int, set[str]] = {}
    users = data.users[order]
    bounds = np.flatnonzero(np.diff(users)) + 1
    for rows in np.split(order, bounds):
        pos = rows[data.ratings[rows] >= protocol.positive]
        if len(pos) < protocol.min_positives:
            continue
        n = protocol.leave_last if protocol.leave_last else max(1, int(round(protocol.holdout * len(pos))))
        held = pos[-min(n, len(pos) - 1):]
        keep[held] = False
        test[int(data.users[rows[0]])] = set(data.items[held].tolist())
    return Split(train=data.subset(keep), test=test)


@dataclass(eq=False)
class _Catalog:
    items: list[Item]
    position: dict[str, int]
    universe: scoring.Universe
    cf_rows: dict[int, tuple[np.ndarray, np.ndarray]]
    counts: np.ndarray  # training interactions per item
    popularity: np.ndarray  # what MostPop and the prior rank by: training counts, or public counts (goodbooks)
    positives: Any  # scipy.sparse.csr_matrix (users, items) of 0/1 training positives, in ``user_index`` order
    user_index: dict[int, int]
    scale: tuple[float, float]


class Evaluator:
    """Runs the protocol; the embedding service caches item vectors between runs."""

    def __init__(self, embeddings: EmbeddingService) -> None:
        self.embeddings = embeddings
        self._text = scoring.TextRows()

    # -- data -----------------------------------------------------------------------------

    @staticmethod
    def protocol_for(data: Dataset, protocol: Protocol) -> Protocol:
        """goodbooks-10k has no timestamps: its held-out positives are a seeded random fifth."""
        return replace(protocol, order="random") if data.kind == "goodbooks" else protocol

    @staticmethod
    def load(data: Dataset) -> Interactions:
        for path in (data.ratings, data.items, *([data.tags] if data.tags else [])):
            if not Path(path).is_file():
                raise InputError(f"There is no file at {path}.")
        if data.kind == "goodbooks":
            return goodbooks.read_ratings(data.ratings)
        return read_interactions(data.ratings, data.layout)

    def build_catalog(
        self, split_: Split, data: Dataset, *, positive: float, progress: Progress, cancel: CancelToken | None
    ) -> _Catalog:
        train = split_.train
        items_path, tags_path, layout = data.items, data.tags, data.layout
        user_keys = sorted({int(u) for u in train.users})
        if data.kind == "goodbooks":
            # Shelves are counts over all Goodreads readers, not per rating: they cannot leave out
            # the held-out pairs (a small leak of the public kind a catalog always has).
            shelves = (goodbooks.read_shelves(tags_path, tags_path.with_name("tags.csv"), items_path)
                       if tags_path else {})
            items = goodbooks.read_books(items_path, shelves=shelves)
        else:
            held_pairs = {(u, k) for u, keys in split_.test.items() for k in keys}
            tags = (
                read_tags(tags_path, layout, leave_out=held_pairs,
                          users={raw: k for k, raw in enumerate(train.user_keys)})
                if tags_path
                else {}
            )
            items = read_movies(items_path, layout=layout, tags=tags, popularity=Counter(train.items.tolist()),
                                facts=film_facts(items_path.with_name("links.csv"), data.metadata))
        if not items:
            raise InputError(f"{items_path.name} lists no items.")
        position = {it.source_key: k for k, it in enumerate(items)}
        known = np.array([k in position for k in train.items], dtype=bool)
        pos = np.array([position[k] for k in train.items[known]], dtype=np.int64)
        recipe = RECIPES[data.kind]  # B learned as the bundled catalog's is
        learn = train.ratings[known] >= recipe.positive
        weights = ease_weights(train.users[known][learn], pos[learn], l2=recipe.l2, top_k=recipe.top_k)
        liked = train.ratings[known] >= positive
        cf_rows: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        starts = np.flatnonzero(np.r_[True, np.diff(weights["item"]) != 0]) if len(weights) else []
        for s, e in zip(starts, [*starts[1:], len(weights)]):
            cf_rows[int(weights["item"][s])] = (weights["neighbour"][s:e].astype(np.int64),
                                                weights["weight"][s:e].astype(np.float32))
        vectors = self.embeddings.embed_items(items, progress=progress, cancel=cancel)
        self._text.clear()  # rows of another catalog's positions
        counts = np.bincount(pos, minlength=len(items)).astype(np.float64)
        # Popularity as the bundled catalogs have it: MovieLens's from its ratings, goodbooks' from
        # Goodreads' public rating counts (its ratings file holds at most 100 per book).
        popularity = np.array([it.popularity for it in items], dtype=np.float64) if data.kind == "goodbooks" \
            else counts
        universe = scoring.Universe(
            item_ids=np.arange(len(items), dtype=np.int64),
            embeddings=np.ascontiguousarray(vectors, dtype=np.float32),
            prior=scoring.popularity_prior(popularity),
            counts=counts.astype(np.float32),
            places=Places.of([(it.title, *it.alt_titles) for it in items], popularity),
        )
        user_index = {u: k for k, u in enumerate(user_keys)}
        from scipy import sparse

        rows_ = np.array([user_index[int(u)] for u in train.users[known][liked]], dtype=np.int64)
        x = sparse.csr_matrix((np.ones(len(rows_), dtype=np.float32), (rows_, pos[liked])),
                              shape=(len(user_keys), len(items)))
        x.data[:] = 1.0  # duplicate pairs summed: back to 0/1
        lo, hi = float(train.ratings.min()), float(train.ratings.max())
        return _Catalog(items, position, universe, cf_rows, counts, popularity, x, user_index, (lo, hi))

    # -- Hearth ---------------------------------------------------------------------------

    def history_of(self, cat: _Catalog, train: Interactions, user_rows: np.ndarray) -> tuple[list[HistoryEntry],
                                                                                           np.ndarray]:
        rows = user_rows[np.argsort(train.timestamps[user_rows], kind="stable")]
        lo, hi = cat.scale
        entries, positions = [], []
        for seq, r in enumerate(rows):
            key = train.items[r]
            if key not in cat.position:
                continue
            rating = float(train.ratings[r])
            stamp = int(train.timestamps[r])
            entries.append(HistoryEntry(item=Item(title=key), rating=rating,
                                        rating_norm=(rating - lo) / (hi - lo) if hi > lo else 1.0, seq=seq,
                                        consumed_at=_day(stamp)))
            positions.append(cat.position[key])
        return entries, np.asarray(positions, dtype=np.int64)

    def evidence_of(self, cat: _Catalog, entries: list[HistoryEntry], positions: np.ndarray,
                  params: RankingParams) -> scoring.Evidence:
        weights = scoring.evidence_weights(entries, params=params)
        empty = (np.zeros(0, np.int64), np.zeros(0, np.float32))
        cf_rows = scoring.SparseRows.from_lists([cat.cf_rows.get(int(p), empty) for p in positions])
        return ranking.item_evidence(cat.universe, positions, weights, params, cf=cf_rows, text_rows=self._text,
                                     ratings=[e.rating_norm for e in entries])

    def hearth_scores(self, cat: _Catalog, split_: Split, params: RankingParams,
                      users: Iterable[int]) -> Iterable[tuple[int, np.ndarray, np.ndarray]]:
        """(user, f over all items, seen mask) for each user, through the real engine."""
        train = split_.train
        by_user = rows_by_user(train)
        for u in users:
            rows = by_user.get(u, np.zeros(0, dtype=np.int64))
            entries, positions = self.history_of(cat, train, rows)
            seen = np.zeros(len(cat.items), dtype=bool)
            seen[positions] = True
            if not entries:
                yield u, scoring.popularity_prior(cat.popularity).astype(np.float64), seen
                continue
            evidence = self.evidence_of(cat, entries, positions, params)
            f = scoring.total_scores(cat.universe, evidence, params)
            if cat.universe.places is not None:  # as the app: a series not started is entered by its first book
                f[cat.universe.places.out_of_order(positions)] = -np.inf
            yield u, f, seen

    # -- the run --------------------------------------------------------------------------

    def evaluate(
        self,
        data: Dataset,
        *,
        protocol: Protocol = Protocol(),
        params: RankingParams = RankingParams(),
        models: tuple[str, ...] = MODELS,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> dict[str, Any]:
        started = time.perf_counter()
        protocol = self.protocol_for(data, protocol)
        split_ = split(self.load(data), protocol)
        if not split_.test:
            raise InputError(f"No user has {protocol.min_positives} ratings of {protocol.positive:g} or more.")
        cat = self.build_catalog(split_, data, positive=protocol.positive, progress=progress, cancel=cancel)
        built = time.perf_counter()
        users = sample_users(split_, protocol)
        results: dict[str, Any] = {}
        for name in models:
            scorer = self._scorer(name, cat, split_, params)
            results[name] = self._score_model(name, scorer, cat, split_, users, protocol, progress, cancel)
        return {
            "protocol": {**asdict(protocol), "users": len(users), "items": len(cat.items),
                         "train_interactions": int(len(split_.train.users)),
                         "test_items": int(sum(len(split_.test[u]) for u in users)),
                         "ratings": str(data.ratings), "items_file": str(data.items)},
            "params": asdict(params),
            "models": results,
            "seconds": {"catalog": round(built - started, 2), "total": round(time.perf_counter() - started, 2)},
        }

    def _scorer(self, name: str, cat: _Catalog, split_: Split,
                params: RankingParams) -> Callable[[list[int]], Iterable[tuple[int, np.ndarray, np.ndarray]]]:
        if name == "hearth":
            return lambda users: self.hearth_scores(cat, split_, params, users)
        x = cat.positives
        active = np.flatnonzero(np.asarray(x.sum(axis=0)).ravel() > 0)
        if name == "mostpop":
            weights = None
        elif name == "itemknn":
            weights = cf.cooccurrence_knn(x[:, active])
        elif name == "ease":
            weights = cf.ease(x[:, active], l2=EASE_L2)
        else:
            raise InputError(f"Unknown model {name!r}.", hint="Models: " + ", ".join(MODELS) + ".")
        by_user = rows_by_user(split_.train)

        def run(users: list[int]) -> Iterable[tuple[int, np.ndarray, np.ndarray]]:
            for u in users:
                seen = np.zeros(len(cat.items), dtype=bool)
                keys = split_.train.items[by_user.get(u, np.zeros(0, dtype=np.int64))]
                seen[[cat.position[k] for k in keys if k in cat.position]] = True
                if weights is None:
                    f = cat.popularity.copy()
                else:
                    f = np.zeros(len(cat.items))
                    row = cat.user_index.get(u)
                    if row is not None:
                        f[active] = np.asarray(x[row][:, active] @ weights).ravel()
                yield u, f, seen

        return run

    def _score_model(self, name: str, scorer: Callable, cat: _Catalog, split_: Split, users: list[int],
                     protocol: Protocol, progress: Progress, cancel: CancelToken | None) -> dict[str, Any]:
        n_users = max(len(cat.user_index), 1)
        info = -np.log2((np.asarray(cat.positives.sum(axis=0)).ravel() + 1) / (n_users + 1))
        cold_items = {k for k, p in cat.position.items() if cat.counts[p] < protocol.cold_below}
        rows: list[dict[str, float]] = []
        cold_rows: list[dict[str, float]] = []
        lists: list[np.ndarray] = []
        cold_lists: list[np.ndarray] = []
        label = f"Evaluating {name}"
        for done, (u, f, seen) in enumerate(scorer(users)):
            if cancel is not None and done % 50 == 0:
                cancel.check()
            progress(done, len(users), label)
            f = np.where(seen, -np.inf, f)
            part = np.argpartition(-f, 19)[:20]
            top = part[np.lexsort((part, -f[part]))]
            lists.append(top)
            test = {cat.position[k] for k in split_.test[u] if k in cat.position}
            if test:
                rows.append(self._one(f, top, test, info, cat))
            cold = {cat.position[k] for k in split_.test[u] if k in cold_items}
            if cold:
                cold_rows.append(self._one(f, top, cold, info, cat))
                cold_lists.append(top)
        progress(len(users), len(users), label)
        out = _summary(rows, lists, len(cat.items), protocol)
        out["cold"] = _summary(cold_rows, cold_lists, len(cat.items), protocol)
        return out

    @staticmethod
    def _one(f: np.ndarray, top: np.ndarray, relevant: set[int], info: np.ndarray,
             cat: _Catalog) -> dict[str, float]:
        best = max(f[p] for p in relevant)
        first = int(np.count_nonzero(f > best)) + 1 if np.isfinite(best) else 0
        return metrics.user_metrics(top=top, relevant=relevant, first_relevant_rank=first,
                                    self_information=info, embeddings=cat.universe.embeddings)

    # -- tuning ---------------------------------------------------------------------------

    def tune(
        self,
        data: Dataset,
        *,
        protocol: Protocol = Protocol(),
        start: RankingParams = RankingParams(),
        rounds: int = 2,
        progress: Progress = no_progress,
        log: Callable[[str], None] = lambda _line: None,
    ) -> tuple[RankingParams, dict[str, Any]]:
        """Coordinate descent on a validation split carved from the training part only.

        Ranking constants move only when validation NDCG@10 improves by more than one
        standard error (paired over users); cold_boost takes the most cold-item benefit that
        keeps 99% of the best overall; tau (which changes P(i|u), not the order)
        maximises the validation log-likelihood of the held-out items.
        """
        protocol = self.protocol_for(data, protocol)
        outer = split(self.load(data), protocol)
        inner = split(outer.train, protocol)  # the test part is never looked at
        cat = self.build_catalog(inner, data, positive=protocol.positive, progress=progress, cancel=None)
        users = sample_users(inner, protocol)

        cold_items = {p for p in range(len(cat.items)) if cat.counts[p] < protocol.cold_below}

        def ndcg(params: RankingParams) -> tuple[np.ndarray, float]:
            """Validation NDCG@10 per user, and the mean reciprocal rank of the cold held-out items.

            Cold items almost never reach a top 10, so their NDCG@10 is 0 for every setting
            worth shipping; the rank of the best cold item still tells the settings apart.
            """
            values, cold_rr = [], []
            for u, f, seen in self.hearth_scores(cat, inner, params, users):
                f = np.where(seen, -np.inf, f)
                part = np.argpartition(-f, 9)[:10]
                top = part[np.lexsort((part, -f[part]))]
                relevant = {cat.position[k] for k in inner.test[u] if k in cat.position}
                if relevant:
                    values.append(metrics.ndcg_at(top.tolist(), relevant, 10))
                cold = relevant & cold_items
                if cold:
                    cold_rr.append(1.0 / (np.count_nonzero(f > max(f[p] for p in cold)) + 1))
            return np.asarray(values), float(np.mean(cold_rr)) if cold_rr else 0.0

        def better(trial: np.ndarray, current: np.ndarray) -> bool:
            # Paired over the same users: a change must beat the current best by more than one
            # standard error of the difference, or it is chasing noise.
            diff = trial - current
            return bool(diff.mean() > SIGNIFICANCE * diff.std(ddof=1) / np.sqrt(len(diff)))

        best = start.with_(cold_boost=0.0)
        best_values, _ = ndcg(best)
        log(f"start {best_values.mean():.4f}")
        trail: list[dict[str, Any]] = [{"params": asdict(best), "ndcg@10": float(best_values.mean())}]
        for _ in range(rounds):
            improved = False
            for key, values in TUNE_GRID.items():
                for value in values:
                    if getattr(best, key) == value:
                        continue
                    trial = best.with_(**{key: type(getattr(best, key))(value)})
                    trial_values, _ = ndcg(trial)
                    trail.append({"params": asdict(trial), "ndcg@10": float(trial_values.mean())})
                    if better(trial_values, best_values):
                        best, best_values, improved = trial, trial_values, True
                        log(f"{key}={value}: {trial_values.mean():.4f} (better)")
            if not improved:
                break
        best_score = float(best_values.mean())
        # cold_boost trades overall accuracy for the long tail: take the one that serves
        # cold items best while keeping COLD_TOLERANCE of the best overall NDCG.
        cold_trials = {}
        for boost in COLD_GRID:
            overall_values, cold = ndcg(best.with_(cold_boost=boost))
            overall = float(overall_values.mean())
            cold_trials[boost] = {"ndcg@10": overall, "cold_mrr": cold}
            log(f"cold_boost={boost}: {overall:.4f}, cold items' MRR {cold:.4f}")
        allowed = [b for b, r in cold_trials.items() if r["ndcg@10"] >= COLD_TOLERANCE * best_score]
        best = best.with_(cold_boost=max(allowed, key=lambda b: (cold_trials[b]["cold_mrr"], -b)))
        tau_scores = {}
        for tau in TAU_GRID:
            trial = best.with_(tau=tau)
            total, count = 0.0, 0
            for u, f, seen in self.hearth_scores(cat, inner, trial, users):
                z = np.where(seen, -np.inf, f) / tau
                norm = np.log(np.exp(z - z.max()).sum()) + z.max()
                for k in inner.test[u]:
                    if k in cat.position:
                        total += z[cat.position[k]] - norm
                        count += 1
            tau_scores[tau] = total / max(count, 1)
        best = best.with_(tau=max(tau_scores, key=lambda t: tau_scores[t]))
        log(f"tau={best.tau} (validation log-likelihood {tau_scores[best.tau]:.3f} per held-out item)")
        return best, {"validation_ndcg@10": best_score, "cold_boost_trials": cold_trials,
                      "tau_log_likelihood": tau_scores, "trail": trail, "validation_users": len(users)}


def _day(stamp: int) -> str | None:
    """The date of a Unix timestamp; None for a data set without time (goodbooks: all 0)."""
    if stamp <= 0:
        return None
    return datetime.fromtimestamp(stamp, tz=UTC).date().isoformat()


def sample_users(split_: Split, protocol: Protocol) -> list[int]:
    """The test users, or a seeded sample of ``max_users`` of them."""
    users = sorted(split_.test)
    if len(users) <= protocol.max_users:
        return users
    rng = np.random.default_rng(protocol.seed)
    return sorted(int(u) for u in rng.choice(users, size=protocol.max_users, replace=False))


def rows_by_user(data: Interactions) -> dict[int, np.ndarray]:
    order = np.argsort(data.users, kind="stable")
    users = data.users[order]
    bounds = np.flatnonzero(np.diff(users)) + 1
    return {int(data.users[chunk[0]]): chunk for chunk in np.split(order, bounds) if len(chunk)}


def _summary(rows: list[dict[str, float]], lists: list[np.ndarray], n_items: int,
             protocol: Protocol) -> dict[str, Any]:
    out: dict[str, Any] = {"users": len(rows)}
    for name in metrics.PER_USER:
        values = np.array([r[name] for r in rows], dtype=np.float64)
        out[name] = float(values.mean()) if len(values) else 0.0
        out[f"{name}_ci"] = list(metrics.bootstrap_ci(values, rounds=protocol.bootstrap, seed=protocol.seed))
    out["coverage@10"] = metrics.coverage(lists, n_items)
    out["coverage@10_ci"] = list(metrics.coverage_ci(lists, n_items, seed=protocol.seed))
    return out
