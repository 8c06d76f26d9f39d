"""The sample profile: eight well-known titles to try Hearth with before importing anything.

Its entries carry the source "sample" and no date, so they are never taken for the person's own (no
day of theirs is claimed) and one call takes exactly them out again.
"""

from __future__ import annotations

from app.core.errors import AppError
from app.core.progress import Progress, no_progress
from app.core.types import HistoryEntry
from app.services.history import HistoryService

__all__ = ["SAMPLE_PROFILE", "SAMPLE_SOURCE", "add_sample", "is_sample", "remove_sample"]

SAMPLE_SOURCE = "sample"

SAMPLE_PROFILE = (
    ("The Matrix (1999)", "film", 5.0), ("Spirited Away (2001)", "film", 5.0),
    ("The Lord of the Rings: The Fellowship of the Ring (2001)", "film", 4.5),
    ("Amelie (2001)", "film", 4.0), ("Inception (2010)", "film", 4.5),
    ("Dune (1965)", "book", 5.0), ("Pride and Prejudice (1813)", "book", 4.0),
    ("The Hobbit (1937)", "book", 4.5),
)


def is_sample(entry: HistoryEntry) -> bool:
    return entry.source == SAMPLE_SOURCE


def add_sample(history: HistoryService, *, progress: Progress = no_progress, label: str = "") -> int:
    """Put the sample's titles in the history; returns how many were added. A title already there is
    the person's own entry and is left as it is."""
    store = history.store
    have = store.history.item_ids()
    added = 0
    with store.transaction():
        for k, (title, kind, rating) in enumerate(SAMPLE_PROFILE):
            progress(k, len(SAMPLE_PROFILE), label)
            try:
                item = history.lookup.find(title, kind=kind)
            except AppError:  # a catalog without this title: the sample is a little shorter
                continue
            if item.id is None or item.id in have:
                continue
            store.history.upsert(item.id, rating=rating, scale=(0.5, 5.0), source=SAMPLE_SOURCE)
            added += 1
    return added


def remove_sample(history: HistoryService) -> int:
    """Take the sample's entries out of the history; returns how many. Only those still marked "sample":
    an import or an add by hand of the same title made it the person's own."""
    store = history.store
    with store.transaction():
        gone = [e for e in store.history.entries() if is_sample(e)]
        for entry in gone:
            store.history.remove(int(entry.item.id or 0))
    return len(gone)
