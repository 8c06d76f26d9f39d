"""A Western name in Chinese characters against one in Latin letters, read in pinyin."""

from __future__ import annotations

from app.core.transliteration import is_transliterated, sounds_like


def test_names_that_sound_alike_score_above_those_that_do_not() -> None:
    assert sounds_like("彼得·威尔", "Peter Weir") >= 85
    assert sounds_like("丹尼·博伊尔", "Danny Boyle") >= 70
    assert sounds_like("史蒂文·斯皮尔伯格", "Steven Spielberg") > sounds_like("史蒂文·斯皮尔伯格", "Ridley Scott") + 20
    assert sounds_like("莉莉·沃卓斯基", "Lilly Wachowski") > sounds_like("莉莉·沃卓斯基", "Peter Weir")


def test_only_transliterated_names_are_compared() -> None:
    # A name read in its own characters sounds nothing like its romanisation.
    assert not is_transliterated("宫崎骏") and sounds_like("宫崎骏", "Hayao Miyazaki") == 0.0
    assert not is_transliterated("Peter Weir") and sounds_like("Peter Weir", "Peter Weir") == 0.0
    assert is_transliterated("马丁·斯科塞斯")
