"""The kind of work a request names in its words: "a heist film", "关于友谊的小说", "烧脑科幻片".

A person who asks for a film with "both kinds" shown was given books too ("温馨的家庭电影" listed Love You
Forever, a picture book, second). A request that names one kind and not the other lists that kind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["kind_named", "without_kind_words"]

_FILM = re.compile(
    r"\b(?:films?|movies?|cinema|documentar(?:y|ies)|(?:something|anything) to watch)\b"
    r"|电影|影片|片子|动画片|纪录片|喜剧|(?<=[\u4e00-\u9fff])片(?![\u4e00-\u9fff])",
    re.IGNORECASE,
)
_BOOK = re.compile(
    r"\b(?:books?|novels?|novellas?|memoirs?|biograph(?:y|ies)|poetry|poems|comics?|manga|graphic novels?"
    r"|(?:something|anything) to read)\b"
    r"|书|小说|图书|读物|散文|诗集|漫画|传记",
    re.IGNORECASE,
)


def kind_named(texts: Sequence[str]) -> str | None:
    """"film" or "book" when the texts name that kind of work and not the other, else None."""
    film = any(_FILM.search(t) for t in texts)
    book = any(_BOOK.search(t) for t in texts)
    if film == book:
        return None
    return "film" if film else "book"


def without_kind_words(text: str) -> str:
    """The text without the words that name a kind of work ("a horror movie" gives "a horror ")."""
    return _BOOK.sub(" ", _FILM.sub(" ", text))
