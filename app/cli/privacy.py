"""hearth status, export, delete-all and check: where the data is, taking it away, deleting it."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Any

from app.core.errors import InputError, StorageError
from app.services import Services


def register(sub: Any) -> None:
    st0 = sub.add_parser("status", help="where your data is and what it holds")
    st0.set_defaults(func=cmd_status, needs_catalogs=True)

    ex_ = sub.add_parser("export", help="everything that is yours, as JSON and CSV, into a folder")
    ex_.add_argument("folder", nargs="?", help=argparse.SUPPRESS)
    ex_.add_argument("--out", metavar="DIR", help="the folder to write into (default: ./hearth-export)")
    ex_.set_defaults(func=cmd_export)

    de = sub.add_parser("delete-all", aliases=["delete-everything"],
                        help="delete your history, feedback, settings, imports and everything made from them")
    de.add_argument("--yes", action="store_true", help="do not ask")
    de.set_defaults(func=cmd_delete_everything)

    chk = sub.add_parser("check", help="check the database file for damage (PRAGMA quick_check)")
    chk.set_defaults(func=cmd_check)


def cmd_status(s: Services, a: argparse.Namespace) -> int:
    status = s.status()
    print(f"Hearth data: {status['database']}")
    for name, count in dict(status["catalogs"]).items():  # type: ignore[call-overload]
        print(f"  catalog {name}: {count} items")
    print(f"  history: {status['history']} entries")
    print('Try: hearth history add "The Matrix (1999)" --rating 5, then hearth recommend')
    return 0


def cmd_export(s: Services, a: argparse.Namespace) -> int:
    paths = s.privacy.export(Path(a.out or a.folder or "hearth-export"))
    private = os.name != "posix" or all(stat.S_IMODE(p.lstat().st_mode) & 0o077 == 0 for p in paths)
    # (a folder on a drive without POSIX modes keeps files readable to others: say so, not "only you")
    print("Wrote " + " and ".join(str(p) for p in paths) + (" (readable by you only)." if private else
          "; this folder's drive does not keep them private."))
    return 0


def cmd_delete_everything(s: Services, a: argparse.Namespace) -> int:
    if not a.yes:
        if not sys.stdin.isatty():
            raise InputError("This deletes your history, feedback, settings and imports for good.",
                             hint="Run it again with --yes to confirm (hearth export --out DIR keeps a copy first).")
        answer = input(f"Delete everything in {s.privacy.info()['folder']}? Type yes: ")
        if answer.strip().lower() != "yes":
            print("Nothing deleted.")
            return 1
    s.privacy.delete_everything()
    print("Deleted your history, feedback, pinned interests, settings, imports, explanations and own items.")
    return 0


def cmd_check(s: Services, a: argparse.Namespace) -> int:
    problems = s.privacy.damage()
    path = s.privacy.info()["database"]
    if problems:
        raise StorageError(f"{path} is damaged: " + "; ".join(problems[:5]) + ".",
                           hint="Move the file aside and restore it from a backup, or start afresh; `sqlite3 FILE"
                           " .recover` may save what is left.")
    print(f"{path}: no damage found.")
    return 0
