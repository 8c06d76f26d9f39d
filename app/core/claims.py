"""What an explanation may say: the words each fact of the evidence supports, and a check that every
content word of a model's clause is one of them or a plain connective or evaluative word.

The bundled model (Gemma 3 270M, a base model) writes fluent clauses that are mostly false ("it was the
third and final installment", "your favourite film", "one of the best movies of the 2000s" of a novel).
Names are checked elsewhere (``explain.check``); here the rest of the clause is: claims about the person,
superlatives and rankings, years and numbers, sequel/adaptation claims, film words for a book, and any
word no fact supports.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["PLAIN_WORDS", "claim_problems", "claim_words", "genre_words", "kind_words", "relation_words",
           "words_of"]

# Connectives, pronouns and plain evaluative words a clause may use with no fact behind them.
PLAIN_WORDS = frozenset("""
    a an the this that these those it its it's is are was were be been being has have had will would can could
    may might should do does did and or but so too also as like than then there here with without of in on at
    to for from by into about over under through up out off all both each every any some more much many very
    just same such own other another one ones which who whom whose what when where while how not no yet still
    even only again well quite really rather pretty bit lot lots plenty full kind sort mix blend touch dose
    you you'll you'd
    great good fine fun nice lovely wonderful terrific excellent superb solid strong rich fresh smart clever bold
    big small fast paced
    exciting gripping charming delightful entertaining enjoyable memorable compelling engaging absorbing
    beautiful beautifully gorgeous stunning powerful satisfying immersive captivating rewarding thoughtful
    inventive imaginative
    story stories tale tales world worlds characters character journey ride experience feel feeling mood tone
    style spirit heart way ways things thing time times sense side taste
    enjoy enjoyed enjoying love loved loving like liked likes liking appreciate appreciated appeal appeals
    find found offers offer brings bring gives give delivers deliver keeps keep shares share has takes take
    makes make made blends blend combines combine mixes features feature fits fit matches match suits suit
    should hit hits worth try pick choice
""".split())

# Words that need a fact. Each fact kind lends its own words (see ``_RELATION_WORDS``).
_FILM_WORDS = frozenset("film films movie movies watch watched watching cinema screen viewers director "
                        "directed filmmaker".split())
_BOOK_WORDS = frozenset("book books novel novels read reads reading readers pages author writer wrote written "
                        "prose".split())
_RELATION_WORDS = {
    "series": frozenset("series saga another continues continue continuing return returns back world "
                        "installment entry next chapter volume".split()),
    "sequel": frozenset("sequel follow follows followup".split()),
    "creator": frozenset("same author writer wrote written director directed filmmaker by".split()),
    # "readers" and "viewers" come with the item's kind (kind_words), never with a relation.
    "coliked": frozenset("people fans who loved liked enjoyed also many others same".split()),
    "similar": frozenset("similar similarly like close closely feel echoes echo themes theme style vein spirit "
                         "tone kin".split()),
    "genres": frozenset("similar feel".split()),
    "tags": frozenset("similar feel themes theme".split()),
}
# Genres as people also say them, and the tone words each one supports ("a tense thriller", "a warm romance":
# a tone is a claim too, so "a light thriller" of Gone Girl is refused).
_GENRE_SYNONYMS = {
    "sci fi": "science fiction", "science fiction": "sci fi",
    "comedy": "funny humor humour laughs comic witty light lighthearted playful happy",
    "humor": "funny comedy laughs comic witty light lighthearted playful",
    "romance": "romantic love tender sweet heartfelt warm", "thriller": "thrilling suspense suspenseful tense intense",
    "mystery": "mysterious twisty", "horror": "scary frightening chilling creepy dark haunting",
    "drama": "dramatic moving poignant heartfelt touching", "adventure": "adventures adventurous thrilling",
    "crime": "criminal dark gritty", "children": "family kids children's warm gentle sweet",
    "children's": "family kids children warm gentle sweet", "film noir": "noir dark",
    "action": "action packed thrilling", "animation": "animated", "war": "wartime", "musical": "music songs",
    "documentary": "real life", "classics": "classic", "young adult": "teen ya", "historical fiction":
    "historical history past", "history": "historical past", "fantasy": "magic magical", "biography":
    "life true", "non fiction": "nonfiction true real", "dystopian": "dystopia", "paranormal": "supernatural",
    "western": "west frontier", "literary fiction": "literary", "contemporary": "modern",
}
# "you" only in a guess about what the person may like next: what they loved is the prefix's to say.
_PERSON = re.compile(r"\byour\b|\byou(?!'ll|'d| will| may| might| would| could)\b")
_SUPERLATIVE = frozenset("best most greatest finest top worst least first last final ultimate only ever "
                         "all-time alltime number second third fourth fifth sixth seventh eighth ninth tenth "
                         "favorite favourite favorites favourites famous popular acclaimed award winning "
                         "oscar classic masterpiece".split())
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve hundred thousand million "
                          "twenty thirty forty fifty sixty seventy eighty ninety".split())
_CLAIM_WORDS = frozenset("sequel prequel remake adaptation adapted based inspired spinoff spin trilogy "
                         "franchise installment".split())

# Prizes and verdicts: "it won 12 Oscars", "a verified bestseller".
_AWARD_WORDS = frozenset("won win wins winner winners winning award awards awarded oscar oscars emmy emmys grammy "
                         "grammys bafta prize prizes nominated nominee verified certified bestseller bestselling "
                         "proven".split())


def claim_words(text: str) -> list[str]:
    """The words of a text that claim something by themselves, whatever they are said of: rankings, prizes,
    counts, sequels. A year ("1999") or a decade ("80s") is a wish, not a claim."""
    found = []
    for word in words_of(text):
        year = len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2100
        if word in _SUPERLATIVE | _NUMBER_WORDS | _CLAIM_WORDS | _AWARD_WORDS or word.isdigit() and not year:
            found.append(word)
    return found


def words_of(text: str) -> list[str]:
    """Lower-case words without accents; "sci-fi" gives "sci", "fi"; "1980s" stays one word."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return re.findall(r"[a-z0-9]+(?:'[a-z]+)?", text.replace("’", "'"))


def genre_words(labels: Iterable[str]) -> set[str]:
    out: set[str] = set()
    for label in labels:
        key = " ".join(words_of(label))
        out.update(words_of(label))
        out.update(words_of(_GENRE_SYNONYMS.get(key, "")))
    return out


def relation_words(relation: str) -> frozenset[str]:
    """The words a fact of this relation lends a clause ("series": "next", "saga", ...)."""
    return _RELATION_WORDS.get(relation, frozenset())


def kind_words(kind: str) -> frozenset[str]:
    return _FILM_WORDS if kind == "film" else _BOOK_WORDS if kind == "book" else frozenset()


def _decade_words(year: int) -> set[str]:
    decade = year // 10 * 10
    return {str(year), f"{decade}s", f"{decade % 100:02d}s", f"'{decade % 100:02d}s"}


def _stem_supported(word: str, allowed: set[str]) -> bool:
    """"psychological" from the tag "psychology", "magical" from "magic": a shared stem of 5+ letters
    covering all but a short ending of both words."""
    if len(word) < 6:
        return False
    for other in allowed:
        n = 0
        for a, b in zip(word, other):
            if a != b:
                break
            n += 1
        if n >= 5 and len(word) - n <= 4 and len(other) - n <= 3:
            return True
    return False


def claim_problems(clause: str, *, supported: set[str], relations: set[str], kinds: set[str],
                   years: Iterable[int], named: Iterable[str] = ()) -> list[str]:
    """Why a clause says more than the evidence, or [] if every word is supported.

    ``supported``: words of the evidence's names, genres, tags and creators; ``relations``: the fact
    kinds present ("series", "sequel", "creator", "coliked", "similar"); ``kinds``: "film"/"book" of
    the item and its reasons; ``years``: the years in the evidence.
    """
    problems: list[str] = []
    lower = clause.casefold().replace("’", "'")
    if _PERSON.search(lower):
        problems.append("says something about you that the evidence does not hold")
    allowed = set(PLAIN_WORDS) | supported
    for relation in relations:
        allowed |= _RELATION_WORDS.get(relation, frozenset())
    for kind in kinds:
        allowed |= kind_words(kind)
    for year in years:
        allowed |= _decade_words(year)
    unsupported: list[str] = []
    words = words_of(clause)
    for name in sorted(named, key=len, reverse=True):
        words = _without(words, words_of(name))
    stems = {w for w in supported if len(w) >= 5}
    for word in words:
        if word in allowed or word in supported or _stem_supported(word, stems):
            continue
        if word in _SUPERLATIVE or word.endswith("est") and len(word) > 5:
            problems.append(f"ranks or praises beyond the evidence ({word!r})")
        elif word.isdigit() or word.rstrip("s").isdigit() or word in _NUMBER_WORDS:
            problems.append(f"states a number or year the evidence does not hold ({word!r})")
        elif word in _CLAIM_WORDS:
            problems.append(f"claims a relation the evidence does not hold ({word!r})")
        elif word in _FILM_WORDS | _BOOK_WORDS:
            problems.append(f"calls it what it is not ({word!r})")
        else:
            unsupported.append(word)
    if unsupported:
        problems.append("says what the evidence does not: " + ", ".join(repr(w) for w in dict.fromkeys(unsupported)))
    return problems


def _without(words: list[str], name: list[str]) -> list[str]:
    """``words`` with every occurrence of the word sequence ``name`` taken out."""
    if not name:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i : i + len(name)] == name:
            i += len(name)
        else:
            out.append(words[i])
            i += 1
    return out
