"""Export (issue 25 item 2): new private files, never through a link, and one clear error that leaves nothing."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from app.core.errors import AppError, InputError, StorageError
from app.core.types import Item
from app.services import Services

NAMES = ("hearth-export.json", "hearth-history.csv")


def _with_history(services: Services, title: str = "My Own Private Zine") -> Services:
    store = services.store
    store.history.upsert(store.items.add_own(Item(title=title, kind="book")), rating=5, scale=(1, 5))
    return services


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes and links")
def test_an_export_is_a_new_private_file_even_over_an_old_one_or_a_link(bare_services: Services,
                                                                         tmp_path: Path) -> None:
    services = _with_history(bare_services)
    out = tmp_path / "out"
    out.mkdir()
    old = out / NAMES[0]
    old.write_text("an earlier export", encoding="utf-8")
    old.chmod(0o644)
    victim = tmp_path / "someone-elses.txt"
    victim.write_text("not yours to overwrite", encoding="utf-8")
    victim.chmod(0o644)
    (out / NAMES[1]).symlink_to(victim)
    paths = services.privacy.export(out)
    assert paths == [out / n for n in NAMES]
    for path in paths:
        assert not path.is_symlink() and stat.S_IMODE(path.lstat().st_mode) == 0o600, path
    assert "My Own Private Zine" in paths[0].read_text(encoding="utf-8")
    assert victim.read_text(encoding="utf-8") == "not yours to overwrite"  # the link was replaced, not followed
    assert stat.S_IMODE(victim.stat().st_mode) == 0o644
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)  # no part files left


def test_a_path_that_cannot_be_a_folder_is_one_clear_error(bare_services: Services, tmp_path: Path) -> None:
    services = _with_history(bare_services)
    database = services.store.db.path
    before = database.read_bytes()
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    for target in (a_file, a_file / "sub", database, Path(os.devnull)):
        with pytest.raises(InputError, match="not a folder") as caught:
            services.privacy.export(target)
        assert "\n" not in str(caught.value)
    assert a_file.read_text(encoding="utf-8") == "mine" and database.read_bytes() == before


@pytest.mark.parametrize(("code", "error", "says"), [(errno.ENOSPC, StorageError, "full"),
                                                     (errno.EROFS, StorageError, "read-only"),
                                                     (errno.EACCES, StorageError, "read-only")])
def test_a_full_or_read_only_disk_leaves_no_part_of_an_export(bare_services: Services, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch, code: int,
                                                              error: type[AppError], says: str) -> None:
    services = _with_history(bare_services)
    out = tmp_path / "out"
    services.privacy.export(out)
    earlier = {n: (out / n).read_bytes() for n in NAMES}
    _with_history(services, "A Second Private Zine")
    writes = []

    def failing_fsync(fd: int) -> None:  # the second file's data cannot reach the disk
        writes.append(fd)
        if len(writes) == 2:
            raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(error, match=says) as caught:
        services.privacy.export(out)
    assert "\n" not in str(caught.value)
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)  # no part file
    assert {n: (out / n).read_bytes() for n in NAMES} == earlier  # the earlier export is whole
