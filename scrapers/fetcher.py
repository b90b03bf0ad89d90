"""Polite HTTP client: robots.txt (RFC 9309, through Protego) with Crawl-delay, per-domain delay, retries with capped
backoff, a deadline per request, size cap, same-host redirects."""

from __future__ import annotations

import contextvars
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from protego import Protego
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import DecodeError, ProtocolError, ReadTimeoutError
from urllib3.util.retry import Retry

USER_AGENT = "hanoi-reports/0.1 (+https://github.com/hanoi-reports/hanoi-reports; data@hanoi-reports.example)"
MAX_BYTES = 10 * 1024 * 1024
# pages, sitemaps and feeds (RSS/Atom types included: the discovery feeds are served as them)
HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain",
              "application/rss+xml", "application/atom+xml", "application/x-rss+xml")
MAX_REDIRECTS = 5
JITTER_MARGIN = 0.02
ROBOTS_AGENT = "hanoi-reports"  # the product token robots.txt groups are matched against
# A whole request (connect, headers, body, retries) may take this long: a body trickled a byte at a time never
# trips the read timeout, and one site must not hold a crawl for minutes.
REQUEST_DEADLINE = 60.0
# A Retry-After longer than this is not waited for: the fetch fails with the reason and is retried another day
# (urllib3 would otherwise sleep up to 6 hours, three times).
MAX_RETRY_AFTER = 600.0
# Retries one client may spend in a run: a site that fails every request gets its first few retried, then one
# attempt each, so a dead site costs minutes, not its retries times its links.
MAX_RETRIES_PER_RUN = 20


@dataclass
class FetchResult:
    url: str
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None
    elapsed_ms: int = 0
    final_url: str | None = None
    sha256: str | None = None  # filled in when the body lands
    attempts: int = 0  # HTTP requests this fetch took: redirects followed plus urllib3's retries

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _read_some(resp: requests.Response) -> bytes:
    """What one socket read brings (at most 64 KB, decoded), with urllib3's errors as requests' own, as
    `iter_content` raises them: a broken or truncated body is a ChunkedEncodingError."""
    try:
        return resp.raw.read1(64 * 1024, decode_content=True)
    except ProtocolError as exc:
        raise requests.exceptions.ChunkedEncodingError(exc) from exc
    except DecodeError as exc:
        raise requests.exceptions.ContentDecodingError(exc) from exc
    except ReadTimeoutError as exc:
        raise requests.exceptions.ConnectionError(exc) from exc


# When the request being sent must be over (time.monotonic()); set by PoliteClient around each fetch, per thread.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("request_deadline", default=None)


class _DeadlineReads:
    """Every socket read waits at most until the request's deadline. A read timeout bounds one read only, so
    status line and headers trickled a byte at a time would hold a request for as long as the server likes.
    Mixed into the socket's own class after connecting: no slots of its own, so the layout stays the socket's."""

    __slots__ = ()

    def recv_into(self, buffer, nbytes=0, flags=0):
        deadline = _DEADLINE.get()
        if deadline is None:
            return super().recv_into(buffer, nbytes, flags)
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("request deadline exceeded")
        configured = self.gettimeout()
        self.settimeout(left if configured is None else min(configured, left))
        try:
            return super().recv_into(buffer, nbytes, flags)
        finally:
            self.settimeout(configured)


class _DeadlineSocket(_DeadlineReads, socket.socket):
    __slots__ = ()


class _DeadlineSSLSocket(_DeadlineReads, ssl.SSLSocket):
    pass


class _DeadlineHTTPConnection(HTTPConnection):
    def _new_conn(self):
        sock = super()._new_conn()
        sock.__class__ = _DeadlineSocket
        return sock


class _DeadlineHTTPSConnection(HTTPSConnection):
    def connect(self):
        super().connect()
        if type(self.sock) is ssl.SSLSocket:
            self.sock.__class__ = _DeadlineSSLSocket


class _DeadlineHTTPPool(HTTPConnectionPool):
    ConnectionCls = _DeadlineHTTPConnection


class _DeadlineHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _DeadlineHTTPSConnection


class DeadlineAdapter(HTTPAdapter):
    """requests' adapter whose connections honour the request deadline on every read (headers included)."""

    def init_poolmanager(self, *args, **kwargs):
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _DeadlineHTTPPool, "https": _DeadlineHTTPSPool}


class RetryAfterTooLong(requests.RequestException):
    """The server asked to come back later than we wait within one crawl."""


class PoliteRetry(Retry):
    """urllib3 Retry that never retries sooner than the site's politeness delay.

    urllib3 retries the first failure immediately (backoff 0) and sleeps exactly `Retry-After` when a server sends
    one, even `Retry-After: 0`; both would break a Crawl-delay, so every retry waits at least `min_backoff`.
    """

    def __init__(self, *args, min_backoff: float = 0.0, on_retry=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.min_backoff = min_backoff
        self.on_retry = on_retry  # called as each retry is sent, so the client's delay counts from it

    def new(self, **kw):
        retry = super().new(**kw)
        retry.min_backoff, retry.on_retry = self.min_backoff, self.on_retry
        return retry

    def get_retry_after(self, response) -> float | None:
        wait = super().get_retry_after(response)
        if wait is not None and wait > MAX_RETRY_AFTER:
            raise RetryAfterTooLong(f"Retry-After {wait:.0f} s is over the {MAX_RETRY_AFTER:.0f} s cap")
        return wait

    def sleep(self, response=None) -> None:
        started = time.monotonic()
        super().sleep(response)
        remaining = self.min_backoff - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
        if self.on_retry:
            self.on_retry()


def make_session(retries: int = 3, backoff: float = 0.5, min_backoff: float = 0.0) -> requests.Session:
    retry = PoliteRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        backoff_max=30,
        backoff_jitter=0.3,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=("GET", "HEAD"),
        respect_retry_after_header=True,
        raise_on_status=False,
        redirect=False,
        min_backoff=min_backoff,
    )
    session = requests.Session()
    adapter = DeadlineAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers.update({"User-Agent": USER_AGENT, "Accept-Language": "vi,en;q=0.5"})
    return session


class PoliteClient:
    """Fetches from one site: obeys its robots.txt and waits between requests."""

    def __init__(self, base_url: str, min_delay: float = 1.0, timeout: tuple[float, float] = (5, 20),
                 session: requests.Session | None = None, deadline: float = REQUEST_DEADLINE,
                 max_retries_per_run: int = MAX_RETRIES_PER_RUN):
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.min_delay = min_delay
        self.timeout = timeout
        self.deadline = deadline
        self.max_retries_per_run = max_retries_per_run
        self.retries_used = 0
        self.session = session or make_session()
        self.robots: Protego | None = None
        self.disallow_all = False
        self.robots_result: FetchResult | None = None
        self._last_request = 0.0
        self._attempts = 0
        self.crawl_delay = 0.0
        self._apply_delay_to_retries()

    @property
    def delay(self) -> float:
        """Seconds between the starts of two requests to this site. A non-zero delay gets a small margin: the
        site sees our requests arrive with a few milliseconds of jitter (connection setup, its own scheduling),
        and a gap measured on its side must still be at least the delay it asked for."""
        wanted = max(self.min_delay, self.crawl_delay)
        return wanted + JITTER_MARGIN if wanted > 0 else 0.0

    def load_robots(self) -> FetchResult:
        """RFC 9309 §2.3.1: a robots.txt that loads is obeyed (wildcards, `$`, Allow precedence, fractional
        Crawl-delay); 4xx means no rules (401/403 included, as the RFC says); 5xx or unreachable means nothing may
        be fetched until it loads again — the reason is kept in `robots_result`. Same-host redirects are followed
        (up to MAX_REDIRECTS, the RFC's five hops)."""
        result = self._get(f"{self.base_url}/robots.txt", {})
        self.robots, self.disallow_all, self.crawl_delay = None, False, 0.0
        if result.ok:
            self.robots = Protego.parse(result.body.decode("utf-8-sig", errors="replace"))
            self.crawl_delay = float(self.robots.crawl_delay(ROBOTS_AGENT) or 0.0)
        elif result.status is None or result.status >= 500:
            self.disallow_all = True
            result.error = f"robots.txt unreachable, nothing fetched: {result.error or result.status}"
        self.robots_result = result
        self._apply_delay_to_retries()
        return result

    def _apply_delay_to_retries(self) -> None:
        for adapter in self.session.adapters.values():
            retry = getattr(adapter, "max_retries", None)
            if isinstance(retry, PoliteRetry):
                retry.min_backoff, retry.on_retry = self.delay, self._retrying

    def _retrying(self) -> None:
        self._mark_request()
        self.retries_used += 1

    def _spend_retry_budget(self) -> None:
        """Once the run's retries are spent, every later request is tried once."""
        if self.retries_used < self.max_retries_per_run:
            return
        for adapter in self.session.adapters.values():
            retry = getattr(adapter, "max_retries", None)
            if isinstance(retry, PoliteRetry) and retry.total:
                adapter.max_retries = retry.new(total=0, connect=0, read=0, status=0)

    def allowed(self, url: str) -> bool:
        if self.disallow_all:
            return False
        return self.robots is None or self.robots.can_fetch(url, ROBOTS_AGENT)

    def fetch(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        if not self.allowed(url):
            return FetchResult(url=url, error="disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        self._spend_retry_budget()
        return self._get(url, headers)

    def _wait(self) -> None:
        gap = time.monotonic() - self._last_request
        if gap < self.delay:
            time.sleep(self.delay - gap)
        self._mark_request()

    def _mark_request(self) -> None:
        self._last_request = time.monotonic()

    def _get(self, url: str, headers: dict[str, str]) -> FetchResult:
        started = time.monotonic()
        current = url
        self._attempts = 0
        token = _DEADLINE.set(started + self.deadline)
        try:
            for _ in range(MAX_REDIRECTS + 1):
                self._wait()
                with self.session.get(current, headers=headers, timeout=self.timeout, stream=True,
                                      allow_redirects=False) as resp:
                    retries = getattr(resp.raw, "retries", None)
                    self._attempts += 1 + (len(retries.history) if retries is not None else 0)
                    if resp.is_redirect:
                        target = urljoin(current, resp.headers.get("Location", ""))
                        if urlsplit(target).netloc != self.host:
                            return self._done(url, started, status=resp.status_code,
                                              error=f"redirect to another host refused: {target}")
                        current = target
                        continue
                    result = FetchResult(url=url, status=resp.status_code, headers=dict(resp.headers),
                                         final_url=current)
                    if resp.status_code == 304:
                        return self._finish(result, started)
                    if resp.status_code != 200:
                        result.error = f"HTTP {resp.status_code}"
                        return self._finish(result, started)
                    ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
                    if ctype and ctype not in HTML_TYPES:
                        result.error = f"unexpected content type {ctype}"
                        return self._finish(result, started)
                    chunks, size = [], 0
                    # read1 returns what one socket read brings, so a trickled body meets the deadline too
                    while chunk := _read_some(resp):
                        size += len(chunk)
                        if size > MAX_BYTES:
                            result.error = f"body larger than {MAX_BYTES} bytes"
                            return self._finish(result, started)
                        if time.monotonic() - started > self.deadline:
                            result.error = f"deadline of {self.deadline:.0f} s exceeded after {size} bytes"
                            return self._finish(result, started)
                        chunks.append(chunk)
                    result.body = b"".join(chunks)
                    expected = resp.headers.get("Content-Length")
                    if expected and expected.isdigit() and int(expected) != len(result.body) and \
                            "Content-Encoding" not in resp.headers:
                        result.error = f"truncated body: {len(result.body)} of {expected} bytes"
                    return self._finish(result, started)
            return self._done(url, started, error=f"more than {MAX_REDIRECTS} redirects")
        except requests.RequestException as exc:
            if isinstance(exc, (requests.ConnectionError, requests.Timeout)) and exc.response is None \
                    and not isinstance(exc, requests.exceptions.ChunkedEncodingError):
                self._attempts += self._max_attempts()  # urllib3 gave up after using every retry
            if time.monotonic() - started > self.deadline:
                return self._done(url, started, error=f"deadline of {self.deadline:.0f} s exceeded "
                                                      f"({type(exc).__name__})")
            return self._done(url, started, error=f"{type(exc).__name__}: {exc}"[:500])
        finally:
            _DEADLINE.reset(token)

    def _finish(self, result: FetchResult, started: float) -> FetchResult:
        result.elapsed_ms = int((time.monotonic() - started) * 1000)
        result.attempts = self._attempts
        return result

    def _max_attempts(self) -> int:
        retry = getattr(self.session.adapters.get("http://"), "max_retries", None)
        return 1 + (retry.total if isinstance(retry, Retry) and isinstance(retry.total, int) else 0)

    def _done(self, url: str, started: float, status: int | None = None, error: str | None = None) -> FetchResult:
        return self._finish(FetchResult(url=url, status=status, error=error), started)
