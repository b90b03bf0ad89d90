"""What every source adapter provides: discovery of article URLs and parsing of article pages per layout era."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit
from zoneinfo import ZoneInfo

import feedparser
import lxml.html
from bs4 import UnicodeDammit
from lxml import etree
from lxml.cssselect import CSSSelector

from scrapers.text import CAPTION_NUMBER, clean, is_furniture, strip_lead_prefix

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
Node = lxml.html.HtmlElement


# Print and AMP views of an article: "/print/<slug>-<id>.htm", "/amp/…", "…-123.amp", "?print=1", "?amp"
# and comment views ("/binh-luan/<slug>", "…?view=comments")
ALTERNATE_VIEW_PATH = re.compile(r"(?:^|/)(?:print|amp|binh-luan|comments?)/|[.-]amp(?:\.html?)?$|/amp/?$", re.I)
ALTERNATE_VIEW_QUERY = re.compile(r"(?:^|&)(?:print|amp|outputtype=amp|comments?|view=comments?)(?:=[^&]*)?(?:&|$)",
                                  re.I)


# Query parameters that only say where a reader came from: the same article with or without them is one URL.
TRACKING_PARAM = re.compile(r"^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|zarsrc|gidzl|_gl|mc_[a-z]+)$", re.I)
# Blocks of a listing that are not its own stream: "most read" and other categories' boxes, sidebars, trending.
SIDEBAR = re.compile(r"(?:^|[\s_-])(?:aside|sidebar|side-bar|most-?(?:read|view(?:ed)?|popular)|xem-?nhieu|"
                     r"doc-?nhieu|nhieu-?nguoi-?doc|box-?hot|trending|tin-?khac|other-?news)(?:$|[\s_-])", re.I)


def normalise_url(url: str) -> str:
    """One spelling per URL: scheme and host in lower case, no fragment, no tracking parameters, no slash after a
    page's extension. (The www. and alias hosts are the adapter's: `owns`, and feeds/sitemaps rebased.)"""
    parts = urlsplit(url.strip())
    query = "&".join(kv for kv in parts.query.split("&") if kv and not TRACKING_PARAM.match(kv.split("=", 1)[0]))
    # "/a-post1.tpo/": a page's path never ends in a slash after its extension
    path = re.sub(r"(\.(?:html?|tpo|antd|vgp|aspx?|php))/+$", r"\1", parts.path or "/")
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def in_sidebar(node: Node) -> bool:
    """The node sits in an `aside` or a box whose class or id says sidebar / most read / trending."""
    for el in (node, *node.iterancestors()):
        if el.tag == "aside" or SIDEBAR.search(el.get("class") or "") or SIDEBAR.search(el.get("id") or ""):
            return True
    return False


def tidy_category(category: str | None) -> str | None:
    """The first value of a multi-valued section ("Chính trị, Xây dựng Đảng" or "Chính trị;Thời sự")."""
    first = re.split(r"\s*[,;|]\s*", clean(category))[0] if category else ""
    return first or None


def tidy_tags(tags: list[str]) -> list[str]:
    """Tags as words: no leading "#", no blanks, no repeats, in page order."""
    seen: dict[str, None] = {}
    for tag in tags:
        word = clean(tag).lstrip("#").strip()
        if word:
            seen.setdefault(word, None)
    return list(seen)


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
    # share of the page's running text the article holds (signals.coverage); None: the page has no long paragraphs
    body_coverage: float | None = None
    # invalid UTF-8 sequences replaced while decoding the page (0: a clean page)
    decode_replacements: int = 0

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


# A UTF-8 page with a few invalid bytes stays UTF-8 (each bad sequence becomes U+FFFD) up to this many per KB;
# beyond it the page is in another encoding and the declared or detected charset decides.
MAX_INVALID_PER_KB = 1.0
DECLARED_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w-]+)""", re.I)


def invalid_utf8(body: bytes) -> int:
    """How many invalid UTF-8 sequences the body has (0 for valid UTF-8)."""
    try:
        body.decode("utf-8")
        return 0
    except UnicodeDecodeError:
        return body.decode("utf-8", errors="replace").count("\ufffd") - body.decode("utf-8", errors="ignore").count(
            "\ufffd")


def decode_html(body: bytes) -> str | bytes:
    """UTF-8 (the sites' encoding) wins over whatever the page declares: a body that decodes as UTF-8 — strictly,
    or but for a few invalid bytes (replaced by U+FFFD and counted on the article, `invalid_utf8`) — is UTF-8,
    even under `<meta charset=iso-8859-1>` or a wrong header. Anything else is returned as bytes."""
    body = body.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        declared = DECLARED_CHARSET.search(body[:4096])
        if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
            return body  # not UTF-8 and says so: its own charset decides
        bad = invalid_utf8(body)
        if bad <= max(3, MAX_INVALID_PER_KB * len(body) / 1024):
            return body.decode("utf-8", errors="replace")
        return body


_UTF8 = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def parse_html(html: str | bytes | Node) -> Node:
    """The page as an lxml tree, without comments (baochinhphu's `<!--u: … -->` timestamps), scripts, styles and
    noscript blocks; JSON-LD scripts are kept. lxml, not BeautifulSoup: on 300 KB pages of site chrome the bs4
    tree and soupsieve selectors cost ~0.8 s a page (see bench/bench_parse.py)."""
    if isinstance(html, Node):
        return html
    if isinstance(html, bytes):
        decoded = decode_html(html)
        # not UTF-8: let the declared or detected charset decide (UnicodeDammit), then parse the text as UTF-8
        html = decoded if isinstance(decoded, str) else (UnicodeDammit(decoded, is_html=True).unicode_markup or "")
    data = html.encode("utf-8", "surrogatepass") if html.strip() else b"<html></html>"
    root = lxml.html.document_fromstring(data, parser=_UTF8)
    for script in list(root.iter("script")):
        if (script.get("type") or "").lower() != "application/ld+json":
            script.drop_tree()
    etree.strip_elements(root, "style", "noscript", with_tail=False)
    return root


@lru_cache(maxsize=512)
def _selector(css: str) -> CSSSelector:
    return CSSSelector(css, translator="html")


def every(node: Node | None, css: str) -> list[Node]:
    return _selector(css)(node) if node is not None else []


def one(node: Node | None, *css: str) -> Node | None:
    """The first element matching the first selector that matches anything. Test the result with `is None`: an
    lxml element without children is falsy."""
    for selector in css:
        found = every(node, selector)
        if found:
            return found[0]
    return None


def remove(node: Node | None, *css: str) -> None:
    """Remove the matching elements (and their text), keeping the text that follows them."""
    for selector in css:
        for found in every(node, selector):
            if found.getparent() is not None:
                found.drop_tree()


def text_of(node: Node | None) -> str:
    if node is None:
        return ""
    return clean(" ".join(t.strip() for t in node.itertext() if t and t.strip()))


def meta(root: Node, key: str) -> str | None:
    for tag in every(root, "meta"):
        if key in (tag.get("property"), tag.get("name")) and tag.get("content"):
            return clean(tag.get("content"))
    return None


# the outlet's name a page's <title> (and some og:title) carries after its headline: "… - Báo Hà Nội Mới", "… |
# VOV.VN", "… – Cổng thông tin điện tử quận Long Biên"
SITE_TAIL = re.compile(r"\s+[-|–—]\s+(?P<tail>[^-|–—]{2,80})$")
SITE_WORDS = re.compile(r"(?:Báo|Tạp chí|Cổng thông tin|Trang thông tin|Đài|Truyền hình)(?!\w)|\S+\.(?:vn|com|net)$", re.I)


def without_site_name(title: str, site: str | None = None) -> str:
    """The headline without the outlet's name after it: the page's own name (og:site_name), or one that says it is
    an outlet ("Báo …", "Cổng thông tin …", a web address)."""
    m = SITE_TAIL.search(title)
    if m and (site and m["tail"].strip().lower() == site.strip().lower() or SITE_WORDS.match(m["tail"].strip())):
        return title[:m.start()].rstrip()
    return title


def canonical(root: Node) -> str | None:
    og = meta(root, "og:url")
    if og:
        return og
    for link in every(root, "link[href]"):
        if "canonical" in (link.get("rel") or "").lower().split():
            return link.get("href")
    return None


def json_ld_articles(root: Node) -> list[dict]:
    found = []
    for tag in every(root, 'script[type="application/ld+json"]'):
        try:
            data = json.loads(tag.text or "")
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


_BLOCKS = ("p", "div", "h2", "h3", "h4", "li", "blockquote")


# Boilerplate no selector names, wherever it sits in the body: related-story cards (an `article`, `aside` or box
# that is mostly a headline link), "Xem thêm / Tin liên quan / Đọc thêm" blocks, and share or rating widgets.
LINK_DENSE = 0.6  # share of a block's characters inside links above which it is navigation, not prose
CARD_MAX_WORDS = 60  # a related card is short; a long block with links is prose that cites things
_BOXES = ("article", "aside", "section", "div", "ul", "ol", "table", "figure", "p", "li", "blockquote")
_SEE_ALSO = re.compile(r"^\s*(?:Xem thêm|Tin liên quan|Đọc thêm|Bài liên quan|Tin cùng chuyên mục|Có thể bạn quan tâm)\b",
                       re.I)
_WIDGET = re.compile(r"(?:^|[\s_-])(?:share|social|rating|vote|like|related|relate|tin-?lien-?quan|box-?tin|readmore)"
                     r"(?:$|[\s_-])", re.I)


def link_density(node: Node) -> float:
    total = len(text_of(node))
    if not total:
        return 0.0
    return sum(len(text_of(a)) for a in node.iter("a")) / total


def is_boilerplate(node: Node) -> bool:
    """A block inside the body that is navigation: a headline card, a see-also block, a share/rating widget."""
    text = text_of(node)
    if _WIDGET.search(node.get("class") or "") or _WIDGET.search(node.get("id") or ""):
        return True
    if _SEE_ALSO.match(text) and node.find(".//a") is not None:
        return True
    return bool(text) and len(text.split()) <= CARD_MAX_WORDS and link_density(node) >= LINK_DENSE


def drop_boilerplate(container: Node) -> None:
    """Remove boilerplate blocks from an article body, outermost first, keeping the text around them."""
    for node in list(container.iterdescendants(*_BOXES)):
        if node.getparent() is not None and is_boilerplate(node):
            node.drop_tree()


def _span(cell: Node) -> int:
    """How many columns a table cell spans (its `colspan`, 1 when absent or nonsense; at most 20)."""
    span = (cell.get("colspan") or "1").strip()
    return min(int(span), 20) if span.isdigit() and int(span) > 0 else 1


def body_paragraphs(container: Node | None, drop: tuple[str, ...] = ()) -> list[str]:
    """Block-level text of an article body, without furniture, captions' numbering, removed boxes or the
    boilerplate no selector names (related cards, see-also blocks, widgets) — the same for every adapter."""
    if container is None:
        return []
    remove(container, *drop)
    drop_boilerplate(container)
    paras: list[str] = []
    for block in container.iter(*_BLOCKS, "tr"):
        if block.tag == "tr":
            # a table row is one line, its cells between bars ("Khiển trách | 12 | 60%"): the extractor reads a
            # table's rows and columns, which its flattened text would lose
            # a cell spanning columns ("Kiểm tra" over "Tổ chức đảng | Đảng viên") is written once per column it
            # spans, so that a grouped header lines up with the rows under it
            cells = [text for c in block.iterchildren("td", "th") for text in [text_of(c)] * _span(c)]
            if any(cells):
                paras.append(" | ".join(cells))
            continue
        # Only innermost blocks, so nested divs do not repeat their children's text; blocks inside a table's
        # cells are read with their row
        if any(True for _ in block.iterdescendants(*_BLOCKS, "tr")) or any(True for _ in block.iterancestors("tr")):
            continue
        text = CAPTION_NUMBER.sub("", text_of(block))
        if text and not is_furniture(text):
            paras.append(text)
    return paras


def _xml(body: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(body, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None


_PAGER = re.compile(r"^(?:Trang sau|Trang tiếp|Xem thêm|Tiếp|›|»|>)$", re.I)


class SourceAdapter:
    """One news site. Subclasses set the class attributes and implement `parse_layouts`."""

    name: str = ""
    # who the source is (the dim_sources seed is checked against these: tests/unit/test_source_facts.py)
    outlet: str = ""
    outlet_type: str = ""
    # what the newsroom writes before its sapo ("TPO - …"), old and new forms
    lead_prefixes: tuple[str, ...] = ()
    # every adapter's leads: outlets republish each other's stories with the first outlet's lead still on
    known_leads: tuple[str, ...] = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        SourceAdapter.known_leads = tuple(sorted({*SourceAdapter.known_leads, *cls.lead_prefixes}, key=len,
                                                 reverse=True))
    owner: str = ""
    domain: str = ""
    aliases: tuple[str, ...] = ()  # older host names whose pages the adapter also reads (hanoimoi.com.vn)
    default_base_url: str = ""
    listing_paths: tuple[str, ...] = ()
    article_path: re.Pattern[str] = re.compile(r"$^")
    min_delay_seconds: float = 1.0
    # the locality the site reports on: the default scope of its figures (a district portal reports its district)
    locality: str = "Hà Nội"

    def owns(self, url: str) -> bool:
        """An http(s) URL on the site's own domain or one of its aliases (any subdomain, e.g. www.)."""
        parts = urlsplit(url or "")
        host = (parts.hostname or "").lower()
        return parts.scheme in ("http", "https") and any(
            host == d or host.endswith("." + d) for d in (self.domain, *self.aliases))

    def identity_url(self, declared: str | None, fetched: str) -> str:
        """The URL an article is known by. A page's declared canonical (og:url, rel=canonical) is trusted only when
        it points into the site's own domains over http(s): a page of one site that declares another site's
        article, or a `javascript:` URL, must not take that article's place (issue 18). Otherwise the URL the page
        was fetched from is its identity."""
        return declared.strip() if declared and self.owns(declared.strip()) else fetched

    def is_article_url(self, url: str) -> bool:
        """An article of the site: its path has the article shape of some era, and it is not a print or AMP view
        (the same article again, which would be stored as a second copy)."""
        parts = urlsplit(url)
        if ALTERNATE_VIEW_PATH.search(parts.path) or ALTERNATE_VIEW_QUERY.search(parts.query):
            return False
        return bool(self.article_path.search(parts.path))

    # Discovery channels besides `listing_paths` (see scrapers/discovery.py): RSS/Atom feeds, and sitemaps (a
    # sitemap index is followed to its newest article sitemaps).
    feed_paths: tuple[str, ...] = ()
    sitemap_paths: tuple[str, ...] = ()
    # CSS of a listing's own article blocks (stream, focus box, timeline); empty or matching nothing: the whole
    # page. Sidebars ("most read", other categories) are skipped either way.
    listing_blocks: tuple[str, ...] = ()
    # which children of a sitemap index list articles (not categories or topics)
    sitemap_child: re.Pattern[str] = re.compile(r"news|article|post", re.I)

    def discover(self, html: str | bytes, page_url: str) -> list[str]:
        """Article URLs linked from a listing page's own article blocks, absolute, normalised, in page order,
        without duplicates."""
        root = parse_html(html)
        blocks = [b for css in self.listing_blocks for b in every(root, css)] or [root]
        here = urlsplit(page_url).netloc
        seen: dict[str, None] = {}
        for block in blocks:
            for a in every(block, "a[href]"):
                url = normalise_url(urljoin(page_url, a.get("href")))
                if urlsplit(url).netloc == here and self.is_article_url(url) and not in_sidebar(a):
                    seen.setdefault(url, None)
        return list(seen)

    def _rebase(self, loc: str, here_url: str) -> str | None:
        """A URL a feed or sitemap gives on the site's real host, moved to the host the feed came from (a mirror,
        the snapshot), normalised; None when it is another site's or not an article."""
        here = urlsplit(here_url)
        parts = urlsplit(urljoin(here_url, loc.strip()))
        if parts.netloc.lower().removeprefix("www.") not in (self.domain, *self.aliases, here.netloc):
            return None
        url = normalise_url(urlunsplit((here.scheme, here.netloc, parts.path, parts.query, "")))
        return url if self.is_article_url(url) else None

    def discover_feed(self, body: bytes, feed_url: str) -> list[str]:
        """Article URLs of an RSS or Atom feed (read by feedparser, from the bytes: it never fetches)."""
        feed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=False)
        found: dict[str, None] = {}
        for entry in feed.entries:
            url = self._rebase(entry.get("link") or entry.get("id") or "", feed_url)
            if url:
                found.setdefault(url, None)
        return list(found)

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
        root = _xml(xml)
        if root is None:
            return []
        found: dict[str, None] = {}
        for node in root.iter("{*}url"):
            url = self._rebase(node.findtext("{*}loc") or "", sitemap_url)
            if not url:
                continue
            when = parse_iso((node.findtext("{*}lastmod") or "").strip())
            day = when.astimezone(VN_TZ).date() if when else None
            if day and ((since and day < since) or (until and day > until)):
                continue
            found.setdefault(url, None)
        return list(found)

    def sitemap_children(self, xml: bytes, sitemap_url: str) -> list[str]:
        """Of a sitemap index, the child sitemaps that list articles, newest first (by <lastmod>, else by the
        numbers in their names: `news-2026-12.xml` before `news-2026-9.xml`); [] for a plain sitemap."""
        root = _xml(xml)
        if root is None or etree.QName(root).localname != "sitemapindex":
            return []
        here = urlsplit(sitemap_url)
        children = []
        for node in root.iter("{*}sitemap"):
            loc = (node.findtext("{*}loc") or "").strip()
            parts = urlsplit(urljoin(sitemap_url, loc))
            if not loc or not self.sitemap_child.search(parts.path):
                continue
            if parts.netloc.lower().removeprefix("www.") not in (self.domain, *self.aliases, here.netloc):
                continue
            when = parse_iso((node.findtext("{*}lastmod") or "").strip())
            numbers = tuple(int(n) for n in re.findall(r"\d+", parts.path))
            children.append(((when.timestamp() if when else 0.0, numbers),
                             urlunsplit((here.scheme, here.netloc, parts.path, parts.query, ""))))
        return [url for _, url in sorted(children, reverse=True)]

    def next_listing_page(self, html: str | bytes, page_url: str) -> str | None:
        """The listing's next page (`rel=next` link or anchor, or a "Trang sau"/"Xem thêm" pager link) on the
        same host, or None at the end. Adapters with other pagers override this."""
        root = parse_html(html)
        tag = next((t for t in every(root, "link[href], a[href]") if "next" in (t.get("rel") or "").lower().split()), None)
        if tag is None:
            tag = next((a for a in every(root, "a[href]") if _PAGER.match(text_of(a))), None)
        return self._same_host(tag.get("href"), page_url) if tag is not None else None

    @staticmethod
    def _same_host(href: str, page_url: str) -> str | None:
        """`href` made absolute, when it stays on the listing's host and is not the page itself."""
        target = urljoin(page_url, href).split("#")[0]
        return target if urlsplit(target).netloc == urlsplit(page_url).netloc and target != page_url else None

    def parse(self, html: str | bytes, url: str) -> Article:
        from scrapers.sources import signals  # it builds on this module's helpers

        root = parse_html(html)
        candidates = signals.running_text(root)  # before the layout edits the tree
        article = self.parse_layouts(root, url)
        if article is None:
            raise ParseError(f"{self.name}: no known layout matched {url}")
        signals.complete(article, root)
        article.body_coverage = signals.coverage(candidates, article)
        article.title = clean(article.title)
        article.sapo = strip_lead_prefix(article.sapo, SourceAdapter.known_leads)
        article.canonical_url = article.canonical_url or canonical(root)
        article.category, article.tags = tidy_category(article.category), tidy_tags(article.tags)
        if not article.title:
            raise ParseError(f"{self.name}: no title in {url}")
        if not article.paragraphs:
            raise ParseError(f"{self.name}: empty body in {url} (layout {article.layout})")
        if article.published_at is None:
            raise ParseError(f"{self.name}: no publication time in {url} (layout {article.layout})")
        return article

    def parse_layouts(self, root: Node, url: str) -> Article | None:
        raise NotImplementedError
