"""Keys for recognising one work under the titles people give it.

Exports and catalogs spell the same work differently: "Three Colours: Red" and
"Three Colors: Red", "Rocky II" and "Rocky 2", "Star Wars" and "Star Wars: Episode IV -
A New Hope", "The Hobbit (Penguin Modern Classics)" and "The Hobbit". These helpers
turn titles and author names into comparable keys; deciding what matches is the
matching service's job.
"""

from __future__ import annotations

import re
import unicodedata

from app.core.text import latin_lookalikes, normalize_title, strip_series

__all__ = [
    "author_key", "cjk_only", "content_words", "foreign_title", "loose_key", "match_key", "omnibus_key", "same_author",
    "title_keys",
    "title_parts",
]

# British spellings (and a few others) written the American way, on both sides of a comparison.
_SPELLING = {
    "colour": "color", "colours": "colors", "favourite": "favorite", "favourites": "favorites",
    "honour": "honor", "humour": "humor", "labour": "labor", "neighbour": "neighbor",
    "neighbours": "neighbors", "harbour": "harbor", "armour": "armor", "behaviour": "behavior",
    "rumour": "rumor", "rumours": "rumors", "valour": "valor", "vapour": "vapor", "splendour": "splendor",
    "flavour": "flavor", "saviour": "savior", "parlour": "parlor", "endeavour": "endeavor",
    "glamour": "glamor", "odour": "odor", "vigour": "vigor", "theatre": "theater", "centre": "center",
    "metre": "meter", "spectre": "specter", "sombre": "somber", "calibre": "caliber", "fibre": "fiber",
    "lustre": "luster", "grey": "gray", "catalogue": "catalog", "programme": "program",
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "travelling": "traveling", "travelled": "traveled", "traveller": "traveler", "travellers": "travelers",
    "jewellery": "jewelry", "pyjamas": "pajamas", "aluminium": "aluminum", "realise": "realize",
    "recognise": "recognize", "organise": "organize", "apologise": "apologize", "civilisation": "civilization",
    "mum": "mom", "arse": "ass", "sceptic": "skeptic", "plough": "plow", "moustache": "mustache",
}
_NUMBERS = {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
            "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
            "twenty": "20", "hundred": "100", "thousand": "1000"}
_ROMAN = {"ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
          "x": "10", "xi": "11", "xii": "12"}
# Words that say nothing about which work it is, in the languages exports come in.
_STOP = frozenset(
    "the a an and or of in on at to for with from by is as "
    "el la los las lo un una y e o de del al en con por para sin sobre "
    "le les l un une des du et au aux dans pour sur d "
    "il gli i di da per nel della "
    "der die das den dem des und von zu im mit ein eine einer "
    "os as do dos das no na em com um uma "
    "het een van op en".split()
)
# Particles that mark a title as not English (words that are English too, like "a", "die" or
# "no", are left out), and English ones that mark it as English.
_FOREIGN = frozenset(
    "el la los las y del en un una unos unas le les des du et au aux il gli di della delle "
    "der das und von zu im mit ein eine einen os dos na em um uma het een op".split()
)
_ENGLISH = frozenset("the of and to with from for is are at".split())
# A subtitle, or an alternative title ("Moby-Dick or, The Whale", "Frankenstein; or, The Modern Prometheus").
_PARTS = re.compile(r"\s*(?:[;:]\s*or,?\s|,?\sor,\s|:|\s[-–—]\s)\s*")
_TRAILING_PAREN = re.compile(r"\s*\([^()]*\)\s*$")


def match_key(title: str) -> str:
    """``normalize_title`` plus spelling and numbers: "Three Colours: Red" and "Three Colors: Red",
    "Rocky II" and "Rocky 2", "Guardians of the Galaxy Vol. 2" and "Guardians of the Galaxy 2" agree."""
    words = normalize_title(title.replace("♥", " heart ")).split()
    words = [w for k, w in enumerate(words) if not (w in ("vol", "volume") and k + 1 < len(words))]
    return " ".join(_ROMAN.get(w) or _NUMBERS.get(w) or _SPELLING.get(w, w) for w in words)


_OMNIBUS = frozenset("omnibus box boxed set boxset collection collected complete trilogy quartet saga".split())


def omnibus_key(title: str) -> str:
    """The match key of a title without the words that make it a collection: "Wool Omnibus" gives
    "wool", "The Dark Tower Boxed Set, Books 1-4" gives "dark tower"; "" if it is not a collection."""
    words = normalize_title(title).split()
    if not _OMNIBUS & set(words):
        return ""
    kept = [w for w in words if w not in _OMNIBUS and w not in ("books", "book", "volumes", "the") and not w.isdigit()]
    return match_key(" ".join(kept))


_SPLIT_PART = re.compile(r"\s*(?:[,:(-]|\s)\s*part\s+(?:\d+|one|two|three|i{1,3})\)?\s*$", re.IGNORECASE)


def part_of_key(title: str) -> str:
    """The match key of the book a title is one part of, as an edition splits it: "The Way of Kings, Part 1" gives
    "way of kings"; "" if the title names no part."""
    whole = _SPLIT_PART.sub("", title)
    return match_key(whole) if whole != title else ""


def loose_key(title: str) -> str:
    """The title's words without particles or a trailing parenthesis: "The Tale of The Princess
    Kaguya" and "The Tale of Princess Kaguya", "Wallace & Gromit: The Curse of the Were-Rabbit"
    and "Wallace & Gromit in The Curse of the Were-Rabbit". Only trusted with the exact year or author."""
    words = match_key(_TRAILING_PAREN.sub("", title) or title).split()
    return " ".join(w for w in words if w not in _STOP)


def title_keys(title: str, *, book: bool = False) -> list[str]:
    """The keys a row's title is looked up under, most exact first.

    The title as given; without a series suffix; for books, without a trailing
    parenthesis ("(Spanish Edition)", "(Penguin Modern Classics)"); without the subtitle.
    """
    variants = [title, strip_series(title)]
    if book:
        variants.append(_TRAILING_PAREN.sub("", strip_series(title)))
    keys = [match_key(v) for v in variants]
    for v in list(variants):
        main = _PARTS.split(v, maxsplit=1)[0]
        if main != v:
            keys.append(match_key(main))
    return [k for k in dict.fromkeys(keys) if k]


def title_parts(title: str) -> list[str]:
    """Keys of a catalog title's parts: "Star Wars: Episode IV - A New Hope" gives "star wars" and
    "new hope", the names people also use. Only trusted with a matching year or author."""
    parts = [p for p in _PARTS.split(strip_series(title)) if p.strip()]
    if len(parts) < 2:
        return []
    keys = [match_key(parts[0]), match_key(parts[-1])]
    return [k for k in dict.fromkeys(keys) if k and k != match_key(title)]


def subtitles(title: str) -> dict[str, str]:
    """A title's main part's key -> its subtitle: "Sherlock: The Blind Banker" gives {"sherlock": "The Blind
    Banker"}; a title of one part gives {}."""
    parts = _PARTS.split(strip_series(title), maxsplit=1)
    return {match_key(parts[0]): parts[1]} if len(parts) == 2 and match_key(parts[0]) and parts[1].strip() else {}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", latin_lookalikes(text))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def author_key(name: str) -> tuple[str, str]:
    """(surname, first initial): "J.R.R. Tolkien" and "J. R. R. Tolkien" give ("tolkien", "j")."""
    words = re.findall(r"[^\W\d_]+", _fold(name))
    words = [w for w in words if w not in ("jr", "sr", "iii", "ii", "phd", "dr", "mr", "mrs", "ms")]
    if not words:
        return "", ""
    return words[-1], words[0][0] if len(words) > 1 else ""


def same_author(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Same surname, and the same first initial where both names have one."""
    return bool(a[0]) and a[0] == b[0] and (not a[1] or not b[1] or a[1] == b[1])


def content_words(title: str, *, drop: frozenset[str] = frozenset()) -> list[str]:
    """The words of a title that identify it: no articles or particles, no author names, none
    shorter than four letters (too short to tell a cognate from a coincidence)."""
    return [w for w in _fold(normalize_title(title)).split() if len(w) >= 4 and w not in _STOP and w not in drop]


def english_words(title: str) -> bool:
    """Whether a title has an English particle ("the", "of"...): "Touching Peace: Practicing the Art of Mindful
    Living" has; "Nunca me abandones" and "Tokio Blues: Norwegian Wood" have none, and foreign_title misses them."""
    return any(w in _ENGLISH for w in re.findall(r"[a-z]+", _fold(title)))


def foreign_title(title: str) -> bool:
    """Whether a title reads as not English: a foreign particle or accented letter, no English particle.
    "Orgullo y prejuicio" is; "Ready Player Two" and "Family of Liars" are not."""
    if english_words(title):
        return False
    return any(w in _FOREIGN for w in re.findall(r"[a-z]+", _fold(title))) or \
        any(ord(ch) > 127 and ch.isalpha() for ch in title)


# Han ideographs (with extensions and compatibility forms), kana, hangul.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def cjk_only(title: str) -> bool:
    """Whether a title is written in Chinese, Japanese or Korean characters alone, without a letter of the
    Latin alphabet: "肖申克的救赎" is, "Rust程序设计" and "2666" are not."""
    return bool(_CJK.search(title)) and not _LATIN.search(title)
