"""Text helpers: the text an item is embedded from, cleaning, title normalisation."""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata
from collections.abc import Sequence

from app.core.types import Item

__all__ = [
    "TEXT_VERSION",
    "clean_text",
    "cjk_share",
    "item_text",
    "label_key",
    "true_genres",
    "latin_lookalikes",
    "normalize_title",
    "runtime_text",
    "split_title_year",
    "series_name",
    "shorten",
    "strip_series",
    "surname",
    "text_hash",
]

def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters, an ellipsis marking the cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def runtime_text(minutes: int, lang: str = "en") -> str:
    """A length in minutes as people say it: ``1 h 58 min``, ``45 min``, ``2 h`` (``1小时58分钟`` in Chinese)."""
    hours, rest = divmod(max(0, int(minutes)), 60)
    if lang.startswith("zh"):
        return (f"{hours:,}小时" if hours else "") + (f"{rest}分钟" if rest or not hours else "")
    return " ".join(([f"{hours:,} h"] if hours else []) + ([f"{rest} min"] if rest or not hours else []))


# Bumped whenever item_text() changes, so cached embeddings of old texts are not reused.
TEXT_VERSION = 1

_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<\s*(br|/p|p|/div|li)\b[^>]*>", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str | None) -> str:
    """Strip HTML tags and entities, control characters and stray whitespace."""
    if not text:
        return ""
    text = _BREAK.sub(" ", text)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    text = _CONTROL.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


def item_text(item: Item, *, max_chars: int = 2000) -> str:
    """The text an item is embedded from: title, year, creators, genres, tags, description.

    A film known by its keywords is embedded from them, its genres and directors, without its title, so
    that title words do not decide closeness on their own ("Heat" is near heist films, not "White Heat"),
    and without its overview, which measured worse (held-out NDCG@10 on ml-latest-small 0.1367 with it,
    0.1508 without; docs/evaluation.md).
    """
    described = item.kind == "film" and len(item.tags) >= ABOUT_ENOUGH
    parts = [] if described else [clean_text(item.label)]
    if item.creators:
        parts.append("By " + ", ".join(clean_text(c) for c in item.creators) + ".")
    if item.genres:
        parts.append("Genres: " + ", ".join(clean_text(g) for g in item.genres) + ".")
    if item.tags:
        parts.append("Tags: " + ", ".join(clean_text(t) for t in item.tags) + ".")
    description = "" if described else clean_text(item.description)
    if description:
        parts.append(description)
    return " ".join(p for p in parts if p)[:max_chars]


ABOUT_ENOUGH = 3  # keywords or tags that say what a film is about


def text_hash(text: str) -> str:
    """The cache key of a text (together with the model id)."""
    return hashlib.sha256(f"v{TEXT_VERSION}\n{text}".encode()).hexdigest()[:32]


_YEAR_SUFFIX = re.compile(r"^(?P<title>.*?)\s*\(\s*(?P<year>\d{4})(?:[-–]\d{0,4})?\s*\)\s*$")


def split_title_year(text: str) -> tuple[str, int | None]:
    """``"The Matrix (1999)"`` -> ``("The Matrix", 1999)``; no year -> ``(text, None)``."""
    match = _YEAR_SUFFIX.match(text.strip())
    if match and match.group("title"):
        return match.group("title").strip(), int(match.group("year"))
    return text.strip(), None


_LEADING_ARTICLE = re.compile(
    r"^(the|a|an|les|le|la|l'|el|il|los|las|der|die|das|den|det)\s+", re.IGNORECASE
)
_NON_WORD = re.compile(r"[^\w]+")


# Greek and Cyrillic letters drawn like Latin ones. Some exports hide them in Latin words ("Εast of Εden" by
# "John Ѕteіnbeck", to keep scrapers off): read as the Latin letter inside such a word only.
_LOOKALIKES = str.maketrans(
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοιν" "АВЕКМНОРСТХЅІЈаеорсухѕіјһԁӏ",
    "ABEZHIKMNOPTYXoiv" "ABEKMHOPCTXSIJaeopcyxsijhdl",
)
_MIXED = re.compile(r"\w*[A-Za-z]\w*")


def latin_lookalikes(text: str) -> str:
    """``text`` with the Greek and Cyrillic look-alikes inside Latin words read as Latin letters; "Εast" gives
    "East", "Братья Карамазовы" stays as it is."""
    if text.isascii():
        return text
    return _MIXED.sub(lambda m: m.group(0).translate(_LOOKALIKES), text)


def normalize_title(title: str) -> str:
    """A key for comparing titles: case, accents, punctuation and a leading article removed.

    ``"Matrix, The"``, ``"The Matrix"`` and ``"the matrix!"`` all give ``"matrix"``.
    """
    text = unicodedata.normalize("NFKD", latin_lookalikes(title))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("&", " and ")
    # "Matrix, The" -> "The Matrix" before the article is dropped.
    m = re.match(r"^(.*),\s*(the|a|an|les|le|la|l'|el|il|los|las|der|die|das)$", text.strip())
    if m:
        text = f"{m.group(2)} {m.group(1)}"
    text = _LEADING_ARTICLE.sub("", text.strip())
    return _NON_WORD.sub(" ", text).strip()


_SERIES = re.compile(r"\s*\([^()]*#\s*[\d.]+[^()]*\)\s*$")  # "(The Hunger Games, #1)"


def strip_series(title: str) -> str:
    """``"The Hunger Games (The Hunger Games, #1)"`` -> ``"The Hunger Games"``."""
    return _SERIES.sub("", title).strip() or title


_SERIES_NAME = re.compile(r"\(([^()]*?),?\s*#\s*[\d.]+[^()]*\)\s*$")


def series_name(title: str) -> str:
    """``"The Hunger Games (The Hunger Games, #1)"`` -> ``"The Hunger Games"``; "" without a series."""
    found = _SERIES_NAME.search(title)
    return found.group(1).strip() if found else ""


# Genres the catalogs name differently: MovieLens's "Sci-Fi" and "Children" are goodbooks'
# "Science fiction" and "Children's".
_LABEL_ALIASES = {"scifi": "sciencefiction", "sf": "sciencefiction", "childrens": "children", "kids": "children",
                  "filmnoir": "noir", "humour": "humor", "comedy": "humor"}


NOT_GENRES = frozenset({"imax", "nogenreslisted"})  # MovieLens lists a screen format and "no genres" as genres


def true_genres(genres: Sequence[str]) -> tuple[str, ...]:
    """The genres that say what a title is: not MovieLens's "IMAX" ("more fantasy and imax", said Your year)."""
    return tuple(g for g in genres if label_key(g) not in NOT_GENRES)


def label_key(label: str) -> str:
    """How genre and tag names are compared: "Sci-Fi", "sci fi" and "Science fiction" agree."""
    key = re.sub(r"[^a-z0-9]+", "", normalize_title(label).replace(" s ", " "))
    key = key.removesuffix("s") if key.endswith("childrens") else key
    return _LABEL_ALIASES.get(key, key)


def surname(name: str) -> str:
    """The family name of a creator, for loose comparison: ``"J.K. Rowling"`` -> ``"rowling"``."""
    words = normalize_title(name).split()
    return words[-1] if words else ""


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0xAC00 <= cp <= 0xD7AF  # hangul syllables
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
    )


def cjk_share(texts: list[str]) -> float:
    """Share of letters (not digits, spaces or punctuation) that are CJK."""
    letters = cjk = 0
    for text in texts:
        for ch in text:
            if ch.isalpha():
                letters += 1
                cjk += _is_cjk(ch)
    return cjk / letters if letters else 0.0
