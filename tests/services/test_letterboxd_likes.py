"""Issue 22.5: a Letterboxd like is a like, through the real SQLite store. It was imported as a film
watched on the day of the import, so the explanations said "Because you watched The Iron Giant" and
the year counted a film nobody said was watched that day."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.explain.evidence import prefix_for
from app.services import Services

DIARY = """Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2023-01-02,The Matrix,1999,https://boxd.it/a1,4,,,2023-01-01
"""
WATCHED = """Date,Name,Year,Letterboxd URI
2020-07-07,Heat,1995,https://boxd.it/f1
"""
LIKES = """Date,Name,Year,Letterboxd URI
2024-06-02,The Matrix,1999,https://boxd.it/f2
2024-06-03,Heat,1995,https://boxd.it/f3
2024-06-04,The Iron Giant,1999,https://boxd.it/f4
"""


def _zip(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, text in files.items():
            z.writestr(name, text)
    return path


def _liked(services: Services) -> set[str]:
    ids = [i for i, kind in services.store.feedback.all() if kind == "like"]
    return {item.title for item in services.store.items.get_many(ids).values()}


def test_a_like_alone_is_a_like_and_a_liked_film_keeps_its_watch_date(services: Services, tmp_path: Path) -> None:
    files = {"diary.csv": DIARY, "watched.csv": WATCHED, "likes/films.csv": LIKES}
    export = _zip(tmp_path / "letterboxd-me.zip", files)
    report = services.history.import_file(export)
    entries = {e.item.title: e for e in services.history.entries()}
    assert set(entries) == {"The Matrix", "Heat"}  # The Iron Giant was liked, never said to be watched
    assert entries["The Matrix"].consumed_at == "2023-01-01"  # the diary's date, not the like's
    assert entries["Heat"].consumed_at == "2020-07-07"  # watched.csv's date
    assert _liked(services) == {"The Matrix", "Heat", "The Iron Giant"}
    assert (report.history, report.liked, report.saved) == (2, 1, 0)
    assert "The Iron Giant" not in {w.item.title for w in services.stats.watches()}
    again = services.history.import_file(export)  # nothing to change the second time
    assert (again.added, again.updated, again.liked) == (0, 0, 1)


def test_a_like_is_explained_as_a_like(services: Services, tmp_path: Path) -> None:
    export = _zip(tmp_path / "letterboxd-me.zip", {"likes/films.csv": LIKES.splitlines()[0] + "\n"
                                                   + LIKES.splitlines()[3] + "\n"})
    services.history.import_file(export)
    assert services.history.entries() == []
    recs = services.recommender.recommend(k=50)
    assert "The Iron Giant" not in {r.item.title for r in recs}  # liked, so seen: never recommended back
    evidence = services.explainer.evidence_for(recs[0])
    assert prefix_for(evidence) == "Because you liked The Iron Giant,"
    with pytest.raises(InputError, match="in an export you imported"):
        services.recommender.why("The Iron Giant (1999)")
    # A like of the person's own, in the app, keeps a title in the list (with its bonus).
    services.history.set_feedback(str(recs[1].item.id), "like")
    assert recs[1].item.id in {r.item.id for r in services.recommender.recommend(k=50)}


def test_an_entry_an_earlier_import_made_of_a_like_alone_is_a_like_again(services: Services, tmp_path: Path) -> None:
    export = _zip(tmp_path / "letterboxd-me.zip", {"diary.csv": DIARY, "likes/films.csv": LIKES})
    giant = services.lookup.find("The Iron Giant (1999)")
    heat = services.lookup.find("Heat (1995)")
    assert giant.id is not None and heat.id is not None
    # What the import made of the likes before: unrated entries, dated by nothing (so by the import's day).
    made = {"likes/films.csv": "Date=2024-06-04 | Name=The Iron Giant | Year=1999 | Letterboxd URI=x"}
    services.store.history.upsert(giant.id, source="letterboxd:letterboxd-me.zip", raw=made)
    services.store.history.upsert(heat.id, rating=4, scale=(0.5, 5), source="manual", raw=made)  # rated since
    report = services.history.import_file(export)
    titles = {e.item.title for e in services.history.entries()}
    assert "The Iron Giant" not in titles and "Heat" in titles
    assert "The Iron Giant" in _liked(services)
    assert "liked films that an earlier import had as watched on the day of the import are likes again, not" \
           " history: 1" in report.notes
