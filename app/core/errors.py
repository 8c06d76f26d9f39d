"""One error family whose message a person can act on.

Every failure the user should see is an ``AppError`` (or a subclass). ``message`` and
``hint`` are for any interface; ``command`` is the command-line way to act on it, which the
CLI prints (``str(error)``) and the GUI leaves out; ``zh`` and ``zh_hint`` are the message and
hint in Chinese, which the GUI shows a Chinese reader. ``Cancelled`` is deliberately not an
``AppError``: a cancelled task is never reported as a failure.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousItem",
    "AppError",
    "Cancelled",
    "InputError",
    "ModelError",
    "NotFound",
    "StorageError",
]


class AppError(Exception):
    """An error with a message written for the person using Hearth."""

    def __init__(self, message: str, *, hint: str | None = None, command: str | None = None,
                 zh: str | None = None, zh_hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.command = command
        # The message and hint in Chinese, written beside the English where a window can show the error
        # (the command line speaks English).
        self.zh = zh
        self.zh_hint = zh_hint

    def __str__(self) -> str:  # one line: what went wrong, then what to do
        return " ".join(x for x in (self.message, self.hint, self.command) if x)


class InputError(AppError):
    """A file, argument or setting the user gave cannot be used."""


class NotFound(AppError):
    """Something the user named does not exist."""


class AmbiguousItem(AppError):
    """A title matches several items; ``candidates`` holds the closest ones."""

    def __init__(self, message: str, *, candidates: list[str], hint: str | None = None,
                 command: str | None = None, zh: str | None = None, zh_hint: str | None = None) -> None:
        super().__init__(message, hint=hint, command=command, zh=zh, zh_hint=zh_hint)
        self.candidates = candidates

    def __str__(self) -> str:
        lines = [self.message, *(f"  {c}" for c in self.candidates)]
        return "\n".join(x for x in (*lines, self.hint, self.command) if x)


class StorageError(AppError):
    """The database could not be read or written (disk full, corrupt file, ...)."""


class ModelError(AppError):
    """A model file is missing, corrupt or cannot be loaded."""


class Cancelled(Exception):
    """The user cancelled a long task. Not an error: never shown as one."""
