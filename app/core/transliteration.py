"""How well a Western name written in Chinese characters ("史蒂文·斯皮尔伯格") sounds like a name in Latin
letters ("Steven Spielberg"): the characters read in pinyin (pypinyin) against the letters, by edit
distance (rapidfuzz). A weak signal, 0-100: "斯皮尔伯格" reads "sipierboge" (63 against "spielberg"), "沃卓斯基"
"wozhuosiji" (53 against "wachowski"). Used only to keep out of the recommendations a catalog film a Douban
row most likely is (app/services/matching.py), never to match one.

Only names with the interpunct "·" are transliterations; a Chinese or Japanese name ("宫崎骏") is read in
its own characters and sounds nothing like "Hayao Miyazaki".
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

__all__ = ["is_transliterated", "sounds_like"]

_DOTS = re.compile(r"[·•‧・]")
_LETTERS = re.compile(r"[^a-z]")


def is_transliterated(name: str) -> bool:
    return bool(_DOTS.search(name)) and any("\u4e00" <= ch <= "\u9fff" for ch in name)


@lru_cache(maxsize=4096)  # a row's director is compared with every film of its year
def _pinyin(part: str) -> str:
    from pypinyin import lazy_pinyin  # its dictionaries load on first use

    return _LETTERS.sub("", "".join(lazy_pinyin(part)).lower())


def sounds_like(chinese: str, latin: str) -> float:
    """0-100: the better of the surnames' and the whole names' likeness, read in pinyin and in letters."""
    if not is_transliterated(chinese):
        return 0.0
    ours = [p for p in (_pinyin(x) for x in _DOTS.split(chinese)) if p]
    theirs = [p for p in (_LETTERS.sub("", w.lower()) for w in latin.replace("-", " ").split()) if p]
    if not ours or not theirs:
        return 0.0
    return max(fuzz.ratio(ours[-1], theirs[-1]), fuzz.ratio("".join(ours), "".join(theirs)))
