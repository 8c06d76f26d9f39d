"""Which model reads a text: the multilingual one only for text mostly in a non-Latin script."""

from __future__ import annotations

import pytest

from app.core.scripts import non_latin_share, reads_non_latin


@pytest.mark.parametrize("text", [
    "关于抢劫和飞车追逐的电影", "温暖的爱情小说", "東京物語", "となりのトトロ", "기생충", "Война и мир",
    "Ridley Scott 风格的科幻片",  # 6 characters of meaning against 2 words: Chinese
    "三体 book", "The Matrix 黑客帝国",
])
def test_mostly_non_latin_text_goes_to_the_multilingual_model(text: str) -> None:
    assert reads_non_latin(text)


@pytest.mark.parametrize("text", [
    "heist film with car chases", "dark science fiction with a twist", "Amélie (Le Fabuleux Destin d'Amélie Poulain)",
    "Der Himmel über Berlin", "The Lord of the Rings: The Fellowship of the Ring 魔戒", "", "1999", "!!!",
])
def test_english_and_latin_text_stays_with_the_english_model(text: str) -> None:
    assert not reads_non_latin(text)


def test_the_share_counts_characters_of_cjk_and_words_of_other_scripts() -> None:
    assert non_latin_share("科幻片") == 1.0
    assert non_latin_share("sci-fi 科幻") == pytest.approx(2 / 4)  # "sci", "fi", and two characters
    assert non_latin_share("Война and peace") == pytest.approx(1 / 3)
    assert non_latin_share("") == 0.0
