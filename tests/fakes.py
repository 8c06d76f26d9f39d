"""Stand-ins for the two models, behind the same factories the app uses (``Services(embedder_factory=,
llm_factory=)``), for tests about something else: they answer at once and the same way every time.

The real models are tested through tests marked ``real_models`` (the ``services`` fixture gives them
the bundled MiniLM and Gemma) and through every CLI test, which runs ``python -m app`` as a person
would. See docs/architecture.md, "Testing".
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from app.core.progress import CancelToken, Progress, no_progress

__all__ = ["FakeLlm", "HashEmbedder"]

_WORD = re.compile(r"\w+")


class HashEmbedder:
    """Bag of words hashed into 384 dimensions, L2-normalised: texts that share words are close,
    which is all a test of storage, import or ranking plumbing needs. Its model id is its own,
    so it never mixes its vectors with the bundled MiniLM ones a catalog ships."""

    model_id = "test-hash-384"
    dim = 384
    english_only = True
    device = "cpu"
    loaded = True
    path = Path("test-hash-384")

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str], *, progress: Progress = no_progress, cancel: CancelToken | None = None,
               label: str = "Embedding") -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            if cancel is not None:
                cancel.check()
            for word in _WORD.findall(text.casefold()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest[:2], "little") % self.dim] += 1.0 if digest[2] & 1 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        progress(len(texts), len(texts), label)
        return out / np.maximum(norms, 1e-12)


class FakeLlm:
    """Streams a fixed clause word by word, ``delay`` seconds a word (0: at once). The clause is one
    the claim checker accepts for most evidence ("a film people who loved X also loved" needs the
    co-liked fact); when it does not, the explainer falls back to its template, as with the real one."""

    model_id = "test-fake-llm"
    chat = False
    loaded = True
    path = Path("test-fake-llm.gguf")
    threads = 1
    context = 2048
    mode = "completion"
    gpu_layers = 0
    info = SimpleNamespace(size=0)

    def __init__(self, clause: str = " it is another story told in the same spirit.", *, delay: float = 0.0) -> None:
        self.clause = clause
        self.delay = delay
        self.prompts: list[Any] = []

    @property
    def llm(self) -> FakeLlm:
        return self

    def unload(self) -> None:
        pass

    def stream(self, prompt: Any, *, cancel: CancelToken | None = None, **_: Any) -> Iterator[str]:
        self.prompts.append(prompt)
        for word in self.clause.split(" "):
            if cancel is not None:
                cancel.check()
            if self.delay:
                time.sleep(self.delay)
            yield word + " "
