"""Long work off the GUI thread, results back on it (after Anki's QueryOp/CollectionOp).

Each Op runs a callable on a lane: one worker thread for storage work, one for the models
(embedding, generation, search), so a recommendation is not queued behind an import. What
both may touch is guarded where it lives: the database by its lock, the embedder and the
recommender's item universe by theirs. The callable gets
``progress`` and ``cancel``; progress, events, the result and any error come back
as signals, which Qt delivers on the main thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.core.errors import Cancelled
from app.core.progress import CancelToken
from app.services.events import Finished

__all__ = ["Op", "Lanes"]

T = TypeVar("T")


class _Signals(QObject):
    progress = Signal(int, int, str)
    event = Signal(object)  # an events.Event
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Op(QRunnable, Generic[T]):
    """One piece of work whose result is a T. Connect to ``signals`` before starting it with
    ``Lanes.start``: ``done`` carries the T, ``failed`` the exception, ``event`` each event of a
    streaming Op (whose fn returns events.Event items and whose T is what it Finished with)."""

    def __init__(self, fn: Callable[..., T] | Callable[..., Iterable[Any]], *, streaming: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.streaming = streaming
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
                for event in result:
                    self.token.check()
                    self.signals.event.emit(event)
                    if isinstance(event, Finished):
                        last = event.result
                result = last
            self.signals.done.emit(result)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the one error display
            self.signals.failed.emit(exc)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.signals.progress.emit(int(done), int(total), label)


def _spent(**_: Any) -> None:
    raise RuntimeError("an Op runs once")


class Lanes:
    """The worker threads: ``db`` for storage work, ``model`` for embedding and generation.

    PySide's pool keeps every Op it ran for its own life, so a finished Op lets go of its work (and
    all the work captured: files, texts, results of earlier steps) on the GUI thread."""

    def __init__(self) -> None:
        self.pools = {"db": QThreadPool(), "model": QThreadPool()}
        for pool in self.pools.values():
            pool.setMaxThreadCount(1)
        self._running: set[Op] = set()

    def start(self, op: Op[T], lane: str = "db") -> Op[T]:
        self._running.add(op)
        for signal in (op.signals.done, op.signals.failed, op.signals.cancelled):
            signal.connect(lambda *_: self._finished(op))
        self.pools[lane].start(op)
        return op

    def _finished(self, op: Op) -> None:
        self._running.discard(op)
        op.fn = _spent

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return all(pool.waitForDone(msecs) for pool in self.pools.values())

    def cancel_all(self) -> None:
        for op in list(self._running):
            op.cancel()
