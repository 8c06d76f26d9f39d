"""The opt-in download of a GGUF model from a URL the person gives: Hearth's only network code.

Resumable (an interrupted download continues from its ``.part`` file with an HTTP
Range request), sha256-verified, with progress and cancel. Nothing calls this unless
the person asks for it.
"""

from __future__ import annotations

import http.client
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from app.core.errors import Cancelled, ModelError
from app.core.files import sha256_file
from app.core.progress import CancelToken, Progress, no_progress
from app.models.llm import read_gguf_header

__all__ = ["download_model"]

_CHUNK = 1 << 16


def download_model(
    url: str,
    dest: Path,
    *,
    sha256: str | None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    timeout: float = 30.0,
) -> Path:
    """Fetch ``url`` into ``dest``; resume a previous partial download if there is one."""
    scheme = urllib.parse.urlparse(url).scheme
    if scheme not in ("http", "https"):
        raise ModelError(f"Cannot download from {url!r}: only http and https addresses are supported.")
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    have = part.stat().st_size if part.exists() else 0
    request = urllib.request.Request(url, headers={"Range": f"bytes={have}-"} if have else {})
    label = f"Downloading {dest.name}"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - scheme checked
            if have and response.status != 206:
                have = 0  # the server ignored the range: start again
            length = response.headers.get("Content-Length")
            total = have + int(length) if length and length.isdigit() else 0
            with part.open("ab" if have else "wb") as out:
                done = have
                progress(done, total, label)
                while True:
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    block = response.read(_CHUNK)
                    if not block:
                        break
                    out.write(block)
                    done += len(block)
                    progress(done, total, label)
            if total and done < total:
                raise ModelError(
                    f"The download of {dest.name} stopped at {done} of {total} bytes.",
                    hint="Run the same download again to resume it.",
                )
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and part.exists():  # asked to resume past the end: it is complete
            pass
        else:
            raise ModelError(f"The server refused the download: HTTP {exc.code} {exc.reason}.") from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        size = part.stat().st_size if part.exists() else 0
        raise ModelError(
            f"The download of {dest.name} was interrupted after {size} bytes ({exc}).",
            hint="Run the same download again to resume it.",
        ) from exc
    if sha256:
        actual = sha256_file(part)
        if actual.lower() != sha256.strip().lower():
            part.unlink(missing_ok=True)
            raise ModelError(
                f"The downloaded file's sha256 is {actual}, not the expected {sha256}; it was deleted.",
                hint="Check the address and the checksum, then download again.",
            )
    try:
        read_gguf_header(part)
    except ModelError:
        part.unlink(missing_ok=True)
        raise
    part.replace(dest)
    return dest
