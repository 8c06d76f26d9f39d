"""hearth settings, model and catalogs: what Hearth runs on."""

from __future__ import annotations

import argparse
import json
import re
from typing import Any

from app.cli.output import TerminalProgress, print_json
from app.core.errors import InputError
from app.core.sizes import parse_size
from app.services import SETTINGS, Services


def register(sub: Any) -> None:
    st = sub.add_parser("settings", help="show or change settings (each with its range: hearth settings list)")
    st.add_argument("action", choices=["list", "get", "set", "reset"], nargs="?", default="list")
    st.add_argument("key", nargs="?", choices=list(SETTINGS), metavar="KEY")
    st.add_argument("value", nargs="?")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_settings)
    # `settings set neutral_sds -1.5` (or -1e-3, -inf) is a value, not an option: argparse reads only -1 and
    # -.5 that way unless told (no option of this command looks like a number).
    st._negative_number_matcher = re.compile(r"^-(\d|\.\d|inf|nan)", re.IGNORECASE)

    mod = sub.add_parser("model", help="the explainer's language model: info, or the opt-in download")
    mod.add_argument("action", choices=["info", "download"], nargs="?", default="info")
    mod.add_argument("url", nargs="?", help="for download: the GGUF file's http(s) address")
    mod.add_argument("--sha256", help="for download: the expected checksum (strongly advised)")
    mod.add_argument("--max-size", metavar="SIZE", help="for download: the largest file accepted, e.g. 500M, 16G or"
                     " bytes (K/M/G 1024-based; default 8G)")
    mod.add_argument("--idle-timeout", type=float, metavar="SECONDS", help="for download: stop (resumably) when"
                     " under 64 KiB arrive in this many seconds (default 60)")
    mod.add_argument("--json", action="store_true")
    mod.set_defaults(func=cmd_model)

    cat = sub.add_parser("catalogs", help="list the installed catalogs")
    cat.add_argument("--json", action="store_true")
    cat.set_defaults(func=cmd_catalogs, needs_catalogs=True)


def cmd_settings(s: Services, a: argparse.Namespace) -> int:
    if a.action == "list":
        values = s.settings.all()
        if a.json:
            print_json(values)
            return 0
        width = max(map(len, SETTINGS))
        for key, setting in SETTINGS.items():
            mark = "" if values[key] == setting.default else "  (changed)"
            limits = f" [{setting.range_text()}]" if setting.range_text() else ""
            print(f"{key:<{width}} {values[key]!s:<12} {setting.help}{limits}{mark}")
        return 0
    if a.action == "get":
        print(json.dumps(s.settings.get(a.key)))
        return 0
    if a.action == "set":
        if a.value is None:
            raise InputError("Give a value: hearth settings set KEY VALUE.")
        value = s.settings.set(a.key, a.value)
        print(f"{a.key} = {value}")
        return 0
    s.settings.reset(a.key)
    print(f"{a.key or 'all settings'} reset to default")
    return 0


def cmd_model(s: Services, a: argparse.Namespace) -> int:
    if a.action == "download":
        if not a.url:
            raise InputError("Give the address: hearth model download URL [--sha256 HEX].")
        try:
            max_bytes = parse_size(a.max_size) if a.max_size is not None else None
        except ValueError:
            raise InputError(f"--max-size {a.max_size!r} is not a size.",
                             hint="For example 8G, 500M or 1048576.") from None
        if a.idle_timeout is not None and not a.idle_timeout > 0:
            raise InputError("--idle-timeout must be a number of seconds above 0.")
        with TerminalProgress() as progress:
            path = s.download_model(a.url, sha256=a.sha256, progress=progress, max_bytes=max_bytes,
                                    idle_timeout=a.idle_timeout)
        print(f"Downloaded {path}; it is now the explainer's model (llm_model).")
        return 0
    info = s.model_info()
    if a.json:
        print_json(info)
        return 0
    for key, value in info.items():
        print(f"{key:<11} {value}")
    return 0


def cmd_catalogs(s: Services, a: argparse.Namespace) -> int:
    cats = s.catalogs.installed()
    if a.json:
        print_json([c.__dict__ for c in cats])
        return 0
    for c in cats:
        print(f"{c.name:<20} {c.items:>7} items  {c.kind:<6} {c.title}")
        if c.attribution:
            print(f"{'':<21}{c.attribution}")
    return 0
