"""A grammar (llama.cpp's GBNF) for the model's clause, built from the evidence: the shapes of a
sentence that names what connects the item to the title in our prefix, with only the facts' own
words in them.

A 270M model asked for "another crime film about a heist" otherwise writes "a thriller about a serial
killer" or "another Pixar film" about as often as not, or a true sentence that says nothing ("another
action movie"). Under the grammar it still chooses which fact to say, which genres and themes, and in
what order, but it can only say one of: another film by the shared director, a later film of the
series, a film about a theme both share, or that people who loved the title loved this too. The
checker still reads every draft (true words can still make a false or clumsy sentence). Where the
evidence has none of these facts the template speaks and the model is not asked."""

from __future__ import annotations

from app.core.claims import PLAIN_WORDS, genre_words, kind_words, words_of
from app.core.explain.articles import after_the, article, counted, theme_form
from app.core.explain.evidence import WhyEvidence, about, prefix_for
from app.core.text import label_key

NOUNS = {"film": ("film", "movie"), "book": ("book", "novel", "story")}
MAX_GENRES = 2  # adjectives before the noun: "another crime thriller film" reads as a list beyond two
# A book of these is no "novel" or "story": "another novel" of Les Fleurs du Mal called poems a novel.
NOT_NOVELS = frozenset(label_key(g) for g in (
    "Poetry", "Plays", "Non-fiction", "Biography", "History", "Religion", "Philosophy", "Self-help", "Psychology",
    "Business", "Science", "Politics", "Travel", "Graphic novels", "Short stories", "Memoir", "Essays"))


GRAPHIC = label_key("Graphic novels")


def nouns_for(kind: str, *genre_lists: tuple[str, ...]) -> list[str]:
    """What the clause may call the item (and, after "another", the title in the prefix): a book is a
    "novel" or a "story" only if none of these genre lists says it is poems, a play, non-fiction or comics."""
    nouns = list(NOUNS.get(kind, ("one",)))
    if kind == "book" and any(label_key(g) in NOT_NOVELS for genres in genre_lists for g in genres):
        # "another graphic novel" where each of them is one ("another graphic novels book" read badly)
        comics = genre_lists and all(GRAPHIC in {label_key(g) for g in genres} for genres in genre_lists)
        return ["graphic novel", "book"] if comics else ["book"]
    return nouns


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_of(values: list[str]) -> str:
    return "(" + " | ".join(_literal(v) for v in values) + ")"


def _plain(values: list[str]) -> list[str]:
    """Values a grammar literal can hold as written: one line, no quote marks."""
    return sorted({v.strip() for v in values if v.strip() and "\n" not in v and '"' not in v})


# A tag that reads as a description rather than a subject ("thought-provoking", "based on a play or musical",
# "atmospheric") cannot follow "a film about".
_NOT_A_SUBJECT = frozenset("based on or of by for with from very".split())
_DESCRIBING = ("ing", "ed", "ive", "ous", "ful", "ic", "al", "ish", "less")
MAX_THEMES = 6


# Shelf names say what kind of book it is, not what it is about: "a book about childrens literature",
# "a novel about modern classics".
_SHELVES = frozenset("""literature lit classics classic fiction books novels stories reads favorites favourites winners
    authors collections essays cookbooks novellas retellings comics mangas sequels grades pleasures movies
    picturebooks""".split())


# Tags that name who made a thing: "a film about a disney" is not what a tag "disney" means.
_MAKERS = frozenset("disney pixar dreamworks marvel dc ghibli netflix hbo bbc ".split())


def _one_slip(a: str, b: str) -> bool:
    """One letter changed, added, dropped, or two neighbours swapped ("tolkein" for "tolkien")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i:i + 2][::-1] and a[i + 2:] == b[i + 2:])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _names_a_maker(word: str, makers: frozenset[str]) -> bool:
    """A maker's surname, or one misspelled as people tag ("tolkein"); short words only exactly."""
    if word in makers:
        return True
    return len(word) >= 6 and any(m[:1] == word[:1] and _one_slip(word, m) for m in makers)


def _themes(ev: WhyEvidence, makers: frozenset[str] = frozenset()) -> list[str]:
    """The shared tags and keywords a film can be about: not a genre by another name ("sci-fi",
    "musical"), a description ("thought-provoking"), a date ("20th century") or a maker ("tolkien")."""
    generic = PLAIN_WORDS | genre_words([*ev.genres, *ev.item_genres]) | set(kind_words(ev.kind))
    makers = _MAKERS | makers | {w for name in (*ev.creators, *(c for r in ev.reasons for c in r.creators))
                                 for w in words_of(name)}
    out = []
    for tag in ev.tags:
        words = words_of(tag)
        if not words or len(words) > 3 or set(words) & _NOT_A_SUBJECT or "-" in tag \
                or any(ch.isdigit() for ch in tag) or any(_names_a_maker(w, makers) for w in words):
            continue
        if words[-1].endswith(_DESCRIBING) or not any(w not in generic and len(w) > 2 for w in words):
            continue
        if words[-1] in _SHELVES or " ".join(words) in _FORMS or words[-1].endswith(_FORM_ENDINGS) \
                or (len(words) > 1 and words[-1] in _FORM_LAST):
            continue
        # A book's shelf named by one count noun is mostly a label (an award, a nationality, a format: "a
        # newbery", "an american", "a novella"); its subjects are plural or abstract ("dragons", "feminism").
        if ev.kind == "book" and counted(" ".join(words)):
            continue
        out.append(" ".join(words))
    return _plain(out)[:MAX_THEMES]


# What kind of film or book it is, not what it is about: "a film about an anime", "about a sequel".
_FORMS = frozenset("""anime animation sequel remake biography biopic spoof satire parody comedy horror fantasy adventure
    mockumentary slasher short cyberpunk mystery thriller drama musical documentary tragedy imax single funny
    gay lesbian lgbt japanese undercover children friends relationship narration reference trilogy francais
    lgbtqia""".split()) | {"sf masterworks", "cover love", "military sci fi", "sci fi"}
_FORM_ENDINGS = ("comedy", "horror", "film", "movie", "opera", "noir", "footage", "show", "series", "thriller")
# "erotic romance", "romantic suspense" name a kind; "romance" alone is a subject.
_FORM_LAST = frozenset({"romance", "suspense"})


def _theme_rules(themes: list[str], name: str = "theme") -> list[str]:
    """``theme``: one theme or two different ones, "a heist" or bare ("los angeles", "space")."""
    forms = {t: theme_form(t) for t in themes}
    one = [f for t in themes for f in forms[t]]
    two = [f"{a} and {b}" for t in themes for u in themes if t != u for a in forms[t] for b in forms[u]]
    return [f"{name} ::= {_one_of(sorted(one + two, key=lambda v: (-len(v), v)))}"]


def clause_grammar(ev: WhyEvidence, makers: frozenset[str] = frozenset()) -> str | None:
    """GBNF for the clause after ``prefix_for(ev)`` (it starts with a space and ends with a full stop), or
    None where the evidence names nothing specific about the title in the prefix. ``makers``: the catalogs'
    creators' surnames, never a theme (a tag "tolkien" on a film Peter Jackson made)."""
    if not ev.reasons or prefix_for(ev).startswith("Because of") or "asked for" in prefix_for(ev):
        return None
    top = ev.reasons[0].title
    creators = _plain([w for f in ev.facts if f.relation == "creator" and about(f) == top for w in f.words])
    series = _plain([w for f in ev.facts if f.relation in ("series", "sequel") and about(f) == top for w in f.words])
    coliked = any(f.relation == "coliked" and about(f) == top for f in ev.facts)
    themes = _themes(ev, makers)
    nouns = nouns_for(ev.kind, ev.item_genres, ev.reasons[0].genres)
    # A genre that is a noun is no adjective ("another graphic novels book"): it is the noun, where it is one.
    genres = _plain([g.casefold() for g in ev.genres if g.isascii() and label_key(g) != GRAPHIC])
    # "another crime film" says the title in the prefix is one too; "a crime film" only says what this is.
    theirs = {g.casefold() for g in ev.reasons[0].genres}
    shared = [g for g in genres if g in theirs]
    rules = [f"noun ::= {_one_of(nouns)}"]
    another = '"another " noun'
    if shared:
        rules.append(f"shared ::= {_one_of(shared)}")
        another = " ".join(['"another "', *['(shared " ")?'] * MAX_GENRES, "noun"])
    firsts = [f'"{article(nouns[0])} " noun']
    if genres:
        rules.append(f"genre ::= {_one_of(genres)}")
        firsts = [f'"{article(g)} {g} " (genre " ")? noun' for g in genres] + firsts
    rules.append(f"np ::= {another} | {' | '.join(firsts)}")
    rules.append(f"npa ::= {' | '.join(firsts)}")
    # "another ... about a heist" says the title in the prefix is about a heist too: only its own themes.
    ours = {label_key(t) for t in ev.reasons[0].tags}
    top_themes = [t for t in themes if label_key(t) in ours]
    shapes = []
    if themes:
        rules += _theme_rules(themes)
        shapes.append('"it is " npa " about " theme')
    if top_themes:
        rules += _theme_rules(top_themes, "ourtheme")
        shapes.append(f'"it is " {another} " about " ourtheme')
    if creators:
        rules.append(f"creator ::= {_one_of(creators)}")
        shapes.append('"it is " np " by " creator')
        if themes:
            shapes.append('"it is " npa " by " creator " about " theme')
        shapes.append('"it is another " creator " " noun' + (' (" about " ourtheme)?' if top_themes else ""))
    if series:  # the most specific fact there is: the only one said ("a film about elves" of The Return of the King)
        # Both shapes say "the <series> series": "The Kingkiller Chronicle" without its own "The" ("in the The
        # Kingkiller Chronicle series" was refused as a repeated word, and the template spoke instead).
        rules.append(f"series ::= {_one_of(_plain([after_the(s) for s in series]))}")
        sequel = any(f.relation == "sequel" and about(f) == top for f in ev.facts)
        shapes = ['"it continues the " series " series"'] if sequel else []  # a later part, maybe not the next
        shapes.append('"it is another " noun " in the " series " series"')
        return "\n".join([f'root ::= " " ({" | ".join(shapes)}) "."', *rules])
    if coliked:
        shapes.append('"it is " np " loved by the same people"')
        shapes.append('"the same people also loved this " noun' + (' (" about " theme)?' if themes else ""))
    if not shapes:
        return None
    return "\n".join([f'root ::= " " ({" | ".join(shapes)}) "."', *rules])
