"""Books about books read (plays, screenplays, companions, guides, summaries) and device manuals are
not recommendations; omnibus editions and books that merely share a word are left alone."""

from __future__ import annotations

from app.core.companions import companions_of, is_companion_title, read_keys

CATALOG = [
    (1, "Mort: The Play"),
    (2, "Kindle User's Guide"),
    (3, "The Hunger Games: Official Illustrated Movie Companion"),
    (4, "BookRags Summary: A Storm of Swords"),
    (5, "The Ultimate Hitchhiker's Guide to the Galaxy"),
    (6, "Don't Panic: The Official Hitchhiker's Guide to the Galaxy Companion"),
    (7, "Fantastic Beasts and Where to Find Them: The Original Screenplay"),
    (8, "The Art of Racing in the Rain"),
    (9, "The World of the Hunger Games (Hunger Games Trilogy)"),
    (10, "Kindle Paperwhite User's Guide"),
]


def _excluded(*read: str) -> set[int]:
    candidates = [(i, t) for i, t in CATALOG if is_companion_title(t)]
    return set(companions_of(candidates, read_keys(read)))


def test_the_play_companion_summary_and_screenplay_of_a_book_read_are_left_out() -> None:
    assert _excluded("Mort (Discworld, #4)") == {1, 2, 10}
    assert _excluded("The Hunger Games (The Hunger Games, #1)") == {2, 3, 9, 10}
    assert _excluded("A Storm of Swords (A Song of Ice and Fire, #3)") == {2, 4, 10}
    assert _excluded("Fantastic Beasts and Where to Find Them") == {2, 7, 10}


def test_an_omnibus_and_a_shared_word_are_not_companions() -> None:
    # The omnibus is the book read, not a guide to it; the companion is.
    assert _excluded("The Hitchhiker's Guide to the Galaxy (Hitchhiker's Guide to the Galaxy, #1)") == {2, 6, 10}
    # "The Art of Racing in the Rain" is a novel, whoever read "The Art of War".
    assert 8 not in _excluded("The Art of War")
    # Only device manuals go for someone who read nothing related.
    assert _excluded("Dune") == {2, 10}
    # A title too short to judge by names nothing.
    assert _excluded("It") == {2, 10}
