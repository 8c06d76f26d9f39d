"""Settings a person can change, validated against the ranges their fields declare, with their defaults."""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.errors import AppError, InputError
from app.core.types import ModelParams, RankingParams
from app.storage import Store

__all__ = ["SETTINGS", "SettingsService"]


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    help: str
    kind: type = float
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    cores: bool = False  # at most this machine's CPU cores too

    def bounds(self) -> tuple[float | None, float | None]:
        """The range a value must be in here: the declared one, and no more threads than cores."""
        high = self.high
        if self.cores:
            cores = os.cpu_count() or 1
            high = cores if high is None else min(high, cores)
        return self.low, high

    def range_text(self) -> str:
        """"0 to 10", "one of: days, position", "" (for CLI help and messages)."""
        if self.choices:
            return "one of: " + ", ".join(self.choices)
        low, high = self.bounds()
        if low is None and high is None:
            return ""
        return f"{_number(low) if low is not None else '...'} to {_number(high) if high is not None else '...'}"


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def _settings(*params: type[RankingParams] | type[ModelParams]) -> dict[str, Setting]:
    return {p.name: Setting(p.name, p.default, p.help, p.kind, p.low, p.high, p.choices, p.cores)
            for cls in params for p in cls.describe()}


# Every setting is a field of ModelParams or RankingParams: one source for defaults, ranges and help.
SETTINGS: dict[str, Setting] = _settings(ModelParams, RankingParams)


class SettingsService:
    def __init__(self, store: Store, *, notice: Callable[[str], None] | None = None) -> None:
        self.store = store
        self._notice = notice or (lambda text: None)
        self._said: set[str] = set()

    def get(self, key: str) -> Any:
        self._setting(key)
        return self.all()[key]

    def all(self) -> dict[str, Any]:
        """Every setting: the stored value, or the default. A stored value this version refuses (out of its
        range, not finite, a fraction where a whole number belongs: written by hand or by an older Hearth)
        is reset to the default, and said once."""
        stored = self.store.settings.all()
        values = {}
        for key, setting in SETTINGS.items():
            if key not in stored:
                values[key] = setting.default
                continue
            try:
                values[key] = self._parse(setting, stored[key])
            except InputError as exc:
                values[key] = setting.default
                self._reset_stored(key, exc)
        return values

    def _reset_stored(self, key: str, why: InputError) -> None:
        try:
            self.store.settings.delete(key)
        except AppError:
            pass  # a read-only file: the default is used all the same
        if key not in self._said:
            self._said.add(key)
            self._notice(f"the stored setting {key} was reset to its default ({why.message[:-1]}).")

    def set(self, key: str, value: Any) -> Any:
        setting = self._setting(key)
        parsed = self._parse(setting, value)
        self.store.settings.set(key, parsed)
        return parsed

    def reset(self, key: str | None = None) -> None:
        for k in [key] if key else list(SETTINGS):
            self._setting(k)
            self.store.settings.delete(k)

    def model_params(self) -> ModelParams:
        return ModelParams.of(self.all())

    def ranking_params(self) -> RankingParams:
        values = self.all()
        return RankingParams(**{name: values[name] for name in RankingParams.names()})

    @staticmethod
    def _setting(key: str) -> Setting:
        if key not in SETTINGS:
            raise InputError(f"There is no setting {key!r}.", hint="Settings: " + ", ".join(SETTINGS) + ".")
        return SETTINGS[key]

    @staticmethod
    def _parse(setting: Setting, value: Any) -> Any:
        """``value`` (typed, or as stored) as the setting's kind, within its range; InputError otherwise."""
        if setting.kind is str:
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise InputError(f"{setting.key} must be text, not {_shown(value)}.")
            text = str(value).strip()
            if setting.choices and text not in setting.choices:
                raise InputError(f"{setting.key} must be one of: {', '.join(setting.choices)}.")
            return text
        try:
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise TypeError(value)
            number = float(value)
            if not math.isfinite(number):  # inf, 1e400, nan: no ranking survives them
                raise ValueError(value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise InputError(f"{setting.key} must be a finite number, not {_shown(value)}.") from exc
        if setting.kind is int:
            if not number.is_integer():  # 2.5 threads is refused, not cut to 2
                raise InputError(f"{setting.key} must be a whole number, not {_shown(value)}.")
            number = int(number)
        low, high = setting.bounds()
        if low is not None and number < low or high is not None and number > high:
            limit = f" (this computer has {os.cpu_count() or 1} cores)" if setting.cores else ""
            raise InputError(f"{setting.key} must be from {setting.range_text()}{limit}, not {_shown(value)}.")
        return number
