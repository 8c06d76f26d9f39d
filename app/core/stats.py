"""A person's years in books and films, counted exactly from their history (no I/O).

Every viewing counts: a Letterboxd diary entry, a rewatch again, as Letterboxd's own year in review
does; a book on a read shelf once, in the year of its date read. A viewing without a date is counted
in the totals and never placed in a year (``Stats.undated`` says how many). ``compute`` takes the
viewings joined with their items (``Watch``) and returns plain figures (``Stats``), which the CLI
prints or writes as JSON and the page and the charts draw.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.facets import Facet
from app.core.text import true_genres
from app.core.types import Item

__all__ = ["KINDS", "FacetMove", "FacetMoves", "Stats", "Viewing", "Watch", "YearKind", "compute", "facets_moved",
           "rating_step"]

KINDS = ("film", "book")
_TOP = 10  # genres, tags, creators listed per year
_MOVED = 3  # genres that grew and faded, each
_MOVED_FLOOR = 3  # viewings a year needs before its shares are compared with the year before


@dataclass(frozen=True, slots=True)
class Viewing:
    """One time something was watched or read, as an export says it."""

    date: str | None = None  # ISO date; None when the file gives none
    rewatch: bool = False  # the file says it was seen or read before (Letterboxd's Rewatch, Read Count > 1)
    rating: float | None = None  # this viewing's own rating (a diary entry's), on the entry's scale
    pages: int | None = None  # the book's pages, where the export gives them


@dataclass(frozen=True, slots=True)
class Watch:
    """A viewing with its item and the history entry's rating (used when the viewing has none)."""

    item: Item
    date: str | None
    rewatch: bool = False
    rating: float | None = None
    scale: tuple[float, float] | None = None
    pages: int | None = None


@dataclass
class YearKind:
    """One year (or all years, ``year`` None) of one kind: the figures the page and ``stats`` show."""

    year: int | None
    kind: str
    count: int = 0
    months: list[int] = field(default_factory=lambda: [0] * 12)
    new: int = 0  # first time seen or read
    again: int = 0  # rewatches and re-reads
    rated: int = 0
    scale: tuple[float, float] | None = None  # the person's own scale for this kind (the most used)
    ratings: dict[str, int] = field(default_factory=dict)  # "3.5" -> viewings rated so, on that scale
    average: float | None = None
    highest: list[str] = field(default_factory=list)  # the year's highest-rated titles, as labels
    highest_rating: float | None = None
    highest_count: int = 0  # how many titles got it (highest lists five)
    genres: list[tuple[str, int]] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    creators: list[tuple[str, int]] = field(default_factory=list)
    decades: list[tuple[int, int]] = field(default_factory=list)  # (1990, n), oldest first
    pages: int = 0  # pages read (books whose export gives them)
    minutes: int = 0  # minutes watched (films whose catalog entry gives a runtime; a rewatch counts again)
    timed: int = 0  # the viewings those minutes add up (the others' length is unknown)
    longest: tuple[str, int] | None = None  # (label, pages) for books, (label, minutes) for films
    shortest: tuple[str, int] | None = None
    grew: list[tuple[str, float, float]] = field(default_factory=list)  # (genre, share now, share the year before)
    faded: list[tuple[str, float, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year, "kind": self.kind, "count": self.count, "months": list(self.months),
            "new": self.new, "again": self.again, "rated": self.rated,
            "scale": list(self.scale) if self.scale else None, "ratings": dict(self.ratings),
            "average": None if self.average is None else round(self.average, 3),
            "highest": list(self.highest), "highest_rating": self.highest_rating, "highest_count": self.highest_count,
            "genres": [[g, n] for g, n in self.genres], "tags": [[t, n] for t, n in self.tags],
            "creators": [[c, n] for c, n in self.creators], "decades": [[d, n] for d, n in self.decades],
            "pages": self.pages, "minutes": self.minutes, "timed": self.timed,
            "longest": list(self.longest) if self.longest else None,
            "shortest": list(self.shortest) if self.shortest else None,
            "grew": [[g, round(a, 4), round(b, 4)] for g, a, b in self.grew],
            "faded": [[g, round(a, 4), round(b, 4)] for g, a, b in self.faded],
        }


@dataclass
class Stats:
    """Every year's counts, and each year's figures per kind."""

    # {"year", "films", "books", "rewatches", "rereads", "pages", "minutes"}, oldest first
    by_year: list[dict[str, int]]
    total: dict[str, int]  # {"films", "books"}: every viewing, dated or not
    undated: dict[str, int]  # {"films", "books"}: viewings no file gave a date
    years: dict[int, dict[str, YearKind]]  # year -> kind -> figures
    genres_by_year: dict[str, dict[str, list[int]]]  # kind -> genre -> count per year of ``by_year``
    all_time: dict[str, YearKind]  # kind -> figures over every viewing, dated or not

    def year_list(self) -> list[int]:
        return [row["year"] for row in self.by_year]

    def as_dict(self, *, year: int | None = None, kind: str | None = None) -> dict[str, Any]:
        kinds = [k for k in KINDS if kind in (None, k)]
        years = [y for y in self.year_list() if year in (None, y)]
        return {
            "by_year": [dict(row) for row in self.by_year if year in (None, row["year"])],
            "total": dict(self.total),
            "undated": dict(self.undated),
            "years": {str(y): {k: self.years[y][k].as_dict() for k in kinds} for y in years},
            "genres_by_year": {k: {"years": self.year_list(), "genres": self.genres_by_year.get(k, {})}
                               for k in kinds},
            "all_time": {k: self.all_time[k].as_dict() for k in kinds},
        }


def _year(date: str | None) -> int | None:
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])


def _month(date: str) -> int | None:
    if len(date) >= 7 and date[5:7].isdigit() and 1 <= int(date[5:7]) <= 12:
        return int(date[5:7])
    return None


def rating_step(values: Iterable[float]) -> float:
    """The step of a scale, from the values used on it: 1 (whole stars), 0.5 or 0.25."""
    step = 1.0
    for v in values:
        if abs(v * 2 - round(v * 2)) > 1e-6:
            return 0.25
        if abs(v - round(v)) > 1e-6:
            step = 0.5
    return step


def _fmt(value: float) -> str:
    return f"{value:g}"


def _plural(kind: str) -> str:
    return "films" if kind == "film" else "books"


def _mark_again(watches: Sequence[Watch]) -> list[bool]:
    """Whether each viewing is a rewatch or re-read: the file says so, or the item was seen on an earlier
    date (or earlier the same day, in the file's order)."""
    order = sorted(range(len(watches)), key=lambda i: (watches[i].date or "9999", i))
    seen: set[int] = set()
    again = [False] * len(watches)
    for i in order:
        w = watches[i]
        key = w.item.id if w.item.id is not None else id(w.item)
        again[i] = w.rewatch or (key in seen and w.date is not None)
        if w.date is not None:
            seen.add(key)
    return again


def _top(counter: Counter[str], n: int = _TOP) -> list[tuple[str, int]]:
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].casefold()))[:n]


def _figures(year: int | None, kind: str, watches: list[Watch], again: list[bool],
             scale: tuple[float, float] | None, step: float) -> YearKind:
    fig = YearKind(year=year, kind=kind, count=len(watches), scale=scale)
    genres: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    creators: Counter[str] = Counter()
    decades: Counter[int] = Counter()
    ratings: Counter[float] = Counter()
    best: dict[str, float] = {}
    total = 0.0
    lengths: dict[str, int] = {}
    for w, is_again in zip(watches, again):
        if w.date is not None and (month := _month(w.date)):
            fig.months[month - 1] += 1
        if is_again:
            fig.again += 1
        else:
            fig.new += 1
        genres.update(dict.fromkeys(true_genres(w.item.genres), 1))
        tags.update(dict.fromkeys(w.item.tags, 1))
        creators.update(dict.fromkeys(w.item.creators, 1))
        if w.item.year:
            decades[w.item.year // 10 * 10] += 1
        if w.pages:
            fig.pages += w.pages
        if w.item.runtime and kind == "film":
            fig.minutes += w.item.runtime
            fig.timed += 1
        length = w.item.runtime if kind == "film" else w.pages  # a film's minutes, a book's pages
        if length:
            lengths.setdefault(w.item.label, length)
        value = _on_scale(w, scale, step)
        if value is not None:
            ratings[value] += 1
            total += value
            label = w.item.label
            best[label] = max(best.get(label, value), value)
    fig.rated = sum(ratings.values())
    if scale is not None:
        fig.ratings = {_fmt(p): ratings.get(p, 0) for p in _points(scale, step)}
    if fig.rated:
        fig.average = total / fig.rated
        fig.highest_rating = max(best.values())
        top = sorted((t for t, v in best.items() if v == fig.highest_rating), key=str.casefold)
        fig.highest, fig.highest_count = top[:5], len(top)
    fig.genres, fig.tags, fig.creators = _top(genres), _top(tags), _top(creators)
    fig.decades = sorted(decades.items())
    if lengths:
        fig.longest = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))
        fig.shortest = min(lengths.items(), key=lambda kv: (kv[1], kv[0]))
    return fig


def _points(scale: tuple[float, float], step: float) -> list[float]:
    """The ratings a scale's step allows: the step's multiples within it (StoryGraph's 0.25-5 scale rated in half
    stars is 0.5, 1, ... 5, not 0.25, 0.75, ... 5.25)."""
    first = math.ceil(scale[0] / step - 1e-9) * step
    return [round(first + k * step, 4) for k in range(int(math.floor((scale[1] - first) / step + 1e-9)) + 1)]


def _on_scale(w: Watch, scale: tuple[float, float] | None, step: float) -> float | None:
    """The viewing's rating on the person's own scale for its kind (another scale's rating mapped onto it,
    to the scale's step)."""
    if w.rating is None or w.scale is None or scale is None:
        return None
    if w.scale == scale:
        return round(w.rating, 4)
    lo, hi = w.scale
    if hi <= lo:
        return None
    share = min(1.0, max(0.0, (w.rating - lo) / (hi - lo)))
    value = scale[0] + share * (scale[1] - scale[0])
    points = _points(scale, step)
    return min(points, key=lambda p: abs(p - value))


def _shares(fig: YearKind) -> dict[str, float]:
    return {g: n / fig.count for g, n in fig.genres} if fig.count else {}


def _moved(now: YearKind, before: YearKind | None) -> None:
    """Which genres grew and which faded against the year before, by their share of the year's viewings."""
    if before is None or now.count < _MOVED_FLOOR or before.count < _MOVED_FLOOR:
        return
    a, b = _shares(now), _shares(before)
    diffs = [(g, a.get(g, 0.0), b.get(g, 0.0)) for g in set(a) | set(b)]
    diffs = [d for d in diffs if abs(d[1] - d[2]) >= 0.05]
    now.grew = sorted((d for d in diffs if d[1] > d[2]), key=lambda d: (d[2] - d[1], d[0]))[:_MOVED]
    now.faded = sorted((d for d in diffs if d[1] < d[2]), key=lambda d: (d[1] - d[2], d[0]))[:_MOVED]


def compute(watches: Sequence[Watch]) -> Stats:
    """Every figure of every year, per kind. Items of other kinds are left out."""
    by_kind: dict[str, list[Watch]] = {k: [w for w in watches if w.item.kind == k] for k in KINDS}
    years: dict[int, dict[str, YearKind]] = defaultdict(dict)
    all_time: dict[str, YearKind] = {}
    counts: dict[int, dict[str, int]] = defaultdict(lambda: {"films": 0, "books": 0, "rewatches": 0,
                                                             "rereads": 0, "pages": 0, "minutes": 0})
    undated = {"films": 0, "books": 0}
    total = {"films": 0, "books": 0}
    per_year_genres: dict[str, dict[int, Counter[str]]] = {k: defaultdict(Counter) for k in KINDS}
    placed: dict[str, dict[int, tuple[list[Watch], list[bool]]]] = {k: {} for k in KINDS}
    scales: dict[str, tuple[tuple[float, float] | None, float]] = {}
    for kind in KINDS:
        ws = by_kind[kind]
        again = _mark_again(ws)
        used = Counter(w.scale for w in ws if w.rating is not None and w.scale is not None)
        scale = max(used.items(), key=lambda kv: (kv[1], kv[0]))[0] if used else None
        step = rating_step(w.rating for w in ws if w.rating is not None and w.scale == scale) if scale else 1.0
        scales[kind] = (scale, step)
        total[_plural(kind)] = len(ws)
        all_time[kind] = _figures(None, kind, ws, again, scale, step)
        for w, is_again in zip(ws, again):
            y = _year(w.date)
            if y is None:
                undated[_plural(kind)] += 1
                continue
            bucket = placed[kind].setdefault(y, ([], []))
            bucket[0].append(w)
            bucket[1].append(is_again)
            row = counts[y]
            row[_plural(kind)] += 1
            if is_again:
                row["rewatches" if kind == "film" else "rereads"] += 1
            row["pages"] += w.pages or 0
            row["minutes"] += (w.item.runtime or 0) if kind == "film" else 0
            per_year_genres[kind][y].update(dict.fromkeys(w.item.genres, 1))
    year_list = sorted(counts)
    for kind in KINDS:
        scale, step = scales[kind]
        for y in year_list:
            ws, again = placed[kind].get(y, ([], []))
            years[y][kind] = _figures(y, kind, ws, again, scale, step)
        for y in year_list:
            _moved(years[y][kind], years.get(y - 1, {}).get(kind))
    genres_by_year: dict[str, dict[str, list[int]]] = {}
    for kind in KINDS:
        overall: Counter[str] = Counter()
        for counter in per_year_genres[kind].values():
            overall.update(counter)
        top = [g for g, _ in _top(overall, 6)]
        genres_by_year[kind] = {g: [per_year_genres[kind][y][g] for y in year_list] for g in top}
    by_year = [{"year": y, **counts[y]} for y in year_list]
    return Stats(by_year=by_year, total=total, undated=undated, years=dict(years),
                 genres_by_year=genres_by_year, all_time=all_time)


@dataclass(frozen=True, slots=True)
class FacetMove:
    """An interest facet's share of a year's viewings of one kind, and its share the year before."""

    label: str  # as the Interests page shows it
    share: float
    share_before: float
    label_zh: str = ""  # its name in the Chinese window

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "share": round(self.share, 4), "share_before": round(self.share_before, 4)}


@dataclass
class FacetMoves:
    """The interest facets that grew and faded most in one year and kind against the year before."""

    year: int
    kind: str
    grew: list[FacetMove] = field(default_factory=list)
    faded: list[FacetMove] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "kind": self.kind, "grew": [m.as_dict() for m in self.grew],
                "faded": [m.as_dict() for m in self.faded]}


def facets_moved(watches: Sequence[Watch], facets: Sequence[Facet]) -> dict[int, dict[str, FacetMoves]]:
    """Per dated year and kind, each interest facet's share of the year's viewings (a viewing counts for
    the facet its item belongs to; a rewatch counts again; a viewing of no facet's item counts in the
    whole only) against the year before: the facets that grew and faded most, as ``_moved`` does for
    genres (both years with at least _MOVED_FLOOR viewings, a change of at least 5 points)."""
    owner = {item_id: n for n, f in enumerate(facets) for item_id in f.members}
    totals: dict[tuple[int, str], int] = Counter()
    counts: dict[tuple[int, str], Counter[int]] = defaultdict(Counter)
    for w in watches:
        y = _year(w.date)
        if y is None or w.item.kind not in KINDS:
            continue
        totals[y, w.item.kind] += 1
        if w.item.id is not None and w.item.id in owner:
            counts[y, w.item.kind][owner[w.item.id]] += 1
    out: dict[int, dict[str, FacetMoves]] = {}
    for y in sorted({y for y, _ in totals}):
        out[y] = {}
        for kind in KINDS:
            moves = out[y][kind] = FacetMoves(year=y, kind=kind)
            now, before = totals.get((y, kind), 0), totals.get((y - 1, kind), 0)
            if now < _MOVED_FLOOR or before < _MOVED_FLOOR:
                continue
            a, b = counts[y, kind], counts[y - 1, kind]
            diffs = [FacetMove(facets[n].label, a[n] / now, b[n] / before, facets[n].name("zh_CN"))
                     for n in set(a) | set(b)]
            diffs = [d for d in diffs if abs(d.share - d.share_before) >= 0.05]
            moves.grew = sorted((d for d in diffs if d.share > d.share_before),
                                key=lambda d: (d.share_before - d.share, d.label))[:_MOVED]
            moves.faded = sorted((d for d in diffs if d.share < d.share_before),
                                 key=lambda d: (d.share - d.share_before, d.label))[:_MOVED]
    return out
