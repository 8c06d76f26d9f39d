"""Which embedding model reads a text: decided by its script, per text.

The bundled sentence-transformer (all-MiniLM-L6-v2) reads English, and Latin-script text passably;
Chinese, Japanese, Korean, Cyrillic, Arabic or Thai are noise to it. A text that is mostly in such a
script goes to the multilingual model (app/models/multilingual.py) instead. English text never does,
so every English ranking stays as it was.

"Mostly" is counted in units of meaning, not letters: a CJK character (or kana, or hangul syllable)
is one unit, a word of any alphabetic script is one unit. "Ridley Scott 风格的科幻片" is 6 CJK units
against 2 Latin words, so it is read by the multilingual model; counted in letters it would be 6
against 11, and MiniLM would get words it cannot read.
"""

from __future__ import annotations

import unicodedata

__all__ = ["MULTILINGUAL_SHARE", "non_latin_share", "reads_non_latin"]

MULTILINGUAL_SHARE = 0.5  # above this share of non-Latin units, a text is read by the multilingual model


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x20000 <= cp <= 0x2FA1F  # extensions B to F, compatibility supplement
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF  # katakana phonetic extensions
        or 0xAC00 <= cp <= 0xD7AF  # hangul syllables
        or 0x1100 <= cp <= 0x11FF  # hangul jamo
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
    )


def _script(ch: str) -> str:
    """'cjk', 'latin' or 'other' for a letter."""
    if _is_cjk(ch):
        return "cjk"
    if ch.isascii():
        return "latin"
    return "latin" if unicodedata.name(ch, "").startswith("LATIN") else "other"


def non_latin_share(text: str) -> float:
    """The share of a text's units (CJK characters, words of other scripts) that are not Latin."""
    latin = other = 0
    word = ""  # the script of the word being read ("" between words)
    for ch in text:
        if not ch.isalpha():
            word = ""
            continue
        script = _script(ch)
        if script == "cjk":
            other += 1
            word = ""
        elif script != word:
            latin += script == "latin"
            other += script == "other"
            word = script
    total = latin + other
    return other / total if total else 0.0


def reads_non_latin(text: str) -> bool:
    """Whether the multilingual model should read this text (English and other Latin-script text: no)."""
    return non_latin_share(text) > MULTILINGUAL_SHARE
