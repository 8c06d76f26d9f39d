from __future__ import annotations

from app.lab.movielens import display_title, parse_movielens_title


def test_titles_with_articles_alternates_and_years() -> None:
    assert parse_movielens_title("Matrix, The (1999)") == ("The Matrix", 1999, ())
    assert parse_movielens_title("Seven (a.k.a. Se7en) (1995)") == ("Seven", 1995, ("Se7en",))
    assert parse_movielens_title("City of Lost Children, The (Cité des enfants perdus, La) (1995)") == (
        "The City of Lost Children", 1995, ("La Cité des enfants perdus",))
    assert parse_movielens_title("Babylon 5") == ("Babylon 5", None, ())
    assert parse_movielens_title("From Dusk Till Dawn 2: Texas Blood Money (1999) ") == (
        "From Dusk Till Dawn 2: Texas Blood Money", 1999, ())


def test_display_title_moves_the_article_back() -> None:
    assert display_title("Postino, Il") == "Il Postino"
    assert display_title("Sound of Music, The") == "The Sound of Music"
    assert display_title("Dr. Strangelove") == "Dr. Strangelove"
