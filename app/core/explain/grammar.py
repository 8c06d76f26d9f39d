"""A grammar (llama.cpp's GBNF) for the model's clause, built from the evidence: the shapes of a
sentence that names what connects the item to the title in our prefix, with only the facts' own
words in them.

A 270M model asked for "another crime film about a heist" otherwise writes "a thriller about a serial
killer" or "another Pixar film" about as often as not, or a true sentence that says nothing ("another
action movie"). Under the grammar it still chooses which fact to say, which genres and themes, and in
what order, but it can only say one of: another film by the shared director, the next film of the
series, a film about a theme both share, or that people who loved the title loved this too. The
checker still reads every draft (true words can still make a false or clumsy sentence). Where the
evidence has none of these facts the template speaks and the model is not asked."""

from __future__ import annotations

from app.core.claims import PLAIN_WORDS, genre_words, kind_words, words_of
from app.core.explain.evidence import WhyEvidence, about, prefix_for
from app.core.text import label_key

NOUNS = {"film": ("film", "movie"), "book": ("book", "novel", "story")}
MAX_GENRES = 2  # adjectives before the noun: "another crime thriller film" reads as a list beyond two
# A book of these is no "novel" or "story": "another novel" of Les Fleurs du Mal called poems a novel.
NOT_NOVELS = frozenset(label_key(g) for g in (
    "Poetry", "Plays", "Non-fiction", "Biography", "History", "Religion", "Philosophy", "Self-help", "Psychology",
    "Business", "Science", "Politics", "Travel", "Graphic novels", "Short stories", "Memoir", "Essays"))


def nouns_for(kind: str, *genre_lists: tuple[str, ...]) -> list[str]:
    """What the clause may call the item (and, after "another", the title in the prefix): a book is a
    "novel" or a "story" only if none of these genre lists says it is poems, a play, non-fiction or comics."""
    nouns = list(NOUNS.get(kind, ("one",)))
    if kind == "book" and any(label_key(g) in NOT_NOVELS for genres in genre_lists for g in genres):
        return ["book"]
    return nouns


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _one_of(values: list[str]) -> str:
    return "(" + " | ".join(_literal(v) for v in values) + ")"


def _article(word: str) -> str:
    """"a" or "an" as the word is said: "a unicorn", "an hour", "an FBI agent"."""
    word = word.lower()
    if word.startswith(("eu", "uni", "use", "usu", "ufo", "one", "once")):
        return "a"
    if word.startswith(("hour", "honest", "honor", "honour", "heir")) or word.split()[:1] in (["fbi"], ["nsa"],
                                                                                            ["lsd"], ["hiv"], ["mi6"]):
        return "an"
    return "an" if word[:1] in "aeiou" else "a"


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
        if ev.kind == "book" and _counted(" ".join(words)):
            continue
        out.append(" ".join(words))
    return _plain(out)[:MAX_THEMES]


# Themes that take no article: mass and abstract nouns ("about space", "about psychology", not "a space").
_MASS = frozenset("""space love magic time war music food money revenge murder death crime violence family nature art
    history politics religion sex drugs friendship loneliness grief survival betrayal redemption justice
    freedom power greed jealousy hope faith science technology youth suspense sport blood gore adultery blackmail
    alcohol torture terror snow wealth slavery liberation prostitution cocaine marijuana gold depression travel evil poverty
    corruption addiction isolation deception seduction romance nudity chaos paranoia insanity amnesia abuse success
    cancer television football baseball basketball boxing soccer tennis golf hockey chess poker""".split())
_ABSTRACT = ("logy", "ism", "ness", "ity", "ship", "dom", "nce", "ia", "hood")


# Themes that take "the": "about the future", "about the FBI", not "about a future".
_THE = frozenset("""future past fbi cia kgb military government army navy police mafia mob apocalypse holocaust usa
    supernatural paranormal occult afterlife internet media moon sea ocean wilderness world universe olympics
    renaissance bible""".split()) | {"cold war", "civil war", "vietnam war", "american civil war", "middle ages", "wild west",
                               "great depression", "american dream", "french revolution", "white house",
                               "usa president", "us president", "death penalty", "upper class"}


# What kind of film or book it is, not what it is about: "a film about an anime", "about a sequel".
_FORMS = frozenset("""anime animation sequel remake biography biopic spoof satire parody comedy horror fantasy adventure
    mockumentary slasher short cyberpunk mystery thriller drama musical documentary tragedy imax single funny
    gay lesbian lgbt japanese undercover children friends relationship narration reference trilogy francais
    lgbtqia""".split()) | {"sf masterworks", "cover love", "military sci fi", "sci fi"}
_FORM_ENDINGS = ("comedy", "horror", "film", "movie", "opera", "noir", "footage", "show", "series", "thriller")
_FORM_LAST = frozenset({"romance", "suspense"})  # "erotic romance", "romantic suspense": a kind; "romance" alone a subject


# Names take no article either ("a film about italy", not "an italy"): countries, regions, states and
# holidays as keywords name them, and the cities of the time zone database (Python's own list).
_NAMES = frozenset("""africa america antarctica arctic asia europe afghanistan algeria argentina australia austria
    belgium bolivia brazil britain bulgaria cambodia canada chile china colombia congo croatia cuba czechoslovakia
    denmark egypt england ethiopia finland france germany greece haiti hungary iceland india indonesia iran iraq
    ireland israel italy jamaica japan kenya korea lebanon libya mexico mongolia morocco nepal netherlands nigeria
    norway pakistan palestine panama peru philippines poland portugal romania russia rwanda scotland serbia
    somalia spain sudan sweden switzerland syria taiwan thailand tibet turkey uganda ukraine usa ussr venezuela
    vietnam wales yugoslavia alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont virginia washington wisconsin wyoming hollywood manhattan brooklyn harlem london venice naples
    boston miami seattle beijing shanghai tokyo kyoto
    christmas halloween thanksgiving easter""".split()) | {"san francisco", "new orleans", "las vegas", "hong kong"}


def _places() -> frozenset[str]:
    try:
        import zoneinfo

        zones = [z.split("/") for z in zoneinfo.available_timezones()]
    except Exception:  # noqa: BLE001 - no time zone data (a frozen app without tzdata): the list above alone
        return frozenset()
    # "Europe/Rome", "Asia/Tokyo": region and city only ("America/North_Dakota/Center", "Antarctica/Troll" and
    # "US/Mountain" name no city).
    regions = {"Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"}
    words = {"north", "south", "east", "west", "act", "nsw", "lhi", "oral", "victoria", "wake"}  # no city
    return frozenset(z[1].replace("_", " ").casefold() for z in zones if len(z) == 2 and z[0] in regions) - words


_PLACES = _places()


def _named(theme: str) -> bool:
    """A name, or a phrase with one in it ("new york city", "london england", "southern usa")."""
    words = theme.split()
    spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return bool(spans & (_NAMES | _PLACES))


# Nouns that end like an abstract or a plural one and are not ("a spaceship", "a prince", "a crisis").
_COUNTABLE = frozenset("ship spaceship starship airship battleship warship prince".split())
_PLURALS = frozenset("people police children men women".split())


def _plural(word: str) -> bool:
    return word in _PLURALS or word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def _counted(theme: str) -> bool:
    """Can it take "a": its last word a count noun, not plural, mass or abstract, and no name or phrase
    ("a heist", "a serial killer", "a princess"; not "a time travel", "a saving the world", "an ii")."""
    words = theme.split()
    last = words[-1]
    if last in _COUNTABLE:
        return not _named(theme)
    if _named(theme) or last in _MASS or last.endswith(_ABSTRACT) or _plural(last) or len(last) < 3:
        return False
    return not {"the", "a", "an", "vs", "and", "in", "out"} & set(words)


def _form(theme: str) -> list[str]:
    """How a theme follows "about": "a heist", "the future", "space"."""
    if theme in _THE:
        return [f"the {theme}"]
    return [f"{_article(theme)} {theme}"] if _counted(theme) else [theme]


def _theme_rules(themes: list[str]) -> list[str]:
    """``theme``: one theme or two different ones, "a heist" or bare ("los angeles", "space")."""
    forms = {t: _form(t) for t in themes}
    one = [f for t in themes for f in forms[t]]
    two = [f"{a} and {b}" for t in themes for u in themes if t != u for a in forms[t] for b in forms[u]]
    return [f"theme ::= {_one_of(sorted(one + two, key=lambda v: (-len(v), v)))}"]


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
    genres = _plain([g.casefold() for g in ev.genres if g.isascii()])
    # "another crime film" says the title in the prefix is one too; "a crime film" only says what this is.
    theirs = {g.casefold() for g in ev.reasons[0].genres}
    shared = [g for g in genres if g in theirs]
    rules = [f"noun ::= {_one_of(nouns)}"]
    another = '"another " noun'
    if shared:
        rules.append(f"shared ::= {_one_of(shared)}")
        another = " ".join(['"another "', *['(shared " ")?'] * MAX_GENRES, "noun"])
    firsts = [f'"{_article(nouns[0])} " noun']
    if genres:
        rules.append(f"genre ::= {_one_of(genres)}")
        firsts = [f'"{_article(g)} {g} " (genre " ")? noun' for g in genres] + firsts
    rules.append(f"np ::= {another} | {' | '.join(firsts)}")
    shapes = []
    if themes:
        rules += _theme_rules(themes)
        shapes.append('"it is " np " about " theme')
    if creators:
        rules.append(f"creator ::= {_one_of(creators)}")
        shapes.append('"it is " np " by " creator (" about " theme)?' if themes else '"it is " np " by " creator')
        shapes.append('"it is another " creator " " noun' + (' (" about " theme)?' if themes else ""))
    if series:  # the most specific fact there is: the only one said ("a film about elves" of The Return of the King)
        rules.append(f"series ::= {_one_of(series)}")
        sequel = any(f.relation == "sequel" and about(f) == top for f in ev.facts)
        shapes = ['"it is the next " series " " noun'] if sequel else []
        shapes.append('"it is another " noun " in the " series " series"')
        return "\n".join([f'root ::= " " ({" | ".join(shapes)}) "."', *rules])
    if coliked:
        shapes.append('"it is " np " loved by the same people"')
        shapes.append('"the same people also loved this " noun' + (' (" about " theme)?' if themes else ""))
    if not shapes:
        return None
    return "\n".join([f'root ::= " " ({" | ".join(shapes)}) "."', *rules])
