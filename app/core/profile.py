"""The taste profile in words: a paragraph built from the interest facets (every sentence a fact the
person can check against the titles listed under each facet), and the prompt and evidence for the
model's optional opening sentence, which is verified like any explanation."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.core.explain import Fact, WhyEvidence
from app.core.facets import Facet
from app.core.text import clean_text

__all__ = ["OPENING", "profile_evidence", "profile_prompt", "profile_text"]

OPENING = "You are drawn to"  # our words; the model writes the rest of the opening sentence


def _titles(items: Sequence, n: int) -> list[str]:
    return [clean_text(i.title) for i in items[:n]]


def _and(parts: Sequence[str], joiner: str = "and") -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {joiner} " + parts[-1]


def _pct(weight: float) -> str:
    return f"{max(1, round(weight * 100))}%"


def profile_text(facets: Sequence[Facet], lang: str = "en", *, newest: dt.date | None = None,
                 left_out: int = 0) -> str:
    """The paragraph: the strongest interests with their share and examples, then what changed lately
    and what has lasted (from the history's dates; ``newest`` is the latest date in it); and how many titles
    the interests leave out (``left_out``: no catalog has them and they say only their title)."""
    if lang.startswith("zh"):
        text = _text_zh(facets, newest)
        if left_out:
            text += f"另有 {left_out} 部作品不在目录中，只有标题和作者，不足以归类，这里没有计入。"
        return text
    text = _text_en(facets, newest)
    if left_out:
        text += (f" {left_out:,} of your titles are in no catalog and say only their title and author, too little to"
                 " group them: they are left out here.")
    return text


def _text_en(facets: Sequence[Facet], newest: dt.date | None) -> str:
    top = facets[0]
    out = [f"Your strongest interest is {top.label} ({_pct(top.weight)} of your taste), with "
           f"{_and(_titles(top.items, 2))}."]
    more = [f"{f.label} ({_pct(f.weight)}: {_and(_titles(f.items, 2))})" for f in facets[1:4]]
    if more:
        out.append(f"You also like {_and(more)}.")
    shown = facets[:4]
    for f in shown:
        if f.trend == "recent" and newest is not None:
            out.append(f"Lately you turn to {_short(f, shown)} more: {len(f.recent)} of the {f.recent_count} titles you"
                       f" liked in the year up to {newest:%B %Y}, such as {_and(_titles(f.recent, 2))}.")
    steady = sorted((f for f in shown if f.trend == "steady" and f.since), key=lambda f: (f.since, -f.weight))[:2]
    if steady:
        out.append("You have kept coming back to " + _and([f"{_short(f, shown)} since {f.since}" for f in steady])
                   + ".")
    for f in shown:
        if f.trend == "earlier" and f.last:
            out.append(f"You have liked nothing of {_short(f, shown)} since {f.last}.")
    return " ".join(out)


def _short(f: Facet, among: Sequence[Facet] = (), lang: str = "en") -> str:
    """The facet's name without its tags, for the sentences about time; with them where another facet of
    ``among`` has that short name ("literary fiction and classics since 2017 and literary fiction and classics
    since 2017")."""
    short = f.name(lang, tags=False)
    if not any(g is not f and g.name(lang, tags=False) == short for g in among):
        return short
    full = f.name(lang)
    if full != short and not any(g is not f and g.name(lang) == full for g in among):
        return full
    first = _titles(f.items, 1)  # (a keyword without a Chinese name is left out of the Chinese name)
    if not first:
        return full
    return f"{full}（如《{first[0]}》）" if lang.startswith("zh") else f"{full} (like {first[0]})"


def _label_zh(f: Facet) -> str:
    return f.name("zh_CN")


def _text_zh(facets: Sequence[Facet], newest: dt.date | None) -> str:
    top = facets[0]
    books = "".join(f"《{t}》" for t in _titles(top.items, 2))
    out = [f"你最主要的兴趣是{_label_zh(top)}，占你口味的{_pct(top.weight)}，例如{books}。"]
    more = [f"{_label_zh(f)}（{_pct(f.weight)}：{''.join(f'《{t}》' for t in _titles(f.items, 2))}）"
            for f in facets[1:4]]
    if more:
        out.append(f"你也喜欢{'、'.join(more)}。")
    shown = facets[:4]

    def name(f: Facet) -> str:
        return _short(f, shown, "zh_CN")

    for f in shown:
        if f.trend == "recent" and newest is not None:
            examples = "".join(f"《{t}》" for t in _titles(f.recent, 2))
            out.append(f"最近你更常选择{name(f)}：截至{newest.year}年{newest.month}月的一年里，你喜欢的{f.recent_count}部作品中有"
                       f"{len(f.recent)}部属于这一类，例如{examples}。")
    steady = sorted((f for f in shown if f.trend == "steady" and f.since), key=lambda f: (f.since, -f.weight))[:2]
    if steady:
        out.append("你一直在回到" + "，以及".join(f"{f.since}年起的{name(f)}" for f in steady) + "。")
    for f in shown:
        if f.trend == "earlier" and f.last:
            out.append(f"{f.last}年以后，你没有再喜欢过{name(f)}。")
    return "".join(out)


# -- the model's opening sentence ------------------------------------------------------------

_SHOT = (
    'Interests: fantasy, adventure (70%): "The Hobbit", "A Game of Thrones"; mystery, crime (30%): "Gone Girl"\n'
    f"Profile: {OPENING} epic fantasy adventures, with a taste for dark crime and mystery on the side.\n\n"
    'Interests: comedy, romance (60%): "Notting Hill", "Sleepless in Seattle"; drama (40%): "Forrest Gump"\n'
    f"Profile: {OPENING} warm romantic comedies and heartfelt dramas.\n\n"
)


def _line(f: Facet) -> str:
    examples = ", ".join(f'"{t}"' for t in _titles(f.items, 2))
    return f"{f.label} ({_pct(f.weight)}): {examples}"


def profile_prompt(facets: Sequence[Facet]) -> str:
    return _SHOT + "Interests: " + "; ".join(_line(f) for f in facets[:4]) + f"\nProfile: {OPENING}"


def profile_evidence(facets: Sequence[Facet]) -> WhyEvidence:
    """What the opening sentence may draw on: the facets' genres and tags and their titles."""
    kinds = {i.kind for f in facets for i in f.items}
    titles = tuple(i.title for f in facets for i in f.items[:3]) + tuple(c for f in facets for c in f.creators)
    return WhyEvidence(
        item_id=0, title="", year=None, kind=kinds.pop() if len(kinds) == 1 else "", reasons=(),
        genres=tuple(dict.fromkeys(g for f in facets for g in f.genres)),
        tags=tuple(dict.fromkeys(t for f in facets for t in f.tags)),
        extra_names=titles,
        facts=(Fact("genres", "the interests' genres and tags"), Fact("similar", "the interests are alike")),
    )
