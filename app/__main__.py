"""Composition root: settings -> storage -> models -> services -> GUI or CLI."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    from app import cli
    from app.core.errors import AppError
    from app.services import Services
    from app.storage import Store, default_data_dir

    args = cli.parse(argv)
    logging.basicConfig(level=logging.WARNING, format="hearth: %(message)s")
    data_dir = Path(args.data_dir).expanduser() if args.data_dir else default_data_dir()
    try:
        store = Store.open(data_dir)
    except AppError as exc:
        print(f"hearth: {exc}", file=sys.stderr)
        if args.command is None and not args.self_check:  # started as a window: say it in one
            from app.gui.app import show_fatal

            show_fatal(str(exc))
        return 1
    try:
        services = Services(store, notice=lambda text: print(f"hearth: {text}", file=sys.stderr))
        if args.command is None:  # no command: the desktop application
            from app.gui.app import run_gui

            return run_gui(services, self_check=args.self_check)
        args.save_charts = _save_charts  # `stats --out`: the charts are drawn with Qt, which only app.gui imports
        return cli.run(services, args)
    except KeyboardInterrupt:  # Ctrl-C: an import in progress rolls back with its transaction
        print("\nhearth: stopped; nothing half-done was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `hearth history list --json | head`: the reader has enough
        _quiet_stdout()
        return 0
    finally:
        store.close()


def _save_charts(*args: object, **kwargs: object) -> object:
    from app.gui.charts import save_charts

    return save_charts(*args, **kwargs)  # type: ignore[arg-type]


def _quiet_stdout() -> None:
    """After a broken pipe, point stdout at nothing so Python's flush at exit raises no second error."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
