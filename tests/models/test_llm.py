"""The GGUF model manager and the opt-in download (against a server on 127.0.0.1)."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.core.errors import Cancelled, ModelError
from app.core.progress import CancelToken
from app.models.download import download_model
from app.models.llm import LlamaModel, default_llm_path, read_gguf_header, unpack

HEADER = b"GGUF" + struct.pack("<IQQ", 3, 10, 5)


def fake_gguf(size: int = 2 << 20) -> bytes:
    return HEADER + bytes(range(256)) * ((size - len(HEADER)) // 256)


def test_gguf_header_checks(tmp_path: Path) -> None:
    good = tmp_path / "m.gguf"
    good.write_bytes(fake_gguf())
    assert read_gguf_header(good).version == 3
    for name, data, message in [
        ("text.gguf", b"hello world" * 200_000, "not a GGUF"),
        ("short.gguf", HEADER + b"x" * 100, "incomplete"),
        ("badver.gguf", b"GGUF" + struct.pack("<IQQ", 99, 10, 5) + b"x" * (2 << 20), "unreadable GGUF header"),
    ]:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ModelError, match=message):
            read_gguf_header(path)
    with pytest.raises(ModelError, match="no model file"):
        read_gguf_header(tmp_path / "missing.gguf")


def test_a_corrupt_gguf_is_a_clear_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "corrupt.gguf"
    path.write_bytes(fake_gguf())  # a valid header, then garbage where tensors should be
    model = LlamaModel(path, threads=1, context=256)
    with pytest.raises(ModelError, match="could not load"):
        _ = model.llm


def test_unpack_writes_the_model_once_and_checks_it(tmp_path: Path) -> None:
    data = fake_gguf()
    packed = tmp_path / "m.gguf.gz"
    packed.write_bytes(gzip.compress(data))
    sha = hashlib.sha256(data).hexdigest()
    target = tmp_path / "models" / "m.gguf"
    assert unpack(packed, target, sha256=sha) == target
    assert target.read_bytes() == data
    packed.unlink()  # a good copy is reused: the packed file is not read again
    assert unpack(packed, target, sha256=sha) == target


def test_unpack_failures_leave_no_model_behind(tmp_path: Path) -> None:
    data = fake_gguf()
    target = tmp_path / "models" / "m.gguf"
    truncated = tmp_path / "cut.gz"
    truncated.write_bytes(gzip.compress(data)[:5000])
    garbage = tmp_path / "garbage.gz"
    garbage.write_bytes(b"not gzip at all" * 100)
    other = tmp_path / "other.gz"
    other.write_bytes(gzip.compress(data[::-1]))
    for packed in (truncated, garbage, other):
        with pytest.raises(ModelError, match="Could not unpack"):
            unpack(packed, target, sha256=hashlib.sha256(data).hexdigest())
        assert list(target.parent.iterdir()) == []  # neither the model nor a .part file
    target.write_bytes(data[:1000])  # a damaged copy from earlier is replaced
    good = tmp_path / "good.gz"
    good.write_bytes(gzip.compress(data))
    unpack(good, target, sha256=hashlib.sha256(data).hexdigest())
    assert target.read_bytes() == data


@pytest.mark.heavy  # gzips and unpacks the 240 MB model twice (~12 s): with the heavy tests in .ci/run
def test_the_packed_default_model_unpacks_to_the_same_file(tmp_path: Path) -> None:
    """The packaged app ships the GGUF as one gzip file: it must give the very same model."""
    assembled = default_llm_path(tmp_path / "a")
    packed = tmp_path / "gemma.gguf.gz"
    with assembled.open("rb") as source, gzip.open(packed, "wb", compresslevel=1) as out:
        shutil.copyfileobj(source, out, 1 << 20)
    unpacked = default_llm_path(tmp_path / "b", packed=packed)
    assert unpacked != assembled
    assert unpacked.stat().st_size == assembled.stat().st_size
    assert read_gguf_header(unpacked) == read_gguf_header(assembled)


@pytest.fixture
def server() -> Iterator[dict]:
    """Serves one file with Range support; can drop the first connection half-way."""
    state: dict = {"data": fake_gguf(), "drop_after": None, "ranges": []}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            data = state["data"]
            start = 0
            if self.headers.get("Range"):
                start = int(self.headers["Range"].split("=")[1].split("-")[0])
                state["ranges"].append(start)
                self.send_response(206)
            else:
                self.send_response(200)
            body = data[start:]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if state["drop_after"] is not None:
                cut, state["drop_after"] = state["drop_after"], None
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.connection.shutdown(2)  # the connection drops mid-file
                return
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    state["url"] = f"http://127.0.0.1:{httpd.server_port}/models/tiny.gguf"
    yield state
    httpd.shutdown()
    httpd.server_close()


def test_download_verifies_the_checksum(server: dict, tmp_path: Path) -> None:
    expected = hashlib.sha256(server["data"]).hexdigest()
    seen: list[int] = []
    path = download_model(server["url"], tmp_path / "tiny.gguf", sha256=expected,
                          progress=lambda done, total, label: seen.append(done))
    assert path.read_bytes() == server["data"] and seen[-1] == len(server["data"])


def test_a_dropped_connection_resumes(server: dict, tmp_path: Path) -> None:
    server["drop_after"] = 700_000
    expected = hashlib.sha256(server["data"]).hexdigest()
    with pytest.raises(ModelError, match="resume"):
        download_model(server["url"], tmp_path / "tiny.gguf", sha256=expected)
    part = tmp_path / "tiny.gguf.part"
    assert part.exists() and 0 < part.stat().st_size < len(server["data"])
    path = download_model(server["url"], tmp_path / "tiny.gguf", sha256=expected)
    assert server["ranges"] == [part_size := server["ranges"][0]] and part_size > 0
    assert path.read_bytes() == server["data"]


def test_a_wrong_checksum_deletes_the_file(server: dict, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="sha256"):
        download_model(server["url"], tmp_path / "tiny.gguf", sha256="0" * 64)
    assert not list(tmp_path.iterdir())


def test_cancel_leaves_nothing_behind(server: dict, tmp_path: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if done > 100_000:
            token.cancel()

    with pytest.raises(Cancelled):
        download_model(server["url"], tmp_path / "tiny.gguf", sha256=None, progress=progress, cancel=token)
    assert not (tmp_path / "tiny.gguf.part").exists() and not (tmp_path / "tiny.gguf").exists()


def test_only_web_addresses(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="only http"):
        download_model("file:///etc/passwd", tmp_path / "x.gguf", sha256=None)


def test_a_prompt_longer_than_the_context_is_a_model_error(tmp_path: Path) -> None:
    """Issue 25 item 6: llama-cpp-python's ValueError ("exceed context window") reached the person raw."""
    from concurrent.futures import Future

    path = tmp_path / "m.gguf"
    path.write_bytes(fake_gguf())
    model = LlamaModel(path, context=2048)

    def too_long(prompt: str, **_: object) -> Iterator[dict]:
        raise ValueError("Requested tokens (2100) exceed context window of 2048")
        yield {}

    loaded: Future = Future()
    loaded.set_result(too_long)
    model._loading = loaded
    with pytest.raises(ModelError, match="does not fit the language model's context") as caught:
        list(model.stream("a prompt"))
    assert "llm_context" in str(caught.value)


@pytest.mark.parametrize(("system", "repacked"), [(b"CPU : AVX2 = 1 | AMX_INT8 = 1 | REPACK = 1 |", False),
                                                  (b"CPU : AVX2 = 1 | REPACK = 1 |", True)])
def test_weights_are_repacked_except_where_llama_cpp_runs_on_amx(monkeypatch: pytest.MonkeyPatch, system: bytes,
                                                                 repacked: bool) -> None:
    """On a Xeon with AMX, llama.cpp's repacked weights crashed Gemma's first decode (a segmentation fault that took
    the window down); elsewhere they are kept, being faster. The defaults are restored after loading."""
    import llama_cpp
    import llama_cpp.llama as binding

    from app.models.llm import _plain_cpu_buffers

    monkeypatch.setattr(llama_cpp, "llama_print_system_info", lambda: system)
    default = binding.llama_cpp.llama_model_default_params
    with _plain_cpu_buffers():
        assert binding.llama_cpp.llama_model_default_params().use_extra_bufts is repacked
    assert binding.llama_cpp.llama_model_default_params is default and default().use_extra_bufts
