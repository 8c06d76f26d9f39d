"""Settings a person can change, validated, with their defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.core.errors import InputError
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


def _settings(*params: type[RankingParams] | type[ModelParams]) -> dict[str, Setting]:
    return {p.name: Setting(p.name, p.default, p.help, p.kind, p.low, p.high, p.choices)
            for cls in params for p in cls.describe()}


# Every setting is a field of ModelParams or RankingParams: one source for defaults, ranges and help.
SETTINGS: dict[str, Setting] = _settings(ModelParams, RankingParams)


class SettingsService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> Any:
        setting = self._setting(key)
        return self.store.settings.get(key, setting.default)

    def all(self) -> dict[str, Any]:
        stored = self.store.settings.all()
        return {key: stored.get(key, s.default) for key, s in SETTINGS.items()}

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
        if setting.kind is str:
            text = str(value).strip()
            if setting.choices and text not in setting.choices:
                raise InputError(f"{setting.key} must be one of: {', '.join(setting.choices)}.")
            return text
        try:
            number = float(value)
            if not math.isfinite(number):  # inf, 1e400, nan: no ranking survives them
                raise ValueError(value)
            number = setting.kind(number) if setting.kind is int else number
        except (TypeError, ValueError, OverflowError) as exc:
            raise InputError(f"{setting.key} must be a finite number, not {value!r}.") from exc
        if setting.low is not None and number < setting.low:
            raise InputError(f"{setting.key} must be at least {setting.low}.")
        if setting.high is not None and number > setting.high:
            raise InputError(f"{setting.key} must be at most {setting.high}.")
        return number
