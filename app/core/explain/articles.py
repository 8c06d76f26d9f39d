"""English articles before a theme: "about a heist", "about the future", "about space", "about italy".

The model writes "it is another film about " and a theme under a grammar (grammar.py); the theme comes
with the article English gives it, since a 270M model does not know that "princess" is one and "time
travel" is not.
"""

from __future__ import annotations

import re

__all__ = ["after_the", "article", "counted", "theme_form"]


def after_the(name: str) -> str:
    """"The Hunger Games" -> "Hunger Games", for "the Hunger Games series" (not "the The ...")."""
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def article(word: str) -> str:
    """"a" or "an" as the word is said: "a unicorn", "an hour", "an FBI agent"."""
    word = word.lower()
    if word.startswith(("eu", "uni", "use", "usu", "ufo", "one", "once")):
        return "a"
    if word.startswith(("hour", "honest", "honor", "honour", "heir")) or word.split()[:1] in (["fbi"], ["nsa"],
                                                                                            ["lsd"], ["hiv"], ["mi6"]):
        return "an"
    return "an" if word[:1] in "aeiou" else "a"


# Themes that take no article: mass and abstract nouns ("about space", "about psychology", not "a space").
_MASS = frozenset("""space love magic time war music food money revenge murder death crime violence family nature art
    history politics religion sex drugs friendship loneliness grief survival betrayal redemption justice
    freedom power greed jealousy hope faith science technology youth suspense sport blood gore adultery blackmail
    alcohol torture terror snow wealth slavery liberation prostitution cocaine marijuana gold depression travel
    evil poverty corruption addiction isolation deception seduction romance nudity chaos paranoia insanity amnesia
    abuse success immigration espionage dialogue suicide marriage education surveillance
    cancer television football baseball basketball boxing soccer tennis golf hockey chess poker""".split())
_ABSTRACT = ("logy", "ism", "ness", "ity", "ship", "dom", "nce", "ia", "hood")


# Themes that take "the": "about the future", "about the FBI", not "about a future".
_THE = frozenset("""future past fbi cia kgb military government army navy police mafia mob apocalypse holocaust usa
    supernatural paranormal occult afterlife internet media moon sea ocean wilderness world universe olympics
    renaissance bible""".split()) | {
    "cold war", "civil war", "vietnam war", "american civil war", "middle ages", "wild west", "great depression",
    "american dream", "french revolution", "white house", "usa president", "us president", "death penalty",
    "upper class"}


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
# Latin and Greek plurals: "about paranormal phenomena", not "a paranormal phenomena".
_PLURALS = frozenset("people police children men women phenomena criteria bacteria data media fungi cacti alumni"
                     " larvae".split())


def _plural(word: str) -> bool:
    return word in _PLURALS or word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def counted(theme: str) -> bool:
    """Can it take "a": its last word a count noun, not plural, mass or abstract, and no name or phrase
    ("a heist", "a serial killer", "a princess"; not "a time travel", "a saving the world", "an ii")."""
    words = theme.split()
    last = words[-1]
    if last in _COUNTABLE:
        return not _named(theme)
    if _named(theme) or last in _MASS or last.endswith(_ABSTRACT) or _plural(last) or len(last) < 3:
        return False
    return not {"the", "a", "an", "vs", "and", "in", "out"} & set(words)


def theme_form(theme: str) -> list[str]:
    """How a theme follows "about": "a heist", "the future", "space"."""
    if theme in _THE:
        return [f"the {theme}"]
    return [f"{article(theme)} {theme}"] if counted(theme) else [theme]
