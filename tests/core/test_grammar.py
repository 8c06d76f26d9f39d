"""The grammar the model writes under (app/core/explain/grammar.py): parsed by llama.cpp itself, built
only from the evidence, and absent where the evidence names nothing specific."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.core.explain import Fact, Reason, WhyEvidence, clause_grammar

HEAT = Reason("Heat", 1995, 1.0, 1.0, 0.0, creators=("Michael Mann",), genres=("Action", "Crime", "Thriller"))


def _collateral(**changes) -> WhyEvidence:
    fields = dict(item_id=1, title="Collateral", year=2004, kind="film", reasons=(HEAT,),
                  genres=("Comedy", "Crime"), tags=("hitman", "los angeles", "thought-provoking", "20th century",
                                                     "based on a play or musical", "mann", "disney", "crime"),
                  creators=("Michael Mann",),
                  facts=(Fact("creator", 'by Michael Mann, like "Heat"', ("Michael Mann",)),
                         Fact("coliked", 'people who watched and loved "Heat" also loved it')))
    fields.update(changes)
    return WhyEvidence(**fields)


def _alternatives(grammar: str, rule: str) -> set[str]:
    line = next(x for x in grammar.splitlines() if x.startswith(f"{rule} ::="))
    return set(re.findall(r'"((?:[^"\\]|\\.)*)"', line))


def test_llama_cpp_reads_the_grammar_even_with_quotes_in_names() -> None:
    llama_cpp = pytest.importorskip("llama_cpp")
    odd = Reason('The "Quoted" \\ One', 2001, 1.0, 1.0, 0.0, creators=('Jo "JJ" Doe',), genres=("Drama",))
    for ev in (_collateral(), _collateral(reasons=(odd,), facts=(
            Fact("creator", 'by Jo "JJ" Doe, like "x"', ('Jo "JJ" Doe',)),
            Fact("series", 'in the same series as "The Quoted One": Quoted', ("Quoted",))))):
        grammar = clause_grammar(ev)
        assert grammar is not None
        llama_cpp.LlamaGrammar.from_string(grammar, verbose=False)


def test_only_the_facts_words_and_shapes_that_name_something() -> None:
    grammar = clause_grammar(_collateral())
    assert grammar is not None
    # Themes: subjects only, "a" where it counts; not a description, a date, a maker or a genre.
    assert _alternatives(grammar, "theme") >= {"a hitman", "los angeles", "a hitman and los angeles"}
    said = " ".join(_alternatives(grammar, "theme"))
    for word in ("provoking", "century", "based", "mann", "disney", "crime"):
        assert word not in said
    # "another crime film" only with a genre Heat has too: Collateral's "comedy" may not follow "another".
    assert _alternatives(grammar, "shared") == {"crime"}
    assert "a comedy " in _alternatives(grammar, "np")
    assert _alternatives(grammar, "creator") == {"Michael Mann"}
    assert "loved by the same people" in grammar  # the co-liked fact's shape


def test_no_grammar_and_no_model_where_nothing_specific_is_known() -> None:
    vague = _collateral(tags=("thought-provoking",), facts=(Fact("genres", "shared genres: crime"),))
    assert clause_grammar(vague) is None
    # A creator of another reason than the one in the prefix does not count for it.
    other = _collateral(tags=(), facts=(Fact("creator", 'by Michael Mann, like "Thief"', ("Michael Mann",)),))
    assert clause_grammar(other) is None


def test_a_tag_that_names_a_maker_is_no_theme() -> None:
    """"it is a film about a tolkien": a tag naming a creator of the catalogs is not what a film is about."""
    ev = _collateral(tags=("tolkien", "hitman"))
    assert "a tolkien" in _alternatives(clause_grammar(ev), "theme")
    assert _alternatives(clause_grammar(ev, frozenset({"tolkien"})), "theme") == {"a hitman"}
    misspelt = _collateral(tags=("tolkein", "hitman", "heist"))  # as a MovieLens tag has it
    assert _alternatives(clause_grammar(misspelt, frozenset({"tolkien", "heisz"})), "theme") >= {"a hitman", "a heist"}
    assert "a tolkein" not in _alternatives(clause_grammar(misspelt, frozenset({"tolkien"})), "theme")


def test_poems_and_non_fiction_are_books_not_novels() -> None:
    """The model wrote "Because you enjoyed Les Fleurs du Mal, it is another novel loved by the same people."
    of L'Écume des jours: Baudelaire's poems are no novel."""
    fleurs = Reason("Les Fleurs du Mal", 1857, 1.0, 0.0, 1.0, creators=("Charles Baudelaire",), genres=("Poetry",))
    coliked = (Fact("coliked", 'people who read and loved "Les Fleurs du Mal" also loved it'),)
    ecume = WhyEvidence(item_id=1, title="L'Écume des jours", year=1947, kind="book", reasons=(fleurs,),
                        item_genres=("Fiction", "Classics"), facts=coliked)
    grammar = clause_grammar(ecume)
    assert grammar is not None and _alternatives(grammar, "noun") == {"book"}
    novel = Reason("The Stranger", 1942, 1.0, 0.0, 1.0, creators=("Albert Camus",), genres=("Classics",))
    grammar = clause_grammar(WhyEvidence(item_id=1, title="L'Écume des jours", year=1947, kind="book",
                                         reasons=(novel,), item_genres=("Classics",), facts=(
        Fact("coliked", 'people who read and loved "The Stranger" also loved it'),)))
    assert grammar is not None and _alternatives(grammar, "noun") == {"book", "novel", "story"}


def test_a_graphic_novel_is_a_noun_not_an_adjective() -> None:
    """"Because you enjoyed V for Vendetta, it is another graphic novels book loved by the same people.": of two
    graphic novels, "another graphic novel"; of a novel after one, a "book" and no "graphic novels" before it."""
    from app.core.explain import template_text

    vendetta = Reason("V for Vendetta", 1988, 1.0, 0.0, 1.0, genres=("Graphic novels", "Dystopian"))
    coliked = (Fact("coliked", 'people who read and loved "V for Vendetta" also loved it'),)
    watchmen = WhyEvidence(item_id=1, title="Watchmen", year=1987, kind="book", reasons=(vendetta,),
                           genres=("Graphic novels",), item_genres=("Graphic novels",), facts=coliked)
    grammar = clause_grammar(watchmen)
    assert grammar is not None and _alternatives(grammar, "noun") == {"graphic novel", "book"}
    assert "graphic novels" not in grammar
    assert template_text(watchmen) == ("Because you loved V for Vendetta, you may like this graphic novel: readers"
                                       " who loved that one loved this one too.")
    novel = replace(watchmen, title="1984", genres=("Dystopian",), item_genres=("Classics", "Dystopian"))
    grammar = clause_grammar(novel)
    assert grammar is not None and _alternatives(grammar, "noun") == {"book"}


def test_a_place_takes_no_article() -> None:
    """"Because you loved Fargo, it is another drama film about an italy." (seen on a Letterboxd export)."""
    grammar = clause_grammar(_collateral(tags=("italy", "paris", "hitman", "christmas")))
    assert grammar is not None
    themes = _alternatives(grammar, "theme")
    assert {"italy", "paris", "christmas", "a hitman"} <= themes
    assert not {"an italy", "a paris", "a christmas"} & themes


def test_a_shelf_name_is_no_theme_and_childhood_takes_no_article() -> None:
    """"it is another book about childrens literature", "about a childhood" (the explanation benchmark)."""
    tags = ("childrens literature", "modern classics", "childhood", "youth", "hitman")
    grammar = clause_grammar(_collateral(tags=tags))
    assert grammar is not None
    themes = _alternatives(grammar, "theme")
    assert {"childhood", "youth"} <= themes and not {"a childhood", "a youth"} & themes
    assert not any("literature" in t or "classics" in t for t in themes)


def test_themes_take_the_article_english_gives_them() -> None:
    """Seen on a hand-made history of Ghibli films: "it is another film about an anime", "about air pirate",
    "a fantasy film about princess"."""
    tags = ("anime", "air pirate", "princess", "future", "time travel", "new york city", "serial killer")
    grammar = clause_grammar(_collateral(tags=tags))
    assert grammar is not None
    themes = _alternatives(grammar, "theme")
    assert {"an air pirate", "a princess", "the future", "time travel", "new york city", "a serial killer"} <= themes
    # A Latin plural: "another horror film about a paranormal phenomena" (a hand-made horror history).
    grammar = clause_grammar(_collateral(tags=("paranormal phenomena", "hitman")))
    assert grammar is not None and "paranormal phenomena" in _alternatives(grammar, "theme")
    assert "a paranormal phenomena" not in _alternatives(grammar, "theme")
    # Mass nouns: "another romance film about a dialogue" (Before Sunset).
    grammar = clause_grammar(_collateral(tags=("dialogue", "espionage", "immigration", "hitman")))
    assert grammar is not None
    themes = _alternatives(grammar, "theme")
    assert {"dialogue", "espionage", "immigration", "a hitman"} <= themes
    assert not {"a dialogue", "an espionage", "an immigration"} & themes
    assert not any("anime" in t for t in themes)
    assert not {"air pirate", "princess", "a future", "a time travel", "a new york city"} & themes


def test_a_book_shelf_named_by_one_count_noun_is_no_theme() -> None:
    """goodbooks shelves "newbery", "canadian", "novella" are labels; "dragons" and "feminism" are subjects."""
    tags = ("newbery", "canadian", "novella", "dragons", "feminism", "regency romance")
    grammar = clause_grammar(_collateral(kind="book", tags=tags))
    assert grammar is not None
    assert _alternatives(grammar, "theme") >= {"dragons", "feminism"}
    labels = {"newbery", "canadian", "novella", "romance"}
    assert not {t for t in _alternatives(grammar, "theme") if labels & set(t.split())}


def test_the_series_is_what_a_sequel_is_explained_by() -> None:
    """"Because you enjoyed The Fellowship of the Ring, it is a film about elves" (The Return of the King,
    a Letterboxd export): with the series known, the clause names it, and "continues" only for a later part."""
    fellowship = Reason("The Lord of the Rings: The Fellowship of the Ring", 2001, 1.0, 0.5, 0.5,
                        genres=("Adventure", "Fantasy"))
    series = Fact("series", 'in the same series as "The Lord of the Rings: The Fellowship of the Ring": The Lord'
                  ' of the Rings', ("The Lord of the Rings",))
    sequel = Fact("sequel", 'it came after "The Lord of the Rings: The Fellowship of the Ring" in that series')
    ev = _collateral(title="The Lord of the Rings: The Return of the King", reasons=(fellowship,),
                     genres=("Adventure", "Fantasy"), tags=("elves", "hobbit"), creators=("Peter Jackson",),
                     facts=(series, sequel))
    grammar = clause_grammar(ev)
    assert grammar is not None
    root = next(x for x in grammar.splitlines() if x.startswith("root ::="))
    assert _alternatives(grammar, "series") == {"Lord of the Rings"}  # "the Lord of the Rings series", one "the"
    # "continues", never "the next": The Two Towers may be unseen.
    assert "continues" in root and "the next" not in root and "about" not in root and "loved" not in root
    grammar = clause_grammar(replace(ev, facts=(series,)))
    assert grammar is not None and "continues" not in next(x for x in grammar.splitlines() if x.startswith("root"))
    llama_cpp = pytest.importorskip("llama_cpp")
    llama_cpp.LlamaGrammar.from_string(grammar, verbose=False)  # its unused rules (themes, creator) are no error
