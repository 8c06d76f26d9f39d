"""What each page does (after Anki's aqt/operations: one module per domain).

A page's widget (``app/gui/pages``) shows data and emits ``*_requested`` signals; its actions object
(a ``PageActions`` here, one module per page) turns each signal into work through the ``Host`` the
window gives it, and says which kinds of change it follows. A write names what it changes
(``host.write(fn, {HISTORY})``); the window emits ``changed`` with them and every page's
``on_changed`` decides for itself what to refresh. Work functions get values and return values;
only callbacks, on the main thread, touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from app.gui.actions.startup import State
    from app.gui.ops import Op
    from app.services import Services
    from app.services.events import Event

__all__ = ["FEEDBACK", "HISTORY", "INTERESTS", "MODELS", "SETTINGS", "Host", "PageActions"]

T = TypeVar("T")

# What a write can change; ``MainWindow.changed`` carries a frozenset of them.
HISTORY, FEEDBACK, INTERESTS, SETTINGS, MODELS = "history", "feedback", "interests", "settings", "models"


class Host(Protocol):
    """What a page may ask of the window (``MainWindow`` is one)."""

    services: Services

    def run(self, fn: Callable[..., T], on_done: Callable[[T], object] | None = None, *, lane: str = "db",
            long: str | None = None) -> Op[T]: ...

    def write(self, fn: Callable[..., T], changes: set[str], on_done: Callable[[T], object] | None = None, *,
              long: str | None = None, lane: str = "db") -> Op[T]: ...

    def stream(self, fn: Callable[..., Iterable[Event]], on_event: Callable[[Event], object], *,
               lane: str = "model") -> Op[Any]: ...

    def language(self) -> str: ...

    def window(self) -> QWidget: ...  # the parent of dialogs and message boxes

    def show_tab(self, page: QWidget) -> None: ...

    def current_tab(self) -> QWidget | None: ...

    def show_welcome(self, shown: bool) -> None: ...

    def say(self, text: str) -> None: ...  # the status bar's message

    def show_model(self, extra: str = "") -> None: ...  # the status bar's model label


class PageActions(QObject):
    """A page's actions. ``follows``: the kinds of change after which ``refresh`` runs."""

    follows: frozenset[str] = frozenset()

    def __init__(self, page: QWidget, host: Host) -> None:
        super().__init__(page)
        self.page = page
        self.host = host

    def on_changed(self, changes: frozenset[str]) -> None:
        """A write finished (``MainWindow.changed``)."""
        if changes & self.follows:
            self.refresh()

    def refresh(self) -> None:
        """Read the page's data again."""

    def prepared(self, state: State) -> None:
        """Start-up has read what the pages show first (``startup.prepare``)."""

    def on_shown(self) -> None:
        """The page's tab became the current one."""
