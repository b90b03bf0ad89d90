"""Golden parses: each seed article, in every layout era its adapter supports, fetched over HTTP from the snapshot
sites, parses to exactly the seed's text — title, date-time, author, sapo and every paragraph in order, with the
page furniture gone. `tests/gold/<source>.json` holds the expected article; the first test checks that it is the
seed text itself and not a copy of whatever the parser produced."""

import json
from pathlib import Path

import pytest
import requests

from scrapers.sources import ADAPTERS
from scrapers.text import clean

ROOT = Path(__file__).resolve().parents[2]
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests" / "gold").glob("*.json"))}
CASES = [(name, layout, path) for name, gold in GOLD.items() for layout, path in gold["pages"].items()]
# Strings no parsed article may contain: the furniture each era's pages carry.
FURNITURE = ("0:00 / 0:00", "Chia sẻ Zalo", "In bài", "bình luận", "Lượt xem", "ảnh 1", "Ảnh 1", "Tin cùng chuyên mục",
             "MỚI - NÓNG", "Tin liên quan", "Tin khác", "<!--", "u: 14/10/2019", "Kinhtedothi -", "TPO -", "(Chinhphu.vn)",
             "ANTD.VN", "(HNMO)")


def seed_lines(seed: str) -> list[str]:
    text = next((ROOT / "snapshot" / "seeds").glob(f"{seed}_*.txt")).read_text(encoding="utf-8")
    return [line for line in (clean(raw) for raw in text.split("\n")) if line]


@pytest.mark.parametrize("name", sorted(GOLD))
def test_gold_is_the_seed_text(name):
    """Every seed line is the title, the sapo, a paragraph (in the seed's order) or a listed non-article line
    (kicker, byline, date line, captions, boxes) — nothing is dropped silently, nothing is invented."""
    gold = GOLD[name]
    lines = seed_lines(gold["seed"])
    assert gold["title"] in lines
    assert any(line.endswith(gold["sapo"]) for line in lines) if gold["sapo"] else True
    in_seed_order = [line for line in lines if line in gold["paragraphs"]]
    assert in_seed_order == gold["paragraphs"]
    accounted = set(gold["paragraphs"]) | set(gold["left_out"]) | {gold["title"]}
    assert [line for line in lines if line not in accounted and not line.endswith(gold["sapo"] or "\0")] == []
    assert set(ADAPTERS) == set(GOLD), "every source has a gold article"


def test_every_adapter_supports_two_eras_except_the_frozen_portal():
    eras = {name: sorted(gold["pages"]) for name, gold in GOLD.items()}
    assert {name for name, layouts in eras.items() if len(layouts) < 2} == {"longbien"}


@pytest.mark.parametrize(("name", "layout", "path"), CASES, ids=[f"{n}-{lay.split('/')[1]}" for n, lay, _ in CASES])
def test_seed_page_fetched_over_http_parses_to_the_seed_text(snapshot_sites, name, layout, path):
    adapter, gold = ADAPTERS[name], GOLD[name]
    url = snapshot_sites.urls[name] + path
    assert adapter.is_article_url(url)
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    article = adapter.parse(response.content, url)
    assert article.layout == layout
    assert article.title == gold["title"]
    assert article.published_at.isoformat() == gold["published_at"]
    assert article.published_at.utcoffset().total_seconds() == 7 * 3600
    assert article.author == gold["author"]
    assert article.sapo == gold["sapo"]
    assert article.paragraphs == gold["paragraphs"]
    assert article.canonical_url and any(d in article.canonical_url for d in (adapter.domain, *adapter.aliases))
    text = "\n".join([article.title, article.sapo, *article.paragraphs])
    for junk in FURNITURE:
        assert junk not in text, junk


# Variation pages (snapshot/README.md): today's layouts with the markup real pages were seen to have. Each expects
# the same three paragraphs of our own text and the metadata from whichever signal the page still carries.
VARIATION_TEXT = ("Theo báo cáo, trong 6 tháng đầu năm 2026", "Ủy ban Kiểm tra Quận ủy đã giám sát chuyên đề",
                  "Hội nghị thống nhất phương hướng")
VARIATIONS = {
    # related-story cards inside the body; author only in JSON-LD/meta; multi-valued section; "#" tags
    "tienphong": ("/quan-uy-so-ket-cong-tac-kiem-tra-6-thang-post1800001.tpo",
                  {"author": "Ngọc Mai", "category": "Chính trị", "tags": ["Thành ủy Hà Nội", "Kiểm tra"]}),
    # signature then an empty right-aligned paragraph; JSON-LD author "Ban biên tập"; breadcrumb; other tag classes
    "baochinhphu": ("/quan-uy-so-ket-cong-tac-kiem-tra-6-thang-102260710091500123.htm",
                    {"author": "Ngọc Mai", "category": "Chính trị", "tags": ["Thành ủy", "Kiểm tra"]}),
}


@pytest.mark.parametrize("name", sorted(VARIATIONS))
def test_variation_page_parses_to_its_text_and_metadata(snapshot_sites, name):
    path, expected = VARIATIONS[name]
    url = snapshot_sites.urls[name] + path
    article = ADAPTERS[name].parse(requests.get(url, timeout=10).content, url)
    assert len(article.paragraphs) == len(VARIATION_TEXT)  # no card headline, no byline left in the body
    assert [p[:len(start)] for p, start in zip(article.paragraphs, VARIATION_TEXT, strict=True)] == list(VARIATION_TEXT)
    assert {k: getattr(article, k) for k in expected} == expected
    assert article.body_coverage == 1.0


@pytest.mark.parametrize(("name", "layout", "path"), CASES, ids=[f"{n}-{lay.split('/')[1]}" for n, lay, _ in CASES])
def test_every_seed_page_with_real_world_quirks_parses_to_the_same_article(snapshot_sites, name, layout, path):
    """/variations/<path> (snapshot/build.py): the seed page with a headline-only story card between its
    paragraphs, empty and right-aligned empty paragraphs after the last one and a print link — the same article
    as the page without them, in every site and era."""
    adapter, gold = ADAPTERS[name], GOLD[name]
    html = requests.get(snapshot_sites.urls[name] + "/variations" + path, timeout=10)
    html.raise_for_status()
    assert "7 ngôi sao trẻ" in html.text and 'text-align: right;"><b></b>' in html.text
    article = adapter.parse(html.content, snapshot_sites.urls[name] + path)
    assert (article.layout, article.title, article.author, article.sapo) == (layout, gold["title"], gold["author"],
                                                                             gold["sapo"])
    assert article.paragraphs == gold["paragraphs"]
    assert article.body_coverage is None or article.body_coverage > 0.9


def test_a_renamed_body_container_falls_to_the_generic_reader_and_is_counted(snapshot_sites):
    """Tiền Phong renames its body container: the adapter cannot read the page, so the one way a page becomes an
    article (sources.read_article) gives the generic reader's article, says why, and marks it `generic` — which
    layout drift counts — instead of an empty or wrong article."""
    from scrapers import sources

    path = "/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo"
    url = snapshot_sites.urls["tienphong"] + path
    html = requests.get(snapshot_sites.urls["tienphong"] + "/variations/container-renamed" + path, timeout=10)
    article, reason = sources.read_article(ADAPTERS["tienphong"], html.content, url)
    assert reason and "empty body" in reason
    assert article.layout == "generic" and article.title == GOLD["tienphong"]["title"]
    held = "\n".join(article.paragraphs)
    assert sum(p in held for p in GOLD["tienphong"]["paragraphs"]) >= len(GOLD["tienphong"]["paragraphs"]) // 2
