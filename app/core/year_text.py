"""A paragraph about one year of the history, from its statistics (app/core/stats.py).

As for the taste profile (app/core/profile.py): the paragraph is built from the figures (every
sentence a number the page shows beside its chart), and the local model may write an opening sentence
after our words ``OPENING``, which is checked like an explanation (app/core/explain/verify.py): every
word supported by the year's genres, tags and creators, no number or claim the facts do not hold.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.claims import genre_words, words_of
from app.core.explain import Fact, WhyEvidence
from app.core.stats import Stats, YearKind
from app.core.text import clean_text, runtime_text
from app.core.zh import genre_zh

__all__ = ["OPENING", "YearFacts", "year_evidence", "year_facts", "year_prompt", "year_text"]

OPENING = "This year you were drawn to"  # our words; the model writes the rest of the opening sentence


@dataclass(frozen=True)
class KindFacts:
    count: int
    again: int
    genres: tuple[str, ...]  # the year's top genres, most viewed first
    creator: str | None  # the director or author seen or read most (at least twice)
    creator_count: int
    highest: tuple[str, ...]  # the highest-rated titles (labels)
    highest_rating: float | None
    scale_top: float | None
    before: int | None  # the year before's count (None: nothing dated that year)
    grew: tuple[str, ...]
    faded: tuple[str, ...]
    pages: int = 0
    minutes: int = 0  # films' runtimes added up, where the catalog knows them
    timed: int = 0  # the films those minutes are of (115 films watched, 12 h over the 20 of known length)
    highest_count: int = 0  # how many got the highest rating (two are named)
    frequent: tuple[str, ...] = ()  # of ``genres``, those on a tenth of the year's titles and two at least


@dataclass(frozen=True)
class YearFacts:
    year: int
    film: KindFacts
    book: KindFacts
    undated_films: int = 0
    undated_books: int = 0
    tags: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def main(self) -> KindFacts:
        return self.film if self.film.count >= self.book.count else self.book

    @property
    def main_kind(self) -> str:
        return "film" if self.film.count >= self.book.count else "book"

    def names_the_most(self, draft: str) -> bool:
        """An opening that leaves out the year's strongest genre misleads, even if every word of it is true."""
        top = self.main.genres[:1]
        wanted = {w[:5] for w in genre_words(top) if len(w) >= 3}
        return bool(wanted) and any(w[:5] in wanted for w in words_of(draft))


SAID_SHARE = 0.1  # of a year's titles a genre is on, for the paragraph to call it the most frequent


def _kind(fig: YearKind, before: YearKind | None) -> KindFacts:
    creator = fig.creators[0] if fig.creators and fig.creators[0][1] >= 2 else None
    # "Most often" only of a genre on a tenth of the year's titles and two at least: of 112 films mostly no
    # catalog knows, one action and crime film made "your films were most often action and crime".
    said = max(2, math.ceil(fig.count * SAID_SHARE))
    return KindFacts(
        count=fig.count, again=fig.again, genres=tuple(g for g, _ in fig.genres[:3]),
        frequent=tuple(g for g, n in fig.genres[:2] if n >= said),
        creator=creator[0] if creator else None, creator_count=creator[1] if creator else 0,
        highest=tuple(fig.highest[:2]), highest_rating=fig.highest_rating, highest_count=fig.highest_count,
        scale_top=fig.scale[1] if fig.scale else None,
        before=before.count if before is not None and before.count else None,
        grew=tuple(g for g, _, _ in fig.grew[:2]), faded=tuple(g for g, _, _ in fig.faded[:2]), pages=fig.pages,
        minutes=fig.minutes, timed=fig.timed,
    )


def year_facts(stats: Stats, year: int) -> YearFacts:
    here, before = stats.years[year], stats.years.get(year - 1, {})
    tags = tuple(t for k in ("film", "book") for t, _ in here[k].tags[:3])
    return YearFacts(year=year, film=_kind(here["film"], before.get("film")),
                     book=_kind(here["book"], before.get("book")), undated_films=stats.undated["films"],
                     undated_books=stats.undated["books"], tags=tags)


def _and(parts: list[str] | tuple[str, ...], joiner: str = "and") -> str:
    parts = list(parts)
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {joiner} " + parts[-1]


def _n(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _g(genre: str) -> str:
    return genre.casefold() if genre.isascii() else genre


def _stars(value: float | None, top: float | None) -> str:
    return f"{value:g} of {top:g}" if value is not None and top is not None else ""


def year_text(facts: YearFacts, lang: str = "en") -> str:
    """The paragraph: how much of each kind, what most, whom most, the highest rated, and against the year before."""
    if lang.startswith("zh"):
        return _text_zh(facts)
    f, b, y = facts.film, facts.book, facts.year
    did = []
    if f.count:
        aside = "; ".join(([f"{f.again:,} of them again"] if f.again else [])
                          + ([runtime_text(f.minutes) + (f" over the {f.timed:,} of known length"
                                                         if f.timed < f.count else "")] if f.minutes else []))
        did.append(f"watched {_n(f.count, 'film', 'films')}" + (f" ({aside})" if aside else ""))
    if b.count:
        did.append(f"read {_n(b.count, 'book', 'books')}" + (f" ({b.pages:,} pages)" if b.pages else ""))
    out = [f"In {y} you {_and(did) if did else 'finished nothing with a date'}."]
    for k, what, verb, whom in ((f, "films", "watched", "director"), (b, "books", "read", "author")):
        if not k.count:
            continue
        if k.frequent:
            out.append(f"Your {what} were most often {_and([_g(g) for g in k.frequent])}.")
        if k.creator:
            out.append(f"The {whom} you {verb} most was {clean_text(k.creator)} ({k.creator_count:,}).")
        if k.highest:
            names = _and([clean_text(t) for t in k.highest])
            stars = _stars(k.highest_rating, k.scale_top)
            out.append(f"Your highest rating ({stars}) went to {k.highest_count:,} {what}, among them {names}."
                       if k.highest_count > len(k.highest) else f"You rated {names} highest ({stars}).")
        if k.before is not None:
            diff = k.count - k.before
            change = (f"{abs(diff):,} more than" if diff > 0 else f"{abs(diff):,} fewer than" if diff < 0
                      else "as many as")
            moved = []
            if k.grew:
                moved.append("more " + _and([_g(g) for g in k.grew]))
            if k.faded:
                moved.append("less " + _and([_g(g) for g in k.faded]))
            out.append(f"That is {change} in {y - 1}" + (f", with {'; '.join(moved)}" if moved else "") + ".")
    return " ".join(out)


def _text_zh(facts: YearFacts) -> str:
    f, b, y = facts.film, facts.book, facts.year
    did = []
    if f.count:
        aside = "，".join(([f"其中{f.again:,}次是重看"] if f.again else [])
                         + ([(f"已知片长的{f.timed:,}部" if f.timed < f.count else "")
                              + f"共{runtime_text(f.minutes, 'zh')}"] if f.minutes else []))
        did.append(f"看了{f.count:,}部电影" + (f"（{aside}）" if aside else ""))
    if b.count:
        did.append(f"读了{b.count:,}本书" + (f"（共{b.pages:,}页）" if b.pages else ""))
    out = [f"{y}年，你{'，'.join(did) if did else '没有留下带日期的记录'}。"]
    for k, what, verb, whom, unit in ((f, "电影", "看", "导演", "部"), (b, "书", "读", "作者", "本")):
        if not k.count:
            continue
        if k.frequent:
            out.append(f"你的{what}最常是{'和'.join(genre_zh(g) for g in k.frequent)}类。")
        if k.creator:
            out.append(f"你{verb}得最多的{whom}是{clean_text(k.creator)}（{k.creator_count:,}{unit}）。")
        if k.highest:
            names = "".join(f"《{clean_text(t)}》" for t in k.highest)
            score = f"{k.highest_rating:g}/{k.scale_top:g}"
            out.append(f"你给了{k.highest_count:,}{unit}{what}最高评分（{score}），其中有{names}。"
                       if k.highest_count > len(k.highest) else f"你评分最高的是{names}（{score}）。")
        if k.before is not None:
            diff = k.count - k.before
            change = (f"比{y - 1}年多{diff:,}{unit}" if diff > 0 else f"比{y - 1}年少{-diff:,}{unit}" if diff < 0
                      else f"与{y - 1}年一样多")
            moved = []
            if k.grew:
                moved.append("更多" + "、".join(genre_zh(g) for g in k.grew))
            if k.faded:
                moved.append("更少" + "、".join(genre_zh(g) for g in k.faded))
            out.append(f"这{change}" + (f"，{'，'.join(moved)}" if moved else "") + "。")
    return "".join(out)


# -- the model's opening sentence ------------------------------------------------------------

_SHOT = (
    "Year: 2019. Films: drama, crime. Directors: Martin Scorsese. Books: fantasy.\n"
    f"Opening: {OPENING} gritty crime dramas, with some fantasy on the side.\n\n"
    "Year: 2021. Books: romance, historical fiction. Authors: Jane Austen.\n"
    f"Opening: {OPENING} romance and historical fiction, with Jane Austen above all.\n\n"
)


def year_prompt(facts: YearFacts) -> str:
    parts = [f"Year: {facts.year}."]
    for k, what, whom in ((facts.film, "Films", "Directors"), (facts.book, "Books", "Authors")):
        if k.count and k.genres:
            parts.append(f"{what}: {', '.join(_g(g) for g in k.genres)}.")
        if k.count and k.creator:
            parts.append(f"{whom}: {clean_text(k.creator)}.")
    return _SHOT + " ".join(parts) + f"\nOpening: {OPENING}"


def year_evidence(facts: YearFacts) -> WhyEvidence:
    """What the opening may draw on: the year's genres, tags and most seen creators."""
    genres = tuple(dict.fromkeys([*facts.film.genres, *facts.book.genres]))
    creators = tuple(c for c in (facts.film.creator, facts.book.creator) if c)
    kind = "film" if not facts.book.count else "book" if not facts.film.count else ""
    return WhyEvidence(
        item_id=0, title="", year=facts.year, kind=kind, reasons=(), genres=genres, tags=facts.tags,
        creators=creators, extra_names=creators,
        facts=(Fact("genres", "the year's genres and tags"), Fact("creator", "the year's most seen creators",
                                                                  creators)),
    )
