"""The real bundled sentence-transformer, the cache in front of it, and broken model folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from app.core.errors import Cancelled, ModelError
from app.core.progress import CancelToken
from app.models.embedder import DEFAULT_MODEL_ID, Embedder, default_model_path, resolve_device
from app.services.embeddings import EmbeddingService
from app.storage import Store


def test_real_model_gives_unit_float32_vectors_that_mean_something(embedder: Embedder) -> None:
    texts = ["A space opera with starships and rebels.", "Starships battle an evil galactic empire.",
             "A quiet cookbook of Tuscan soups."]
    vectors = embedder.encode(texts)
    assert vectors.dtype == np.float32 and vectors.shape == (3, 384)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    sims = vectors @ vectors.T
    assert sims[0, 1] > sims[0, 2] + 0.2
    assert embedder.model_id == DEFAULT_MODEL_ID
    assert embedder.device == "cpu"  # no GPU on this machine: auto falls back to the CPU


def test_batches_report_progress_and_keep_order(embedder: Embedder) -> None:
    texts = [f"Item number {k} " + "word " * (k % 7) for k in range(300)]
    calls: list[tuple[int, int]] = []
    batched = Embedder(device="cpu", batch_size=8)
    batched._model, batched._device = embedder._load(), "cpu"  # share the loaded weights
    out = batched.encode(texts, progress=lambda d, t, label: calls.append((d, t)))
    assert calls[0] == (0, 300) and calls[-1] == (300, 300) and len(calls) > 3
    direct = embedder.encode([texts[5], texts[250]])
    np.testing.assert_allclose(out[[5, 250]], direct, atol=1e-5)


def test_devices_are_checked() -> None:
    assert resolve_device("auto") in ("cpu", "cuda", "mps")
    assert resolve_device("cpu") == "cpu"
    with pytest.raises(ModelError, match="Unknown device"):
        resolve_device("tpu")
    import torch

    if not torch.cuda.is_available():
        with pytest.raises(ModelError, match="CUDA is not available"):
            resolve_device("cuda")


def test_the_cache_embeds_each_text_once(tmp_path: Path, embedder: Embedder) -> None:
    store = Store.open(tmp_path)
    service = EmbeddingService(store, lambda: embedder)
    first = service.embed_texts(["alpha", "beta", "alpha"])
    assert service.last_embedded == 2
    second = service.embed_texts(["alpha", "beta"])
    assert service.last_embedded == 0
    np.testing.assert_array_equal(first[:2], second)
    service.embed_texts(["alpha", "gamma"])
    assert service.last_embedded == 1
    store.close()


def test_cancel_stops_between_batches_and_keeps_finished_chunks(tmp_path: Path, embedder: Embedder) -> None:
    store = Store.open(tmp_path)
    service = EmbeddingService(store, lambda: embedder)
    service.CHUNK = 16
    token = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if done >= 16:
            token.cancel()

    with pytest.raises(Cancelled):
        service.embed_texts([f"text {k}" for k in range(64)], progress=progress, cancel=token)
    assert 16 <= store.embeddings.count() < 64
    store.close()


def test_mostly_chinese_text_gets_one_notice(tmp_path: Path, embedder: Embedder) -> None:
    store = Store.open(tmp_path)
    notices: list[str] = []
    service = EmbeddingService(store, lambda: embedder, notice=notices.append)
    service.embed_texts(["星际穿越是一部非常经典的科幻电影。", "三体是一部科幻小说。"])
    service.embed_texts(["阿凡达是一部关于外星生物的电影。"])
    service.embed_texts(["An English sentence."])
    assert len(notices) == 1
    assert "multilingual" in notices[0] and "embedding_model" in notices[0]
    store.close()


def test_missing_or_wrong_folders_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        Embedder(model_path=tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelError, match="not a sentence-transformers model folder"):
        Embedder(model_path=tmp_path / "empty")


def test_a_corrupt_weights_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "broken-model"
    shutil.copytree(default_model_path(), folder)
    weights = folder / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:4096])  # truncated download
    model = Embedder(model_path=folder, device="cpu")
    assert model.model_id.startswith("local:broken-model:")
    with pytest.raises(ModelError, match="Could not load the embedding model"):
        model.encode(["hello"])


def test_any_local_folder_works_and_has_its_own_cache_id(tmp_path: Path, embedder: Embedder) -> None:
    folder = tmp_path / "my-model"
    shutil.copytree(default_model_path(), folder)
    local = Embedder(model_path=folder, device="cpu")
    assert local.model_id != embedder.model_id
    np.testing.assert_allclose(local.encode(["same text"]), embedder.encode(["same text"]), atol=1e-5)
