from __future__ import annotations

from app.core.text import (
    cjk_share,
    clean_text,
    item_text,
    latin_lookalikes,
    normalize_title,
    split_title_year,
    text_hash,
)
from app.core.types import Item


def test_clean_text_strips_html_entities_and_space() -> None:
    assert clean_text("Great<br/>book &amp; <b>fun</b>\n\n  read\x00") == "Great book & fun read"
    assert clean_text(None) == ""


def test_item_text_has_every_part_and_no_html() -> None:
    item = Item(title="Dune", year=1965, creators=("Frank Herbert",), genres=("Science Fiction",),
                tags=("desert", "spice"), description="<p>A boy &amp; a desert planet.</p>")
    text = item_text(item)
    assert text == ("Dune (1965) By Frank Herbert. Genres: Science Fiction. Tags: desert, spice. "
                    "A boy & a desert planet.")
    assert text_hash(text) == text_hash(text) != text_hash(text + " ")


def test_titles_normalise_articles_case_accents_punctuation() -> None:
    assert normalize_title("Matrix, The") == normalize_title("The Matrix") == "matrix"
    assert normalize_title("Amélie!") == "amelie"
    assert normalize_title("Postino, Il") == "postino"
    assert normalize_title("A Beautiful Mind") == "beautiful mind"


def test_split_title_year() -> None:
    assert split_title_year("The Matrix (1999)") == ("The Matrix", 1999)
    assert split_title_year("Babylon 5") == ("Babylon 5", None)
    assert split_title_year("1984") == ("1984", None)


def test_cjk_share_counts_letters_only() -> None:
    assert cjk_share(["星际穿越是一部科幻电影"]) == 1.0
    assert cjk_share(["Interstellar (2014)"]) == 0.0
    assert cjk_share(["三体 book"]) == 2 / 6


def test_genres_in_chinese_keep_comedy_apart_from_humour() -> None:
    from app.core.zh import genre_zh

    # label_key makes Comedy and Humor one key (for matching); a comedy film is still 喜剧 to a reader.
    assert [genre_zh(g) for g in ("Comedy", "Humor", "humour", "Sci-Fi", "Film-Noir")] == \
        ["喜剧", "幽默", "幽默", "科幻", "黑色"]


def test_look_alike_letters_inside_latin_words_read_as_latin() -> None:
    assert latin_lookalikes("Εast of Εden") == "East of Eden"
    assert latin_lookalikes("John Ѕteіnbeck") == "John Steinbeck"
    assert latin_lookalikes("Братья Карамазовы") == "Братья Карамазовы"  # a Russian title stays Russian
    assert latin_lookalikes("Ο Άρχων") == "Ο Άρχων"
