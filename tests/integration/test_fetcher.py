"""The polite client against a real local HTTP server that misbehaves on purpose."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scrapers.fetcher import JITTER_MARGIN, MAX_BYTES, PoliteClient, make_session


class Faulty(BaseHTTPRequestHandler):
    hits: dict = {}
    times: list = []

    def log_message(self, *a):
        pass

    def do_GET(self):
        Faulty.times.append(time.monotonic())
        n = Faulty.hits[self.path] = Faulty.hits.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            return self._send(200, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n", "text/plain")
        if self.path == "/flaky" and n < 3:
            return self._send(503, b"busy")
        if self.path == "/slowdown" and n == 1:
            self.send_response(429)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "http://evil.example.org/x")
            self.end_headers()
            return
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"x" * 65536
            for _ in range(MAX_BYTES // len(chunk) + 4):
                self.wfile.write(chunk)
            return
        if self.path == "/pdf":
            return self._send(200, b"%PDF-1.4", "application/pdf")
        return self._send(200, f"<html>ok {self.path}</html>".encode(), "text/html; charset=utf-8")

    def _send(self, code, body, ctype="text/html"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def server():
    Faulty.hits, Faulty.times = {}, []
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Faulty)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()


def client(base):
    return PoliteClient(base, min_delay=0.0, session=make_session(retries=3, backoff=0.05))


def test_robots_disallow_and_crawl_delay(server):
    c = client(server)
    c.load_robots()
    assert c.delay == pytest.approx(0.3 + JITTER_MARGIN)
    blocked = c.fetch(server + "/private/page")
    assert blocked.error == "disallowed by robots.txt" and "/private/page" not in Faulty.hits
    for i in range(3):
        assert c.fetch(f"{server}/p{i}").ok
    gaps = [b - a for a, b in zip(Faulty.times, Faulty.times[1:], strict=False)]
    assert min(gaps) >= 0.3


def test_retries_5xx_and_honours_retry_after(server):
    c = client(server)
    r = c.fetch(server + "/flaky")
    assert r.ok and Faulty.hits["/flaky"] == 3
    t0 = time.monotonic()
    r = c.fetch(server + "/slowdown")
    assert r.ok and time.monotonic() - t0 >= 0.9


def test_refuses_cross_host_redirect_loops_big_bodies_and_wrong_types(server):
    c = client(server)
    away = c.fetch(server + "/away")
    assert not away.ok and "another host" in away.error
    assert "redirects" in c.fetch(server + "/loop").error
    huge = c.fetch(server + "/huge")
    assert not huge.ok and "larger than" in huge.error
    assert "content type" in c.fetch(server + "/pdf").error
