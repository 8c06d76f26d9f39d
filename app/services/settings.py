"""Settings a person can change, validated, with their defaults."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
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


_RANKING_HELP = {
    "alpha": "weight of text similarity to your history",
    "beta": "weight of what people who liked the same things also liked",
    "gamma": "weight of popularity",
    "tau": "softmax temperature of P(i|u)",
    "half_life": "recency half-life (days, or positions)",
    "decay": "measure age in 'days' before the latest entry or in 'position's from it",
    "long_term": "share of an entry's weight that never decays (0-1)",
    "text_neighbours": "text neighbours kept per history item (0 = all items)",
    "cold_boost": "extra weight of text similarity for items few people rated",
    "short_boost": "extra weight of text similarity while your history is short",
    "neutral_sds": "a rating this many of your standard deviations below your average counts as neutral",
    "unrated_weight": "weight of an entry without a rating",
    "dnf_weight": "how much a did-not-finish entry counts against",
    "shelved_weight": "weight of an unrated entry on a shelf whose name says nothing",
    "like_weight": "weight of a liked item as evidence",
    "dislike_weight": "weight of a disliked item as negative evidence",
    "like_bonus": "score bonus of a liked item, in units of tau",
    "saved_bonus": "score bonus of an item saved for later, in units of tau",
    "query_share": "share of the evidence that what you ask for in words carries (0.5: as much as your history)",
}
_RANGES: dict[str, tuple[float | None, float | None]] = {
    "tau": (1e-6, None),
    "half_life": (0.0, None),
    "text_neighbours": (0, 100000),
    "long_term": (0.0, 1.0),
    "neutral_sds": (-3.0, 3.0),
    "cold_boost": (0.0, None),
    "short_boost": (0.0, None),
    "query_share": (0.0, 0.95),
}


def _ranking_settings() -> list[Setting]:
    defaults = RankingParams()
    out = []
    for f in fields(RankingParams):
        value = getattr(defaults, f.name)
        low, high = _RANGES.get(f.name, (None, None))
        kind: type = type(value)
        choices = ("days", "position") if f.name == "decay" else ()
        out.append(Setting(f.name, value, _RANKING_HELP.get(f.name, ""), kind, low, high, choices))
    return out


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
        return RankingParams(**{f.name: values[f.name] for f in fields(RankingParams)})

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
