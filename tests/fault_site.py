"""A local news site that misbehaves on purpose, for the crawl tests and the crawl benchmark.

It serves robots.txt (Disallow + Crawl-delay), a paginated listing (whose last page links back to the first) and
N article pages; each article index can carry a fault. Every request's arrival time and path is logged, so tests
can check what was fetched, how often, and the gaps between requests.
"""

from __future__ import annotations

import hashlib
import re
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from scrapers.sources.base import SourceAdapter

# index → fault; the other indices are plain pages
FAULTS = {
    1: "503-twice", 2: "429-retry-after", 3: "timeout", 4: "reset-once", 5: "truncated", 6: "huge-50mb",
    7: "redirect-away", 8: "redirect-loop", 9: "wrong-charset", 10: "no-charset", 11: "reset-always",
    12: "500-always", 13: "redirect-same-host", 14: "bom-nfd",
}
LANDS = {"503-twice", "429-retry-after", "reset-once", "wrong-charset", "no-charset", "redirect-same-host", "bom-nfd"}
READ_TIMEOUT = 0.5


def article_html(i: int, charset: str | None = "utf-8") -> bytes:
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>Đoạn {k} của bài {i}: Thành ủy đã kỷ luật {i + k} đảng viên.</p>" for k in range(20))
    return (f'<!doctype html><html><head>{meta}<title>Bài {i}</title><link rel="canonical" href="/a/{i}"></head>'
            f"<body><h1>Bài số {i}</h1>{body}</body></html>").encode()


DEAD = 100_000  # article ids from here answer 404 (links to removed articles)


class FaultSite:
    def __init__(self, pages: int = 40, per_listing: int = 15, crawl_delay: float = 0.1, latency: float = 0.0,
                 faults: dict[int, str] | None = None, private_links: int = 2, dead_links: int = 0):
        self.pages, self.per_listing, self.crawl_delay, self.latency = pages, per_listing, crawl_delay, latency
        self.dead_links = dead_links  # article links on the first listing page that answer 404
        self.faults = FAULTS if faults is None else faults
        self.private_links = private_links
        self.log: list[tuple[float, str]] = []
        self.hits: dict[str, int] = {}
        self.not_modified = 0
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                site._serve(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FaultSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def listing_pages(self) -> int:
        return -(-self.pages // self.per_listing)

    def article_paths(self) -> list[str]:
        return [f"/a/{i}" for i in range(self.pages)]

    def private_paths(self) -> list[str]:
        return [f"/private/{k}" for k in range(self.private_links)]

    def gaps(self) -> list[float]:
        times = sorted(t for t, _ in self.log)
        return [b - a for a, b in zip(times, times[1:], strict=False)]

    # --- serving -------------------------------------------------------------------------------------------
    def _serve(self, h: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.log.append((time.monotonic(), h.path))
            n = self.hits[h.path] = self.hits.get(h.path, 0) + 1
        if self.latency:
            time.sleep(self.latency)
        if h.path == "/robots.txt":
            return self._send(h, 200, (f"User-agent: *\nDisallow: /private/\nCrawl-delay: {self.crawl_delay}\n").encode(),
                              "text/plain")
        if m := re.fullmatch(r"/list/(\d+)", h.path):
            return self._send_cacheable(h, self._listing(int(m[1])))
        if m := re.fullmatch(r"/a/(\d+)(/ok)?", h.path):
            i = int(m[1])
            if i >= DEAD:
                return self._send(h, 404, b"gone", "text/plain")
            if m[2]:
                return self._send(h, 200, article_html(i), "text/html; charset=utf-8")
            return self._article(h, i, self.faults.get(i), n)
        if h.path.startswith("/private/"):
            return self._send(h, 200, b"<html>should never be fetched</html>", "text/html")
        return self._send(h, 404, b"not found", "text/plain")

    def _listing(self, k: int) -> bytes:
        first = (k - 1) * self.per_listing
        links = "".join(f'<li><a href="/a/{i}">Bài {i}</a></li>'
                        for i in range(first, min(first + self.per_listing, self.pages)))
        if k == 1:
            links += "".join(f'<li><a href="{p}">riêng</a></li>' for p in self.private_paths())
            links += "".join(f'<li><a href="/a/{DEAD + d}">Bài đã gỡ</a></li>' for d in range(self.dead_links))
            links += '<li><a href="/a/0">Bài 0 (again)</a></li>'  # a duplicate link must not be fetched twice
        # the last page's "next" goes back to page 1: a pagination loop must not be followed
        nxt = k + 1 if k < self.listing_pages else 1
        return (f'<html><head><meta charset="utf-8"></head><body><ul>{links}</ul>'
                f'<a rel="next" href="/list/{nxt}">Trang sau</a></body></html>').encode()

    def _article(self, h, i: int, fault: str | None, n: int) -> None:
        if fault == "503-twice" and n <= 2:
            return self._send(h, 503, b"busy", "text/plain")
        if fault == "429-retry-after" and n == 1:
            return self._send(h, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        if fault == "500-always":
            return self._send(h, 500, b"broken", "text/plain")
        if fault == "timeout":
            time.sleep(READ_TIMEOUT * 3)
            return self._send(h, 200, article_html(i), "text/html")
        if fault == "reset-always" or (fault == "reset-once" and n == 1):
            return self._reset(h)
        if fault in ("truncated", "huge-50mb"):
            return self._broken_body(h, i, fault)
        if fault == "redirect-away":
            return self._send(h, 302, b"", "text/plain", {"Location": "http://10.0.0.1/stolen"})
        if fault == "redirect-loop":
            return self._send(h, 302, b"", "text/plain", {"Location": f"/a/{i}"})
        if fault == "redirect-same-host":
            return self._send(h, 301, b"", "text/plain", {"Location": f"/a/{i}/ok"})
        if fault == "wrong-charset":  # UTF-8 body declared as Latin-1 in both header and meta
            return self._send(h, 200, article_html(i, "iso-8859-1"), "text/html; charset=iso-8859-1")
        if fault == "no-charset":
            return self._send(h, 200, article_html(i, None), "text/html")
        if fault == "bom-nfd":
            import unicodedata
            body = unicodedata.normalize("NFD", article_html(i).decode()).encode()
            return self._send(h, 200, b"\xef\xbb\xbf" + body, "text/html; charset=utf-8")
        return self._send_cacheable(h, article_html(i))

    @staticmethod
    def _broken_body(h, i: int, fault: str) -> None:
        """A body shorter than its Content-Length ("truncated"), or an endless 50 MB one ("huge-50mb")."""
        if fault == "truncated":
            body = article_html(i)
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(len(body) * 2))
            h.end_headers()
            h.wfile.write(body)
            h.wfile.flush()
            h.close_connection = True
            return None
        if fault == "huge-50mb":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Content-Length", str(50 * 1024 * 1024))
            h.end_headers()
            chunk = b"<p>" + b"x" * 65530 + b"</p>"
            try:
                for _ in range(50 * 16):
                    h.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            h.close_connection = True
            return None

    def _send_cacheable(self, h, body: bytes) -> None:
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        if h.headers.get("If-None-Match") == etag:
            with self._lock:
                self.not_modified += 1
            return self._send(h, 304, b"", "text/html", {"ETag": etag})
        return self._send(h, 200, body, "text/html; charset=utf-8", {"ETag": etag})

    @staticmethod
    def _send(h, code: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        h.send_response(code)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        h.end_headers()
        h.wfile.write(body)

    @staticmethod
    def _reset(h) -> None:
        # SO_LINGER 0 makes close() send RST: the client sees "connection reset by peer"
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.close_connection = True
        h.connection.close()


class FaultSiteAdapter(SourceAdapter):
    """Adapter for the fault site: the listing at /list/1 (paginated), articles at /a/N — and /private/N links
    that look like articles, so robots.txt is what keeps them out."""

    name = "faultsite"
    domain = "127.0.0.1"
    listing_paths = ("/list/1",)
    article_path = re.compile(r"^/(?:a|private)/\d+$")
    min_delay_seconds = 0.0
