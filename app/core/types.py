"""Domain types shared by every layer: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

__all__ = [
    "FEEDBACK_KINDS",
    "KINDS",
    "Contribution",
    "HistoryEntry",
    "Item",
    "RankingParams",
    "Recommendation",
    "ScoreTerms",
]

KINDS: tuple[str, ...] = ("book", "film", "other")

FEEDBACK_KINDS: tuple[str, ...] = ("like", "dislike", "not_interested", "saved")


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """A book, film or other thing a person can consume."""

    id: int | None = None
    catalog: str = "user"
    source_key: str = ""
    kind: str = "other"
    title: str
    year: int | None = None
    creators: tuple[str, ...] = ()
    description: str = ""
    genres: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    alt_titles: tuple[str, ...] = ()
    imdb: str | None = None
    tmdb: str | None = None
    goodreads: str | None = None
    isbn13: str | None = None
    popularity: int = 0
    # More ids of the same work, as "scheme:value" (e.g. "goodreads:3", "goodreads-work:4640799").
    alt_ids: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Title with year, as people write it: ``The Matrix (1999)``."""
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryEntry:
    """Something the person has read or watched, with their rating."""

    item: Item
    rating: float | None = None
    rating_min: float | None = None
    rating_max: float | None = None
    rating_norm: float | None = None  # rating mapped onto [0, 1]
    consumed_at: str | None = None  # ISO date
    source: str = "manual"
    added_at: str = ""
    seq: int = 0  # insertion order, the tie-break for recency
    status: str = "done"  # "done", "reading", "dnf" (did not finish: a weak negative) or "shelved"
    shelf: str | None = None  # the source's shelf, for entries kept as "shelved"


@dataclass(frozen=True, slots=True, kw_only=True)
class RankingParams:
    """Every constant of the scoring model (see DESIGN.md, "The scoring model").

    f(u,i) = alpha * sum_h w_h c(h,i) + beta * sum_h w_h B[h,i] + gamma * prior(i) + feedback
    P(i|u) = softmax(f / tau) over the candidates.
    """

    # Defaults tuned on a validation split carved from MovieLens latest-small's training
    # part (never its test part) by `hearth eval --tune`, then checked on goodbooks-10k and on
    # replays of real exports (`hearth eval-history`); see README, "Evaluation".
    alpha: float = 0.005  # content: text cosine to each history item
    beta: float = 0.5  # item-to-item weights that ship with a catalog
    gamma: float = 0.002  # log-popularity prior, scaled to [0, 1] per catalog: settles short histories
    tau: float = 0.05  # softmax temperature
    half_life: float = 365.0  # recency half-life, in days or positions (see decay)
    decay: str = "days"  # age in "days" before the latest entry, or in "position"s from it
    long_term: float = 0.3  # share of an entry's weight that never decays: the past keeps counting
    text_neighbours: int = 50  # c(h,i) kept for each history item's top-k text neighbours; 0 = all
    cold_boost: float = 0.5  # extra weight of c(h,i) for items with little interaction data
    short_boost: float = 4.0  # extra weight of c(h,i) for a person with few history entries
    # A rating counts as neutral this many of the person's own standard deviations below their own
    # average: a 7/10 from someone who gives 8s and 9s is a shrug, from a harsh rater praise.
    neutral_sds: float = 1.5
    unrated_weight: float = 0.5  # weight of an entry without a rating (it was chosen, so mildly liked)
    dnf_weight: float = 0.25  # a did-not-finish entry counts this much against
    shelved_weight: float = 0.15  # an unrated entry on a shelf whose name says nothing (read or not?)
    like_weight: float = 1.0  # a liked item counts like a top-rated history entry
    dislike_weight: float = 1.0  # a disliked item counts like a bottom-rated one
    # Feedback terms on a candidate's own score, in units of tau: +1 multiplies its odds by e.
    # (A disliked item leaves the candidates, like one marked not interested.)
    like_bonus: float = 1.0
    saved_bonus: float = 0.0
    # What a person asks for in words ("dark science fiction with a twist") and their pinned interests
    # carry this share of the positive evidence (0.5: as much as the whole history), all of it with
    # an empty history, where they rank the catalogs alone with the popularity prior.
    query_share: float = 0.5

    def with_(self, **changes: Any) -> RankingParams:
        return replace(self, **changes)

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True, slots=True, kw_only=True)
class Contribution:
    """What one history item adds to a candidate's score: w_h * (alpha c + beta B)."""

    item_id: int
    title: str
    year: int | None
    weight: float  # w_h
    content: float  # w_h * alpha * c(h, i)
    cf: float  # w_h * beta * B[h, i]
    source: str = "history"  # or "query" (words typed for this list) or "interest" (words pinned)

    @property
    def contribution(self) -> float:
        return self.content + self.cf


@dataclass(frozen=True, slots=True, kw_only=True)
class ScoreTerms:
    content: float
    cf: float
    prior: float
    feedback: float

    @property
    def total(self) -> float:
        return self.content + self.cf + self.prior + self.feedback

    @property
    def history(self) -> float:
        """The personal part: what the history items add (text and co-liked)."""
        return self.content + self.cf

    @property
    def history_share(self) -> float:
        """How much of the score the history makes, against popularity and feedback (0-1)."""
        size = abs(self.history) + abs(self.prior) + abs(self.feedback)
        return abs(self.history) / size if size > 0 else 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Recommendation:
    rank: int
    item: Item
    probability: float  # P(i|u) over the candidates
    score: float  # f(u, i)
    terms: ScoreTerms
    contributions: tuple[Contribution, ...] = field(default=())
