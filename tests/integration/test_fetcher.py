"""The polite client against a real local HTTP server that misbehaves on purpose."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from scrapers.fetcher import JITTER_MARGIN, MAX_BYTES, PoliteClient, make_session

ROBOTS = (200, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 0.3\n")


class Faulty(BaseHTTPRequestHandler):
    hits: dict = {}
    times: list = []
    robots: tuple = ROBOTS

    def log_message(self, *a):
        pass

    def _trickle(self, data: bytes):
        for byte in data:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)

    def do_GET(self):
        Faulty.times.append(time.monotonic())
        n = Faulty.hits[self.path] = Faulty.hits.get(self.path, 0) + 1
        if self.path == "/robots.txt":
            return self._send(*Faulty.robots, "text/plain")
        if self.path == "/trickle":  # headers at once, then a byte every 0.2 s for a minute
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "300")
            self.end_headers()
            return self._trickle(b"x" * 300)
        if self.path == "/trickled-headers":  # the status line and headers a byte every 0.2 s for a minute
            return self._trickle(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 300)
        if self.path == "/later":
            self.send_response(503)
            self.send_header("Retry-After", "3600")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path.startswith("/down/"):  # a site that fails every request
            return self._send(503, b"down")
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
    Faulty.hits, Faulty.times, Faulty.robots = {}, [], ROBOTS
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


def test_robots_wildcards_end_anchors_allow_precedence_and_fractional_delay(server):
    """Read as Scrapy's Protego reads it: urllib.robotparser would allow the ?print= view."""
    Faulty.robots = (200, b"User-agent: *\nDisallow: /*?print=\nAllow: /private/open$\nDisallow: /private/\n"
                          b"Crawl-delay: 0.25\n\nUser-agent: otherbot\nDisallow: /\n")
    c = client(server)
    c.load_robots()
    assert c.crawl_delay == 0.25
    assert not c.allowed(server + "/a-123.tpo?print=1") and c.allowed(server + "/a-123.tpo")
    assert c.allowed(server + "/private/open") and not c.allowed(server + "/private/open/2")
    assert c.fetch(server + "/a-123.tpo?print=1").error == "disallowed by robots.txt"
    assert "/a-123.tpo?print=1" not in Faulty.hits


@pytest.mark.parametrize(("status", "allowed"), [(503, False), (500, False), (404, True), (403, True)])
def test_robots_unreachable_disallows_everything_and_4xx_allows_all(server, status, allowed):
    """RFC 9309 §2.3.1.3–4: 4xx, no rules; 5xx, nothing may be fetched until robots.txt loads again."""
    Faulty.robots = (status, b"down")
    c = client(server)
    result = c.load_robots()
    got = c.fetch(server + "/article-1")
    assert got.ok is allowed and ("/article-1" in Faulty.hits) is allowed
    if not allowed:
        assert got.error == "disallowed by robots.txt" and "unreachable" in result.error


def test_a_trickled_body_meets_the_deadline(server):
    c = PoliteClient(server, min_delay=0.0, session=make_session(retries=0), deadline=1.5)
    t0 = time.monotonic()
    got = c.fetch(server + "/trickle")
    assert not got.ok and "deadline" in got.error and time.monotonic() - t0 < 4


def test_trickled_headers_meet_the_deadline(server):
    """Issue 18: headers trickled a byte at a time never trip the read timeout; the deadline still holds, also
    across urllib3's retries."""
    c = PoliteClient(server, min_delay=0.0, session=make_session(retries=2), deadline=1.5)
    t0 = time.monotonic()
    got = c.fetch(server + "/trickled-headers")
    assert not got.ok and "deadline" in got.error and time.monotonic() - t0 < 4, got.error
    assert c.fetch(server + "/flaky").ok  # the same client's next request has its own deadline


def test_retries_have_a_budget_per_run(server):
    """Issue 18: a site that fails every request gets retries until the run's budget is spent, then one attempt per
    request, so dead links cost one request each, not a retry storm."""
    c = PoliteClient(server, min_delay=0.0, session=make_session(retries=3, backoff=0.01), max_retries_per_run=4)
    attempts = [c.fetch(f"{server}/down/{i}").attempts for i in range(4)]
    assert attempts == [4, 4, 1, 1] and c.retries_used == 6
    assert sum(Faulty.hits[f"/down/{i}"] for i in range(4)) == 10


def test_a_retry_after_beyond_the_cap_is_not_waited_for(server):
    t0 = time.monotonic()
    got = client(server).fetch(server + "/later")
    assert not got.ok and "Retry-After" in got.error and time.monotonic() - t0 < 5
    assert Faulty.hits["/later"] == 1
