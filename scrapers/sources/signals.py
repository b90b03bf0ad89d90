"""Article metadata read from several signals in order, for every adapter: when the site's own element is missing
or moved, the byline, section and tags still come from what real pages carry anyway (a signature paragraph,
JSON-LD, OpenGraph/`article:*` metas, a breadcrumb, a tag list). And a cheap check that the adapter's body is the
page's running text (`body_coverage`), so a page read badly is noticed instead of turned into figures."""

from __future__ import annotations

import re

from scrapers.sources.base import Article, Node, every, in_sidebar, json_ld_articles, meta, text_of
from scrapers.text import LOWER, UPPER, clean

# what an author field sometimes holds that names no one
NO_ONE = re.compile(r"^(?:ban biên tập|bbt|admin|biên tập viên|pv|phóng viên|nhóm phóng viên|theo .*|nguồn.*"
                    r"|.*\.(?:vn|com|net)|báo .*|tạp chí .*|cổng thông tin.*|ubnd .*)$", re.I)
# a signature: a few capitalised words ("Hải Yến", "Minh Anh - Lan Hương", "Thu Hà (TTXVN)", "NGUYỄN HOÀNG")
_WORD = rf"[{UPPER}][\w{LOWER}{UPPER}'’.]*"
SIGNATURE = re.compile(rf"^{_WORD}(?:\s+{_WORD}){{0,4}}(?:\s*[-–,&]\s*{_WORD}(?:\s+{_WORD}){{0,4}}){{0,3}}"
                       r"(?:\s*\([^()\d]{2,30}\))?\.?$")
MAX_SIGNATURE = 60

BREADCRUMB = ("[itemtype*=BreadcrumbList] a", ".breadcrumb a", ".breadcrumbs a", ".breadcrums a", ".breadcrumb-item a",
              "nav[aria-label*=readcrumb] a", ".bread-crumb a", ".path a")
TAG_LISTS = (".tags a", ".tag a", ".tag-list a", ".tags-list a", ".box-tag a", ".article-tags a", ".detail-tags a",
             ".keywords a", ".list-tag a", "[class*=tag-item] a")
HOME = re.compile(r"^(?:trang chủ|home|tin tức)$", re.I)


def is_signature(text: str) -> bool:
    return 0 < len(text) <= MAX_SIGNATURE and bool(SIGNATURE.match(text)) and not NO_ONE.match(text)


def someone(name: str | None) -> str | None:
    """The name, or None when the field names a desk, a site or a source rather than a person."""
    name = clean(name or "")
    return name if name and not NO_ONE.match(name) else None


def ld_author(ld: dict) -> str | None:
    """JSON-LD `author`: a name, a Person, or a list of them (the first)."""
    author = ld.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    return clean(author) if isinstance(author, str) and author.strip() else None


def running_text(root: Node) -> list[str]:
    """The page's long paragraphs outside sidebars: what any reader would call its text. Read before an adapter
    edits the tree."""
    return [t for p in root.iter("p") if len(t := text_of(p)) >= 80 and not in_sidebar(p)]


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def coverage(candidates: list[str], article: Article) -> float | None:
    """Share of the page's running text (by characters) that the adapter's article holds; None for a page with
    none. A low share: the adapter read a box, not the story (or the story moved out of its container)."""
    total = sum(len(c) for c in candidates)
    if not total:
        return None
    held = _fold(" ".join([article.title, article.sapo, *article.paragraphs]))
    return round(sum(len(c) for c in candidates if _fold(c) in held) / total, 3)


def complete(article: Article, root: Node) -> None:
    """Fill what the adapter's selectors did not find, from the page's other signals, and take a trailing
    signature out of the body."""
    # a signature left as the last paragraph(s): out of the body, and the author when none was found
    while article.paragraphs and is_signature(article.paragraphs[-1]) and len(article.paragraphs) > 1:
        signature = article.paragraphs.pop()
        article.author = someone(article.author) or signature
    ld = (json_ld_articles(root) or [{}])[0]
    article.author = (someone(article.author) or someone(ld_author(ld)) or someone(meta(root, "author"))
                      or someone(meta(root, "article:author")) or someone(meta(root, "dable:author")))
    if not article.category:
        crumbs = [text_of(a) for css in BREADCRUMB for a in every(root, css)]
        crumbs = [c for c in crumbs if c and not HOME.match(c)]
        section = ld.get("articleSection")
        article.category = (crumbs[-1] if crumbs else None) or meta(root, "article:section") or (
            section[0] if isinstance(section, list) and section else section if isinstance(section, str) else None)
    if not article.tags:
        tags = [clean(t.get("content")) for t in every(root, "meta") if t.get("property") == "article:tag"
                and t.get("content")]
        keywords = ld.get("keywords")
        if not tags and keywords:
            tags = keywords if isinstance(keywords, list) else [k.strip() for k in str(keywords).split(",")]
        if not tags:
            tags = next(([text_of(a) for a in found] for css in TAG_LISTS if (found := every(root, css))), [])
        article.tags = [str(t) for t in tags]
