"""The SQLite file: pragmas, transactions, failures that lose nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.core.errors import StorageError
from app.core.types import Item
from app.storage import DB_FILENAME, Database, Store
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _store(tmp_path: Path) -> Store:
    return Store.open(tmp_path)


def test_new_file_uses_wal_foreign_keys_and_current_schema(tmp_path: Path) -> None:
    store = _store(tmp_path)
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.version == SCHEMA_VERSION
    assert (tmp_path / DB_FILENAME).is_file()
    store.close()


def test_data_dir_comes_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.storage import default_data_dir

    monkeypatch.setenv("HEARTH_DATA_DIR", str(tmp_path / "x"))
    assert default_data_dir() == tmp_path / "x"
    monkeypatch.delenv("HEARTH_DATA_DIR")
    assert "hearth" in str(default_data_dir()).lower()


def test_a_failed_transaction_leaves_nothing(tmp_path: Path) -> None:
    store = _store(tmp_path)
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.items.add_own(Item(title="Ghost", kind="film"))
            with store.transaction():  # nested: joins the outer one
                store.settings.set("alpha", 2.0)
            raise RuntimeError("boom")
    assert store.items.count() == 0
    assert store.settings.get("alpha") is None
    store.close()


def test_deleting_an_item_removes_its_history_and_feedback(tmp_path: Path) -> None:
    store = _store(tmp_path)
    item_id = store.items.add_own(Item(title="Dune", kind="book"))
    store.history.upsert(item_id, rating=4, scale=(1, 5))
    store.feedback.set(item_id, "like")
    with store.transaction() as conn:
        conn.execute("DELETE FROM items WHERE id = ?", (item_id,))
    assert store.history.count() == 0 and store.feedback.all() == []
    store.close()


def test_history_upsert_merges_and_is_idempotent(tmp_path: Path) -> None:
    store = _store(tmp_path)
    item_id = store.items.add_own(Item(title="Dune", kind="book"))
    assert store.history.upsert(item_id, rating=4, scale=(1, 5), consumed_at="2020-01-01") == "added"
    assert store.history.upsert(item_id, rating=4, scale=(1, 5), consumed_at="2020-01-01") == "unchanged"
    assert store.history.upsert(item_id, consumed_at="2019-01-01") == "unchanged"  # older date, no rating
    assert store.history.upsert(item_id, rating=2, scale=(1, 5)) == "updated"
    (entry,) = store.history.entries()
    assert entry.rating == 2 and entry.rating_norm == pytest.approx(0.25) and entry.consumed_at == "2020-01-01"
    store.close()


def test_a_full_disk_is_a_clear_error_and_keeps_the_data(tmp_path: Path) -> None:
    store = _store(tmp_path)
    store.items.add_own(Item(title="Kept", kind="film"))
    pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
    store.db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # what a full disk looks like to SQLite
    with pytest.raises(StorageError, match="full"):
        with store.transaction():
            for k in range(2000):
                store.items.add_own(Item(title=f"Filler {k} " + "x" * 500, kind="film"))
    assert [t[1] for t in store.items.titles()] == ["Kept"]
    store.close()


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StorageError, match="not a readable Hearth database"):
        Database.in_folder(tmp_path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DB_FILENAME)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StorageError, match="newer Hearth"):
        Database.in_folder(tmp_path)


def test_an_old_file_is_upgraded_with_its_data(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "hearth-v1.sqlite3", tmp_path / DB_FILENAME)
    raw = sqlite3.connect(tmp_path / DB_FILENAME)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
    raw.close()

    store = Store.open(tmp_path)
    assert store.db.version == SCHEMA_VERSION
    entries = {e.item.title: e for e in store.history.entries()}
    assert set(entries) == {"The Matrix", "Dune", "Amélie"}
    assert entries["The Matrix"].rating_norm == pytest.approx(1.0)
    assert entries["Dune"].rating_norm == pytest.approx(6 / 9)  # 7 on 1-10
    assert entries["Amélie"].rating_norm is None
    assert [i.title for i in store.items.by_norm_title("amelie")] == ["Amélie"]  # backfilled key
    assert store.settings.get("alpha") == 0.5
    assert not store.imports.seen("0" * 64)
    # Version 5: entries can be "shelved" with their shelf, and name other items; items keep more ids.
    dune = entries["Dune"].item
    assert dune.alt_ids == () and entries["Dune"].status == "done" and entries["Dune"].shelf is None
    store.history.upsert(int(dune.id or 0), status="shelved", shelf="literature")
    assert {e.item.title: e.shelf for e in store.history.entries()}["Dune"] == "literature"
    # Version 6: the old items are in the word index, and interests can be pinned.
    assert [store.items.get(i).title for i in store.items.match_words("amelie")] == ["Amélie"]
    assert store.interests.add("slow Nordic crime") == store.interests.add("slow Nordic crime")
    assert store.interests.texts() == ["slow Nordic crime"]

    matrix = int(entries["The Matrix"].item.id or 0)
    store.history.add_names(matrix, [int(dune.id or 0)])
    assert store.history.named_ids() == {dune.id}
    store.close()


def test_a_version_7_file_gains_runtimes_and_keeps_its_data(tmp_path: Path) -> None:
    """Version 8: items get a nullable runtime; the bundled catalogs are installed again to fill it. Version 10: an
    entry keeps the title its file gave it."""
    conn = sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)
    for version, migrate in enumerate(MIGRATIONS[:7]):
        conn.execute("BEGIN")
        migrate(conn)
        conn.execute(f"PRAGMA user_version = {version + 1}")
        conn.execute("COMMIT")
    conn.execute("INSERT INTO catalogs (id, name, title, kind, version, bundled) VALUES"
                 " (1, 'movielens-small', 'Films', 'film', 'a0d3c671d3158ab6', 1),"
                 " (2, 'user', 'My own items', 'mixed', '', 0)")
    conn.execute("INSERT INTO items (id, catalog_id, source_key, kind, title, year, creators, text_hash, norm_title)"
                 " VALUES (6, 1, '6', 'film', 'Heat', 1995, '[\"Michael Mann\"]', 'h', 'heat'),"
                 " (7, 2, 'book:piranesi:', 'book', 'Piranesi', NULL, '[]', 'p', 'piranesi')")
    conn.execute("INSERT INTO history (item_id, rating, rating_min, rating_max, rating_norm, consumed_at, added_at)"
                 " VALUES (6, 4.5, 0.5, 5.0, 0.8889, '2021-03-01', '2021-03-01T00:00:00')")
    conn.execute("INSERT INTO viewings (item_id, origin, n, date, rewatch)"
                 " VALUES (6, 'letterboxd', 0, '2021-03-01', 0)")
    conn.execute("INSERT INTO feedback (item_id, kind, created_at) VALUES (7, 'like', '2021-03-02T00:00:00')")
    conn.close()

    store = Store.open(tmp_path)
    assert store.db.version == SCHEMA_VERSION == 10
    # v9: a mark kept from before says nothing of an import; marking it again from one says so.
    assert store.feedback.all() == [(7, "like")] and store.feedback.imported("like") == set()
    store.feedback.set(7, "like", origin="letterboxd")
    store.feedback.set(7, "like")  # the person's own like later keeps what the import said
    assert store.feedback.imported("like") == {7}
    (entry,) = store.history.entries()
    item = entry.item
    assert (item.title, item.year, item.creators, entry.rating) == ("Heat", 1995, ("Michael Mann",), 4.5)
    assert entry.item.runtime is None and store.items.get(7).runtime is None
    assert entry.file_title is None  # v10: no file gave it another title; an import that does says so
    assert store.history.upsert(6, rating=4.5, scale=(0.5, 5.0), file_title="Heat (1995)") == "updated"
    assert store.history.upsert(6, rating=4.5, scale=(0.5, 5.0)) == "unchanged"  # (a manual edit keeps it)
    assert store.history.entries()[0].file_title == "Heat (1995)"
    assert [v["date"] for v in store.history.all_viewings()] == ["2021-03-01"]
    assert [i.title for i in store.items.by_norm_title("piranesi")] == ["Piranesi"]
    # The bundled catalog is no longer current, so the next start installs it again, runtimes and all.
    assert {c.name: c.version for c in store.items.catalogs()} == {"movielens-small": "", "user": ""}
    ids = store.items.upsert_items(1, [Item(catalog="movielens-small", source_key="6", kind="film", title="Heat",
                                            year=1995, creators=("Michael Mann",), runtime=170)])
    assert ids == {"6": 6} and store.items.get(6).runtime == 170
    with pytest.raises(sqlite3.IntegrityError):
        store.db.conn.execute("UPDATE items SET runtime = 0 WHERE id = 6")
    store.close()


def test_the_word_index_follows_the_items(tmp_path: Path) -> None:
    store = _store(tmp_path)
    first = store.items.add_own(Item(title="The Left Hand of Darkness", kind="book", creators=("Ursula K. Le Guin",),
                                     genres=("Science Fiction",), tags=("gender", "ice planet")))
    assert store.items.match_words("le guin") == [first]  # creators
    assert store.items.match_words("ice planet") == [first] and store.items.match_words("left han") == [first]
    assert store.items.match_words('darkness" OR "x') == [first]  # FTS syntax in the text is only words
    assert store.items.match_words("of the a") == []  # stop words alone match nothing
    with store.transaction() as conn:
        conn.execute("UPDATE items SET title = 'The Dispossessed' WHERE id = ?", (first,))
    assert store.items.match_words("darkness") == [] and store.items.match_words("dispossessed") == [first]
    with store.transaction() as conn:
        conn.execute("DELETE FROM items WHERE id = ?", (first,))
    assert store.items.match_words("dispossessed") == []


def _damage_table(path: Path, table: str) -> None:
    """Overwrite the b-tree pages of ``table`` (leaving the file's header intact), as a failing disk does."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [p for (p,) in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    conn.close()
    with path.open("r+b") as f:
        for page in pages:
            f.seek((page - 1) * page_size + 8)  # past the page header's first bytes
            f.write(b"\xa5" * 64)


def _filled(folder: Path) -> Path:
    store = Store.open(folder)
    for k in range(400):  # several pages of the person's own table
        store.settings.set(f"note {k}", "x" * 100)
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder / DB_FILENAME


def test_a_damaged_table_of_the_persons_is_found_when_the_file_is_opened(tmp_path: Path) -> None:
    path = _filled(tmp_path)
    _damage_table(path, "settings")
    with pytest.raises(StorageError, match="damaged") as caught:  # SQLite's words, or quick_check's
        Store.open(tmp_path)
    assert "restore it from a backup" in (caught.value.hint or "")


def test_damage_elsewhere_is_found_by_the_full_check(tmp_path: Path) -> None:
    path = _filled(tmp_path)
    store = Store.open(tmp_path)
    with store.db.transaction() as conn:  # a table only the full check reads
        conn.execute("CREATE TABLE scratch (v TEXT)")
        conn.executemany("INSERT INTO scratch VALUES (?)", [("y" * 200,) for _ in range(200)])
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert store.db.problems(full=True) == []
    store.close()
    _damage_table(path, "scratch")
    store = Store.open(tmp_path)  # the person's own tables are intact: it opens
    try:
        assert store.db.problems(full=True)
    finally:
        store.close()


def test_delete_all_leaves_no_word_of_the_persons_titles_in_the_word_index(tmp_path: Path) -> None:
    """Issue 25 item 1: FTS5 keeps a deleted row's words in its segments until the index is rebuilt; VACUUM
    alone keeps those pages, so delete-all left the person's titles and authors in the file."""
    store = _store(tmp_path)
    catalog = store.items.catalog_id("books") or store.items.upsert_catalog(name="books", title="Books", kind="book")
    for n in range(3):  # several segments of catalog words, as an installed catalog has
        store.items.upsert_items(catalog, [Item(source_key=f"{n}-{k}", kind="book", title=f"Public Book {n} {k}",
                                                creators=("Known Writer",)) for k in range(200)])
    own = [store.items.add_own(Item(title=f"Zorblaxian Quuxwort Diaries {k}", kind="book",
                                    creators=("Frobozz Wimbleton",), tags=("glimmerquaff",))) for k in range(3)]
    for item_id in own:
        store.history.upsert(item_id, rating=5, scale=(1, 5))
    store.forget_everything()
    assert store.items.match_words("public book") and not store.items.match_words("zorblaxian")
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.glob(DB_FILENAME + "*")).lower()
    for word in (b"zorblaxian", b"quuxwort", b"frobozz", b"wimbleton", b"glimmerquaff"):
        assert raw.count(word) == 0, word
    assert raw.count(b"public") > 0  # the catalogs' words stay
