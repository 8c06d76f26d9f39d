"""Imports read as their owners meant them: watchlists are not history, shelves mean what they
say, titles and translations find their works, and nothing the file holds is recommended."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services import Filters, Services
from tests.fixtures.exports.make_exports import letterboxd_files, letterboxd_variants
from tests.importers.test_formats import EXPORTS, write_zip
from tests.services.held import held_rows, recommended_but_held


def _titles(services: Services, kind: str) -> set[str]:
    return {services.store.items.get(i).title for i, k in services.store.feedback.all() if k == kind}


@pytest.mark.parametrize("name", ["WATCHLIST.csv", "imdb_list_rated.csv"])
def test_an_imdb_watchlist_adds_nothing_to_the_history(services: Services, name: str) -> None:
    report = services.history.import_file(EXPORTS / name)
    watched = {"Terminator 2: Judgment Day"} if name == "imdb_list_rated.csv" else set()
    assert report.history == len(watched) and report.saved == 4 - len(watched)
    assert {e.item.title for e in services.history.entries()} == watched
    assert "Aliens" in _titles(services, "saved")


def test_an_entry_keeps_its_files_title_where_the_catalogs_is_another(services: Services, tmp_path: Path) -> None:
    """The title a row gave is kept beside the catalog item it matched where the two differ ("Star Wars" 1977, a
    part of "Star Wars: Episode IV - A New Hope"; "功夫", Kung Fu Hustle), not for the same title with a series
    suffix or an edition's note."""
    path = tmp_path / "list.csv"
    path.write_text("Title,Year,Rating\nStar Wars,1977,5\nHeat,1995,4\n", encoding="utf-8")
    services.history.import_file(path)
    books = tmp_path / "books.csv"
    books.write_text("Title,Author,Rating\n\"The Hunger Games (The Hunger Games, #1)\",Suzanne Collins,4\n",
                     encoding="utf-8")
    services.history.import_file(books)
    kept = {e.item.title: e.file_title for e in services.history.entries()}
    assert kept == {"Star Wars: Episode IV - A New Hope": "Star Wars", "Heat": None, "The Hunger Games": None}
    path.write_text("Title,Year,Rating\nStar Wars,1977,4\n", encoding="utf-8")
    services.history.import_file(path)  # a re-import keeps it
    assert {e.item.title: e.file_title for e in services.history.entries()}["Star Wars: Episode IV - A New Hope"] \
        == "Star Wars"


def test_letterboxd_title_variants_find_their_films(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    for name, text in letterboxd_variants().items():
        (folder / name).write_text(text, encoding="utf-8")
    (report,) = services.history.import_files([folder])
    assert report.format == "letterboxd" and report.history == 5 and report.saved == 1
    assert report.matched == 6 and report.unmatched == 0, report.unmatched_sample
    titles = {e.item.title for e in services.history.entries()}
    assert titles == {"Star Wars: Episode IV - A New Hope", "Star Wars: Episode V - The Empire Strikes Back",
                      "Three Colors: Red", "Laputa: Castle in the Sky", "Old Boy"}
    recs = services.recommender.recommend(k=50, filters=Filters(kind="film"))
    assert not {r.item.title for r in recs} & titles


@pytest.mark.real_models
def test_custom_shelves_translations_and_the_report(services: Services) -> None:
    report = services.history.import_file(EXPORTS / "goodreads_shelves.csv")
    assert report.shelved == {"literature": 2}
    assert report.negative == 3 and report.saved == 2  # 2 did-not-finish + 1 not interested; 2 to read
    loose = {m["title"]: m["matched"] for m in report.loose}
    assert loose["Orgullo y prejuicio"].startswith("Pride and Prejudice")
    assert loose["El diario de Ana Frank"].startswith("The Diary of a Young Girl")
    assert loose["Harry Potter y la cámara secreta"].startswith("Harry Potter and the Chamber of Secrets")
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["One Hundred Years of Solitude"].item.catalog == "goodbooks-10k"  # "(Spanish Edition)" went
    assert entries["Middlemarch"].status == "shelved" and entries["Middlemarch"].shelf == "literature"
    assert "Eat, Pray, Love" not in entries and "Eat, Pray, Love" in _titles(services, "not_interested")
    recs = services.recommender.recommend(k=100, filters=Filters(kind="book"))
    shown = {r.item.title for r in recs}
    assert not shown & {"Pride and Prejudice", "The Diary of a Young Girl", "Harry Potter and the Chamber of Secrets",
                        "One Hundred Years of Solitude", "Eat, Pray, Love", "The Goldfinch", "Middlemarch"}
    assert not recommended_but_held(recs, held_rows([EXPORTS / "goodreads_shelves.csv"]))


@pytest.mark.heavy  # 4-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_a_remapped_shelf_changes_what_was_imported(services: Services) -> None:
    services.history.import_file(EXPORTS / "goodreads_shelves.csv")
    again = services.history.import_file(EXPORTS / "goodreads_shelves.csv", shelves=["literature=saved"])
    assert again.shelved == {} and again.saved == 2 + 3  # the person's choice wins, rated or not
    titles = {e.item.title for e in services.history.entries()}
    assert "Middlemarch" not in titles and "Middlemarch" in _titles(services, "saved")
    services.history.import_file(EXPORTS / "goodreads_shelves.csv", shelves=["literature=read"])
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["Middlemarch"].status == "done"


@pytest.mark.parametrize("name", [
    "goodreads_library_export.csv", "goodreads_no_header.csv", "goodreads_padded.csv", "storygraph_export.csv",
    "storygraph_cut.csv", "imdb_ratings.csv", "imdb_ratings_2017.csv", "letterboxd_diary_semicolons.csv",
    "letterboxd.zip",
])
def test_recommendations_never_list_what_the_file_holds(services: Services, tmp_path: Path, name: str) -> None:
    path = write_zip(tmp_path / name, letterboxd_files()) if name.endswith(".zip") else EXPORTS / name
    (report,) = services.history.import_files([path])
    assert report.history > 0, report
    kind = "film" if report.format in ("imdb", "letterboxd") else "book"
    recs = services.recommender.recommend(k=50, filters=Filters(kind=kind))
    held = held_rows([path])
    assert not recommended_but_held(recs, held)
    in_history = services.store.history.item_ids() | services.store.history.named_ids()
    assert not {r.item.id for r in recs} & in_history
    liked = [e for e in services.history.entries() if e.item.catalog != "user" and (e.rating_norm or 0) >= 0.7]
    if len(liked) >= 10:  # the person's history, not popularity, decides the top of the list
        assert min(r.terms.history_share for r in recs[:10]) >= 0.5, [r.terms for r in recs[:10]]


def test_an_ambiguous_row_is_matched_to_nothing_and_neither_work_is_recommended(
        services: Services, tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Title,Year,Rating\nAlien,1979,5\n", encoding="utf-8")
    report = services.history.import_file(path)
    assert report.unmatched == 1 and "film or a book" in report.unmatched_sample[0]["reason"]
    named = services.store.items.get_many(services.store.history.named_ids())
    assert {(it.kind, it.title) for it in named.values()} == {("film", "Alien"), ("book", "Alien")}
    recs = services.recommender.recommend(k=200)
    assert not {r.item.id for r in recs} & set(named)


def test_a_collection_names_the_books_it_holds(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "shelf.csv"
    path.write_text("Title,Author,Rating\nWool Omnibus,Hugh Howey,5\n", encoding="utf-8")
    services.history.import_file(path)
    named = {it.title for it in services.store.items.get_many(services.store.history.named_ids()).values()}
    assert "Wool" in named  # the omnibus holds it: never recommended


def test_look_alike_letters_and_a_surname_spelled_two_ways_find_the_book(services: Services, tmp_path: Path) -> None:
    # A Greek Epsilon in "East", a Cyrillic S and i in "Steinbeck" (as one real export hides them); the catalog
    # spells the Russian author "Dostoyevsky".
    path = tmp_path / "shelf.csv"
    path.write_text("Title,Author,Rating\nΕast of Εden,John Ѕteіnbeck,5\nThe Brothers Karamazov,Fyodor Dostoevsky,5\n"
                    "Crime and Punishment,Fyodor Tolstoy,4\n", encoding="utf-8")
    report = services.history.import_file(path)
    titles = {e.item.title: e.item.catalog for e in services.store.history.entries()}
    assert titles["East of Eden"] == titles["The Brothers Karamazov"] == "goodbooks-10k"
    assert report.unmatched == 1  # another surname is another author, whatever the title
    recs = {r.item.title for r in services.recommender.recommend(k=300, filters=Filters(kind="book"))}
    assert not {"East of Eden", "The Brothers Karamazov"} & recs


def test_a_translation_by_the_authors_name_in_another_language_finds_the_book(services: Services,
                                                                              tmp_path: Path) -> None:
    """LibraryThing's French shelf: "Anna Karénine" by "Tolstoï, Léon" was an own item, and Anna Karenina was
    recommended to the person who had read it. A surname no catalog book has, spelled as the catalog spells
    another (same first initial), is that author; "Anna Karénine" is then the book its title is close to."""
    path = tmp_path / "shelf.csv"
    path.write_text("Title,Author,Rating\nAnna Karénine,Léon Tolstoï,4\nAnna Karénine,Léon Tolstoj-Smith,4\n",
                    encoding="utf-8")
    services.history.import_file(path)
    titles = {e.item.title: e.item.catalog for e in services.store.history.entries()}
    assert titles["Anna Karenina"] == "goodbooks-10k"
    assert "Anna Karénine" in titles  # another surname, not spelled like the catalog's: another author


def test_an_alternative_title_and_a_collected_edition_are_the_same_work(services: Services, tmp_path: Path) -> None:
    # The catalog's "Moby-Dick or, The Whale" is the file's "Moby dick"; its "Collected Fictions" holds "Fictions".
    path = tmp_path / "shelf.csv"
    path.write_text("Title,Author,Rating\nMoby dick,Herman Melville,5\nFictions,Jorge Luis Borges,5\n",
                    encoding="utf-8")
    services.history.import_file(path)
    assert "Moby-Dick or, The Whale" in {e.item.title for e in services.store.history.entries()}
    named = {it.title for it in services.store.items.get_many(services.store.history.named_ids()).values()}
    assert "Collected Fictions" in named


def test_titles_decoded_in_the_wrong_encoding_are_read_right(services: Services, tmp_path: Path) -> None:
    # A Letterboxd diary re-saved by a spreadsheet: UTF-8 read as Latin-1, then written as UTF-8 again.
    path = tmp_path / "diary.csv"
    path.write_text("Name,Year,Rating\nWALLÂ·E,2008,5\nAmÃ©lie,2001,4\n", encoding="utf-8")
    report = services.history.import_file(path)
    assert report.matched == 2
    assert {"WALL·E", "Amelie"} <= {e.item.title for e in services.store.history.entries()}


def test_what_is_left_of_a_lost_dash_reads_as_a_dash(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text("Name,Year,Rating\nJohn Wick: Chapter 3 â\ufffd\ufffd Parabellum,2019,4\n", encoding="utf-8")
    services.history.import_file(path)
    assert {e.item.title for e in services.store.history.entries()} == {"John Wick: Chapter 3 – Parabellum"}
