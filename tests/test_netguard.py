"""The suite itself refuses network access: a test that phones home fails."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.conftest import cli_env, netguard


def test_outside_connection_is_refused() -> None:
    with pytest.raises(netguard.NetworkBlocked):
        socket.create_connection(("10.255.255.1", 80), timeout=1)
    with pytest.raises(netguard.NetworkBlocked):
        socket.getaddrinfo("huggingface.co", 443)


def test_loopback_server_is_allowed() -> None:
    class Hello(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"hi")

        def log_message(self, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Hello)
    thread = threading.Thread(target=server.handle_request, daemon=True)
    thread.start()
    with socket.create_connection(("127.0.0.1", server.server_port), timeout=5) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        assert b"hi" in conn.recv(1024) + conn.recv(1024)
    thread.join(5)
    server.server_close()


def test_subprocesses_are_guarded_too() -> None:
    code = "import socket; socket.create_connection(('203.0.113.5', 443), timeout=1)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=cli_env())
    assert result.returncode != 0
    assert "network access blocked" in result.stderr


def test_model_modules_set_offline_variables() -> None:
    import os

    import app.models  # noqa: F401

    assert os.environ["HF_HUB_OFFLINE"] == "1"
    assert os.environ["TRANSFORMERS_OFFLINE"] == "1"
