"""A page's declared canonical URL is trusted only inside its own site (issue 18): no hijack, no script URLs."""

from pathlib import Path

import pytest

from scrapers.report import TEMPLATES, is_web
from scrapers.sources import ADAPTERS


@pytest.mark.parametrize(("source", "declared", "trusted"), [
    ("tienphong", "https://tienphong.vn/a-post1.tpo", True),
    ("tienphong", "https://www.tienphong.vn/a-post1.tpo", True),
    ("tienphong", " https://tienphong.vn/a-post1.tpo ", True),
    ("hanoimoi", "http://hanoimoi.com.vn/Tin-tuc/Chinh-tri/1/a", True),  # an alias of the same outlet
    ("tienphong", "https://anninhthudo.vn/a-post2.antd", False),  # another outlet's article: a hijack
    ("tienphong", "https://tienphong.vn.evil.example/a-post1.tpo", False),
    ("tienphong", "https://eviltienphong.vn/a-post1.tpo", False),
    ("tienphong", "javascript:alert(1)//tienphong.vn", False),
    ("tienphong", "ftp://tienphong.vn/a", False),
    ("tienphong", "", False),
    ("tienphong", None, False),
])
def test_declared_canonical_is_trusted_only_on_the_sites_own_domains(source, declared, trusted):
    fetched = "http://127.0.0.1:8802/chinh-tri/bai-post9.tpo"
    got = ADAPTERS[source].identity_url(declared, fetched)
    assert got == (declared.strip() if trusted else fetched)


def test_report_links_only_http_urls():
    link = TEMPLATES.from_string('{% if url | is_web %}<a href="{{ url | trim }}">{{ text }}</a>'
                                 '{% else %}{{ text }}{% endif %}')
    assert link.render(url="https://tienphong.vn/a-post1.tpo", text="Tin <b>") == (
        '<a href="https://tienphong.vn/a-post1.tpo">Tin &lt;b&gt;</a>')
    for hostile in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>", None, ""):
        assert not is_web(hostile) and link.render(url=hostile, text="Tin") == "Tin"
    page = (Path(__file__).resolve().parents[2] / "scrapers/report/templates/index.html").read_text(encoding="utf-8")
    assert page.count("<a href=") == 1 and "url | is_web" in page  # the template's one link goes through it
