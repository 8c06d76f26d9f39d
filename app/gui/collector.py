"""Python's cycle collector, run on the GUI thread only (pyqtgraph's and Anki's remedy).

The lanes, the LLM's worker and the model loader run Python on other threads. An automatic
collection starts in whichever thread allocates when a threshold is crossed, and a collection
on a worker thread can free a Qt object of the GUI thread (a finished Op's signals, a closed
dialog's wrappers) from the wrong thread: Qt then crashes, now and then, in the middle of an
import. While a window lives, automatic collection is off and a timer collects here, by the
same generation thresholds Python would use.
"""

from __future__ import annotations

import gc
import itertools

from PySide6.QtCore import QObject, QTimer

__all__ = ["GuiCollector"]

INTERVAL_MS = 1000

_keys = itertools.count()
_live: set[int] = set()  # the collectors running (tests open several windows at once)
_was_enabled = [True]  # automatic collection before the first of them


def _release(key: int) -> None:
    """One collector fewer; automatic collection as it was once none is left."""
    if key in _live:
        _live.discard(key)
        if not _live and _was_enabled[0]:
            gc.enable()


class GuiCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        if not _live:
            _was_enabled[0] = gc.isenabled()
        self._key = next(_keys)
        _live.add(self._key)
        gc.disable()
        self._threshold = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(INTERVAL_MS)
        key = self._key  # a window never closed still gives collection back when it is deleted
        self.destroyed.connect(lambda *_: _release(key))

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as Python would have."""
        counts = gc.get_count()
        if counts[0] > self._threshold[0]:
            gc.collect(0)
            if counts[1] > self._threshold[1]:
                gc.collect(1)
                if counts[2] > self._threshold[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """The window is closing and its worker threads are done."""
        self._timer.stop()
        _release(self._key)
