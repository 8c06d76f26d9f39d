"""`hearth model download` against hostile servers (issue 14, item 2), all on 127.0.0.1 with small limits.

Each test reproduces one reported failure: an endless server filled the disk, a trickling one never
ended, a redirect went to another port, a stale ``.part`` was taken as complete on HTTP 416, Ctrl-C
left the ``.part`` (and a traceback), and ``..`` as the file name gave an OSError traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.core.errors import Cancelled, ModelError
from app.core.progress import CancelToken
from app.core.sizes import parse_size
from app.models.download import DEFAULT_MAX_BYTES, download_model, model_file_name
from tests.conftest import ROOT, cli_env

HEADER = b"GGUF" + struct.pack("<IQQ", 3, 10, 5)
DATA = HEADER + bytes(range(256)) * ((2 << 20) // 256)  # a 2 MiB file that passes the GGUF header check
SHA = hashlib.sha256(DATA).hexdigest()
BLOCK = HEADER + b"x" * ((64 << 10) - len(HEADER))

Handler = Callable[[BaseHTTPRequestHandler, "Server"], None]


class Server:
    """One HTTP server on 127.0.0.1; ``routes`` maps a request path to how it is answered."""

    def __init__(self, routes: dict[str, Handler], stop: threading.Event) -> None:
        self.routes, self.stop, self.requests = routes, stop, []
        server = self

        class H(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, self.headers.get("Range")))
                try:
                    server.routes.get(self.path, not_found)(self, server)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.httpd.server_port
        threading.Thread(target=self.httpd.serve_forever, args=(0.02,), daemon=True).start()  # quick to shut down

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _announce(h: BaseHTTPRequestHandler, length: int = len(DATA)) -> None:
    """A 200 answer's headers, announcing ``length`` bytes."""
    h.send_response(200)
    h.send_header("Content-Length", str(length))
    h.end_headers()


def not_found(h: BaseHTTPRequestHandler, s: Server) -> None:
    h.send_error(404)


def a_file(h: BaseHTTPRequestHandler, s: Server) -> None:
    """DATA with Range support; a range past the end is HTTP 416, as real servers answer."""
    start = int(h.headers["Range"].split("=")[1].split("-")[0]) if h.headers.get("Range") else 0
    if start >= len(DATA):
        h.send_response(416)
        h.send_header("Content-Range", f"bytes */{len(DATA)}")
        h.send_header("Content-Length", "0")
        h.end_headers()
        return
    h.send_response(206 if start else 200)
    if start:
        h.send_header("Content-Range", f"bytes {start}-{len(DATA) - 1}/{len(DATA)}")
    h.send_header("Content-Length", str(len(DATA) - start))
    h.end_headers()
    h.wfile.write(DATA[start:])


def endless(h: BaseHTTPRequestHandler, s: Server) -> None:
    """No Content-Length, and the bytes never end."""
    h.send_response(200)
    h.end_headers()
    while not s.stop.is_set():
        h.wfile.write(BLOCK)


def trickle(h: BaseHTTPRequestHandler, s: Server) -> None:
    """A byte every 0.1 s: each read succeeds, the download never ends."""
    _announce(h)
    for byte in DATA:
        h.wfile.write(bytes([byte]))
        h.wfile.flush()
        if s.stop.wait(0.1):
            return


def silent(h: BaseHTTPRequestHandler, s: Server) -> None:
    _announce(h)
    h.wfile.write(DATA[:1000])
    h.wfile.flush()
    s.stop.wait(10)


def steady(h: BaseHTTPRequestHandler, s: Server) -> None:
    """64 KiB every 0.05 s, forever: never stalls, only the overall time limit stops it."""
    h.send_response(200)
    h.end_headers()
    while not s.stop.wait(0.05):
        h.wfile.write(BLOCK)
        h.wfile.flush()


def huge(h: BaseHTTPRequestHandler, s: Server) -> None:
    """Announces 5 MiB; sends nothing unless the client waits."""
    _announce(h, 5 << 20)
    s.stop.wait(10)


def redirect(location: str) -> Handler:
    def answer(h: BaseHTTPRequestHandler, s: Server) -> None:
        h.send_response(302)
        h.send_header("Location", location)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return answer


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Handler]], Server]]:
    stop = threading.Event()
    servers: list[Server] = []

    def start(routes: dict[str, Handler]) -> Server:
        servers.append(Server(routes, stop))
        return servers[-1]

    yield start
    stop.set()
    for server in servers:
        server.httpd.shutdown()
        server.httpd.server_close()


@pytest.fixture
def server(serve: Callable[[dict[str, Handler]], Server]) -> Server:
    return serve({"/m/tiny.gguf": a_file, "/m/endless.gguf": endless, "/m/trickle.gguf": trickle,
                  "/m/silent.gguf": silent, "/m/steady.gguf": steady, "/m/huge.gguf": huge,
                  "/m/..": a_file, "/m/old.gguf": redirect("/m/tiny.gguf")})


def left(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# -- size ------------------------------------------------------------------------------------------


def test_an_endless_server_is_stopped_at_the_cap_and_the_part_deleted(server: Server, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="grew past the 1 MiB limit; the partial file was deleted") as err:
        download_model(server.url("/m/endless.gguf"), tmp_path / "e.gguf", sha256=None, max_bytes=1 << 20)
    assert "--max-size" in (err.value.hint or "")
    assert left(tmp_path) == set()


def test_an_announced_size_over_the_cap_is_refused_before_anything_is_written(server: Server,
                                                                             tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match="is 5 MiB, over the 1 MiB limit"):
        download_model(server.url("/m/huge.gguf"), tmp_path / "h.gguf", sha256=None, max_bytes=1 << 20,
                       idle_timeout=5)
    assert time.monotonic() - started < 2 and left(tmp_path) == set()


def test_the_default_cap_and_sizes() -> None:
    assert DEFAULT_MAX_BYTES == 8 << 30
    assert [parse_size(t) for t in ("8G", "500M", "1.5GiB", "100k", "1048576", "16 GB")] == [
        8 << 30, 500 << 20, 3 << 29, 100 << 10, 1 << 20, 16 << 30]
    for bad in ("", "G", "-1", "0", "1X", "eight"):
        with pytest.raises(ValueError):
            parse_size(bad)


# -- time ------------------------------------------------------------------------------------------


def test_a_trickling_server_fails_as_stalled_and_keeps_the_part(server: Server, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match="stalled: under 64 KiB arrived in 0.5 seconds") as err:
        download_model(server.url("/m/trickle.gguf"), tmp_path / "t.gguf", sha256=None, idle_timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert "resume" in (err.value.hint or "")
    assert left(tmp_path) == {"t.gguf.part", "t.gguf.part.json"}  # resumable, like any interruption


def test_a_silent_server_fails_after_the_idle_timeout(server: Server, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match="stalled"):
        download_model(server.url("/m/silent.gguf"), tmp_path / "s.gguf", sha256=None, idle_timeout=0.5)
    assert time.monotonic() - started < 1.5
    assert (tmp_path / "s.gguf.part").stat().st_size == 1000


def test_headers_sent_a_byte_at_a_time_fail_after_the_idle_timeout(serve, tmp_path: Path) -> None:
    def slow_headers(h: BaseHTTPRequestHandler, s: Server) -> None:
        for byte in b"HTTP/1.0 200 OK\r\nX-Padding: " + b"x" * 1000:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            if s.stop.wait(0.1):
                return

    server = serve({"/m/slow.gguf": slow_headers})
    started = time.monotonic()
    with pytest.raises(ModelError, match="did not answer within 0.5 seconds"):
        download_model(server.url("/m/slow.gguf"), tmp_path / "slow.gguf", sha256=None, idle_timeout=0.5)
    assert time.monotonic() - started < 1.5 and left(tmp_path) == set()


def test_the_whole_download_has_a_time_limit(server: Server, tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ModelError, match="took longer than 0.5 seconds"):
        download_model(server.url("/m/steady.gguf"), tmp_path / "w.gguf", sha256=None, idle_timeout=1,
                       total_timeout=0.5)
    assert time.monotonic() - started < 1.5 and (tmp_path / "w.gguf.part").exists()


# -- redirects -------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["other port", "other host name", "other scheme"])
def test_a_redirect_elsewhere_is_refused_and_named(serve, tmp_path: Path, where: str) -> None:
    other = serve({"/m/tiny.gguf": a_file})
    first = serve({})
    target = {"other port": other.url("/m/tiny.gguf"), "other host name": first.url("/m/tiny.gguf", "localhost"),
              "other scheme": f"https://127.0.0.1:{first.port}/m/tiny.gguf"}[where]
    first.routes["/m/x.gguf"] = redirect(target)
    with pytest.raises(ModelError, match="sent the download elsewhere") as err:
        download_model(first.url("/m/x.gguf"), tmp_path / "x.gguf", sha256=None)
    assert target in str(err.value) and "give it directly" in str(err.value)
    assert other.requests == [] and [path for path, _ in first.requests] == ["/m/x.gguf"]
    assert left(tmp_path) == set()


def test_a_redirect_within_the_same_address_is_followed(server: Server, tmp_path: Path) -> None:
    path = download_model(server.url("/m/old.gguf"), tmp_path / "old.gguf", sha256=SHA)
    assert path.read_bytes() == DATA and left(tmp_path) == {"old.gguf"}


# -- the .part belongs to one download -------------------------------------------------------------


def _stale(tmp_path: Path, data: bytes, url: str | None, sha: str | None = None) -> None:
    (tmp_path / "tiny.gguf.part").write_bytes(data)
    if url is not None:
        (tmp_path / "tiny.gguf.part.json").write_text(json.dumps({"url": url, "sha256": sha}))


def test_a_stale_part_of_another_address_is_not_taken_as_complete(server: Server, tmp_path: Path) -> None:
    _stale(tmp_path, HEADER + b"\0" * (len(DATA) - len(HEADER)), "http://127.0.0.1:1/other/tiny.gguf")
    path = download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=None)
    assert path.read_bytes() == DATA and server.requests == [("/m/tiny.gguf", None)]  # no Range: from zero
    assert left(tmp_path) == {"tiny.gguf"}


def test_a_part_of_unknown_origin_is_not_resumed(server: Server, tmp_path: Path) -> None:
    _stale(tmp_path, DATA[:1000], None)  # e.g. left by an older Hearth: no sidecar
    download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=None)
    assert server.requests == [("/m/tiny.gguf", None)]


def test_http_416_without_a_checksum_starts_again_from_zero(server: Server, tmp_path: Path) -> None:
    url = server.url("/m/tiny.gguf")
    _stale(tmp_path, HEADER + b"\0" * (len(DATA) - len(HEADER)), url)  # same length, other bytes
    path = download_model(url, tmp_path / "tiny.gguf", sha256=None)
    assert path.read_bytes() == DATA
    assert server.requests == [("/m/tiny.gguf", f"bytes={len(DATA)}-"), ("/m/tiny.gguf", None)]


def test_http_416_with_a_wrong_checksum_starts_again_from_zero(server: Server, tmp_path: Path) -> None:
    url = server.url("/m/tiny.gguf")
    _stale(tmp_path, HEADER + b"\0" * (len(DATA) - len(HEADER)), url, SHA)
    assert download_model(url, tmp_path / "tiny.gguf", sha256=SHA).read_bytes() == DATA
    assert [r for _, r in server.requests] == [f"bytes={len(DATA)}-", None]


def test_http_416_with_the_right_checksum_is_complete(server: Server, tmp_path: Path) -> None:
    url = server.url("/m/tiny.gguf")
    _stale(tmp_path, DATA, url, SHA)
    assert download_model(url, tmp_path / "tiny.gguf", sha256=SHA).read_bytes() == DATA
    assert [r for _, r in server.requests] == [f"bytes={len(DATA)}-"]  # nothing downloaded twice
    assert left(tmp_path) == {"tiny.gguf"}


def test_a_resume_answered_with_another_range_starts_again_from_zero(serve, tmp_path: Path) -> None:
    def wrong_range(h: BaseHTTPRequestHandler, s: Server) -> None:
        if not h.headers.get("Range"):
            return a_file(h, s)
        h.send_response(206)  # asked for bytes=1000-, sends the file from 0
        h.send_header("Content-Range", f"bytes 0-{len(DATA) - 1}/{len(DATA)}")
        h.send_header("Content-Length", str(len(DATA)))
        h.end_headers()
        h.wfile.write(DATA)

    server = serve({"/m/tiny.gguf": wrong_range})
    _stale(tmp_path, DATA[:1000], server.url("/m/tiny.gguf"))
    assert download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=SHA).read_bytes() == DATA
    assert [r for _, r in server.requests] == ["bytes=1000-", None]


def test_a_dropped_download_still_resumes_with_its_sidecar(serve, tmp_path: Path) -> None:
    state = {"cut": True}

    def dropping(h: BaseHTTPRequestHandler, s: Server) -> None:
        if state.pop("cut", False):
            _announce(h)
            h.wfile.write(DATA[:700_000])
            h.wfile.flush()
            h.connection.shutdown(2)
            return
        a_file(h, s)

    server = serve({"/m/tiny.gguf": dropping})
    with pytest.raises(ModelError, match="resume"):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=SHA)
    assert left(tmp_path) == {"tiny.gguf.part", "tiny.gguf.part.json"}
    assert download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=SHA).read_bytes() == DATA
    assert [r for _, r in server.requests] == [None, "bytes=700000-"] and left(tmp_path) == {"tiny.gguf"}


# -- cancel and Ctrl-C -----------------------------------------------------------------------------


def test_ctrl_c_deletes_the_part(server: Server, tmp_path: Path) -> None:
    def progress(done: int, total: int, label: str) -> None:
        if done > 100_000:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=None, progress=progress)
    assert left(tmp_path) == set()


def test_cancel_deletes_the_part(server: Server, tmp_path: Path) -> None:
    token = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if done > 100_000:
            token.cancel()

    with pytest.raises(Cancelled):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=None, progress=progress,
                       cancel=token)
    assert left(tmp_path) == set()


# -- file names and the disk -----------------------------------------------------------------------


@pytest.mark.parametrize(("path", "name"), [
    ("/m/..", "model.gguf"), ("/m/.", "model.gguf"), ("/", "model.gguf"), ("", "model.gguf"),
    ("/m/%2e%2e", "model.gguf"), ("/m/a%2F..%2Fb.gguf", "a_.._b.gguf"), ("/m/a%5C..%5Cb.gguf", "a_.._b.gguf"),
    ("/m/x%00y.gguf", "x_y.gguf"), ("/m/.hidden.gguf", "hidden.gguf"), ("/m/CON.gguf", "model-CON.gguf"),
    ("/m/my%20model.gguf?download=1#x", "my model.gguf"),
])
def test_the_file_name_from_an_address_is_never_a_path(path: str, name: str) -> None:
    assert model_file_name(f"http://127.0.0.1:1{path}") == name


def test_an_over_long_file_name_is_shortened_keeping_the_extension() -> None:
    for stem in ("a" * 300, "é" * 300, "😀" * 300):
        name = model_file_name(f"http://127.0.0.1:1/{stem}.gguf")
        assert name.endswith(".gguf") and len(name) <= 120 and len(name.encode()) <= 200


def test_a_full_disk_is_a_model_error_and_the_part_is_deleted(server: Server, tmp_path: Path) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    url = server.url("/m/tiny.gguf")
    (tmp_path / "tiny.gguf.part").symlink_to("/dev/full")  # every write fails with ENOSPC
    (tmp_path / "tiny.gguf.part.json").write_text(json.dumps({"url": url, "sha256": None}))
    with pytest.raises(ModelError, match="Could not write .*No space left on device"):
        download_model(url, tmp_path / "tiny.gguf", sha256=None)
    assert left(tmp_path) == set()


def test_an_unwritable_destination_is_a_model_error(server: Server, tmp_path: Path) -> None:
    (tmp_path / "tiny.gguf").mkdir()  # the final rename cannot replace a folder
    (tmp_path / "tiny.gguf" / "keep").write_text("x")
    with pytest.raises(ModelError, match="Could not write"):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256=None)
    (tmp_path / "blocker").write_text("a file where the folder should be")
    with pytest.raises(ModelError, match="Could not write"):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "blocker" / "tiny.gguf", sha256=None)


def test_a_malformed_checksum_is_refused_before_connecting(server: Server, tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="not a sha256"):
        download_model(server.url("/m/tiny.gguf"), tmp_path / "tiny.gguf", sha256="abc")
    assert server.requests == []


# -- the command line: one line, exit 1 (or 130), never a traceback ---------------------------------


def _default_sigint() -> None:
    # A suite started in the background by a non-interactive shell (`pytest ... &`) runs with SIGINT
    # ignored, and an ignored signal stays ignored across exec: Python would then never raise
    # KeyboardInterrupt in the child; a blocked SIGINT (a thread's mask) would stay blocked too. The test is
    # about Hearth's Ctrl-C, so the child gets the default, unblocked.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def hearth(data: Path, *args: str, **kwargs: object) -> subprocess.Popen[str]:
    if sys.platform != "win32":
        kwargs.setdefault("preexec_fn", _default_sigint)
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data), "model", "download", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env=cli_env(), cwd=ROOT, **kwargs)  # type: ignore[call-overload]


def run_cli(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    """The CLI's main function in this process (the network guard is installed here too)."""
    from app.__main__ import main

    code = main(["--data-dir", str(data), "model", "download", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_error(stderr: str) -> str:
    assert "Traceback" not in stderr, stderr
    lines = [line for line in stderr.replace("\r", "\n").splitlines() if line.startswith("hearth:")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(("args", "expected"), [
    (["/m/redirect-away"], "sent the download elsewhere (http://localhost:"),
    (["/m/endless.gguf", "--max-size", "1M"], "grew past the 1 MiB limit"),
    (["/m/huge.gguf", "--max-size", "1M"], "is 5 MiB, over the 1 MiB limit"),
    (["/m/trickle.gguf", "--idle-timeout", "0.5"], "stalled"),
    (["/m/tiny.gguf", "--max-size", "lots"], "--max-size 'lots' is not a size"),
])
def test_the_cli_reports_each_failure_in_one_line(server: Server, tmp_path: Path, capsys, args: list[str],
                                                   expected: str) -> None:
    server.routes["/m/redirect-away"] = redirect(server.url("/m/tiny.gguf", "localhost"))
    code, out, err = run_cli(capsys, tmp_path / "data", server.url(args[0]), *args[1:])
    assert code == 1 and expected in one_error(err), err
    assert out == ""


def test_the_cli_saves_dot_dot_as_model_gguf(server: Server, tmp_path: Path, capsys) -> None:
    code, out, err = run_cli(capsys, tmp_path / "data", server.url("/m/.."), "--sha256", SHA)
    assert code == 0, err
    assert "Traceback" not in err and left(tmp_path / "data" / "models") == {"model.gguf"}
    assert (tmp_path / "data" / "models" / "model.gguf").read_bytes() == DATA
    assert left(tmp_path) == {"data"}


def test_ctrl_c_in_the_cli_is_one_line_exit_130_and_no_part(server: Server, tmp_path: Path) -> None:
    """A real SIGINT, so a subprocess."""
    proc = hearth(tmp_path / "data", server.url("/m/trickle.gguf"))
    part = tmp_path / "data" / "models" / "trickle.gguf.part"
    deadline = time.monotonic() + 10
    while not part.exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=10)
    assert proc.returncode == 130 and "stopped" in one_error(err)
    assert left(tmp_path / "data" / "models") == set()
