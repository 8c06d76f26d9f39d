"""Issue 14, item 13: on a Linux desktop without Qt's X11 libraries, the window says which packages
to install instead of Qt's bare "could not load the Qt platform plugin"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.gui.app import missing_xcb_libraries
from tests.conftest import ROOT, cli_env


def _loader(absent: set[str]):  # noqa: ANN202 - a stand-in for ctypes.CDLL
    def load(name: str) -> object:
        if name in absent:
            raise OSError(f"{name}: cannot open shared object file")
        return object()
    return load


def test_the_missing_packages_are_named() -> None:
    load = _loader({"libxcb-cursor.so.0", "libxcb-keysyms.so.1"})
    assert missing_xcb_libraries(load, {"DISPLAY": ":0"}, "linux") == ["libxcb-cursor0", "libxcb-keysyms1"]
    assert missing_xcb_libraries(load, {"QT_QPA_PLATFORM": "xcb"}, "linux") == ["libxcb-cursor0", "libxcb-keysyms1"]


def test_other_platforms_need_nothing_of_x11() -> None:
    load = _loader({"libxcb-cursor.so.0"})
    assert missing_xcb_libraries(load, {"QT_QPA_PLATFORM": "offscreen"}, "linux") == []
    assert missing_xcb_libraries(load, {"WAYLAND_DISPLAY": "wayland-0"}, "linux") == []
    assert missing_xcb_libraries(load, {}, "darwin") == []
    assert missing_xcb_libraries(load, {}, "win32") == []


def test_the_app_says_what_to_install_and_exits(tmp_path: Path) -> None:
    # The real entry point, with the loader told that libxcb-cursor0 is absent.
    code = ("import ctypes, sys\n"
            "real = ctypes.CDLL\n"
            "def fake(name, *a, **k):\n"
            "    if name == 'libxcb-cursor.so.0': raise OSError(name)\n"
            "    return real(name, *a, **k)\n"
            "ctypes.CDLL = fake\n"
            "from app.__main__ import main\n"
            f"sys.exit(main(['--data-dir', {str(tmp_path)!r}]))\n")
    env = cli_env(QT_QPA_PLATFORM="xcb", DISPLAY=":0")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 1
    assert "sudo apt install libxcb-cursor0" in done.stderr and "Traceback" not in done.stderr
