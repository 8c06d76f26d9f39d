"""Your year through the real SQLite store: exports written here, imported, counted per viewing."""

from __future__ import annotations

import zipfile
from pathlib import Path

from app.services import Services
from app.services.events import final

DIARY = """Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2021-01-02,Quiet Harbour,1999,https://boxd.it/a1,4,,,2020-12-30
2021-03-02,Quiet Harbour,1999,https://boxd.it/a2,4.5,Yes,,2021-03-01
2021-03-05,Paper Lanterns,2005,https://boxd.it/a3,3,,,2021-03-05
"""
WATCHED = """Date,Name,Year,Letterboxd URI
2021-01-02,Quiet Harbour,1999,https://boxd.it/f1
2021-03-05,Paper Lanterns,2005,https://boxd.it/f2
2019-06-07,Only Logged,1988,https://boxd.it/f3
"""
GOODREADS = ("Book Id,Title,Author,Author l-f,Additional Authors,ISBN,ISBN13,My Rating,Average Rating,Publisher,"
             "Binding,Number of Pages,Year Published,Original Publication Year,Date Read,Date Added,Bookshelves,"
             "Bookshelves with positions,Exclusive Shelf,My Review,Spoiler,Private Notes,Read Count,Owned Copies\n"
             """\
1,A Salt Road,Mira Vale,"Vale, Mira",,,,5,4.1,P,Paperback,320,2010,2010,2021/07/04,2021/01/01,,,read,,,,2,0
2,The Glass Orchard,Tom Reyes,"Reyes, Tom",,,,3,3.9,P,Paperback,150,2012,2012,,2020/05/05,,,read,,,,1,0
3,Wanted Someday,Ann Other,"Other, Ann",,,,0,3.9,P,Paperback,200,2012,2012,,2020/05/05,to-read,,to-read,,,,0,0
""")


def _exports(tmp_path: Path) -> list[Path]:
    archive = tmp_path / "letterboxd-someone.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("diary.csv", DIARY)
        z.writestr("watched.csv", WATCHED)
    books = tmp_path / "goodreads_library_export.csv"
    books.write_text(GOODREADS, encoding="utf-8")
    return [archive, books]


def test_every_viewing_and_read_in_its_year_and_a_reimport_changes_nothing(bare_services: Services,
                                                                           tmp_path: Path) -> None:
    paths = _exports(tmp_path)
    bare_services.history.import_files(paths)
    stats = bare_services.stats.stats()
    assert [(r["year"], r["films"], r["books"]) for r in stats.by_year] == [(2020, 1, 0), (2021, 2, 1)]
    # "Only Logged" is in watched.csv, not in the diary this person keeps: seen before, on no known date.
    assert stats.total == {"films": 4, "books": 2} and stats.undated == {"films": 1, "books": 1}
    year = stats.years[2021]
    assert (year["film"].new, year["film"].again) == (1, 1)  # the diary's rewatch
    assert year["book"].again == 1 and year["book"].pages == 320  # Read Count 2: a re-read
    reports = bare_services.history.import_files(paths)
    assert [(r.added, r.updated) for r in reports] == [(0, 0), (0, 0)]
    assert bare_services.stats.stats().by_year == stats.by_year
    export = bare_services.store.history.all_viewings()
    assert len(export) == 6
    bare_services.store.forget_everything()
    assert bare_services.stats.stats().by_year == []


def test_the_years_paragraph_is_checked_or_the_template(bare_services: Services, tmp_path: Path) -> None:
    bare_services.history.import_files(_exports(tmp_path))
    text = final(bare_services.stats.year_text(2021))
    assert text.path in ("llm", "template") and "In 2021 you watched 2 films" in text.text
    zh = final(bare_services.stats.year_text(2021, lang="zh_CN"))
    assert zh.path == "template" and zh.text.startswith("2021年")


def test_a_films_runtime_comes_from_its_catalog_entry(services: Services, tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text("Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n"
                     "2022-01-02,Heat,1995,https://boxd.it/h1,5,,,2022-01-02\n"
                     "2022-05-02,Heat,1995,https://boxd.it/h2,5,Yes,,2022-05-01\n"
                     "2022-06-02,The Matrix,1999,https://boxd.it/m1,4,,,2022-06-02\n", encoding="utf-8")
    services.history.import_files([diary])
    stats = services.stats.stats()
    films = stats.years[2022]["film"]
    assert films.count == 3 and films.minutes == 2 * 170 + 136 and stats.by_year[0]["minutes"] == 476
    assert films.longest == ("Heat (1995)", 170) and films.shortest == ("The Matrix (1999)", 136)


SCIFI_YEAR = """Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date
2021-02-01,Titanic,1997,https://boxd.it/t1,4,,,2021-02-01
2021-04-01,Casablanca,1942,https://boxd.it/c1,5,,,2021-04-01
2021-06-01,Notting Hill,1999,https://boxd.it/n1,4,,,2021-06-01
2021-08-01,Pretty Woman,1990,https://boxd.it/p1,4,,,2021-08-01
2022-01-02,The Matrix,1999,https://boxd.it/m1,5,,,2022-01-02
2022-03-02,Alien,1979,https://boxd.it/a1,5,,,2022-03-02
2022-05-02,Terminator 2: Judgment Day,1991,https://boxd.it/x1,5,,,2022-05-02
2022-07-02,The Matrix,1999,https://boxd.it/m2,5,Yes,,2022-07-02
"""


def test_an_interest_facet_that_grew_from_one_year_to_the_next(services: Services, tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(SCIFI_YEAR, encoding="utf-8")
    services.history.import_files([diary])
    facets = services.explainer.facets()
    watches = services.stats.watches()
    matrix = next(w.item.id for w in watches if w.item.title == "The Matrix")
    scifi = next(f for f in facets if matrix in f.members)
    moved = services.stats.facets_moved()
    assert set(moved) == {2021, 2022} and not moved[2021]["film"].grew  # nothing dated 2020
    grew = {m.label: m for m in moved[2022]["film"].grew}

    def share(year: int) -> float:
        mine = [w for w in watches if w.date and w.date.startswith(str(year))]
        return sum(w.item.id in scifi.members for w in mine) / len(mine)

    assert share(2022) > share(2021)
    assert (grew[scifi.label].share, grew[scifi.label].share_before) == (share(2022), share(2021))
    assert scifi.label.startswith("sci-fi and action films") and (share(2021), share(2022)) == (0.0, 1.0)
    assert [(m.label, m.share, m.share_before) for m in moved[2022]["film"].faded] == [
        (next(f.label for f in facets if f is not scifi), 0.0, 1.0)]  # the romances of 2021
