"""A model's sentence is shown only if it names what connects the item to the history: a creator, the
series, a keyword both share, or the people who loved both. "A similar feel" and "a good family film"
are true and say nothing."""

from __future__ import annotations

from app.core import explain as ex
from app.core.explain import Fact
from tests.core.test_claims import JEDI, PULP, evidence

HEAT = evidence("Heat", 1995, "film", "Collateral", 2004,
                Fact("creator", "the same director as \"Collateral\": Michael Mann", ("Michael Mann",)),
                Fact("tags", "shared themes: heist, los angeles"),  # as evidence_from writes it: words in tags
                Fact("genres", "shared genres: crime, thriller"), genres=("Crime", "Thriller"),
                creators=("Michael Mann",), tags=("heist", "los angeles"))


def _said(ev: ex.WhyEvidence, clause: str) -> bool:
    return ex.specific(f"{ex.prefix_for(ev)} {clause}", ev)


def test_a_creator_a_keyword_a_series_or_the_people_who_loved_both_is_specific() -> None:
    assert _said(HEAT, "it is another Michael Mann crime film.")
    assert _said(HEAT, "it is a heist thriller set in Los Angeles.")
    assert _said(JEDI, "it continues the Star Wars saga.")
    assert _said(PULP, "people who loved it also loved this one.")


def test_a_genre_and_a_feel_are_not() -> None:
    assert not _said(HEAT, "it is another crime film with a similar feel.")
    assert not _said(PULP, "it is a gripping crime thriller.")
    assert not _said(JEDI, "it is a great film.")


def test_a_shared_tag_that_is_a_genre_by_another_name_is_not_specific() -> None:
    ev = evidence("Aliens", 1986, "film", "Alien", 1979, Fact("genres", "shared genres: action, horror"),
                  Fact("tags", "shared themes: action, space marine"), genres=("Action", "Horror"),
                  tags=("action", "space marine"))
    assert not _said(ev, "it is another action movie.")
    assert _said(ev, "it is another horror film about space marines.")
