"""What every source adapter provides: discovery of article URLs and parsing of article pages per layout era."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

from bs4 import BeautifulSoup, Comment, Tag
from lxml import etree

from scrapers.text import CAPTION_NUMBER, clean, is_furniture, strip_lead_prefix

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


class ParseError(Exception):
    """The page is not an article this adapter can read; the reason goes to quarantine."""


@dataclass
class Article:
    title: str
    sapo: str
    paragraphs: list[str]
    published_at: datetime | None
    author: str | None = None
    category: str | None = None
    tags: list[str] = field(default_factory=list)
    canonical_url: str | None = None
    layout: str = ""

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_row(self) -> dict:
        row = asdict(self)
        row["body"] = self.body
        return row


def decode_html(body: bytes) -> str | bytes:
    """UTF-8 (the sites' encoding) wins over whatever the page declares: a body that decodes as strict UTF-8 is
    UTF-8, even under `<meta charset=iso-8859-1>` or a wrong header. Anything else goes to bs4's detection."""
    body = body.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body


def soup_of(html: str | bytes) -> BeautifulSoup:
    if isinstance(html, bytes):
        html = decode_html(html)
    soup = BeautifulSoup(html, "lxml")
    # Comments carry CMS timestamps (baochinhphu `<!--u: … -->`), never article text.
    for c in soup.find_all(string=lambda s: isinstance(s, Comment)):
        c.extract()
    for t in soup(["script", "style", "noscript"]):
        if t.get("type") != "application/ld+json":
            t.decompose()
    return soup


def text_of(node: Tag | None) -> str:
    return clean(node.get_text(" ", strip=True)) if node else ""


def meta(soup: BeautifulSoup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return clean(tag.get("content")) if tag and tag.get("content") else None


def canonical(soup: BeautifulSoup) -> str | None:
    og = meta(soup, "og:url")
    if og:
        return og
    link = soup.find("link", rel="canonical")
    return link.get("href") if link and link.get("href") else None


def json_ld_articles(soup: BeautifulSoup) -> list[dict]:
    found = []
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and item.get("@type") in ("NewsArticle", "Article", "ReportageNewsArticle"):
                found.append(item)
    return found


def parse_local(text: str, *formats: str) -> datetime | None:
    """Parse a Vietnam-local timestamp in one of `formats` found anywhere in `text`."""
    text = clean(text)
    for fmt in formats:
        pattern = re.escape(fmt)
        for code, rx in (("%d", r"\d{1,2}"), ("%m", r"\d{1,2}"), ("%Y", r"\d{4}"), ("%H", r"\d{1,2}"), ("%M", r"\d{2}")):
            pattern = pattern.replace(re.escape(code), rx)
        m = re.search(pattern, text)
        if m:
            try:
                return datetime.strptime(m.group(0), fmt).replace(tzinfo=VN_TZ)
            except ValueError:
                continue
    return None


def parse_iso(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    # Old pages carry no offset; they are Vietnam local time.
    return dt.replace(tzinfo=VN_TZ) if dt.tzinfo is None else dt.astimezone(VN_TZ)


def body_paragraphs(container: Tag | None, drop: tuple[str, ...] = ()) -> list[str]:
    """Block-level text of an article body, without furniture, captions' numbering or removed boxes."""
    if container is None:
        return []
    for selector in drop:
        for node in container.select(selector):
            node.decompose()
    blocks = container.find_all(["p", "div", "h2", "h3", "h4", "li", "blockquote"])
    paras: list[str] = []
    for block in blocks:
        # Only innermost blocks, so nested divs do not repeat their children's text.
        if block.find(["p", "div", "h2", "h3", "h4", "li", "blockquote"]):
            continue
        text = CAPTION_NUMBER.sub("", text_of(block))
        if text and not is_furniture(text):
            paras.append(text)
    return paras


class SourceAdapter:
    """One news site. Subclasses set the class attributes and implement `parse_layouts`."""

    name: str = ""
    domain: str = ""
    aliases: tuple[str, ...] = ()  # older host names whose pages the adapter also reads (hanoimoi.com.vn)
    default_base_url: str = ""
    listing_paths: tuple[str, ...] = ()
    article_path: re.Pattern[str] = re.compile(r"$^")
    min_delay_seconds: float = 1.0

    def is_article_url(self, url: str) -> bool:
        return bool(self.article_path.search(urlsplit(url).path))

    def discover(self, html: str | bytes, page_url: str) -> list[str]:
        """Article URLs linked from a listing page, absolute, in page order, without duplicates."""
        soup = soup_of(html)
        seen: dict[str, None] = {}
        for a in soup.find_all("a", href=True):
            url = urljoin(page_url, a["href"]).split("#")[0]
            if urlsplit(url).netloc == urlsplit(page_url).netloc and self.is_article_url(url):
                seen.setdefault(url, None)
        return list(seen)

    # Date-addressable discovery for backfills: a monthly article sitemap, `{year}` and `{month}` (not zero-padded)
    # filled in, e.g. "/sitemaps/news-{year}-{month}.xml". None: the site offers no such index.
    monthly_sitemap: str | None = None

    def sitemap_urls(self, base_url: str, since: date, until: date) -> list[str]:
        """The monthly sitemaps covering [since, until], oldest first."""
        if not self.monthly_sitemap:
            return []
        urls, year, month = [], since.year, since.month
        while (year, month) <= (until.year, until.month):
            urls.append(urljoin(base_url.rstrip("/") + "/", self.monthly_sitemap.format(year=year, month=month).lstrip("/")))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return urls

    def discover_sitemap(self, xml: bytes, sitemap_url: str, since: date | None = None,
                         until: date | None = None) -> list[str]:
        """Article URLs in a sitemap whose <lastmod> (when given) falls in [since, until]. The sitemap names the real
        host; the URL is rebased on the host the sitemap came from (a mirror, the snapshot)."""
        root = etree.fromstring(xml, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
        if root is None:
            return []
        here = urlsplit(sitemap_url)
        found: dict[str, None] = {}
        for node in root.iter("{*}url"):
            loc = (node.findtext("{*}loc") or "").strip()
            lastmod = (node.findtext("{*}lastmod") or "").strip()
            if not loc:
                continue
            parts = urlsplit(urljoin(sitemap_url, loc))
            if parts.netloc.removeprefix("www.") not in (self.domain, *self.aliases, here.netloc):
                continue
            url = urlunsplit((here.scheme, here.netloc, parts.path, parts.query, ""))
            if not self.is_article_url(url):
                continue
            when = parse_iso(lastmod)
            day = when.astimezone(VN_TZ).date() if when else None
            if day and ((since and day < since) or (until and day > until)):
                continue
            found.setdefault(url, None)
        return list(found)

    def next_listing_page(self, html: str | bytes, page_url: str) -> str | None:
        """The listing's next page (`rel=next` link or anchor, or a "Trang sau"/"Xem thêm" pager link) on the
        same host, or None at the end. Adapters with other pagers override this."""
        soup = self._soup(html)
        tag = soup.find(["link", "a"], rel="next", href=True)
        if tag is None:
            tag = soup.find("a", href=True, string=re.compile(r"^\s*(?:Trang sau|Trang tiếp|Xem thêm|Tiếp|›|»|>)\s*$", re.I))
        return self._same_host(tag["href"], page_url) if tag is not None else None

    @staticmethod
    def _soup(html: str | bytes | BeautifulSoup) -> BeautifulSoup:
        return html if isinstance(html, BeautifulSoup) else soup_of(html)

    @staticmethod
    def _same_host(href: str, page_url: str) -> str | None:
        """`href` made absolute, when it stays on the listing's host and is not the page itself."""
        target = urljoin(page_url, href).split("#")[0]
        return target if urlsplit(target).netloc == urlsplit(page_url).netloc and target != page_url else None

    def parse(self, html: str | bytes, url: str) -> Article:
        soup = soup_of(html)
        article = self.parse_layouts(soup, url)
        if article is None:
            raise ParseError(f"{self.name}: no known layout matched {url}")
        article.title = clean(article.title)
        article.sapo = strip_lead_prefix(article.sapo)
        article.canonical_url = article.canonical_url or canonical(soup)
        if not article.title:
            raise ParseError(f"{self.name}: no title in {url}")
        if not article.paragraphs:
            raise ParseError(f"{self.name}: empty body in {url} (layout {article.layout})")
        if article.published_at is None:
            raise ParseError(f"{self.name}: no publication time in {url} (layout {article.layout})")
        return article

    def parse_layouts(self, soup: BeautifulSoup, url: str) -> Article | None:
        raise NotImplementedError
