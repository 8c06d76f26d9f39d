"""What a streamed task (an explanation, a profile) yields, as types rather than tagged tuples."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

__all__ = ["Event", "Finished", "Shown", "TakenBack", "final"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Shown:
    """Text that has passed verification: show it (appended to what is shown)."""

    text: str


@dataclass(frozen=True, slots=True)
class TakenBack:
    """The draft shown so far failed verification: take it back; ``problems`` say why."""

    problems: list[str]


@dataclass(frozen=True, slots=True)
class Finished(Generic[T]):
    """The last event: the whole result."""

    result: T


Event = Shown | TakenBack | Finished[Any]


def final(events: Iterable[Event]) -> Any:
    """Run a stream to its end: the result it finished with."""
    result = None
    for event in events:
        if isinstance(event, Finished):
            result = event.result
    if result is None:
        raise RuntimeError("the stream ended without a result")
    return result
