"""What a shelf or status name means: read, reading, saved for later, did not finish, not
interested, or (when the name does not say) merely shelved.

Goodreads lets people make their own exclusive shelves ("owned-to-read", "dnf",
"not-interested-for-now", "literature", "leídos"); StoryGraph and generic CSVs have
status columns. Names are read by keywords in English and the common European languages.
"""

from __future__ import annotations

import re
import unicodedata

from app.core.errors import InputError

__all__ = ["MEANINGS", "classify", "parse_shelf_map", "shelf_key"]

# What an entry can be, in the words the CLI accepts for --shelf NAME=MEANING.
MEANINGS = ("read", "reading", "saved", "dnf", "not-interested", "shelved", "skip")

# Checked in this order: "not interested" before "interested", "to read" before "read".
_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("not-interested", (
        "not interested", "not for me", "no interest", "uninterested", "never", "nope", "no thanks",
        "no me interesa", "no interesa", "sin interes", "pas interesse", "pas pour moi", "kein interesse",
        "nicht interessiert", "non interessato", "non mi interessa", "nao interessa", "sem interesse",
        "geen interesse", "niet interessant",
    )),
    ("dnf", (
        "did not finish", "didnt finish", "dnf", "abandoned", "abandon", "gave up", "give up", "unfinished",
        "not finished", "never finished", "couldnt finish", "stopped reading", "quit",
        "abandonado", "abandonados", "abandonada", "no terminado", "sin terminar", "no acabado", "dejado",
        "abandonne", "abandonnes", "pas fini", "abgebrochen", "nicht beendet", "nicht fertig",
        "abbandonato", "abbandonati", "non finito", "nao terminado", "nao terminei", "niet uitgelezen",
        "gestopt",
    )),
    ("saved", (
        "to read", "tbr", "want to read", "want to watch", "to watch", "watchlist", "wishlist", "wish list",
        "wants", "want", "someday", "some day", "later", "up next", "next", "to buy", "maybe",
        "por leer", "pendiente", "pendientes", "quiero leer", "para leer", "a leer", "por ver",
        "a lire", "envie de lire", "pal", "zu lesen", "will lesen", "wunschliste", "sub",
        "da leggere", "voglio leggere", "para ler", "quero ler", "a ler", "wil lezen", "te lezen",
        "leeslijst",
    )),
    ("reading", (
        "currently reading", "reading", "now reading", "in progress", "paused", "on hold", "watching",
        "leyendo", "en curso", "en cours", "en lecture", "lese gerade", "am lesen", "sto leggendo",
        "in lettura", "lendo", "aan het lezen",
    )),
    ("read", (
        "read", "finished", "completed", "complete", "done", "watched", "seen", "favorites", "favourites",
        "favorite", "favourite", "all time favorites", "loved", "leido", "leidos", "leida", "leidas",
        "terminado", "terminados", "favoritos", "lu", "lus", "fini", "finis", "gelesen", "beendet",
        "letto", "letti", "finito", "lido", "lidos", "gelezen", "uitgelezen",
    )),
)


def _words(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().replace("'", "")
    return " " + " ".join(re.findall(r"[a-z0-9]+", text)) + " "


def shelf_key(name: str) -> str:
    """How shelf names are compared: "Did-Not-Finish" and "did not finish" are one shelf."""
    return _words(name).strip()


def classify(name: str, overrides: dict[str, str] | None = None) -> str:
    """One of MEANINGS for a shelf or status name; "shelved" when the name does not say."""
    key = shelf_key(name)
    if overrides and key in overrides:
        return overrides[key]
    if not key:
        return "read"
    padded = f" {key} "
    for meaning, phrases in _PHRASES:
        if any(f" {p} " in padded for p in phrases):
            return meaning
    return "shelved"


def parse_shelf_map(pairs: list[str] | tuple[str, ...] | None) -> dict[str, str]:
    """``["literature=read", "owned=saved"]`` -> ``{"literature": "read", "owned": "saved"}``."""
    out: dict[str, str] = {}
    for pair in pairs or ():
        name, sep, meaning = pair.rpartition("=")
        meaning = meaning.strip().lower().replace("_", "-")
        if not sep or not name.strip():
            raise InputError(f"Cannot read --shelf {pair!r}: write it as SHELF=MEANING, e.g. literature=read.")
        if meaning not in MEANINGS:
            raise InputError(f"Unknown meaning {meaning!r} for the shelf {name.strip()!r}.",
                             hint="Meanings: " + ", ".join(MEANINGS) + ".")
        out[shelf_key(name)] = meaning
    return out
