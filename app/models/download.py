"""The opt-in download of a GGUF model from a URL the person gives: Hearth's only network code.

Resumable (an interrupted download continues from its ``.part`` file with an HTTP
Range request), sha256-verified, with progress and cancel. Nothing calls this unless
the person asks for it.

Bounded, because the other end is whatever the person typed:

- size: at most ``max_bytes`` (default 8 GiB, a generous multiple of the ~250 MB
  bundled model); refused at once when the server announces more, stopped and the
  ``.part`` deleted when more arrives;
- time: a stall (under 64 KiB arriving within ``idle_timeout`` seconds, default 60)
  or the whole download taking over ``total_timeout`` (default 6 hours) stops it,
  keeping the ``.part`` so the same command resumes it; the server's answer (status
  line and headers, redirects included) must come within ``idle_timeout``;
- place: redirects are followed only to the same scheme, host and port as the
  address given; anything else is refused, naming the target;
- the ``.part`` belongs to one download: a sidecar ``<name>.part.json`` records the
  address and checksum, and a ``.part`` of another download (or of unknown origin)
  is discarded, never resumed or taken as complete;
- cancel and Ctrl-C delete the ``.part``; a network interruption keeps it.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import threading
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from app.core.errors import Cancelled, ModelError
from app.core.files import sha256_file
from app.core.progress import CancelToken, Progress, no_progress
from app.core.sizes import size_text
from app.models.llm import read_gguf_header

__all__ = [
    "DEFAULT_IDLE_TIMEOUT",
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TOTAL_TIMEOUT",
    "STALL_BYTES",
    "download_model",
    "model_file_name",
]

DEFAULT_MAX_BYTES = 8 << 30  # 8 GiB
DEFAULT_IDLE_TIMEOUT = 60.0  # seconds in which at least STALL_BYTES must arrive
DEFAULT_TOTAL_TIMEOUT = 6 * 3600.0  # seconds for the whole download (it resumes after)
STALL_BYTES = 64 << 10

_CHUNK = 1 << 16
_MAX_NAME = 120  # characters; and bytes in UTF-8 (a file name may have 255, ".part.json" is added):
_MAX_NAME_BYTES = 200
_DEFAULT_NAME = "model.gguf"
_RESUME = "Run the same download again to resume it."
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


class _DropPart(ModelError):
    """A ModelError after which the ``.part`` cannot be resumed and is deleted."""


def model_file_name(url: str) -> str:
    """A safe file name for the model at ``url``: its last path segment, cleaned, or ``model.gguf``.

    Never a path: no slashes or backslashes, no NUL or control characters, not ``.``/``..``
    or hidden, not a Windows device name, at most 120 characters and 200 bytes (the extension kept).
    """
    segment = urllib.parse.unquote(urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1], errors="replace")
    name = "".join("_" if ch in '/\\:*?"<>|' or unicodedata.category(ch)[0] == "C" else ch for ch in segment)
    name = name.strip().strip(".").strip()  # no ".", "..", hidden names or Windows' trailing dots
    if not name:
        return _DEFAULT_NAME
    if name.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        name = "model-" + name
    if len(name) > _MAX_NAME or len(name.encode()) > _MAX_NAME_BYTES:
        stem, dot, ext = name.rpartition(".")
        ext = "." + ext if dot and stem and len(ext.encode()) <= 16 else ""
        stem = name[: len(name) - len(ext)][: _MAX_NAME - len(ext)]
        while len((stem + ext).encode()) > _MAX_NAME_BYTES:
            stem = stem[:-1]
        name = stem.rstrip(". ") + ext
    return name


def _duration(seconds: float) -> str:
    if seconds >= 3600 and seconds % 3600 == 0:
        return f"{seconds / 3600:g} hour" + ("" if seconds == 3600 else "s")
    return f"{seconds:g} second" + ("" if seconds == 1 else "s")


def _origin(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an address; ModelError when it is not a usable http(s) address."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ModelError(f"Cannot download from {url!r}: {exc}.", hint="Check the address.") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ModelError(f"Cannot download from {url!r}: only http and https addresses are supported.")
    if not parts.hostname:
        raise ModelError(f"Cannot download from {url!r}: the address names no host.", hint="Check the address.")
    return scheme, parts.hostname.lower(), port or (443 if scheme == "https" else 80)


class _SameOriginRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only within the scheme, host and port of the address the person gave."""

    max_redirections = 5

    def __init__(self, origin: tuple[str, str, int]) -> None:
        self.origin = origin

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201 - urllib's signature
        try:
            same = _origin(newurl) == self.origin
        except ModelError:
            same = False
        if not same:
            fp.close()
            scheme, host, port = self.origin
            raise ModelError(
                f"The server sent the download elsewhere ({newurl}); Hearth only connects to "
                f"{scheme}://{host}:{port}, the address given.",
                hint="If you trust that address, give it directly: hearth model download URL.",
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Watchdog(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Cuts the connections when a server takes longer than ``limit`` to send its headers.

    A socket timeout bounds each read, not a server that sends its status line and headers
    a byte at a time; this bounds the whole answer (redirects included) to one idle window.
    """

    def __init__(self, limit: float) -> None:
        urllib.request.HTTPHandler.__init__(self)
        urllib.request.HTTPSHandler.__init__(self)
        self.limit, self.fired = limit, False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def do_open(self, http_class, req, **kwargs):  # noqa: ANN001, ANN201 - urllib's signature
        socks, lock = self._socks, self._lock

        class Watched(http_class):  # type: ignore[misc, valid-type]
            def connect(self) -> None:
                super().connect()
                with lock:
                    socks.append(self.sock)

        return super().do_open(Watched, req, **kwargs)

    def __enter__(self) -> _Watchdog:
        self._timer = threading.Timer(self.limit, self._cut)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._socks.clear()

    def _cut(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._socks:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def download_model(
    url: str,
    dest: Path,
    *,
    sha256: str | None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
) -> Path:
    """Fetch ``url`` into ``dest``; resume a previous partial download of the same address if there is one."""
    origin = _origin(url)
    want = sha256.strip().lower() if sha256 and sha256.strip() else None
    if want is not None and not re.fullmatch(r"[0-9a-f]{64}", want):
        raise ModelError(f"{sha256!r} is not a sha256 checksum.", hint="A sha256 is 64 hexadecimal digits.")
    dest = Path(dest)
    part = dest.with_name(dest.name + ".part")
    meta = dest.with_name(dest.name + ".part.json")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        _claim(part, meta, url, want)
    except OSError as exc:
        raise _write_error(dest.parent, exc) from exc
    deadline = time.monotonic() + total_timeout
    try:
        for _attempt in range(2):  # a second time only from zero, after a .part the server would not resume
            outcome = _fetch(origin, url, dest, part, meta, want, progress, cancel, max_bytes, idle_timeout,
                             total_timeout, deadline)
            if outcome != "restart":
                break
            _discard(part, meta)
        else:
            raise ModelError(f"The server would not send {dest.name} from the start.", hint="Try again later.")
        if want and outcome != "verified":
            actual = sha256_file(part)
            if actual != want:
                raise _DropPart(
                    f"The downloaded file's sha256 is {actual}, not the expected {want}; it was deleted.",
                    hint="Check the address and the checksum, then download again.",
                )
        try:
            read_gguf_header(part)
        except ModelError as exc:  # no model: nothing to resume either
            raise _DropPart(exc.message, hint=exc.hint) from exc
        part.replace(dest)
        meta.unlink(missing_ok=True)
    except (Cancelled, KeyboardInterrupt):
        _discard(part, meta)
        raise
    except _DropPart:
        _discard(part, meta)
        raise
    except ModelError:
        if not part.exists():
            meta.unlink(missing_ok=True)
        raise
    except OSError as exc:  # the checksum read or the final rename
        raise _write_error(dest, exc) from exc
    return dest


def _fetch(origin: tuple[str, str, int], url: str, dest: Path, part: Path, meta: Path, want: str | None,
           progress: Progress, cancel: CancelToken | None, max_bytes: int, idle_timeout: float,
           total_timeout: float, deadline: float) -> str:
    """One request: "complete", "verified" (complete and its sha256 checked) or "restart" (discard the .part)."""
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    watchdog = _Watchdog(idle_timeout)
    opener = urllib.request.build_opener(_SameOriginRedirects(origin), watchdog)  # environment proxies, as urlopen
    try:
        with watchdog:
            response = opener.open(request, timeout=idle_timeout)
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code == 416 and have:  # asked to resume past the end: complete only if the checksum says so
            return "verified" if want and sha256_file(part) == want else "restart"
        raise ModelError(f"The server refused the download: HTTP {exc.code} {exc.reason}.") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        if watchdog.fired:
            raise ModelError(f"The server did not answer within {_duration(idle_timeout)}; {dest.name} was not"
                             " downloaded.", hint="Check the address, or try again later.") from exc
        reason = getattr(exc, "reason", exc)
        raise ModelError(f"Could not download {dest.name}: {reason}.", hint=_RESUME if have else None) from exc
    with response:
        if have and response.status != 206:
            have = 0  # the server ignored the range: start again
        elif have and not _range_starts_at(response.headers.get("Content-Range"), have):
            return "restart"
        length = response.headers.get("Content-Length")
        total = have + int(length) if length and length.isdigit() else 0
        if total > max_bytes:
            raise ModelError(
                f"{dest.name} is {size_text(total)}, over the {size_text(max_bytes)} limit, so it was not downloaded.",
                hint="If you expect a model this large, allow it: hearth model download URL --max-size 16G.",
            )
        try:
            meta.write_text(json.dumps({"url": url, "sha256": want}), encoding="utf-8")
            out = part.open("ab" if have else "wb")
        except OSError as exc:
            raise _write_error(part, exc) from exc
        with out:
            done = have
            progress(done, total, f"Downloading {dest.name}")
            window_start, window_bytes = time.monotonic(), 0
            while True:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                try:
                    block = response.read1(_CHUNK)
                except TimeoutError as exc:
                    raise _stalled(dest, done, idle_timeout) from exc
                except (http.client.HTTPException, OSError) as exc:
                    raise ModelError(f"The download of {dest.name} was interrupted after {size_text(done)} ({exc}).",
                                     hint=_RESUME) from exc
                if not block:
                    break
                now = time.monotonic()
                window_bytes += len(block)
                if window_bytes >= STALL_BYTES:
                    window_start, window_bytes = now, 0
                elif now - window_start > idle_timeout:
                    raise _stalled(dest, done, idle_timeout)
                if now > deadline:
                    raise ModelError(f"The download of {dest.name} took longer than {_duration(total_timeout)}"
                                     f" (stopped after {size_text(done)}).", hint=_RESUME)
                done += len(block)
                if done > max_bytes:
                    raise _DropPart(
                        f"{dest.name} grew past the {size_text(max_bytes)} limit; the partial file was deleted.",
                        hint="If you expect a model this large, allow it: hearth model download URL --max-size 16G.",
                    )
                try:
                    out.write(block)
                except OSError as exc:
                    raise _write_error(part, exc, drop=True) from exc
                progress(done, total, f"Downloading {dest.name}")
        if total and done < total:
            raise ModelError(f"The download of {dest.name} stopped at {done} of {total} bytes.", hint=_RESUME)
    return "complete"


def _range_starts_at(content_range: str | None, start: int) -> bool:
    match = re.fullmatch(r"\s*bytes\s+(\d+)-\d+/(?:\d+|\*)\s*", content_range or "")
    return match is None or int(match.group(1)) == start  # no Content-Range: trust the 206


def _stalled(dest: Path, done: int, idle_timeout: float) -> ModelError:
    return ModelError(
        f"The download of {dest.name} stalled: under {size_text(STALL_BYTES)} arrived in {_duration(idle_timeout)}"
        f" (after {size_text(done)}).",
        hint=_RESUME,
    )


def _write_error(path: Path, exc: OSError, *, drop: bool = False) -> ModelError:
    kind = _DropPart if drop else ModelError
    return kind(f"Could not write {path}: {exc.strerror or exc}.",
                hint="Free some disk space or check the data folder's permissions"
                     + (" (the partial file was deleted)." if drop else "."))


def _claim(part: Path, meta: Path, url: str, want: str | None) -> None:
    """Keep a .part only when its sidecar says it is this address's (and, both given, this checksum's)."""
    if not part.exists():
        meta.unlink(missing_ok=True)
        return
    try:
        saved = json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = None
    if (not isinstance(saved, dict) or saved.get("url") != url
            or (want and saved.get("sha256") and saved.get("sha256") != want)):
        _discard(part, meta)


def _discard(part: Path, meta: Path) -> None:
    for path in (part, meta):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass
