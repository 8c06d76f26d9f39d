"""The evidence an explanation may use: the reasons (the largest contributions of the history to
the score) and the facts that connect them to the recommended item (series, creator, genres, co-liked)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.claims import claim_words, genre_words, words_of
from app.core.text import clean_text, label_key, series_name, true_genres
from app.core.titles import match_key
from app.core.types import Item, Recommendation

# Content notes and list labels: true of many films and no reason to link two ("another horror film about nudity",
# "about blood", "about in netflix queue"). Typed words may still ask for them.
NOT_THEMES = frozenset(label_key(t) for t in (
    "sex", "nudity", "female nudity", "male nudity", "full frontal nudity", "unsimulated sex", "group sex", "breast",
    "topless", "gore", "blood", "violence", "rape", "sexual abuse", "in netflix queue", "imdb top 250",
    "cult favorite", "erotic movie"))
_QUOTED = re.compile(r'"([^"]{2,120})"')  # a title quoted in a fact or a text
_FIELD = re.compile(r'["\n\r]')


@dataclass(frozen=True)
class Reason:
    """One history item's share of a recommendation."""

    title: str
    year: int | None
    contribution: float
    content: float  # from similar descriptions
    cf: float  # from people who liked the same things
    creators: tuple[str, ...] = ()
    kind: str = ""
    liked: str = ""  # "loved", "enjoyed" or "liked": how the person rated it
    genres: tuple[str, ...] = ()  # its own genres ("another crime film" needs this one to be a crime film)
    tags: tuple[str, ...] = ()  # its own tags and keywords ("another film about a heist" needs them too)

    @property
    def channel(self) -> str:
        if self.content > 0 and self.cf > 0:
            return "similar description, and liked by the same people"
        return "liked by the same people" if self.cf > self.content else "similar description"


@dataclass(frozen=True)
class Fact:
    """One true thing about a recommendation and the person's history, as the prompt states it.

    ``relation`` names what kind of fact it is, and so which words a clause may use for it
    (claims.py): "series", "sequel", "creator", "genres", "tags", "coliked", "similar", "era".
    """

    relation: str
    text: str
    words: tuple[str, ...] = ()  # names and labels it brings (a series name, an author, genres, tags)


@dataclass(frozen=True)
class WhyEvidence:
    """Everything an explanation of one recommendation may draw on."""

    item_id: int
    title: str
    year: int | None
    kind: str
    reasons: tuple[Reason, ...]  # the top contributors, largest first
    genres: tuple[str, ...] = ()  # shared by the item and its top reasons
    tags: tuple[str, ...] = ()  # shared by the item and its top reasons
    creators: tuple[str, ...] = ()  # the item's own creators
    liked_verb: str = "loved"
    item_genres: tuple[str, ...] = ()  # the item's own genres (what a reply to typed words may say of it)
    asked_tags: tuple[str, ...] = ()  # the item's keywords that the typed words name (also in ``tags``)
    extra_names: tuple[str, ...] = field(default=())  # other names the text may use (alt titles, series)
    facts: tuple[Fact, ...] = ()
    # Free text of the items (descriptions). Never put in a prompt: kept only so the
    # verifier can refuse an output that repeats it, e.g. an instruction hidden in it.
    data_text: tuple[str, ...] = field(default=())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WhyEvidence:
        """The evidence as ``as_dict`` wrote it (the labelled drafts keep theirs in JSON)."""
        fields_ = dict(data)
        fields_["reasons"] = tuple(Reason(**{**r, "creators": tuple(r.get("creators", ())),
                                             "genres": tuple(r.get("genres", ())), "tags": tuple(r.get("tags", ()))})
                                   for r in data.get("reasons", ()))
        fields_["facts"] = tuple(Fact(f["relation"], f["text"], tuple(f.get("words", ())))
                                 for f in data.get("facts", ()))
        for key in ("genres", "tags", "creators", "extra_names", "data_text", "item_genres", "asked_tags"):
            fields_[key] = tuple(data.get(key, ()))
        return cls(**fields_)

    def digest(self) -> str:
        """A stable hash: the cache key of any text written from this evidence."""
        data = asdict(self)
        for reason in data["reasons"]:
            reason["contribution"] = round(reason["contribution"], 6)
            reason["content"] = round(reason["content"], 6)
            reason["cf"] = round(reason["cf"], 6)
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:24]

    @property
    def allowed_names(self) -> list[str]:
        """Names a text may use: the item's and its reasons' titles, the item's own creators (a reason's
        author named in the clause would read as the item's: "another novel by Frank Herbert"), genres,
        tags and the facts' names."""
        names = [self.title, *(r.title for r in self.reasons), *self.creators, *self.extra_names,
                 *self.genres, *self.tags, *(w for f in self.facts for w in f.words)]
        return [n for n in names if n]

    @property
    def relations(self) -> set[str]:
        return {f.relation for f in self.facts}

    def supported_words(self) -> set[str]:
        """Every word a genre, tag, creator or series of the evidence lends a clause. Not the words of
        titles: a title may be named whole, but "Money, and the Law of Attraction" does not make a book
        "about money"."""
        out = genre_words([*self.genres, *self.tags])
        for name in (*self.creators, *(w for f in self.facts for w in f.words)):
            out.update(words_of(name))
        return out

    @property
    def alike_titles(self) -> set[str]:
        """Reasons the item may be likened to: close in description, the same series or creator (not
        a title that is only co-liked: "Executive Decision has a similar feel to Toy Story")."""
        return {t for f in self.facts if f.relation in ("similar", "series", "creator")
                for t in _QUOTED.findall(f.text)}

    @property
    def kinds(self) -> set[str]:
        """What the clause may call the item: its own kind only (a book is never "another film")."""
        return {self.kind} if self.kind else set()

    @property
    def years(self) -> list[int]:
        return [y for y in (self.year, *(r.year for r in self.reasons)) if y]


def series_of(item: Item) -> str:
    """The series an item belongs to, as people name it; "" if none is known.

    Books: goodbooks' "(Mistborn, #2)" in a title. Films: the main title before a subtitle, without
    a number ("Star Wars: Episode V - ..." and "Star Wars: Episode IV - ..." are "Star Wars"; "Toy Story 2"
    and "Toy Story" are "Toy Story").
    """
    for name in (item.title, *item.alt_titles):
        found = series_name(name)
        if found:
            return found
    if item.kind != "film":
        return ""
    main = re.split(r"\s*(?::|\s[-–—]\s)\s*", item.title, maxsplit=1)[0]
    return re.sub(r"\s+(\d+|[ivx]+|part \w+)$", "", main.strip(), flags=re.IGNORECASE).strip()


def _same_series(a: Item, b: Item) -> str:
    sa, sb = series_of(a), series_of(b)
    genres = {label_key(g) for g in a.genres} & {label_key(g) for g in b.genres}
    kin = a.kind == b.kind == "film" and len(genres) >= 2
    if sa and sb and kin and _plural_pair(sa, sb):
        return min(sa, sb, key=len)  # "Aliens" follows "Alien"
    if kin and _one_word_more(a.title, b.title) and (
            set(a.creators) & set(b.creators) or {label_key(t) for t in a.tags} & {label_key(t) for t in b.tags}):
        return min(a.title, b.title, key=len)  # "The Dark Knight Rises" follows "The Dark Knight"
    if not sa or match_key(sa) != match_key(sb):
        return ""
    # A film's main title alone ("Alien") names a series only if one of them has more to its title.
    if a.kind == "film" and match_key(a.title) == match_key(b.title):
        return ""
    if a.kind == "film" and match_key(sa) == match_key(a.title) == match_key(b.title):
        return ""
    # Two films of one name and no genre in common: "The Mission" (a drama) and "Mission: Impossible", "Hamlet"
    # and "Hamlet 2" (a comedy), "The Thing" and "The Thing: Terror Takes Shape" (a documentary).
    if a.kind == "film" and a.genres and b.genres and not genres:
        return ""
    return sa


def _one_word_more(a: str, b: str) -> bool:
    """One title is the other and one word more ("The Dark Knight" and "The Dark Knight Rises", "The Matrix
    Reloaded"); the shorter of two words or more besides an article ("Ghost" and "Ghost World" are not)."""
    short, long = sorted((match_key(a).split(), match_key(b).split()), key=len)
    return len(short) >= 2 and len(long) == len(short) + 1 and long[:len(short)] == short


def _plural_pair(a: str, b: str) -> bool:
    ka, kb = match_key(a), match_key(b)
    return bool(ka) and (ka + "s" == kb or kb + "s" == ka)


# Credits that name nobody: two anonymous works ("The Epic of Gilgamesh", "The Arabian Nights") share no
# author, and "another book by Anonymous" says nothing.
NO_NAMES = frozenset({"anonymous", "unknown", "various", "various authors"})


def evidence_from(
    rec: Recommendation,
    items: Mapping[int, Item],
    ratings: Mapping[int, float | None],
    *,
    top: int = 3,
    saved: Collection[int] = (),
    likes: Collection[int] | None = None,
) -> WhyEvidence:
    """The evidence of a recommendation: its top positive contributors and the true facts that link
    them to it (series, creators, shared genres and tags, who liked them, era).

    ``items`` maps the contributors' item ids to their Items (for genres and creators),
    ``ratings`` their normalised ratings (for "loved" or "liked"), ``saved`` the ids the person saved
    for later ("want to read"), ``likes`` those they pressed Like on, where known: an item in none of them is
    the one a "more like this" list was asked for ("want more like").
    """
    # Only what the person liked or asked for is a reason: a disliked item never reads "because you liked".
    src = [c for c in rec.contributions if c.contribution > 0 and c.weight > 0][:top]
    theirs = [items[c.item_id] for c in src if c.item_id in items]
    reasons = tuple(
        Reason(title=c.title, year=c.year, contribution=c.contribution, content=c.content, cf=c.cf,
               creators=items[c.item_id].creators if c.item_id in items else (),
               genres=items[c.item_id].genres if c.item_id in items else (),
               tags=items[c.item_id].tags if c.item_id in items else (),
               kind=c.source if c.source != "history" else items[c.item_id].kind if c.item_id in items else "",
               liked="asked for" if c.source != "history" else _verb(
                   c.item_id, items[c.item_id].kind if c.item_id in items else rec.item.kind, ratings, saved, likes))
        for c in src
    )
    src = [c for c in src if c.source == "history"]  # the facts below link history items
    their_genres = {label_key(g) for it in theirs for g in it.genres}
    their_tags = {label_key(t) for it in theirs for t in it.tags}
    genres = tuple(g for g in rec.item.genres if label_key(g) in their_genres)
    tags = tuple(t for t in rec.item.tags if label_key(t) in their_tags and not t.endswith(" series")
                 and label_key(t) not in NOT_THEMES)
    # The item's keywords that the typed words name ("a heist film with car chases": heist, car chase), but not
    # those that only repeat a genre of it ("romantic comedy" of a romance and comedy).
    genre_keys = {label_key(w) for g in rec.item.genres for w in (g, *g.split())}
    asked = tuple(t for t in rec.item.tags if _named_in(t, [c.title for c in rec.contributions[:top]
                                                           if c.source != "history" and c.contribution > 0])
                  and not {label_key(w) for w in t.split()} <= genre_keys | {"romantic", "funny", "scary"})
    tags = tuple(dict.fromkeys((*asked, *tags)))
    facts: list[Fact] = []
    names = []
    for c, it in ((c, items[c.item_id]) for c in src if c.item_id in items):
        series = _same_series(rec.item, it)
        if series:
            facts.append(Fact("series", f'in the same series as "{_field(c.title)}": {_field(series)}', (series,)))
            names.append(series)
            if rec.item.year and it.year and rec.item.year > it.year:
                facts.append(Fact("sequel", f'it came after "{_field(c.title)}" in that series'))
        shared = [p for p in rec.item.creators if p in it.creators and p.casefold() not in NO_NAMES]
        if shared:
            facts.append(Fact("creator", f'by {_field(shared[0])}, like "{_field(c.title)}"', (shared[0],)))
    if genres:
        facts.append(Fact("genres", "shared genres: " + ", ".join(_field(g).lower() for g in genres[:4])))
    if tags:
        facts.append(Fact("tags", "shared themes: " + ", ".join(_field(t) for t in tags[:4])))
    for c in src[:2]:
        if c.cf >= c.content:
            facts.append(Fact("coliked", f'people who {"read" if rec.item.kind == "book" else "watched"} and loved'
                                         f' "{_field(c.title)}" also loved it'))
        else:
            facts.append(Fact("similar", f'its description is close to that of "{_field(c.title)}"'))
    if rec.item.year:
        facts.append(Fact("era", f"from the {rec.item.year // 10 * 10}s"))
    verb = reasons[0].liked if reasons else "loved"
    return WhyEvidence(
        item_id=int(rec.item.id or 0), title=rec.item.title, year=rec.item.year, kind=rec.item.kind,
        reasons=reasons, genres=genres, tags=tags, asked_tags=asked, creators=rec.item.creators, liked_verb=verb,
        item_genres=true_genres(rec.item.genres),
        extra_names=tuple(dict.fromkeys((*rec.item.alt_titles, *names))), facts=tuple(_dedupe(facts)),
        data_text=tuple(t for t in [rec.item.description, *(it.description for it in theirs)] if t),
    )


def _verb(item_id: int, kind: str, ratings: Mapping[int, float | None], saved: Collection[int],
          likes: Collection[int] | None = None) -> str:
    """What the person did with a history row: rated or read it (``_liked``), means to (saved for later),
    liked it (a Like), or none of these: asked for more like it."""
    if item_id in ratings:
        return _liked(ratings[item_id], kind)
    if item_id in saved:
        return {"book": "want to read", "film": "want to watch"}.get(kind, "saved")
    return "want more like" if likes is not None and item_id not in likes else "liked"


def _liked(rating: float | None, kind: str = "") -> str:
    """How the person rated a history item, in a word; with no rating, only what they did with it."""
    if rating is None:
        return {"book": "read", "film": "watched"}.get(kind, "chose")
    return "loved" if rating >= 0.85 else "enjoyed" if rating >= 0.6 else "liked"


def about(fact: Fact) -> str:
    """The history title a fact links the item to ("" for genres, tags and era)."""
    found = _QUOTED.findall(fact.text)
    return found[0] if found else ""


def linked(ev: WhyEvidence, relation: str) -> tuple[Fact | None, list[Reason]]:
    """The first fact of a relation that carries a name (a series, a creator) and the reasons it links,
    largest first: "here is more by Malcolm Gladwell" may follow "Outliers", not "Thinking, Fast and Slow"."""
    facts = [f for f in ev.facts if f.relation == relation and f.words]
    if not facts:
        return None, []
    first = facts[0]
    titles = {about(f) for f in facts if f.words == first.words}
    return first, [r for r in ev.reasons if _field(r.title) in titles]


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[str] = set()
    out = []
    for f in facts:
        if f.text not in seen:
            seen.add(f.text)
            out.append(f)
    return out


def _named_in(tag: str, texts: list[str]) -> bool:
    """Whether every word of the tag is a word of one of the texts, plurals aside ("car chase", "car chases")."""
    def stems(text: str) -> set[str]:
        return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text.casefold())}
    words = stems(tag)
    return bool(words) and any(words <= stems(t) for t in texts)


def _field(text: str) -> str:
    """Catalog text as a quoted prompt field: no quotes or line breaks can escape it."""
    return _FIELD.sub(" ", clean_text(text))[:120]


def _label(title: str, year: int | None) -> str:
    return f'"{_field(title)}"' + (f" ({year})" if year else "")


# What may end a quotation of typed words early (any double quote, guillemet or corner bracket), and
# where its first clause ends: only that clause is quoted.
_QUOTE_MARKS = re.compile("[\"«»‹›„‟“”「」『』〝〞＂]")
_CLAUSE_END = re.compile(r"[,;:.!?…()\[\]{}<>|/\\–—，。；：！？、（）【】]|\s-+\s")
ASKED_WORDS, ASKED_CHARS = 8, 60


def asked_excerpt(text: str) -> str:
    """Words the person typed, as we may quote them: the first clause, at most ASKED_WORDS words and
    ASKED_CHARS characters, with no quote mark, control or direction mark, so the quotation cannot close
    early. "" when those words make a claim of their own ("it won 12 Oscars"): then they are paraphrased."""
    text = "".join(ch for ch in clean_text(text) if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cc"))
    first, *rest = _CLAUSE_END.split(_QUOTE_MARKS.sub(" ", text), maxsplit=1)
    words = first.split()
    if not words or claim_words(first):
        return ""
    kept = words[:ASKED_WORDS]
    while len(kept) > 1 and len(" ".join(kept)) > ASKED_CHARS:
        kept.pop()
    excerpt = " ".join(kept)[:ASKED_CHARS]
    cut = excerpt != " ".join(words) or any(re.search(r"\w", part) for part in rest)
    return excerpt + ("…" if cut else "")


def prefix_for(ev: WhyEvidence) -> str:
    """The opening we write ourselves, so the title slot can only hold the top reason."""
    top = ev.reasons[0].title if ev.reasons else ev.title
    if asked_first(ev):
        excerpt = asked_excerpt(top)
        return f"Because you asked for “{excerpt}”," if excerpt else "Because of what you asked for,"
    return f"Because you {ev.liked_verb} {clean_text(top)},"


def asked_first(ev: WhyEvidence) -> bool:
    """Is the largest reason words the person typed or pinned (not a history item)?"""
    return bool(ev.reasons) and ev.reasons[0].kind in ("query", "interest")
