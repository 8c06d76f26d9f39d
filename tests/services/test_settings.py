"""Settings: the ranking and model constants are typed fields, one source for defaults, ranges and help."""

from __future__ import annotations

import math
import os
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
    settings.set("llm_threads", "1")
    settings.set("llm_temperature", "0.2")
    settings.set("device", "cpu")
    conf = settings.model_params()
    assert (conf.llm_threads, conf.llm_temperature, conf.device) == (1, 0.2, "cpu")
    assert isinstance(conf.llm_threads, int)
    for key, value in (("llm_threads", "1000"), ("llm_context", "10"), ("device", "gpu"), ("llm_mode", "poem")):
        with pytest.raises(InputError):
            settings.set(key, value)
    assert settings.model_params().llm_threads == 1  # a refused value changes nothing


def test_the_explainer_model_is_built_from_the_typed_settings(tmp_path: Path) -> None:
    """The default factory reads ModelParams: threads, context, GPU layers and mode reach LlamaModel."""
    store = Store.open(tmp_path / "data")
    try:
        services = Services(store, catalogs_dir=tmp_path / "none")
        services.settings.set("llm_threads", 1)
        services.settings.set("llm_context", 3072)
        services.settings.set("llm_gpu_layers", 0)
        services.settings.set("llm_mode", "completion")
        llm = services._default_llm()
        assert (llm.threads, llm.context, llm.gpu_layers, llm.mode) == (1, 3072, 0, "completion")
        before = services.apply_settings({"llm_context": 4096})
        assert before["llm_context"] == 4096
    finally:
        store.close()


def test_every_number_has_finite_bounds_and_no_weight_is_negative() -> None:
    """Issue 25 item 6: the ranges live on the fields, and settings, CLI and GUI read them from there."""
    for setting in SETTINGS.values():
        if setting.kind in (int, float):
            low, high = setting.bounds()
            assert low is not None and high is not None and math.isfinite(low) and math.isfinite(high), setting.key
        if setting.key.endswith(("weight", "bonus", "boost")) or setting.key in ("alpha", "beta", "gamma"):
            assert setting.low == 0.0, setting.key
    assert SETTINGS["tau"].low > 0


def test_values_are_refused_with_their_range_and_never_cut(bare_services: Services,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    settings = bare_services.settings
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    for key, value, says in (("llm_threads", "2.5", "whole number"), ("text_neighbours", 7.5, "whole number"),
                             ("llm_threads", "5", "this computer has 4 cores"), ("llm_context", "1024", "2048"),
                             ("alpha", "-1", "from 0 to 10"), ("tau", "0", "from 0.0001"),
                             ("like_bonus", "1e300", "10"), ("cold_boost", "1e9", "100"),
                             ("half_life", "nan", "finite"), ("llm_seed", True, "finite"),
                             ("alpha", "x" * 10_000, "finite")):
        with pytest.raises(InputError, match=says) as caught:
            settings.set(key, value)
        assert len(str(caught.value)) < 200
    assert settings.set("llm_threads", "4.0") == 4 and settings.set("text_neighbours", "1e3") == 1000
    assert settings.model_params().llm_threads == 4
    assert SETTINGS["llm_threads"].bounds() == (0, 4)


def test_stored_values_out_of_range_are_reset_once_with_a_notice(services: Services) -> None:
    said: list[str] = []
    services.settings._notice = said.append
    services.history.add("The Matrix (1999)", rating=5, kind="film")
    store = services.store
    store.settings.set("tau", 0.0)  # as an older Hearth, or a hand, stored them
    store.settings.set("alpha", -5.0)
    store.settings.set("llm_threads", 2.5)
    store.settings.set("decay", "weeks")
    with store.transaction() as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES ('beta', 'NaN'), ('gamma', 'not json'),"
                     " ('like_bonus', '1e999')")
    params = services.settings.ranking_params()
    assert params == RankingParams() and services.settings.model_params().llm_threads == 0
    assert sorted(s.split()[3] for s in said) == ["alpha", "beta", "decay", "gamma", "like_bonus", "llm_threads",
                                                  "tau"]
    assert all("reset to its default" in s for s in said)
    services.settings.all()
    assert len(said) == 7 and store.settings.all() == {}  # said once; the stored values are gone
    recs = services.recommender.recommend(k=3)
    assert all(math.isfinite(r.probability) and math.isfinite(r.score) for r in recs)


@pytest.mark.heavy  # 3-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_every_value_a_setting_accepts_ranks_without_error(services: Services) -> None:
    """Each number at both ends of its range (and each choice) gives a list with finite numbers."""
    services.history.add("The Matrix (1999)", rating=5, kind="film")
    services.history.add("Alien (1979)", rating=2, kind="film")
    services.store.feedback.set(services.lookup.find("Aliens (1986)").id, "like")
    services.store.feedback.set(services.lookup.find("Dune", kind="book").id, "saved")
    for key in RankingParams.names():
        setting = SETTINGS[key]
        for value in setting.choices or setting.bounds():
            services.settings.set(key, value)
            recs = services.recommender.recommend(k=3, like=["space opera"])
            why = services.recommender.why(str(recs[0].item.id))
            for r in (*recs, why):
                assert math.isfinite(r.probability) and 0 <= r.probability <= 1, (key, value)
                assert math.isfinite(r.score) and math.isfinite(r.terms.history_share), (key, value)
        services.settings.reset(key)
