"""The PySide6 desktop application. Talks to services only; long work runs in Ops."""

import sys

# PySide6 6.12 under Python 3.11 takes a reference to True (and to None) away on many of pyqtgraph's calls
# (a PlotWidget built: about 15 of True's; one year's charts: about 100). In 3.11 True, False and None are
# not immortal, so after some thousands of such calls the interpreter frees one and dies ("bool_dealloc",
# "none_dealloc"), at the latest at exit. Python 3.12 makes them immortal; before it, give each a billion
# references that are never given back.
if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    import ctypes

    for _value in (True, False, None):
        ctypes.c_ssize_t.from_address(id(_value)).value += 1_000_000_000
