"""Settings: the ranking and model constants are typed fields, one source for defaults, ranges and help."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import InputError
from app.core.types import ModelParams, RankingParams
from app.services import SETTINGS, Services
from app.storage import Store


def test_every_setting_is_a_typed_field_with_its_default_and_help() -> None:
    assert list(SETTINGS) == [*ModelParams.names(), *RankingParams.names()]
    for info in [*ModelParams.describe(), *RankingParams.describe()]:
        setting = SETTINGS[info.name]
        assert (setting.default, setting.kind, setting.low, setting.high, setting.choices) == (
            info.default, info.kind, info.low, info.high, info.choices)
        assert setting.help
    assert ModelParams().llm_context == SETTINGS["llm_context"].default == 2048


def test_model_settings_are_checked_and_read_back_typed(bare_services: Services) -> None:
    settings = bare_services.settings
    assert settings.model_params() == ModelParams()
    settings.set("llm_threads", "3")
    settings.set("llm_temperature", "0.2")
    settings.set("device", "cpu")
    conf = settings.model_params()
    assert (conf.llm_threads, conf.llm_temperature, conf.device) == (3, 0.2, "cpu")
    assert isinstance(conf.llm_threads, int)
    for key, value in (("llm_threads", "1000"), ("llm_context", "10"), ("device", "gpu"), ("llm_mode", "poem")):
        with pytest.raises(InputError):
            settings.set(key, value)
    assert settings.model_params().llm_threads == 3  # a refused value changes nothing


def test_the_explainer_model_is_built_from_the_typed_settings(tmp_path: Path) -> None:
    """The default factory reads ModelParams: threads, context, GPU layers and mode reach LlamaModel."""
    store = Store.open(tmp_path / "data")
    try:
        services = Services(store, catalogs_dir=tmp_path / "none")
        services.settings.set("llm_threads", 2)
        services.settings.set("llm_context", 1024)
        services.settings.set("llm_gpu_layers", 0)
        services.settings.set("llm_mode", "completion")
        llm = services._default_llm()
        assert (llm.threads, llm.context, llm.gpu_layers, llm.mode) == (2, 1024, 0, "completion")
        before = services.apply_settings({"llm_context": 4096})
        assert before["llm_context"] == 4096
    finally:
        store.close()
