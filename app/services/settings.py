"""Settings a person can change, validated, with their defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from app.core.errors import InputError
from app.core.types import RankingParams
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


def _ranking_settings() -> list[Setting]:
    return [Setting(p.name, p.default, p.help, p.kind, p.low, p.high, p.choices) for p in RankingParams.describe()]


SETTINGS: dict[str, Setting] = {
    s.key: s
    for s in [
        Setting("embedding_model", "", "sentence-transformers folder ('' = bundled all-MiniLM-L6-v2)", str),
        Setting("device", "auto", "where models run: auto, cpu, cuda, mps", str),
        Setting("llm_model", "", "GGUF file of the explainer ('' = bundled Gemma 3 270M)", str),
        Setting("llm_mode", "auto", "auto (chat if the file has a chat template), completion or chat", str,
                choices=("auto", "completion", "chat")),
        Setting("llm_threads", 0, "CPU threads for the explainer (0 = automatic)", int, 0, 256),
        Setting("llm_context", 2048, "context size of the explainer, in tokens", int, 256, 131072),
        Setting("llm_gpu_layers", -1, "layers offloaded to the GPU (-1 = all if llama.cpp can)", int, -1, 1000),
        Setting("llm_temperature", 0.7, "sampling temperature of explanations", float, 0.0, 2.0),
        Setting("llm_seed", 0, "sampling seed of explanations", int, 0, 2**31 - 1),
        Setting("llm_max_tokens", 48, "longest explanation, in tokens", int, 8, 512),
        *_ranking_settings(),
    ]
}


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
