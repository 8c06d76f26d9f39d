"""Opening the one SQLite file: pragmas, migrations, transactions, error translation."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from app.core.errors import InputError, StorageError
from app.storage.schema import MIGRATIONS, SCHEMA_VERSION

__all__ = ["DB_FILENAME", "Database", "default_data_dir", "storage_errors"]

DB_FILENAME = "hearth.sqlite3"
# The tables only the person's own actions fill: checked each time the file is opened.
_OWN = ("history", "feedback", "settings", "imports", "interests", "also_named", "viewings")


def now() -> str:
    """The time stored with a row: UTC, to the second, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def default_data_dir() -> Path:
    """``HEARTH_DATA_DIR`` if set, else the per-user data folder of the platform."""
    env = os.environ.get("HEARTH_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Hearth", appauthor=False))


def _translate(exc: sqlite3.Error, path: Path) -> StorageError:
    text = str(exc).lower()
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError(
            f"The disk holding {path.parent} is full, so nothing was changed.",
            hint="Free some space and try again.",
            zh=f"{path.parent} 所在的磁盘已满，所以什么都没有改动。", zh_hint="请腾出一些空间后再试。",
        )
    if "locked" in text or "busy" in text:
        return StorageError(
            f"The database {path} is busy: another Hearth may be running.",
            hint="Close it and try again.",
            zh=f"数据库 {path} 正忙：可能有另一个 Hearth 正在运行。", zh_hint="请关闭它后再试。",
        )
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StorageError(
            f"{path} is not a readable Hearth database (it may be damaged).",
            hint="Move it aside to start afresh, or restore it from a backup.",
            zh=f"{path} 不是可读的 Hearth 数据库（可能已损坏）。", zh_hint="请把它移到别处以重新开始，或从备份恢复。",
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return StorageError(
            f"Cannot write to {path}.",
            hint="Check that the folder exists and is writable, or choose another with --data-dir.",
            zh=f"无法写入 {path}。", zh_hint="请确认文件夹存在且可写。",
        )
    return StorageError(f"Database error in {path}: {exc}", zh=f"{path} 出现数据库错误：{exc}")


@contextmanager
def storage_errors(path: Path) -> Iterator[None]:
    """Turn sqlite3 errors into StorageError with a message a person can act on."""
    try:
        yield
    except sqlite3.Error as exc:
        raise _translate(exc, path) from exc
    except UnicodeEncodeError as exc:  # what a command line's non-UTF-8 bytes become: no column holds them
        raise InputError("Some of the text given is not valid UTF-8, so it cannot be stored or looked up.",
                         hint="Type it again in UTF-8.") from exc
    except OverflowError as exc:  # "12345678901234567890123": no SQLite integer is that large
        raise InputError("That number is too large to be an id or a count Hearth keeps.") from exc


def _private(path: Path, mode: int) -> None:
    """Only the owner may read: history, ratings and reviews are personal (best effort: a folder the
    person chose on a shared drive may not allow it, and Windows has no such bits)."""
    try:
        if path.exists() and os.name == "posix" and (path.stat().st_mode & 0o777) != mode:
            path.chmod(mode)
    except OSError:
        pass


class Database:
    """One connection to the Hearth file, upgraded to the current schema on open.

    Writes go through ``transaction()``: one BEGIN IMMEDIATE ... COMMIT, rolled back
    on any error, so a failed or killed import leaves the file as it was (WAL).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the data folder {self.path.parent}: {exc.strerror}.",
                hint="Choose another folder with --data-dir or HEARTH_DATA_DIR.",
                zh=f"无法创建数据文件夹 {self.path.parent}：{exc.strerror}。",
            ) from exc
        self._lock = threading.RLock()
        self._depth = 0
        _private(self.path.parent, 0o700)
        with storage_errors(self.path):
            # Files this process creates (the database, its WAL, exports) are the person's alone.
            os.umask(0o077)
            # isolation_level=None: we issue BEGIN/COMMIT ourselves.
            conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=10
            )
            try:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                conn.execute("PRAGMA synchronous = NORMAL")
                # Reading the catalogs' vectors (30 MB) at start-up: map the file, cache more pages.
                conn.execute("PRAGMA mmap_size = 268435456")
                conn.execute("PRAGMA cache_size = -65536")
                self.conn = conn
                self.db = sqlite_utils.Database(conn)
                for part in (self.path, *(self.path.with_name(self.path.name + x) for x in ("-wal", "-shm"))):
                    _private(part, 0o600)  # made by an older version, or copied in: readable by others
                self._check(full=False)
                self._migrate()
            except BaseException:
                conn.close()
                raise

    @classmethod
    def in_folder(cls, folder: Path | str) -> Database:
        return cls(Path(folder) / DB_FILENAME)

    def problems(self, *, full: bool = True) -> list[str]:
        """What ``PRAGMA quick_check`` finds wrong: the whole file, or only the person's own tables
        (milliseconds; the whole file takes a second or two from a cold disk)."""
        present = set(self.db.table_names())
        names = [None] if full else [t for t in _OWN if t in present]
        found: list[str] = []
        for name in names:
            pragma = "PRAGMA quick_check" if name is None else f'PRAGMA quick_check("{name}")'
            try:
                found += [row[0] for row in self.conn.execute(pragma).fetchall() if row[0] != "ok"]
            except sqlite3.DatabaseError as exc:  # too damaged to walk: "database disk image is malformed"
                found.append(str(exc))
        return found

    def _check(self, *, full: bool) -> None:
        found = self.problems(full=full)
        if found:
            raise StorageError(
                f"{self.path} is damaged: {found[0]}" + (f" (and {len(found) - 1} more problems)" if found[1:] else "")
                + ".", hint="Move the file aside and restore it from a backup, or start afresh; `sqlite3 FILE"
                " .recover` may save what is left.",
                zh=f"{self.path} 已损坏：{found[0]}"
                + (f"（另有 {len(found) - 1} 处问题）" if found[1:] else "") + "。",
                zh_hint="请把文件移到别处，从备份恢复，或重新开始。")

    @property
    def version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.version
        if current > SCHEMA_VERSION:
            raise StorageError(
                f"{self.path} was written by a newer Hearth (schema {current}, "
                f"this one knows {SCHEMA_VERSION}).",
                hint="Update Hearth, or use another data folder.",
                zh=f"{self.path} 由更新版本的 Hearth 写入（结构版本 {current}，本版本只认识 {SCHEMA_VERSION}）。",
                zh_hint="请更新 Hearth，或使用另一个数据文件夹。",
            )
        for version in range(current, SCHEMA_VERSION):
            with self.transaction():
                MIGRATIONS[version](self.conn)
                self.conn.execute(f"PRAGMA user_version = {version + 1}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All writes inside commit together or not at all. Nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield self.conn
                finally:
                    self._depth -= 1
                return
            with storage_errors(self.path):
                self.conn.execute("BEGIN IMMEDIATE")
                self._depth = 1
                try:
                    yield self.conn
                    self.conn.execute("COMMIT")
                except BaseException:
                    if self.conn.in_transaction:
                        self.conn.execute("ROLLBACK")
                    raise
                finally:
                    self._depth = 0

    def read(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        with self._lock, storage_errors(self.path):
            return self.conn.execute(sql, params).fetchall()

    def read_in(self, sql: str, values: Iterable[object], *, before: tuple = ()) -> list[tuple]:
        """``sql`` with ``{marks}`` for an IN list, run over ``values`` (deduplicated) 500 at a time:
        SQLite caps the parameters of one statement."""
        wanted = list(dict.fromkeys(values))
        rows: list[tuple] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows += self.read(sql.format(marks=",".join("?" * len(chunk))), (*before, *chunk))
        return rows

    def close(self) -> None:
        with self._lock:
            self.conn.close()
