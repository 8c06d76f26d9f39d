"""The command line: the same services as the GUI, from a terminal.

One module per command group; each has ``register(sub)``, which adds its sub-commands with
``set_defaults(func=cmd_..., needs_catalogs=True)`` where the command needs the bundled catalogs
installed first. A new command group is a new module named in ``GROUPS``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from app import __version__
from app.cli import history, importing, lab, privacy, profile, recommend, search, settings, stats
from app.cli.output import SafeWriter, TerminalProgress, safe_text
from app.core.errors import AppError, Cancelled
from app.services import Services

__all__ = ["GROUPS", "TerminalProgress", "build_parser", "parse", "run"]

# In the order `hearth --help` lists them.
GROUPS = (history, importing, recommend, search, profile, stats, settings, privacy, lab)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hearth", description="Private recommendations for books and films.")
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder of the database (default: per-user data folder; env HEARTH_DATA_DIR)")
    p.add_argument("--self-check", action="store_true", help=argparse.SUPPRESS)  # packaging smoke test
    p.add_argument("--version", action="version", version=f"hearth {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return p


def run(services: Services, args: argparse.Namespace) -> int:
    """Run a parsed command; AppErrors become a message and exit code 1."""
    func = getattr(args, "func", privacy.cmd_status)
    stdout, sys.stdout = sys.stdout, SafeWriter(sys.stdout)  # type: ignore[assignment]
    try:
        if getattr(args, "needs_catalogs", func is privacy.cmd_status):
            with TerminalProgress() as progress:
                services.catalogs.ensure_bundled(progress=progress)
        return int(func(services, args))
    except Cancelled:
        print("Cancelled.", file=sys.stderr)
        return 130
    except AppError as exc:
        print(f"hearth: {safe_text(str(exc))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise  # (the composition root's: the reader has had enough)
    except Exception as exc:  # a bug: still one line, never a traceback (HEARTH_DEBUG=1 shows it)
        if os.environ.get("HEARTH_DEBUG"):
            raise
        what = safe_text(f"{type(exc).__name__}: {exc}")[:300]
        print(f"hearth: something went wrong that Hearth did not expect ({what}). Please report it with the"
              " command you ran.", file=sys.stderr)
        return 70
    finally:
        sys.stdout = stdout


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
