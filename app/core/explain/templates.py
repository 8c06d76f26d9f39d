"""Explanations without a model: a sentence from the strongest fact, in English or Chinese."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.core.explain.articles import after_the
from app.core.explain.evidence import Reason, WhyEvidence, asked_excerpt, asked_first, linked, prefix_for
from app.core.genre_words import genres_named, keyword_zh
from app.core.text import clean_text, label_key
from app.core.zh import genre_zh


def _and(names: Sequence[str], joiner: str = "and") -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {joiner} " + names[-1]


def _because(reasons: Sequence[Reason], verb: str = "") -> tuple[str, int]:
    """"Because you loved A and B": the second only if the person rated it the same way."""
    names = [clean_text(reasons[0].title)]
    if len(reasons) > 1 and reasons[1].liked == reasons[0].liked:
        names.append(clean_text(reasons[1].title))
    return f"Because you {verb or reasons[0].liked or 'loved'} {_and(names)}", len(names)


def template_text(ev: WhyEvidence, lang: str = "en") -> str:
    """The explanation without a model, from the strongest fact, in a person's words (English or
    Chinese). Always true: every part is a fact of the evidence, and a series or a creator is said
    only of the history titles that share it."""
    if lang.startswith("zh"):
        return _template_zh(ev)
    title = clean_text(ev.title)
    if not ev.reasons:
        return f"{title} is well liked by people whose taste is close to yours."
    what = {"film": "film", "book": "book"}.get(ev.kind, "pick")
    if asked_first(ev):
        own = _and([_genre_word(g) for g in _asked_genres(ev)]) if ev.item_genres else ""
        # A keyword that is a people's adjective ("american", "russian") is no subject: "about american".
        topics = [clean_text(t) for t in ev.asked_tags if not _ADJECTIVE.fullmatch(t.strip())][:2]
        about = f", about {_and(topics)}," if topics else ""
        return f"{prefix_for(ev)} here is {_a(own or what)} {what if own else ''}".rstrip() + \
            f"{about} close to what you described."
    people = {"film": "viewers", "book": "readers"}.get(ev.kind, "people")
    genres = _and([_genre_word(g) for g in ev.genres[:2]]) if ev.genres else ""
    relations = ev.relations
    series, in_series = linked(ev, "series")
    if series is not None and in_series:
        loved, _ = _because(in_series)
        # "continues", not "the next": a later part is not always the next (The Return of the King after
        # The Fellowship of the Ring, The Two Towers unseen).
        more = "continues" if "sequel" in relations else "belongs to"
        return f"{loved}, {title} {more} the {after_the(clean_text(series.words[0]))} series."
    creator, theirs = linked(ev, "creator")
    if creator is not None and theirs:
        loved, _ = _because(theirs)
        also = f", another {_kind_of(genres, what)}" if genres else ""
        return f"{loved}, here is more by {clean_text(creator.words[0])}{also}."
    loved, count = _because(ev.reasons, ev.liked_verb)
    those = "that one" if count == 1 else "those"
    if "coliked" in relations:
        kind = _kind_of(genres, what) if genres else what
        return f"{loved}, you may like this {kind}: {people} who loved {those} loved this one too."
    # "tagged world war ii like it" only of tags each title named has ("it" was Singin' in the Rain).
    tags = _shared_tags(ev, count)
    if not tags and count > 1 and (tags := _shared_tags(ev, 1)):
        # A theme shared with the first title is a fact; a genre shared with both is hardly one.
        loved, count = _because(ev.reasons[:1], ev.liked_verb)
    if tags:
        them = "it" if count == 1 else "them"
        return f"{loved}, you may like this {what}, tagged {_and([clean_text(t) for t in tags[:2]])} like {them}."
    if genres:  # "another" only with genres each title named has (as the Chinese "同样是")
        if common := _common_genres(ev):
            return f"{loved}, here is another {_kind_of(_and([_genre_word(g) for g in common[:2]]), what)}."
        return f"{loved}, you may like this {_kind_of(genres, what)}."
    if _titles_only(ev, count):
        return f"{loved}, you may like this {what}: its text is close to {'that' if count == 1 else 'their'} title" + \
            ("." if count == 1 else "s.")
    return f"{loved}, you may like this {what}, close to {those} in what it is about."


def _titles_only(ev: WhyEvidence, count: int) -> bool:
    """Whether the titles a sentence names are known by their titles alone (the person's own, with no genres or
    themes): "close in what it is about" would claim more than anyone knows. IvanAlba97's Spanish Sanderson
    novellas were "close to" El coronel no tiene quien le escriba; the two shared a language."""
    return all(not r.genres and not r.tags and r.liked != "asked for" for r in ev.reasons[:count])


def _shared_tags(ev: WhyEvidence, count: int) -> list[str]:
    """The item's themes (ev.tags) that each of the first ``count`` titles has too."""
    return [t for t in ev.tags if all(label_key(t) in {label_key(x) for x in r.tags} for r in ev.reasons[:count])]


def _asked_genres(ev: WhyEvidence) -> list[str]:
    """The item's first two genres, those the words asked for first: "a war and action film" for "a war
    movie", not "an action and drama film"."""
    named = {label_key(g) for g in genres_named(ev.reasons[0].title)}
    return sorted(ev.item_genres, key=lambda g: label_key(g) not in named)[:2]


def _common_genres(ev: WhyEvidence) -> list[str]:
    """The item's shared genres that each title a sentence names (``_because``) has: "another comedy and romance
    film" after Love Actually (comedy, drama, romance) and Amelie (comedy, romance), not "this comedy and drama
    film"."""
    named = ev.reasons[:_because(ev.reasons)[1]]
    return [g for g in ev.genres if all(label_key(g) in {label_key(x) for x in r.genres} for r in named)]


_ADJECTIVE = re.compile(r"[a-z]+(?:ian|ean|can|ish|ese|ench|utch)", re.IGNORECASE)


def _genre_word(genre: str) -> str:
    """A genre as a sentence says it: "a crime and noir film", not "a crime and film-noir film"."""
    word = genre.lower()
    return {"film-noir": "noir", "classics": "classic", "graphic novels": "graphic novel",
            "short stories": "short-story"}.get(word, word)


def _kind_of(genres: str, what: str) -> str:
    """"fantasy and graphic novel", not "fantasy and graphic novel book": a genre that is a noun names the kind."""
    return genres if genres.endswith("graphic novel") else f"{genres} {what}"


def _a(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _template_zh(ev: WhyEvidence) -> str:
    title = f"《{clean_text(ev.title)}》"
    what = {"film": "部电影", "book": "本书"}.get(ev.kind, "部作品")
    if not ev.reasons:
        return f"{title}深受与你口味相近的人喜爱。"
    if asked_first(ev):
        measure, noun = {"film": ("部", "电影"), "book": ("本", "书")}.get(ev.kind, ("部", "作品"))
        own = "、".join(genre_zh(g) for g in _asked_genres(ev))
        excerpt = asked_excerpt(ev.reasons[0].title)
        wanted = f"因为你想找“{excerpt}”" if excerpt else "因为你描述了想找的作品"
        return f"{wanted}：{title}是一{measure}{own}{noun}，和你描述的很接近。"

    def because(reasons: Sequence[Reason]) -> str:
        _, count = _because(reasons)
        names = "、".join(f"《{clean_text(r.title)}》" for r in reasons[:count])
        if reasons[0].liked == "want more like":
            return f"因为你想要更多像{names}这样的作品"
        verb = {"loved": "很喜欢", "": "很喜欢", "read": "读过", "watched": "看过", "chose": "选过",
                "want to read": "想读", "want to watch": "想看", "saved": "收藏了"}.get(reasons[0].liked, "喜欢")
        return f"因为你{verb}{names}"

    genres = "、".join(genre_zh(g) for g in ev.genres[:2])
    series, in_series = linked(ev, "series")
    if series is not None and in_series:
        return f"{because(in_series)}：{title}同属《{clean_text(series.words[0])}》系列。"
    creator, theirs = linked(ev, "creator")
    if creator is not None and theirs:
        return f"{because(theirs)}：{title}同样出自{clean_text(creator.words[0])}之手。"
    loved, count = because(ev.reasons), _because(ev.reasons)[1]
    it = "它们" if count > 1 else "它"  # the titles named: "they" for two
    # "同样是" (likewise) says the titles named share those genres: only genres each of them has.
    common = _common_genres(ev)
    kind = f"同样是{'、'.join(genre_zh(g) for g in common[:2])}类作品" if common else f"是{genres}类作品"
    if "coliked" in ev.relations:
        return f"{loved}：喜欢{it}的人也喜欢这{what}" + (f"，{kind}。" if genres else "。")
    # A theme the glossary has a Chinese word for, shared with the titles named (or the first): "关于机器人".
    for n in dict.fromkeys((count, 1)):
        themes = list(dict.fromkeys(w for t in _shared_tags(ev, n) if (w := keyword_zh(label_key(t)))))
        if themes:
            named = because(ev.reasons[:n])
            return f"{named}：这{what}{'也' if n == 1 else '同样'}关于{'、'.join(themes[:2])}。"
    if genres:  # (no "气质相近", "a similar feel": a sentence says a fact or nothing)
        return f"{loved}：这{what}{kind}。"
    if _titles_only(ev, count):
        return f"{loved}：这{what}的文字和{it}的标题很接近。"
    return f"{loved}：这{what}和{it}讲的东西很接近。"
