"""Serves snapshot/sites/<domain>/ over real HTTP, one localhost port per source, with the sites' real URL paths.

A source's base URL is configuration (HANOI_SOURCE_URLS), so the adapters that run here are the ones that run
against the real sites.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import threading
from email.utils import formatdate
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from scrapers.sources import ADAPTERS

SITES_DIR = Path(__file__).resolve().parent.parent / "snapshot" / "sites"
HTML_SUFFIXES = {".html", ".htm", ".tpo", ".vgp", ".antd", ""}


def _handler_for(root: Path):
    class Handler(SimpleHTTPRequestHandler):
        server_version = "hanoi-snapshot/1"

        def log_message(self, format, *args):  # noqa: A002 - quiet; tests read responses, not logs
            pass

        def do_GET(self):  # noqa: N802
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return self.send_error(404)
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                return self.send_error(404, "Not in snapshot")
            body = target.read_bytes()
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            if target.name == "robots.txt":
                ctype = "text/plain; charset=utf-8"
            elif target.suffix in HTML_SUFFIXES:
                ctype = "text/html; charset=utf-8"
            else:
                ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", formatdate(target.stat().st_mtime, usegmt=True))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class SnapshotSites:
    """All snapshot sites, each on its own port; `urls` is the HANOI_SOURCE_URLS mapping."""

    def __init__(self, host: str = "127.0.0.1", base_port: int = 0, sites_dir: Path = SITES_DIR):
        self.servers: dict[str, ThreadingHTTPServer] = {}
        for i, (name, adapter) in enumerate(ADAPTERS.items()):
            port = base_port + i if base_port else 0
            root = (sites_dir / adapter.domain).resolve()
            self.servers[name] = ThreadingHTTPServer((host, port), _handler_for(root))
        self.threads: list[threading.Thread] = []

    @property
    def urls(self) -> dict[str, str]:
        return {name: f"http://{s.server_address[0]}:{s.server_address[1]}" for name, s in self.servers.items()}

    def start(self) -> SnapshotSites:
        for server in self.servers.values():
            t = threading.Thread(target=server.serve_forever, daemon=True)
            t.start()
            self.threads.append(t)
        return self

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def __enter__(self) -> SnapshotSites:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def serve_forever(base_port: int, urls_file: Path | None) -> None:
    sites = SnapshotSites(base_port=base_port).start()
    mapping = json.dumps(sites.urls)
    if urls_file:
        urls_file.parent.mkdir(parents=True, exist_ok=True)
        urls_file.write_text(mapping)
    print(mapping, flush=True)
    threading.Event().wait()
