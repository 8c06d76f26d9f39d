"""Long work off the GUI thread, results back on it (after Anki's QueryOp/CollectionOp).

Each Op runs a callable on a lane: one worker thread for the database, one for the
models, so work on one resource is never concurrent with itself. The callable gets
``progress`` and ``cancel``; progress, events, the result and any error come back
as signals, which Qt delivers on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import Cancelled
from app.core.progress import CancelToken

__all__ = ["Op", "Lanes"]


class _Signals(QObject):
    progress = Signal(int, int, str)
    event = Signal(str, object)
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Op(QRunnable):
    """One piece of work. Connect to ``signals`` before starting it with ``Lanes.start``."""

    def __init__(self, fn: Callable[..., Any], *, streaming: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.streaming = streaming  # fn returns an iterator of (kind, value) events
        self.token = CancelToken()
        self.signals = _Signals()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            result = self.fn(progress=self._progress, cancel=self.token)
            if self.streaming:
                last = None
                for kind, value in result:
                    self.token.check()
                    self.signals.event.emit(kind, value)
                    last = value
                result = last
            self.signals.done.emit(result)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the one error display
            self.signals.failed.emit(exc)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.signals.progress.emit(int(done), int(total), label)


class Lanes:
    """The worker threads: ``db`` for storage work, ``model`` for embedding and generation."""

    def __init__(self) -> None:
        self.pools = {"db": QThreadPool(), "model": QThreadPool()}
        for pool in self.pools.values():
            pool.setMaxThreadCount(1)
        self._running: set[Op] = set()

    def start(self, op: Op, lane: str = "db") -> Op:
        self._running.add(op)
        for signal in (op.signals.done, op.signals.failed, op.signals.cancelled):
            signal.connect(lambda *_: self._running.discard(op))
        self.pools[lane].start(op)
        return op

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return all(pool.waitForDone(msecs) for pool in self.pools.values())

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()
