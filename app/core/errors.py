"""One error family whose message a person can act on.

Every failure the user should see is an ``AppError`` (or a subclass); the CLI and
the GUI show ``str(error)`` and nothing else. ``Cancelled`` is deliberately not an
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

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class InputError(AppError):
    """A file, argument or setting the user gave cannot be used."""


class NotFound(AppError):
    """Something the user named does not exist."""


class AmbiguousItem(AppError):
    """A title matches several items; ``candidates`` holds the closest ones."""

    def __init__(self, message: str, *, candidates: list[str], hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.candidates = candidates

    def __str__(self) -> str:
        lines = [self.message, *(f"  {c}" for c in self.candidates)]
        if self.hint:
            lines.append(self.hint)
        return "\n".join(lines)


class StorageError(AppError):
    """The database could not be read or written (disk full, corrupt file, ...)."""


class ModelError(AppError):
    """A model file is missing, corrupt or cannot be loaded."""


class Cancelled(Exception):
    """The user cancelled a long task. Not an error: never shown as one."""
