"""Domain types shared by every layer: plain frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

__all__ = [
    "FEEDBACK_KINDS",
    "KINDS",
    "ModelParams",
    "ParamInfo",
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
    runtime: int | None = None  # a film's length in minutes, where its catalog knows it (books: none)

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
    file_title: str | None = None  # the title the imported file gave, where the catalog item's is another


@dataclass(frozen=True)
class ParamInfo:
    """What a person is told about one ranking constant, and what it may be."""

    name: str
    default: Any
    kind: type
    help: str
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    cores: bool = False  # also at most the machine's CPU cores (known where it runs, not here)


def _param(default: Any, help: str, *, low: float | None = None, high: float | None = None,
           choices: tuple[str, ...] = (), cores: bool = False) -> Any:
    return field(default=default, metadata={"help": help, "low": low, "high": high, "choices": choices,
                                            "cores": cores})


class _Params:
    """Settings declared as dataclass fields with ``_param``: their names, and each one described."""

    __slots__ = ()

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]

    @classmethod
    def describe(cls) -> list[ParamInfo]:
        """Each field with its default, help, range and choices."""
        return [ParamInfo(f.name, f.default, type(f.default), **f.metadata) for f in fields(cls)]  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True, kw_only=True)
class RankingParams(_Params):
    """Every constant of the scoring model (see docs/architecture.md, "2. The scoring model").

    f(u,i) = alpha * sum_h w_h c(h,i) + beta * sum_h w_h B[h,i] + gamma * prior(i) + feedback
    P(i|u) = softmax(f / tau) over the candidates.
    """

    # Defaults tuned on a validation split carved from MovieLens latest-small's training
    # part (never its test part) by `hearth eval --tune`, then checked on goodbooks-10k and on
    # replays of real exports (`hearth eval-history`); see docs/evaluation.md.
    # Each field's help, range and choices are the one description settings, CLI and GUI use.
    # Every number has finite bounds: a weight of 1e300 or a boost of 1e9 makes every score inf, and P(i|u) nan.
    alpha: float = _param(0.005, "weight of text similarity to your history", low=0.0, high=10.0)
    beta: float = _param(0.5, "weight of what people who liked the same things also liked", low=0.0, high=10.0)
    # The log-popularity prior is scaled to [0, 1] per catalog: it settles short histories.
    gamma: float = _param(0.002, "weight of popularity", low=0.0, high=10.0)
    # A person who rates popular titles low (or high) moves the popularity weight by this much of their own
    # score scale times how their ratings follow popularity (scoring.person_gamma).
    mainstream_weight: float = _param(0.5, "how much your own liking or dislike of popular titles moves the"
                                      " weight of popularity (0 = the same for everyone)", low=0.0, high=2.0)
    tau: float = _param(0.05, "softmax temperature of P(i|u)", low=1e-4, high=10.0)
    half_life: float = _param(365.0, "recency half-life (days, or positions)", low=0.0, high=36500.0)
    decay: str = _param("days", "measure age in 'days' before the latest entry or in 'position's from it",
                        choices=("days", "position"))
    # 0.1, not the 0.3 MovieLens chose (it cannot tell: its ratings span weeks): real exports span years, and
    # what a person read lately says more of what they read next (books' replay 0.269 -> 0.344, films even).
    long_term: float = _param(0.1, "share of an entry's weight that never decays (0-1)", low=0.0, high=1.0)
    text_neighbours: int = _param(50, "text neighbours kept per history item (0 = all items)", low=0, high=100000)
    cold_boost: float = _param(0.5, "extra weight of text similarity for items few people rated", low=0.0,
                               high=100.0)
    short_boost: float = _param(4.0, "extra weight of text similarity while your history is short", low=0.0,
                                high=100.0)
    # A 7/10 from someone who gives 8s and 9s is a shrug, from a harsh rater praise.
    neutral_sds: float = _param(1.5, "a rating this many of your standard deviations below your average counts"
                                " as neutral", low=-3.0, high=3.0)
    # (A weight's sign is the model's: dnf_weight and dislike_weight count against.)
    unrated_weight: float = _param(0.5, "weight of an entry without a rating", low=0.0, high=10.0)  # mildly liked
    dnf_weight: float = _param(0.25, "how much a did-not-finish entry counts against", low=0.0, high=10.0)
    shelved_weight: float = _param(0.15, "weight of an unrated entry on a shelf whose name says nothing", low=0.0,
                                   high=10.0)
    like_weight: float = _param(1.0, "weight of a liked item as evidence", low=0.0, high=10.0)  # a top rating
    # A to-read or watchlist entry, like an entry on a shelf that says nothing (replays of real book exports:
    # mean recall@50 0.258 -> 0.300 at 0.15; docs/evaluation.md).
    saved_weight: float = _param(0.15, "weight of an item saved for later (to read, to watch) as evidence of your"
                                 " taste", low=0.0, high=10.0)
    dislike_weight: float = _param(1.0, "weight of a disliked item as negative evidence", low=0.0, high=10.0)
    # Feedback terms on a candidate's own score, in units of tau: +1 multiplies its odds by e.
    # (A disliked item leaves the candidates, like one marked not interested.)
    like_bonus: float = _param(1.0, "score bonus of a liked item, in units of tau", low=0.0, high=10.0)
    saved_bonus: float = _param(0.0, "score bonus of an item saved for later, in units of tau", low=0.0, high=10.0)
    # Words typed ("dark science fiction with a twist") and pinned interests together; all of the
    # evidence with an empty history, where they rank the catalogs alone with the popularity prior.
    query_share: float = _param(0.5, "share of the evidence that what you ask for in words carries (0.5: as"
                                " much as your history)", low=0.0, high=0.95)

    def with_(self, **changes: Any) -> RankingParams:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelParams(_Params):
    """Which models run, where, and how the explainer samples: declared like RankingParams, so settings,
    the CLI and the Settings page read defaults, help, ranges and choices from here."""

    embedding_model: str = _param("", "sentence-transformers folder ('' = bundled all-MiniLM-L6-v2)")
    device: str = _param("auto", "where models run: auto, cpu, cuda, mps", choices=("auto", "cpu", "cuda", "mps"))
    llm_model: str = _param("", "GGUF file of the explainer ('' = bundled Gemma 3 270M)")
    llm_mode: str = _param("auto", "auto (chat if the file has a chat template), completion or chat",
                           choices=("auto", "completion", "chat"))
    llm_threads: int = _param(0, "CPU threads for the explainer (0 = automatic)", low=0, high=256, cores=True)
    # The few-shot prompt of the richest evidence (three reasons, every fact, 120-character fields) is ~1,600
    # of Gemma's tokens: a smaller context cannot hold it (a prompt that still does not fit gets the template).
    llm_context: int = _param(2048, "context size of the explainer, in tokens", low=2048, high=131072)
    llm_gpu_layers: int = _param(-1, "layers offloaded to the GPU (-1 = all if llama.cpp can)", low=-1, high=1000)
    llm_temperature: float = _param(0.7, "sampling temperature of explanations", low=0.0, high=2.0)
    llm_seed: int = _param(0, "sampling seed of explanations", low=0, high=2**31 - 1)
    llm_max_tokens: int = _param(48, "longest explanation, in tokens", low=8, high=512)

    @classmethod
    def of(cls, values: dict[str, Any]) -> ModelParams:
        """The model settings among ``values`` (a settings dict holds the ranking ones too)."""
        return cls(**{name: values[name] for name in cls.names() if name in values})


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
    popularity_weight: float = 0.0  # gamma_u: gamma moved by how this person's ratings follow popularity
    popularity_short: float = 0.0  # gamma_u's part before that: gamma, raised while the history is short

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
    match: float = 0.0  # 0-1: the score against this person's best candidate (scoring.match_of)
