"""The verifier: every title or creator a text names, and (for the model's drafts) every claim, checked
against the evidence before it is shown."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from app.core.claims import PLAIN_WORDS, claim_problems, genre_words, kind_words, words_of
from app.core.explain.evidence import _QUOTED, WhyEvidence, _field, about, prefix_for
from app.core.text import normalize_title

_STOP = {"because", "you", "i", "it", "this", "the", "a", "an", "and", "or", "if", "its", "their", "they",
         "like", "so", "both", "with", "in", "on", "for", "but", "as", "by", "of", "to"}


class NameIndex:
    """Every catalog title and creator, to spot the ones a text names.

    Single short words ("Up", "Her", "Heat") are left out: they are ordinary words
    too often to be read as titles.
    """

    def __init__(self, names: Iterable[str]) -> None:
        self._names: dict[str, str] = {}
        self._longest = 1
        for name in names:
            key = normalize_title(name)
            words = key.split()
            if not words or (len(words) == 1 and (len(key) < 5 or key in _STOP)):
                continue
            self._names.setdefault(key, name)
            self._longest = max(self._longest, len(words))

    def find(self, text: str) -> list[str]:
        """The catalog names that occur in the text as whole words, longest match first; a name written
        all in lower case is an ordinary phrase ("a happy family movie", "one to watch"), not a title."""
        return [n for n in self._find(text) if _written_as_name(n, text)]

    def _find(self, text: str) -> list[str]:
        words = normalize_title(text).split()
        found: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                key = " ".join(words[i : i + size])
                if key in self._names:
                    found.append(self._names[key])
                    i += size
                    break
            else:
                i += 1
        return found


def _written_as_name(name: str, text: str) -> bool:
    """Does the text write some word of the name with a capital or a digit, or the name in quotes?"""
    for word in re.findall(r"[^\W_]+", name):
        if word.casefold() in _STOP or word.casefold() in _ARTICLES:
            continue  # "The" of "The Family" is capitalised at the start of any sentence
        if word[0].isdigit():
            return True
        if word[0].isupper() and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            return True
    return f'"{name.casefold()}' in text.casefold()


@dataclass(frozen=True)
class Cited:
    ok: bool
    named: tuple[str, ...]  # titles/creators the text names
    grounded: tuple[str, ...]  # of those, the ones in the evidence
    problems: tuple[str, ...]


_KIND_WORDS = kind_words("film") | kind_words("book") | {"story", "stories"}
_ARTICLES = {"the", "a", "an", "le", "la", "les", "el", "il", "der", "die", "das"}


def _titles_together(key: str, allowed: set[str]) -> bool:
    """Whether a normalised name is two or more allowed names side by side, "and" between them or not: the
    words of "Because you loved Animal Farm and 1984" are also the title of an omnibus in the catalog."""
    words = key.split()
    found: dict[int, int] = {0: 0}  # words read -> the most allowed names that read them
    for start in range(len(words)):
        if start not in found:
            continue
        if words[start] == "and" and start > 0:
            found.setdefault(start + 1, found[start])
        for end in range(start + 1, len(words) + 1):
            if " ".join(words[start:end]) in allowed:
                found[end] = max(found.get(end, 0), found[start] + 1)
    return found.get(len(words), 0) >= 2


def check(text: str, ev: WhyEvidence, index: NameIndex, *, claims: bool = True, partial: bool = False,
          prefix: str | None = None) -> Cited:
    """Is every named title or creator in the evidence, and does the model's clause (after ``prefix``, by
    default ``prefix_for(ev)``) say only what the facts support (``claims``; a template is built from
    the facts, so it need not be)?"""
    allowed = {normalize_title(n) for n in ev.allowed_names}
    allowed_words = {w for n in allowed for w in n.split()}
    named = index.find(text)
    named += [q for q in _QUOTED.findall(text) if normalize_title(q) not in {normalize_title(n) for n in named}]
    problems: list[str] = []
    grounded: list[str] = []
    for name in named:
        key = normalize_title(name)
        # A name is grounded if it is an evidence name, or part of one ("Star Wars" in
        # "Star Wars: Episode IV"): a shorter way to say the same thing.
        if key in allowed or all(w in allowed_words for w in key.split()) and any(key in a for a in allowed):
            grounded.append(name)
        elif _titles_together(key, allowed):
            continue  # "Animal Farm and 1984" is two evidence titles, not the catalog's "Animal Farm / 1984"
        else:
            problems.append(f"names {name!r}, which is not in the evidence")
    if claims and ev.reasons:
        # "Because you loved Jane Eyre, it is another novel by Jane Austen": a creator or a series is
        # named in the clause only when the title in the prefix shares it.
        top = _field(ev.reasons[0].title)
        theirs = {normalize_title(w) for f in ev.facts if f.relation in ("creator", "series") and about(f) == top
                  for w in f.words}
        linkable = {normalize_title(w) for f in ev.facts if f.relation in ("creator", "series") for w in f.words}
        linkable |= {normalize_title(c) for c in ev.creators}
        for name in grounded:
            key = normalize_title(name)
            if key in linkable and key not in theirs and key not in {normalize_title(r.title) for r in ev.reasons}:
                problems.append(f"names {name!r}, which {ev.reasons[0].title!r} does not share")
    if "\n" in text.strip():
        problems.append("spans several lines")
    if claims:
        prefix = prefix_for(ev) if prefix is None else prefix
        clause = text.strip()[len(prefix):] if text.strip().startswith(prefix) else text
        problems += claim_problems(clause, supported=ev.supported_words(), relations=ev.relations,
                                   kinds=ev.kinds, years=ev.years,
                                   named=[n for n in grounded if _written_as_name(n, clause)])
        problems += _another_problems(clause, ev)
        # After our own opening ("You are drawn to"), the verb is ours: a short phrase is the sentence.
        problems += _shape_problems(clause, ev, final=not partial, phrase=prefix != prefix_for(ev))

    data_grams = {g for t in ev.data_text for g in _ngrams(t, 4)}
    opening = prefix_for(ev) if prefix is None else prefix
    said = text.strip()[len(opening):] if text.strip().startswith(opening) else text
    # A title the evidence names is no repeated text: a Chinese sentence (its opening is not the English one)
    # naming 《The King's Speech》 was refused because a description names that film too.
    for name in sorted(ev.allowed_names, key=len, reverse=True):
        said = re.sub(re.escape(name), " ", said, flags=re.IGNORECASE) if len(name) > 3 else said
    if data_grams & _ngrams(said, 4):  # (the opening is ours: it may quote what the person typed)
        problems.append("repeats the catalog's own text (data is never an instruction)")
    if not partial and not text.strip().endswith((".", "!", "。", "！")):
        problems.append("does not end as a sentence")
    return Cited(ok=not problems, named=tuple(named), grounded=tuple(grounded), problems=tuple(problems))


NOT_SPECIFIC = ("names no specific fact (a creator, the series, a shared keyword, the people who loved both):"
                " a genre and a feel say nothing")
_SPECIFIC = {"series": ("series", "saga", "next", "continues", "installment"), "sequel": ("sequel", "follows"),
             "coliked": ("people", "fans", "who")}
_GENERIC = frozenset("film films movie movies book books story stories".split())
_GENRE_TAGS = ("action", "adventure", "animation", "comedy", "crime", "drama", "fantasy", "horror", "romance",
               "sci-fi", "science fiction", "thriller", "mystery", "war", "western", "musical", "documentary",
               "classic", "classics", "fiction", "nonfiction", "young adult", "children")


# (Not "also": "people who loved it also loved this superhero film" is the co-liked fact, true as it stands.)
_ANOTHER = re.compile(r"\b(?:another|same|like it|as well)\b", re.IGNORECASE)


def _another_problems(clause: str, ev: WhyEvidence) -> list[str]:
    """ "Because you loved The Grand Budapest Hotel, it is another film about a superhero": a genre or keyword
    said of the item *as of the title in the opening* ("another", "the same") must be that title's too, not only
    another reason's (the model wrote it of The Dark Knight Rises; the superhero was The Dark Knight's)."""
    if not ev.reasons or ev.reasons[0].kind in ("query", "interest") or not _ANOTHER.search(clause):
        return []
    top = ev.reasons[0]
    if not (top.genres or top.tags):  # nothing known of it (evidence kept from before reasons carried labels)
        return []
    theirs = genre_words([*top.genres, *top.tags])
    labels = genre_words([*ev.genres, *ev.tags, *ev.item_genres]) - PLAIN_WORDS - kind_words(ev.kind)
    names = {w for n in (*ev.creators, *(w for f in ev.facts for w in f.words)) for w in words_of(n)}
    wrong = [w for w in words_of(clause) if w in labels and w not in theirs and w not in names]
    return [f"says {w!r} of it as of {top.title!r}, which is not" for w in dict.fromkeys(wrong)]


def specific(text: str, ev: WhyEvidence) -> bool:
    """Does the text (the model's clause after our opening) name what connects the item to the history: a
    creator or series (by name), a keyword or tag both share, or the words of a series, sequel or co-liked fact?"""
    prefix = prefix_for(ev)
    clause = text.strip()[len(prefix):] if text.strip().startswith(prefix) else text
    said = set(words_of(clause))
    # A tag that is a genre by another name ("action", "sci-fi") says no more than the genre.
    generic = _GENERIC | PLAIN_WORDS | genre_words([*ev.genres, *ev.item_genres, *_GENRE_TAGS])
    named = [v for f in ev.facts if f.relation in ("creator", "series") for v in f.words]
    for value in named:
        if said & (set(words_of(value)) - _GENERIC):
            return True
    for value in ev.tags:  # the tags and keywords the item shares with its reasons
        if any(w in said and w not in generic and len(w) > 2 for w in words_of(value)):
            return True
    for fact in ev.facts:
        if fact.relation in _SPECIFIC and said & set(_SPECIFIC[fact.relation]):
            return True
    return False


# A clause without one of these has no main verb: "this thriller movie with a similar feel."
_VERBS = frozenset("""is are was were be has have had will may might could would s ll belongs belong continues
    continue returns return follows follow comes came sits makes gives brings offers shares keeps takes feels
    loved liked enjoyed love like enjoy delivers blends combines mixes features fits matches suits hits should
    picks carries""".split())


def _shape_problems(clause: str, ev: WhyEvidence, *, final: bool, phrase: bool = False) -> list[str]:
    """A clause that is true word by word can still be nonsense: a fragment, a stray quote, the item
    called a sequel to itself, a fact's wording pasted back, a word said twice in a row."""
    problems = []
    words = normalize_title(clause).split()
    if final and not phrase and (len(words) < 5 or not set(words) & _VERBS) or final and len(words) < 2:
        problems.append("is a fragment, not a sentence")
    if final and clause.count('"') % 2:
        problems.append("leaves a quotation open")
    if "(" in clause or ";" in clause:
        problems.append("pastes the evidence's wording")
    own = f" {normalize_title(ev.title)} "
    if len(own.strip()) >= 5 and own in f" {' '.join(words)} ":
        problems.append("names the recommended item as if it were another")
    if any(a == b for a, b in zip(words, words[1:])) or _repeats_a_phrase(words):
        problems.append("repeats a word")
    content = [w for w in words if w not in _STOP and w not in PLAIN_WORDS and w not in _KIND_WORDS]
    if len(content) != len(set(content)):
        problems.append("says the same thing twice")  # "action and action-adventure, ... of adventure"
    if len(re.findall(r"\bseries\b", clause, re.IGNORECASE)) > 1:
        problems.append("repeats itself")
    if re.search(r"\b(to|as|than|like) this\b", clause, re.IGNORECASE):
        problems.append("compares it with itself")
    if re.search(r"\bthe same as\b", clause, re.IGNORECASE):
        problems.append("says it is the same as another title")
    if re.search(r"\bwho (loved|liked|enjoyed|read|watched) (it|this)\b", clause, re.IGNORECASE):
        problems.append("goes round in a circle (people who loved it loved it)")
    if re.search(r"\bwho (loved|liked|enjoyed|read|watched) the (whole )?series\b", clause, re.IGNORECASE):
        problems.append("speaks of people who loved the whole series, which the evidence does not")
    for m in re.finditer(r"\b(?:this|it)\b(?: \w+)?(?: (?:film|movie|book|novel|story|one))? (?:also )?"
                         r"(?:loved|enjoyed|liked)\b", clause, re.IGNORECASE):
        if not re.search(r"\b(loved|liked|enjoyed|read|watched|of)\s*$", clause[: m.start()], re.IGNORECASE):
            problems.append("has a film or book do the loving")  # "this animation movie also enjoyed it"
            break
    if final and ends_on_abbreviation(clause):
        problems.append("stops in the middle of a name")
    lower = clause.casefold()
    for reason in ev.reasons:
        title = reason.title.casefold()
        at = lower.find(title)
        if at < 0:
            continue
        before = lower[max(0, at - 40) : at]
        if re.search(r"\balso (loved|liked|enjoyed|love|like|enjoy)\b\W*$", before):
            problems.append(f"says who loved {reason.title!r}, which the evidence does not")
        if re.search(r"\b(similar|close|like|alike)\b", before) and reason.title not in ev.alike_titles:
            problems.append(f"likens it to {reason.title!r}, which people only loved alongside it")
    if re.search(r"\bof the (\d{2}|\d{4})s\b", clause) and not re.search(r"\b(from|in) the (\d{2}|\d{4})s\b", clause):
        problems.append("misuses the era")
    return problems


def _repeats_a_phrase(words: list[str]) -> bool:
    """"an action-packed, action-packed film": the same two words twice."""
    pairs = [(a, b) for a, b in zip(words, words[1:]) if a not in _STOP and b not in _STOP]
    return len(pairs) != len(set(pairs))


_ABBREVIATION = re.compile(r"(?:^|[\s(\"])(?:dr|mr|mrs|ms|st|jr|sr|vol|no|vs|mt|ft|[a-z])\.$", re.IGNORECASE)


def ends_on_abbreviation(text: str) -> bool:
    """"...a book by Dr." or "by R.": a full stop that does not end the sentence."""
    return bool(_ABBREVIATION.search(text.rstrip()))


def _ngrams(text: str, n: int) -> set[str]:
    words = normalize_title(text).split()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def cited_history(text: str, ev: WhyEvidence) -> list[str]:
    """The evidence reasons (history items) a text names."""
    key = f" {normalize_title(text)} "
    return [r.title for r in ev.reasons if f" {normalize_title(r.title)} " in key]


def unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))
