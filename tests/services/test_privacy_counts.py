"""Issue 22.5: the Privacy page's counts say what they are, through the real SQLite store. A watchlist of
32 films was shown as "32 feedback marks"."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.services import Services

WATCHLIST = """Date,Name,Year,Letterboxd URI
2024-01-01,Aliens,1986,https://boxd.it/w1
2024-01-02,Fargo,1996,https://boxd.it/w2
2024-01-03,Jaws,1975,https://boxd.it/w3
"""
DIARY = """Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2023-01-02,The Matrix,1999,https://boxd.it/a1,4,,,2023-01-01
2023-02-02,Heat,1995,https://boxd.it/a2,,,,2023-02-01
"""
LIKES = """Date,Name,Year,Letterboxd URI
2024-06-02,The Matrix,1999,https://boxd.it/f2
"""


def test_a_watchlist_is_no_feedback(services: Services, tmp_path: Path) -> None:
    export = tmp_path / "letterboxd-me.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("watchlist.csv", WATCHLIST)
        z.writestr("diary.csv", DIARY)
        z.writestr("likes/films.csv", LIKES)
    services.history.import_file(export)
    services.history.set_feedback("Toy Story (1995)", "dislike")
    services.history.set_feedback("Casablanca (1942)", "not_interested")
    info = services.privacy.info()
    assert (info["history"], info["saved"], info["feedback"]) == (2, 3, 3)  # like, dislike, not interested


def test_an_empty_file_counts_nothing(services: Services) -> None:
    info = services.privacy.info()
    assert (info["history"], info["saved"], info["feedback"]) == (0, 0, 0)
