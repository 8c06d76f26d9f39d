"""Progress reporting and cooperative cancellation for long tasks.

Long work calls ``progress(done, total, label)`` between batches and checks a
``CancelToken``. The CLI turns the calls into progress bars, the GUI into signals.
"""

from __future__ import annotations

import threading
from typing import Protocol

from app.core.errors import Cancelled

__all__ = ["CancelToken", "Progress", "no_progress"]


class Progress(Protocol):
    def __call__(self, done: int, total: int, label: str) -> None: ...


def no_progress(done: int, total: int, label: str) -> None:
    """A progress callback that ignores everything."""


class CancelToken:
    """Set from any thread; the worker raises ``Cancelled`` at its next check."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
