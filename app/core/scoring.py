"""The hybrid scoring model (docs/architecture.md, "2. The scoring model"), with exact attribution.

    f(u,i)  = alpha * sum_h w_h c(h,i) + beta * sum_h w_h B[h,i] + gamma * prior(i) + feedback(i)
    P(i|u)  = softmax(f / tau) over the candidates

Everything here works on positions into a ``Universe`` (the stacked catalogs), so
the same code ranks 10k or 1M items. Both history terms are sums over history
items, hence ``contribution(h -> i) = w_h * (alpha c(h,i) + beta B[h,i])`` adds up
exactly to the score less the prior and feedback terms.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from app.core.series import Places
from app.core.types import HistoryEntry, RankingParams

__all__ = [
    "Evidence",
    "Scored",
    "SparseRows",
    "TEXT_ROWS",
    "TextRows",
    "COLD_COUNT",
    "Universe",
    "attribute",
    "cold_weight",
    "content_weight",
    "dislikes_push_down",
    "evidence_weights",
    "neighbours_for",
    "popularity_prior",
    "rating_weights",
    "total_scores",
    "rank",
    "short_gamma",
    "kind_codes",
    "score_all",
    "text_neighbours",
]


COLD_COUNT = 5.0  # interactions at which an item counts as half warm for cold_boost
SHORT_HISTORY = 5.0  # history entries at which a person counts as half known for short_boost
COLD_HISTORY = 200.0  # history entries at which cold_boost counts half (cold_weight)
WIDE_HISTORY = 12  # histories up to this many entries look WIDEST times further by text (neighbours_for)
WIDEST = 16
# Share of an entry's text closeness to an item of another kind (a film's to a book). What one reads says
# more about what one will read than what one watched: a Douban history of 616 films and 299 books got
# thrillers for books, from the films, where its books were parenting, health and history.
OTHER_KIND = 0.5
SHORT_PRIOR = 1.0  # extra share of gamma for an empty history, fading as SHORT_HISTORY / (n + SHORT_HISTORY)


def cold_weight(params: RankingParams, entries: int) -> float:
    """cold_boost for a history of this many entries: cold_boost * n / (n + COLD_HISTORY).

    The boost makes up for the co-liked term that little-rated items lack; in a short history that
    term is small for every item, and the boost would only fill the list with films a few people
    rated (five loved heist films brought "The Real McCoy" and "Killshot", not "Collateral").
    """
    return params.cold_boost * entries / (entries + COLD_HISTORY)


def neighbours_for(params: RankingParams, entries: int) -> int:
    """Text neighbours per history item: text_neighbours, or WIDEST times as many for a history of at
    most WIDE_HISTORY entries.

    A short history says little, so each entry looks further around: the well-known films of a kind
    sit a few hundred places from any one of them by text, and only rows that reach them let several
    entries add up on them (five loved heist films: "Collateral", "The Usual Suspects" rather than
    films a few people rated). From a dozen entries on, the co-liked term does that better and the
    wide rows only add noise (held-out NDCG@10 on ml-latest-small 0.1428 with the dozen, 0.1396 with
    wide rows for every history up to 400 entries).
    """
    k = params.text_neighbours
    return k * WIDEST if k > 0 and 0 < entries <= WIDE_HISTORY else k


def content_weight(params: RankingParams, evidence: Evidence) -> float:
    """alpha for this person: 1 + short_boost * S / (n + S) times alpha, S = SHORT_HISTORY, n the rows the
    co-liked term knows (``known_rows``).

    With a few entries, what people liked together says little and the texts say more (five loved
    science-fiction films should bring science fiction, not the catalog's favourites); with hundreds,
    alpha itself. A per-person factor keeps the attribution exact.
    """
    return params.alpha * (1.0 + params.short_boost * SHORT_HISTORY / (known_rows(evidence) + SHORT_HISTORY))


def known_rows(evidence: Evidence) -> int:
    """The history rows the co-liked term knows (``Evidence.boosted``): what short_boost and short_gamma count.
    A Douban history of 296 books, 2 of them in the catalog, is short for the co-liked term: counted as 296,
    the 294 own books' closeness was a tenth of the 2 books' co-liked rows and the popularity prior, and
    the list was Fahrenheit 451, Of Mice and Men, Pride and Prejudice; counted as 2, it holds The Innovators,
    How Children Succeed and Genghis Khan beside Brave New World."""
    return int(evidence.boosted().sum())


@dataclass(frozen=True, eq=False)
class Universe:
    """All rankable items stacked: ids, L2-normalised embeddings and prior, by position."""

    item_ids: np.ndarray  # (N,) int64
    embeddings: np.ndarray  # (N, d) float32, rows L2-normalised
    prior: np.ndarray  # (N,) float32, log popularity scaled to [0, 1] per catalog
    counts: np.ndarray | None = None  # (N,) interactions behind each item's public data (cold = few)
    places: Places | None = None  # each item's place in its series, where its catalog names it
    kinds: np.ndarray | None = None  # (N,) int8: each item's kind as a code (kind_codes), for OTHER_KIND

    def content_scale(self, params: RankingParams, entries: int) -> np.ndarray | None:
        """Per-item factor on c(h,i): 1 + cold_u * m / (count + m), m = COLD_COUNT, cold_u = ``cold_weight``.

        Items with little interaction data get no help from B, so their text similarity
        counts for more. A per-item factor keeps the attribution exact.
        """
        cold = cold_weight(params, entries)
        if cold == 0 or self.counts is None:
            return None
        return (1.0 + cold * COLD_COUNT / (np.maximum(self.counts, 0) + COLD_COUNT)).astype(np.float64)

    def __len__(self) -> int:
        return int(self.item_ids.shape[0])


@dataclass(frozen=True, eq=False)
class SparseRows:
    """One sparse row per history item: ``positions[r]`` with ``values[r]``.

    Stored flat (CSR style): row r spans ``offsets[r]:offsets[r+1]``.
    """

    offsets: np.ndarray  # (m+1,) int64
    positions: np.ndarray  # (nnz,) int64 positions into the universe
    values: np.ndarray  # (nnz,) float32

    @classmethod
    def from_lists(cls, rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> SparseRows:
        sizes = [len(p) for p, _ in rows]
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum(sizes, out=offsets[1:])
        if rows and offsets[-1]:
            positions = np.concatenate([np.asarray(p, dtype=np.int64) for p, _ in rows])
            values = np.concatenate([np.asarray(v, dtype=np.float32) for _, v in rows])
        else:
            positions = np.zeros(0, dtype=np.int64)
            values = np.zeros(0, dtype=np.float32)
        return cls(offsets=offsets, positions=positions, values=values)

    @classmethod
    def empty(cls, m: int) -> SparseRows:
        return cls.from_lists([(np.zeros(0), np.zeros(0))] * m)

    @property
    def row_of_entry(self) -> np.ndarray:
        """For each stored value, the row it belongs to."""
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))

    def weighted_sum(self, weights: np.ndarray, size: int) -> np.ndarray:
        """sum_r weights[r] * row_r, as a dense vector of length ``size``."""
        if not len(self.positions):
            return np.zeros(size, dtype=np.float64)
        scaled = self.values.astype(np.float64) * np.repeat(weights, np.diff(self.offsets))
        return np.bincount(self.positions, weights=scaled, minlength=size)

    def kept(self, keep: np.ndarray) -> SparseRows:
        """The same rows with only the stored values where ``keep`` (one bool per stored value) is true."""
        if keep.all():
            return self
        counts = np.bincount(self.row_of_entry[keep], minlength=len(self.offsets) - 1)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(self.offsets.dtype)
        return SparseRows(offsets=offsets, positions=self.positions[keep], values=self.values[keep])

    def columns(self, targets: np.ndarray) -> np.ndarray:
        """The dense (m, len(targets)) block of these rows at the given positions."""
        m = len(self.offsets) - 1
        block = np.zeros((m, len(targets)), dtype=np.float64)
        if not len(self.positions) or not len(targets):
            return block
        order = np.argsort(targets, kind="stable")
        sorted_targets = targets[order]
        at = np.searchsorted(sorted_targets, self.positions)
        at_clipped = np.minimum(at, len(sorted_targets) - 1)
        hit = sorted_targets[at_clipped] == self.positions
        rows = self.row_of_entry[hit]
        cols = order[at_clipped[hit]]
        np.add.at(block, (rows, cols), self.values[hit].astype(np.float64))
        return block


def dislikes_push_down(rows: SparseRows, weights: np.ndarray) -> SparseRows:
    """The rows of negative weight (a dislike, a low rating, an unfinished book) without their negative values.

    EASE's weights are negative between items whose people rarely liked both; times a negative row weight
    such a value raised an item because the person disliked the other (a disliked chick-lit novel made
    another one its largest reason, read as "because you liked ..."). A dislike only pushes down."""
    negative = np.asarray(weights[: len(rows.offsets) - 1]) < 0
    if not negative.any() or not len(rows.values):
        return rows
    return rows.kept(~(negative[rows.row_of_entry] & (rows.values < 0)))


@dataclass(frozen=True, eq=False)
class Evidence:
    """The user's side of the score: history item embeddings, weights and sparse rows."""

    weights: np.ndarray  # (m,) float64, w_h
    embeddings: np.ndarray  # (m, d) float32
    text: SparseRows | None  # c(h, i) on each history item's top text neighbours; None = all items
    cf: SparseRows  # B[h, i] from the catalogs' item-to-item weights
    # How the person's ratings follow popularity, in [-1, 1] (see ``mainstream``): it moves the weight of
    # the popularity prior for this person (``person_gamma``).
    mainstream: float = 0.0
    # The last ``asked`` rows are texts the person typed or pinned.
    asked: int = 0
    kinds: np.ndarray | None = None  # (m,) int8: each row's kind code, -1 for a text (close to every kind)

    def kind_factor(self, universe: Universe, positions: np.ndarray) -> np.ndarray | None:
        """(m, k): 1 where a row and the item at each position are of one kind (or the row is a text),
        OTHER_KIND where not; None where kinds are unknown."""
        if self.kinds is None or universe.kinds is None:
            return None
        same = (self.kinds[:, None] < 0) | (self.kinds[:, None] == universe.kinds[positions][None, :])
        return np.where(same, 1.0, OTHER_KIND)

    def boosted(self) -> np.ndarray:
        """(m,) bool: the rows that take the cold boost, those with a co-liked row. The boost makes up for the
        co-liked row a little-rated item lacks; a row with none (a typed text, an item of the person's own)
        gives no item one, so the boost is not theirs: with it, a typed "heist film" brought films a few
        people rated ("The Trust", "Hunting Elephants") before "Ocean's Eleven", and a Douban history of
        Chinese titles no catalog has, a Soviet cartoon and films of a dozen ratings."""
        boosted = np.diff(self.cf.offsets) > 0
        if self.asked:
            boosted[-self.asked:] = False
        return boosted

    def split(self) -> tuple[np.ndarray, np.ndarray]:
        """The weights of the rows that take the cold boost and of the others, each zero at the other's."""
        weights, boosted = self.weights.astype(np.float64), self.boosted()
        return np.where(boosted, weights, 0.0), np.where(boosted, 0.0, weights)

    def __len__(self) -> int:
        return int(self.weights.shape[0])


@dataclass(frozen=True, slots=True)
class Scored:
    position: int
    probability: float
    score: float
    content: float  # alpha * sum_h w_h c(h,i)
    cf: float  # beta * sum_h w_h B[h,i]
    prior: float  # gamma * prior(i)
    feedback: float
    by_history_content: np.ndarray  # (m,) w_h * alpha * c(h,i)
    by_history_cf: np.ndarray  # (m,) w_h * beta * B[h,i]
    gamma: float = 0.0  # the popularity weight used for this person (person_gamma)
    short_gamma: float = 0.0  # its part before the person's mainstream value (short_gamma)
    match: float = 0.0  # the score against the best candidate's (match_of)


def _entry_date(entry: HistoryEntry) -> str:
    return entry.consumed_at or entry.added_at[:10]


# Typical ratings (normalised to [0, 1]) and how many of them a person's own average and spread
# are shrunk toward: with few ratings, the typical reader's; with many, their own.
TYPICAL_RATING = 0.7
TYPICAL_SPREAD = 0.24
PRIOR_RATINGS = 10.0


def rating_weights(norms: np.ndarray, *, neutral_sds: float) -> np.ndarray:
    """Each rating read relative to the person's own average and spread, in [-1, 1].

    w = (r - neutral) / (2 sd), neutral = mean - neutral_sds * sd, with the mean and sd shrunk
    toward a typical reader's by PRIOR_RATINGS pseudo-ratings. Measured on held-out MovieLens
    and goodbooks users, this beats a fixed neutral point on both (docs/evaluation.md).
    """
    norms = np.asarray(norms, dtype=np.float64)
    n = len(norms)
    if not n:
        return norms
    mean = (norms.sum() + PRIOR_RATINGS * TYPICAL_RATING) / (n + PRIOR_RATINGS)
    var = (((norms - norms.mean()) ** 2).sum() + PRIOR_RATINGS * TYPICAL_SPREAD**2) / (n + PRIOR_RATINGS)
    sd = max(float(np.sqrt(var)), 1e-3)
    return np.clip((norms - (mean - neutral_sds * sd)) / (2 * sd), -1.0, 1.0)


def evidence_weights(
    entries: Sequence[HistoryEntry],
    *,
    params: RankingParams,
    today: date | None = None,
    extra: Sequence[float] = (),
) -> np.ndarray:
    """w_h for each history entry (then each ``extra`` raw weight, e.g. likes), in [-1, 1].

    The rating read relative to the person's own average and spread (``rating_weights``); an
    entry without one counts ``unrated_weight``, one on a shelf that says nothing
    ``shelved_weight``, one not finished ``-dnf_weight``. Times the recency factor
    long_term + (1 - long_term) * 2^(-age / half_life), age in days before the latest dated entry
    of its kind (or ``today``; an undated one is of their median age) or in positions from it: recent
    tastes count more, the past never drops to nothing. Not normalised by the history's size: each
    entry adds its evidence, so a long history outweighs the popularity prior as it should.
    """
    n = len(entries)
    raw = np.zeros(n + len(extra), dtype=np.float64)
    rated = [k for k, e in enumerate(entries) if e.rating_norm is not None and e.status != "dnf"]
    if rated:
        raw[rated] = rating_weights(np.array([entries[k].rating_norm for k in rated]),  # type: ignore[misc]
                                    neutral_sds=params.neutral_sds)
    for k, entry in enumerate(entries):
        if entry.status == "dnf":
            raw[k] = -params.dnf_weight
        elif entry.rating_norm is None:
            raw[k] = params.shelved_weight if entry.status == "shelved" else params.unrated_weight
    if n and params.half_life > 0:
        raw[:n] *= _recency(entries, params, today)
    raw[n:] = np.asarray(extra, dtype=np.float64)
    return raw


def _recency(entries: Sequence[HistoryEntry], params: RankingParams, today: date | None) -> np.ndarray:
    n = len(entries)
    if params.decay == "days":
        days = np.array([_day_of(e) for e in entries], dtype=np.float64)
        kinds = np.array([e.item.kind for e in entries], dtype=object)
        known = np.isfinite(days)
        age = np.zeros(n)
        for kind in set(kinds):
            # Age from the latest day this kind was read or watched: a film seen last week does not make
            # the books of last year old. Not from the day a file was imported: an imported to-read shelf
            # (dated only by the import) made every book read before it years old.
            mine = kinds == kind
            dated = mine & known
            if today is not None:
                ref = float(today.toordinal())
            elif dated.any():
                ref = days[dated].max()
            else:
                continue
            age[dated] = np.maximum(ref - days[dated], 0)
            # An entry of unknown date is of the typical age, neither the newest nor the oldest
            # (replays of real book exports: 0.344 -> 0.353, films the same).
            if dated.any():
                age[mine & ~known] = float(np.median(age[dated]))
    else:
        order = sorted(range(n), key=lambda k: (_entry_date(entries[k]), entries[k].seq))
        age = np.zeros(n)
        age[list(reversed(order))] = np.arange(n)
    floor = min(max(params.long_term, 0.0), 1.0)
    return floor + (1 - floor) * 2.0 ** (-age / params.half_life)


def _day_of(entry: HistoryEntry) -> float:
    """The day an entry was read or watched, as an ordinal; for one added by hand without a date the day it
    was added (one just finished, most likely); nan where unknown (an imported row without a date)."""
    when = entry.consumed_at or (entry.added_at[:10] if entry.source == "manual" else "")
    try:
        return float(date.fromisoformat(when[:10]).toordinal())
    except ValueError:
        return float("nan")


def text_neighbours(
    embeddings: np.ndarray,
    queries: np.ndarray,
    *,
    k: int,
    exclude: Sequence[int] | None = None,
    block_floats: int = 1 << 24,
) -> SparseRows:
    """Each query's top-k cosine neighbours in ``embeddings`` (rows L2-normalised).

    ``exclude[r]`` is a position to leave out for query r (the item itself), or -1.
    Works in blocks so memory stays near ``block_floats`` floats at any catalog size.
    """
    n = embeddings.shape[0]
    m = queries.shape[0]
    k = min(k, max(n - 1, 0))
    rows: list[tuple[np.ndarray, np.ndarray]] = []
    step = max(1, block_floats // max(n, 1))
    for start in range(0, m, step):
        sims = queries[start : start + step] @ embeddings.T
        for r in range(sims.shape[0]):
            row = sims[r]
            skip = exclude[start + r] if exclude is not None else -1
            if skip >= 0:
                row[skip] = -np.inf
            if k <= 0:
                rows.append((np.zeros(0, np.int64), np.zeros(0, np.float32)))
                continue
            top = np.argpartition(-row, k - 1)[:k] if k < n else np.arange(n)
            top = top[np.isfinite(row[top])]
            rows.append((top.astype(np.int64), row[top].astype(np.float32)))
    return SparseRows.from_lists(rows)


TEXT_ROWS = 1000  # history entries (the heaviest) whose text neighbours enter the content term

RowMap = dict[int, tuple[np.ndarray, np.ndarray]]  # position -> (neighbour positions, cosines)


class TextRows:
    """Each item's top-k text neighbours, computed once per universe and kept.

    Only the TEXT_ROWS heaviest entries of a history get rows: in a history of thousands the rest
    add little (alpha is small), and each row costs a pass over the whole universe. ``load`` and
    ``save`` let a caller keep rows across processes.
    """

    def __init__(self) -> None:
        self._rows: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}

    def clear(self) -> None:
        self._rows.clear()

    def of(self, embeddings: np.ndarray, positions: np.ndarray, weights: np.ndarray, *, k: int,
           load: Callable[[list[int]], RowMap] | None = None,
           save: Callable[[RowMap], None] | None = None) -> SparseRows:
        heavy = np.zeros(len(positions), dtype=bool)
        heavy[np.argsort(-np.abs(weights[: len(positions)]), kind="stable")[:TEXT_ROWS]] = True
        todo = [int(p) for p in dict.fromkeys(positions[heavy].tolist()) if (k, int(p)) not in self._rows]
        if todo and load is not None:
            for p, row in load(todo).items():
                self._rows[(k, p)] = row
            todo = [p for p in todo if (k, p) not in self._rows]
        if todo:
            rows = text_neighbours(embeddings, embeddings[todo], k=k, exclude=todo)
            fresh: RowMap = {}
            for r, p in enumerate(todo):
                span = slice(rows.offsets[r], rows.offsets[r + 1])
                self._rows[(k, p)] = fresh[p] = (rows.positions[span], rows.values[span])
            if save is not None:
                save(fresh)
        empty = (np.zeros(0, np.int64), np.zeros(0, np.float32))
        return SparseRows.from_lists([self._rows[(k, int(p))] if ok else empty for p, ok in zip(positions, heavy)])


def score_all(
    universe: Universe, evidence: Evidence, params: RankingParams
) -> tuple[np.ndarray, np.ndarray]:
    """The two history terms for every item: (alpha * content, beta * cf), each (N,)."""
    n = len(universe)
    alpha = content_weight(params, evidence)
    if alpha == 0 or not len(evidence):
        content = np.zeros(n, dtype=np.float64)
    else:
        scale = universe.content_scale(params, len(evidence))
        boosted, plain = evidence.split()
        content = _content(universe, evidence, boosted)
        if scale is not None:
            content *= scale
        if plain.any():
            content += _content(universe, evidence, plain)
    cf = (
        evidence.cf.weighted_sum(evidence.weights, n)
        if params.beta != 0 and len(evidence)
        else np.zeros(n, dtype=np.float64)
    )
    return alpha * content, params.beta * cf


def kind_codes(kinds: Sequence[str] | np.ndarray) -> np.ndarray:
    """Kinds as int8 codes: film 0, book 1, anything else 2."""
    return np.array([{"film": 0, "book": 1}.get(k, 2) for k in kinds], dtype=np.int8)


def _content(universe: Universe, evidence: Evidence, weights: np.ndarray) -> np.ndarray:
    """sum_h w_h c(h, i) k(h, i) over all items, with these weights; k is OTHER_KIND between kinds."""
    if evidence.kinds is None or universe.kinds is None:
        return _closeness(universe, evidence, weights)
    out = np.zeros(len(universe), dtype=np.float64)
    for code in np.unique(evidence.kinds[weights != 0]):
        part = _closeness(universe, evidence, np.where(evidence.kinds == code, weights, 0.0))
        out += part if code < 0 else part * np.where(universe.kinds == code, 1.0, OTHER_KIND)
    return out


def _closeness(universe: Universe, evidence: Evidence, weights: np.ndarray) -> np.ndarray:
    """sum_h w_h c(h, i) over all items, with these weights."""
    if evidence.text is None:
        profile = (weights.astype(np.float32) @ evidence.embeddings).astype(np.float32)
        return (universe.embeddings @ profile).astype(np.float64)
    return evidence.text.weighted_sum(weights, len(universe))


MAINSTREAM_PRIOR = 30  # ratings that shrink the measured correlation halfway to none
SCALE_TOP = 100  # items whose mean personal score is the person's scale


def mainstream(ratings: np.ndarray, priors: np.ndarray) -> float:
    """How the person's ratings follow the popularity of what they rated: Pearson's r of rating and
    prior(i) over their rated catalog items, shrunk toward 0 by MAINSTREAM_PRIOR ratings. Someone
    who rates blockbusters low and little-known films high gets a negative value."""
    ratings, priors = np.asarray(ratings, np.float64), np.asarray(priors, np.float64)
    n = len(ratings)
    if n < 3 or ratings.std() == 0 or priors.std() == 0:
        return 0.0
    r = float(np.corrcoef(ratings, priors)[0, 1])
    return r * n / (n + MAINSTREAM_PRIOR) if np.isfinite(r) else 0.0


def short_gamma(params: RankingParams, entries: int) -> float:
    """gamma * (1 + SHORT_PRIOR * S / (n + S)), S = SHORT_HISTORY: a short history says little, so what
    many people know counts more, up to twice gamma (a heist film asked for in words brings "Reservoir
    Dogs" and "Heat" before films three people rated; no effect on held-out MovieLens users)."""
    return params.gamma * (1.0 + SHORT_PRIOR * SHORT_HISTORY / (max(entries, 0) + SHORT_HISTORY))


def person_gamma(params: RankingParams, evidence: Evidence, personal: np.ndarray) -> float:
    """gamma_u = short_gamma + mainstream_weight * m_u * S_u: the popularity weight for this person, with
    S_u the mean personal score of their SCALE_TOP best items (so it matters as much for a long history
    as for a short one) and m_u their ``mainstream`` value."""
    gamma = short_gamma(params, known_rows(evidence))
    if not evidence.mainstream or not params.mainstream_weight or not len(personal):
        return gamma
    k = min(SCALE_TOP, len(personal))
    scale = float(np.partition(personal, len(personal) - k)[len(personal) - k:].mean())
    return gamma + params.mainstream_weight * evidence.mainstream * max(scale, 0.0)


def _scores(universe: Universe, evidence: Evidence, params: RankingParams,
            feedback: np.ndarray | None) -> tuple[np.ndarray, float]:
    content, cf = score_all(universe, evidence, params)
    f = content
    f += cf
    gamma = person_gamma(params, evidence, f)
    f += gamma * universe.prior
    if feedback is not None:
        f += feedback
    return f, gamma


def total_scores(
    universe: Universe, evidence: Evidence, params: RankingParams, *, feedback: np.ndarray | None = None
) -> np.ndarray:
    """f(u, i) for every item, float64 (N,): both history terms, the prior and feedback."""
    return _scores(universe, evidence, params, feedback)[0]


def popularity_prior(counts: np.ndarray) -> np.ndarray:
    """prior(i) = log(1 + count), scaled to [0, 1] (catalogs' counts are not comparable)."""
    prior = np.log1p(np.maximum(np.asarray(counts, dtype=np.float64), 0))
    top = prior.max() if len(prior) else 0.0
    return (prior / top if top > 0 else prior).astype(np.float32)


def attribute(
    universe: Universe, evidence: Evidence, params: RankingParams, positions: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per-history-item contributions to the given items: two (m, k) blocks (content, cf)."""
    positions = np.asarray(positions, dtype=np.int64)
    w = evidence.weights[:, None]
    if evidence.text is None:
        cos = (evidence.embeddings @ universe.embeddings[positions].T).astype(np.float64)
    else:
        cos = evidence.text.columns(positions)
    scale = universe.content_scale(params, len(evidence))
    if scale is not None:
        cos = cos.copy()
        boosted = evidence.boosted()
        cos[boosted] *= scale[positions]  # (as score_all)
    kinds = evidence.kind_factor(universe, positions)
    if kinds is not None:
        cos = cos * kinds
    b = evidence.cf.columns(positions)
    return w * content_weight(params, evidence) * cos, w * params.beta * b


def _mmr(
    pool: np.ndarray, relevance: np.ndarray, embeddings: np.ndarray, k: int, diversity: float
) -> np.ndarray:
    """Maximal marginal relevance: trade relevance for distance to what is already chosen."""
    lo, hi = float(relevance.min()), float(relevance.max())
    rel = (relevance - lo) / (hi - lo) if hi > lo else np.ones_like(relevance)
    vecs = embeddings[pool]
    max_sim = np.full(len(pool), 0.0)
    chosen: list[int] = []
    taken = np.zeros(len(pool), dtype=bool)
    for _ in range(min(k, len(pool))):
        gain = (1 - diversity) * rel - diversity * max_sim
        gain[taken] = -np.inf
        pick = int(np.argmax(gain))
        chosen.append(pick)
        taken[pick] = True
        max_sim = np.maximum(max_sim, vecs @ vecs[pick])
    return pool[np.asarray(chosen, dtype=np.int64)]


def rank(
    universe: Universe,
    evidence: Evidence,
    params: RankingParams,
    *,
    candidates: np.ndarray,
    feedback: np.ndarray | None = None,
    k: int = 10,
    diversity: float = 0.0,
    only: Sequence[int] | None = None,
) -> list[Scored]:
    """Rank the candidates; return the top k (or exactly ``only``) with attribution.

    ``candidates`` is a boolean mask over the universe; ``feedback`` an additive term
    per item (in score units). Probabilities are over all candidates.
    """
    n = len(universe)
    count = int(np.count_nonzero(candidates))
    if not count:
        return []
    # f is built in place and masked to -inf off the candidates: at 1M items every
    # pass over the array costs milliseconds.
    f, gamma = _scores(universe, evidence, params, feedback)
    if only is not None:
        picked = np.asarray(only, dtype=np.int64)
        wanted = f[picked].copy()
    np.copyto(f, -np.inf, where=~candidates)
    top_score = float(f.max())
    weights = f - top_score
    weights /= max(params.tau, 1e-12)
    np.exp(weights, out=weights)
    total = float(weights.sum())

    if only is not None:
        top = picked
        probs = np.where(candidates[top], np.exp((wanted - top_score) / max(params.tau, 1e-12)) / total, 0.0)
    else:
        k = min(k, count)
        if diversity > 0:
            size = min(count, max(10 * k, 200))
            pool = np.argpartition(f, n - size)[n - size :]
            top = _mmr(pool, f[pool], universe.embeddings, k, diversity)
        else:
            part = np.argpartition(f, n - k)[n - k :]
            top = part[np.lexsort((part, -f[part]))]
        probs = weights[top] / total

    by_content, by_cf = attribute(universe, evidence, params, top)
    out = []
    for j, p in enumerate(top):
        # Report the terms as the sums of their float64 parts, so the numbers shown add up
        # exactly; the fast float32 product only chose the order.
        c, b = float(by_content[:, j].sum()), float(by_cf[:, j].sum())
        prior = gamma * float(universe.prior[p])
        fb = float(feedback[p]) if feedback is not None else 0.0
        out.append(
            Scored(
                position=int(p),
                probability=float(probs[j]),
                score=c + b + prior + fb,
                content=c,
                cf=b,
                prior=prior,
                feedback=fb,
                by_history_content=by_content[:, j],
                by_history_cf=by_cf[:, j],
                gamma=gamma,
                short_gamma=short_gamma(params, known_rows(evidence)),
                match=match_of(c + b + prior + fb, top_score, float(probs[j]), 1.0 / total),  # best: exp(0)/total
            )
        )
    return out


def match_of(score: float, best: float, probability: float, best_probability: float) -> float:
    """How well an item matches the person, 0-1, against their best candidate: its score over the best
    score, which reads as "93% of your best match" and falls gently down the list (P(i|u) is ~0.01% for
    most rows among 20,000 candidates). A best score of 0 or less has no such ratio: then the ratio of
    the probabilities."""
    if best > 1e-12:
        return min(max(score / best, 0.0), 1.0)
    return min(probability / best_probability, 1.0) if best_probability > 0 else 0.0

