"""Build the offline snapshot sites from the seed texts.

Each seed article is laid out as its site's HTML looked in the seed's era (selectors, date formats, lead
prefixes and page furniture from ../shared/research/source-sites.md), next to a listing page that links to it
and a robots.txt. Output goes to snapshot/sites/<domain>/<real URL path>; the files are committed, so this
script only needs rerunning when a layout changes:  python snapshot/build.py

Metadata a seed text does not show (the Tiền Phong publication time, numeric ids in URLs) is filled in with
plausible values and listed in snapshot/README.md.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
SITES = HERE / "sites"


def seed_lines(prefix: str) -> list[str]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8").split("\n")


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def write(domain: str, path: str, body: str) -> None:
    target = SITES / domain / path.lstrip("/")
    if path.endswith("/"):
        target = target / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(body, encoding="utf-8")


def robots(domain: str, extra: str = "") -> None:
    write(domain, "/robots.txt", f"User-agent: *\nDisallow: /admin/\n{extra}")


def monthly_sitemap(domain: str, entries: list[tuple[str, str]], year: int, month: int) -> None:
    """`/sitemaps/news-YYYY-M.xml` (month not zero-padded), as tienphong.vn publishes them: the real host in <loc>,
    the publication time in <lastmod>. The adapters rebase <loc> on the host they fetched the sitemap from."""
    urls = "".join(f"<url><loc>https://{domain}{path}</loc><lastmod>{lastmod}</lastmod></url>" for path, lastmod in entries)
    write(domain, f"/sitemaps/news-{year}-{month}.xml",
          '<?xml version="1.0" encoding="UTF-8"?>\n'
          f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')


def paragraphs(lines: list[str]) -> list[str]:
    return [ln.strip() for ln in lines if ln.strip()]


# --------------------------------------------------------------------------------------------------------
# kinhtedothi.vn — old CMS (to ~2021): time_detail_news "dd-mm-YYYY HH:MM", #cotent_detail (sic), sapo_detail
# --------------------------------------------------------------------------------------------------------
def kinhtedothi() -> None:
    lines = seed_lines("000")
    ticker, title, author, date, sapo = lines[0], lines[2], lines[4], lines[5], lines[6]
    body = lines[7:]
    caption = body[1].strip()
    body_html = "\n".join(
        f'<div class="box_img_detail"><center><img src="http://cdn.kinhtedothi.vn/524/2018/1/18/bt-hai.jpg" '
        f'title-image="{esc(caption)}"/></center><div class="note_image">{esc(caption)}</div></div>'
        if i == 1
        else f"<div>{esc(p.strip())}</div>"
        for i, p in enumerate(body)
        if p.strip()
    )
    path = "/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv-309873.html"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{esc(title)}</title>
<meta property="og:title" content="{esc(title)}"/>
<meta name="description" content="{esc(sapo)}"/>
<meta property="og:url" content="http://kinhtedothi.vn{path}"/>
<link rel="canonical" href="http://kinhtedothi.vn{path}"/>
</head><body>
<div class="header"><a href="/"><img src="/images/logo.png" alt="Kinh tế &amp; Đô thị"/></a></div>
<div class="dong_su_kien">{esc(ticker)}</div>
<div class="breadcump"><a href="/chinh-tri/">Chính trị</a> <div class="bread_right"><a class="active" href="/chinh-tri/tin-tuc/">Tin tức</a></div></div>
<div class="col640 fl">
<h1 class="title_detail_news">{esc(title)}</h1>
<span class="name_author fl">{esc(author)}</span>
<div class="time_detail_news f11 fl">{esc(date)}</div>
<div class="share_detail"><a class="zalo-share-button">Chia sẻ Zalo</a></div>
<div class="sapo_detail fr">{esc(sapo)}</div>
<div id="cotent_detail">
{body_html}
</div>
<div class="tag_detail mar_bottom15"><a href="/tag/chuong-trinh-01">Chương trình 01</a> <a href="/tag/thanh-uy-ha-noi">Thành ủy Hà Nội</a></div>
<div class="box_tinlienquan"><h3>Tin liên quan</h3><ul><li><a href="/chinh-tri/">Hà Nội: Sơ kết Chương trình 01</a></li></ul></div>
</div>
<div class="footer">Bản quyền thuộc về Báo Kinh tế &amp; Đô thị</div>
</body></html>
"""
    write("kinhtedothi.vn", path, page)
    listing = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>Tin tức | Chính trị | Kinh tế &amp; Đô thị</title></head><body>
<div class="col440 fl  border_right">
<div class="pkg mar_bottom20"><h2><a href="{path}">{esc(title)}</a></h2>
<div class="info_cate"><span class="time">19:13 18/01/2018</span></div></div>
</div>
<div class="paging"><a class="active" href="/chinh-tri/tin-tuc/">1</a></div>
</body></html>
"""
    write("kinhtedothi.vn", "/chinh-tri/tin-tuc/", listing)
    robots("kinhtedothi.vn")
    kinhtedothi_new(title, author, date, sapo, [p.strip() for p in body if p.strip()], caption)


# --------------------------------------------------------------------------------------------------------
# tienphong.vn — new "cms-*" CMS (2021+): article__title/sapo/body, time[datetime], audio player, "… ảnh 1"
# --------------------------------------------------------------------------------------------------------
def tienphong() -> None:
    lines = seed_lines("001")
    title, sapo = lines[0], lines[4]
    body = [ln for ln in lines[5:] if ln.strip() and ln.strip() != "MỚI - NÓNG"]
    caption_alt = next(ln for ln in body if ln.endswith("ảnh 1"))
    caption_idx = body.index(caption_alt)
    caption = body[caption_idx + 1]
    parts = []
    for i, p in enumerate(body):
        if i == caption_idx:
            parts.append(
                '<table class="picture" align="center"><tbody><tr><td class="pic">'
                f'<img class="cms-photo" data-src="https://image.tienphong.vn/w890/Uploaded/2022/dung.jpg" alt="{esc(p)}"/>'
                f'</td></tr><tr><td class="caption"><p>{esc(caption)}</p></td></tr></tbody></table>'
            )
        elif i == caption_idx + 1:
            continue
        else:
            parts.append(f"<p>{esc(p)}</p>")
    path = "/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo"
    published = "2022-07-13T12:40:00+07:00"
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": published,
        "mainEntityOfPage": f"https://tienphong.vn{path}",
    }
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{esc(title)} | Báo điện tử Tiền Phong</title>
<meta property="og:title" content="{esc(title)}"/>
<meta property="og:url" content="https://tienphong.vn{path}"/>
<meta property="article:published_time" content="{published}"/>
<meta property="article:section" content="Chính trị"/>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<header class="site-header"><a class="logo" href="/">Tiền Phong</a></header>
<div class="breadcrumb"><a class="cms-link" href="/chinh-tri/">Chính trị</a></div>
<div class="article">
<h1 class="article__title cms-title">{esc(title)}</h1>
<div class="article__meta"><time datetime="{published}">13/07/2022 | 12:40</time></div>
<div class="audio-player"><span class="time">0:00 / 0:00</span><span class="current">0:00</span></div>
<div class="article__sapo cms-desc">{esc(sapo)}</div>
<div class="article__body cms-body">
{chr(10).join(parts)}
</div>
<div class="article__tag"><a href="/chuong-trinh-01-ctr-tu-tag160012.tpo">Chương trình 01-CTr/TU</a></div>
</div>
<section class="box-hot"><h3 class="box-heading">MỚI - NÓNG</h3><article class="story"><h3 class="story__heading"><a class="cms-link" href="/chinh-tri/">Tin nóng khác</a></h3></article></section>
</body></html>
"""
    write("tienphong.vn", path, page)
    listing = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>Chính trị | Báo điện tử Tiền Phong</title></head><body>
<div class="content-list">
<article class="story"><h2 class="story__heading"><a class="cms-link" href="{path}" title="{esc(title)}">{esc(title)}</a></h2>
<time class="story__time" datetime="{published}">13/07/2022</time></article>
</div>
</body></html>
"""
    write("tienphong.vn", "/chinh-tri/", listing)
    write("tienphong.vn", "/rss/chinh-tri-308.rss", rss("Chính trị", [(title, path, "Wed, 13 Jul 2022 12:40:00 +0700")],
                                                       host="https://tienphong.vn"))
    # the seed article, plus one from the month's end that a backfill ending on 2022-07-20 must leave out
    monthly_sitemap("tienphong.vn", [(path, published),
                                     ("/ha-noi-ket-thuc-dot-kiem-tra-post1459999.tpo", "2022-07-30T09:00:00+07:00")],
                    2022, 7)
    robots("tienphong.vn", "Sitemap: https://tienphong.vn/sitemap.xml\n")
    tienphong_old(title, sapo, body, caption_idx)


# --------------------------------------------------------------------------------------------------------
# baochinhphu.vn — old ASP.NET site (to 17 Jan 2022): .vgp URLs, p.meta "HH:MM, dd/mm/YYYY", author at the end
# --------------------------------------------------------------------------------------------------------
def baochinhphu() -> None:
    lines = seed_lines("002")
    title, date, sapo = lines[0], lines[2], lines[4]
    caption = lines[6]
    body = paragraphs(lines[8:])
    author = body[-1]
    body = body[:-1]
    path = "/Hoat-dong-cua-lanh-dao-Dang-Nha-nuoc/Lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-Thanh-uy/377981.vgp"
    body_html = "\n".join(f"<p>{esc(p)}</p>" for p in body)
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>{esc(title)}</title>
<meta property="og:title" content="{esc(title)}"/>
<meta property="og:url" content="http://baochinhphu.vn{path}"/>
</head><body>
<form id="aspnetForm" action="{path}" method="post">
<div class="breadcrums"><a href="/">Trang chủ</a> <a href="/Hoat-dong-cua-lanh-dao-Dang-Nha-nuoc/446.vgp">Hoạt động của lãnh đạo Đảng, Nhà nước</a></div>
<div class="article-header"><h1>{esc(title)}</h1><p class="meta">19:25, {esc(date)}</p></div>
<div class="article-body cmscontents">
<div class="summary">{esc(sapo)}</div>
<div class="sharing_tool"><a href="#">In bài</a> <a href="#">Gửi bài</a></div>
<table class="image center"><tr><td><img src="http://baochinhphu.vn/Uploaded/hoangtrunghai/2019_10_14/hai.jpg"/></td></tr>
<tr><td class="caption">{esc(caption)}</td></tr></table>
<!-- content start -->
{body_html}
<p style="text-align: right;"><b>{esc(author)}</b></p>
<ul class="inline-related"><li><a href="/Thoi-su/443.vgp">Hà Nội sơ kết Chương trình 01-CTr/TU</a></li></ul>
<p class="keywords"><span class="word"><a href="/Search.aspx?keyword=Th%C3%A0nh+%E1%BB%A7y">Thành ủy</a></span><span class="word"><a href="/Search.aspx?keyword=01-CTr%2FTU">01-CTr/TU</a></span></p>
</div>
</form>
</body></html>
<!--u: 14/10/2019 7:25:31 PM-->
"""
    write("baochinhphu.vn", path, page)
    listing = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Thời sự - Báo điện tử Chính phủ</title></head><body>
<div class="zonelisting">
<div class="story"><p class="title"><a href="{path}">{esc(title)}</a></p><span class="time">19:25, {esc(date)}</span></div>
</div>
<div id="ctl00_leftContent_ctl01_pager"><a class="current">1</a></div>
</body></html>
"""
    write("baochinhphu.vn", "/Thoi-su/443.vgp", listing)
    robots("baochinhphu.vn")
    baochinhphu_new(title, date, sapo, caption, body, author)


# --------------------------------------------------------------------------------------------------------
# anninhthudo.vn — ~2019-2021 CMS: header.header h1.title.cms-title, .summary.cms-desc, .cms-date[content], #main_detail
# --------------------------------------------------------------------------------------------------------
def anninhthudo() -> None:
    lines = seed_lines("003")
    kicker, title = lines[0], lines[2]
    date, comments, author, printlink = (ln.replace("•", "").strip() for ln in lines[4:8])
    sapo = lines[8]
    body = paragraphs(lines[9:])
    assert body[-1] == "Tin cùng chuyên mục"
    body = body[:-1]
    subheads = {"Khen thưởng 58 tập thể, cá nhân có thành tích xuất sắc", "Còn 10 tháng để phấn đấu hoàn thành vượt mức các chỉ tiêu nhiệm kỳ"}
    parts = []
    i = 0
    while i < len(body):
        p = body[i]
        if i + 1 < len(body) and body[i + 1] == p:
            # the seed shows each photo twice: the img alt text, then the caption
            parts.append(
                f'<table class="picture"><tr><td><img class="cms-photo" src="https://image.anninhthudo.vn/2019/12/15/a.jpg" alt="{esc(p)}"/>'
                f'</td></tr><tr><td class="caption"><em>{esc(p)}</em></td></tr></table>'
            )
            i += 2
            continue
        parts.append(f"<h2><strong>{esc(p)}</strong></h2>" if p in subheads else f"<p>{esc(p)}</p>")
        i += 1
    path = "/chinh-tri-xa-hoi/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020/826540.antd"
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{esc(title)} | An ninh Thủ đô</title>
<meta property="og:title" content="{esc(title)}"/>
<meta property="og:url" content="https://anninhthudo.vn{path}"/>
</head><body>
<nav class="breadcrumb"><a href="/chinh-tri-xa-hoi/3.antd">Chính trị - Xã hội</a></nav>
<article class="article-detail">
<header class="header">
<p class="sub-title">{esc(kicker)}</p>
<h1 class="title cms-title">{esc(title)}</h1>
<ul class="meta">
<li><span class="cms-date" content="2019-12-15T07:50">{esc(date)}</span></li>
<li><a href="#comment">{esc(comments)}</a></li>
<li><span class="cms-author">{esc(author)}</span></li>
<li><a class="print" href="#">{esc(printlink)}</a></li>
</ul>
</header>
<div class="summary cms-desc">{esc(sapo)}</div>
<div id="main_detail" class="cms-body">
{chr(10).join(parts)}
</div>
<div class="tags"><a href="/tag/thanh-uy-ha-noi.antd">Thành ủy Hà Nội</a></div>
</article>
<section class="related"><h3>Tin cùng chuyên mục</h3><ul><li><a href="/chinh-tri-xa-hoi/3.antd">Tin khác</a></li></ul></section>
</body></html>
"""
    write("anninhthudo.vn", path, page)
    listing = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>Chính trị - Xã hội | An ninh Thủ đô</title></head><body>
<div class="timeline">
<article><a href="{path}" title="{esc(title)}"><img src="a.jpg"/></a><h3><a href="{path}" title="{esc(title)}">{esc(title)}</a></h3>
<p class="summary">{esc(sapo)}</p></article>
</div>
<ul class="pagination-list"><li><a class="active" href="/chinh-tri-xa-hoi/3.antd?page=1">1</a></li></ul>
</body></html>
"""
    write("anninhthudo.vn", "/chinh-tri-xa-hoi/3.antd", listing)
    robots("anninhthudo.vn")
    anninhthudo_new(kicker, title, author, sapo, body, subheads)
    hanoimoi(title, author, sapo, body, subheads)


# --------------------------------------------------------------------------------------------------------
# longbien.hanoi.gov.vn — Liferay portal: asset publisher, "Ngày đăng dd/mm/YYYY | HH:MM | Lượt xem: N"
# --------------------------------------------------------------------------------------------------------
def longbien() -> None:
    lines = seed_lines("004")
    category, title, meta = lines[0], lines[2], lines[3]
    body = paragraphs(lines[5:])
    caption = "Toàn cảnh Hội nghị"
    parts = [
        f'<p style="text-align:center"><img src="/documents/10180/0/toan-canh.jpg"/></p><p style="text-align:center"><em>{esc(p)}</em></p>'
        if p == caption
        else f'<p style="text-align: justify;">{esc(p)}</p>'
        for p in body
    ]
    slug = "thuong-vu-thanh-uy-lam-viec-voi-ban-thuong-vu-quan-uy-ve-cong-tac-chuan-bi-to-chuc-ai-hoi-ang-cac-cap-nhiem-ky-2020-2025"
    path = f"/web/guest/tin-tuc-su-kien-noi-bat/-/asset_publisher/WwKT6kIpxxfP/content/{slug}"
    page = f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"/>
<title>{esc(title)} - Cổng thông tin điện tử quận Long Biên</title>
<link rel="canonical" href="https://longbien.hanoi.gov.vn{path}"/>
<meta property="og:url" content="https://longbien.hanoi.gov.vn{path}"/>
</head><body class="portal">
<div id="wrapper"><div class="portlet-boundary portlet-asset-publisher">
<div class="portlet-title"><span class="portlet-title-text">{esc(category)}</span></div>
<div class="asset-full-content">
<h3 class="header-title"><span>{esc(title)}</span></h3>
<div class="asset-metadata"><span class="metadata-entry metadata-publish-date">{esc(meta)}</span></div>
<div class="asset-content"><div class="journal-content-article">
{chr(10).join(parts)}
</div></div>
</div>
<div class="asset-links"><a href="/web/guest/tin-tuc-su-kien-noi-bat">Quay lại</a></div>
</div></div>
</body></html>
"""
    write("longbien.hanoi.gov.vn", path, page)
    listing = f"""<!DOCTYPE html>
<html lang="vi-VN"><head><meta charset="utf-8"/><title>{esc(category)}</title></head><body>
<div class="portlet-asset-publisher">
<div class="asset-abstract"><h3 class="asset-title"><a href="{path}">{esc(title)}</a></h3>
<div class="asset-summary">Ngày đăng 28/10/2019 | 17:09</div></div>
</div>
</body></html>
"""
    write("longbien.hanoi.gov.vn", "/web/guest/tin-tuc-su-kien-noi-bat/", listing)
    robots("longbien.hanoi.gov.vn")


# ========================================================================================================
# The second layout era of each site. The seed texts are laid out again as the site's other platform shows
# them (today's for the seeds from before a relaunch, the older one for Tiền Phong's 2022 seed), so the
# golden tests check that both eras parse to the same text. The current-era listing is what the crawl reads.
# ========================================================================================================
def kinhtedothi_new(title: str, author: str, date: str, sapo: str, body: list[str], caption: str) -> None:
    """2022+ CMS: `/<slug>.html` without id, h1.article-title, `div.article-published-on` "Thứ năm, HH:MM dd/mm/YYYY",
    `[itemprop=articleBody]`, `span.detail__author`; discovery through the JSON category API."""
    path = "/bi-thu-hoang-trung-hai-trinh-de-an-thi-diem-quan-ly-mo-hinh-chinh-quyen-do-thi-trong-quy-iv.html"
    day, clock = date.split(" ")
    shown = f"Thứ năm, {clock} {day.replace('-', '/')}"
    parts = "\n".join(
        f'<figure class="image"><img src="https://media.kinhtedothi.vn/2018/01/18/bt-hai.jpg" alt="{esc(p)}"/>'
        f"<figcaption>{esc(p)}</figcaption></figure>" if p == caption else f"<p>{esc(p)}</p>"
        for p in body
    )
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/>
<title>{esc(title)}</title>
<meta property="og:title" content="{esc(title)}"/>
<meta property="og:url" content="https://kinhtedothi.vn{path}"/>
<meta name="description" content="{esc(sapo)}"/>
</head><body>
<header class="header"><a class="logo" href="/">Kinh tế &amp; Đô thị</a>
<nav class="menu"><a href="/chinh-tri">Chính trị</a> <a href="/do-thi">Đô thị</a> <a href="/tag/chien-sy-thu-do">Chiến sỹ Thủ đô</a></nav></header>
<main class="detail">
<div class="breadcrumb"><a href="/chinh-tri">Chính trị</a></div>
<h1 class="article-title">{esc(title)}</h1>
<div class="article-meta"><span class="detail__author">{esc(author)}</span>
<div class="article-published-on">{esc(shown)}</div>
<div class="share"><a class="zalo-share-button">Chia sẻ Zalo</a></div></div>
<h2 class="article-sapo">{esc(sapo)}</h2>
<div class="article-content" itemprop="articleBody">
{parts}
<div class="related"><h3>Tin liên quan</h3><a href="/ha-noi-so-ket-chuong-trinh-01.html">Hà Nội sơ kết Chương trình 01</a></div>
</div>
<div class="article-tags"><a href="/tag/thanh-uy-ha-noi">Thành ủy Hà Nội</a> <a href="/tag/chuong-trinh-01">Chương trình 01</a></div>
</main>
<footer>Bản quyền thuộc về Báo Kinh tế &amp; Đô thị</footer>
</body></html>
"""
    write("kinhtedothi.vn", path, page)
    iso = datetime.strptime(date, "%d-%m-%Y %H:%M").strftime("%Y-%m-%dT%H:%M:%S")
    api = "/api/category/1212092406/paging/{}"
    # the JSON category API pages until an empty array
    write("kinhtedothi.vn", api.format(1), json.dumps(
        [{"CatName": "Chính trị", "Title": title, "Sapo": sapo, "PublishedDate": iso, "Url": path}], ensure_ascii=False))
    write("kinhtedothi.vn", api.format(2), "[]")


def tienphong_old(title: str, sapo: str, body: list[str], caption_idx: int) -> None:
    """The ASP.NET site (to 2021): `/<cat>/<slug>-<id>.tpo`, `article.main-article`, `h1#headline`,
    `p.byline-dateline time`, `div#article-body`, pager `…pager_nextControl`."""
    path = "/xa-hoi/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-1752911.tpo"
    parts = []
    for i, p in enumerate(body):
        if i == caption_idx:
            parts.append(f'<table class="picture"><tr><td><img src="https://image.tienphong.vn/w665/Uploaded/2022/a.jpg" '
                         f'alt="{esc(p)}"/></td></tr><tr><td class="caption">{esc(body[i + 1])}</td></tr></table>')
        elif i != caption_idx + 1:
            parts.append(f"<p>{esc(p)}</p>")
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>{esc(title)} | Tiền Phong</title>
<meta property="og:url" content="https://www.tienphong.vn{path}"/></head><body>
<form id="aspnetForm"><div id="header"><a href="/">Tiền Phong</a></div>
<article class="main-article">
<header><p class="cate"><a href="/xa-hoi/">Xã hội</a></p>
<h1 id="headline" class="headline">{esc(title)}</h1>
<p class="byline-dateline"><time datetime="2022-07-13T12:40">13/07/2022 12:40</time></p></header>
<p class="article-sapo cms-desc">{esc(sapo)}</p>
<div id="article-body" class="article-body cms-body">
{chr(10).join(parts)}
</div>
<div class="article-tags"><p><a href="/tags/thanh-uy-ha-noi.tpo">Thành ủy Hà Nội</a></p></div>
</article>
<div class="box-related"><a href="/xa-hoi/tin-khac-1752000.tpo">Tin khác</a></div>
</form></body></html>
"""
    write("tienphong.vn", path, page)
    # the old category listing, two pages through the ASP.NET pager
    for n, links in enumerate(([path, "/xa-hoi/tin-khac-1752000.tpo"], ["/xa-hoi/tin-thu-ba-1751000.tpo"]), 1):
        items = "".join(f'<article class="story left-story border-story"><a href="{u}">Tin</a></article>' for u in links)
        pager = f'<a id="ctl00_mainContent_ContentList1_pager_nextControl" href="/xa-hoi/trang{n + 1}">›</a>' if n == 1 else ""
        write("tienphong.vn", "/xa-hoi/" if n == 1 else f"/xa-hoi/trang{n}",
              f'<html><body><div class="abc-column">{items}</div><div class="pager"><a href="/xa-hoi/">1</a>{pager}</div>'
              f'<a href="/the-thao/">Thể thao</a></body></html>')


def baochinhphu_new(title: str, date: str, sapo: str, caption: str, body: list[str], author: str) -> None:
    """VCCorp-style site (since 18 Jan 2022): `/<slug>-102<ts><n>.htm`, `h1.detail-title`, `h2.detail-sapo`,
    `div.detail-content[data-role=content]` with `VCSortableInPreviewMode` photo boxes, a timestamp comment after
    `</html>`, an entity-encoded JSON-LD headline; listing `/chinh-tri.htm` paged as `/chinh-tri/trang-N.htm`."""
    path = "/lam-ro-nhung-doi-moi-trong-phuong-thuc-lanh-dao-cua-thanh-uy-102191014192500565.htm"
    published = datetime.strptime(f"{date} 19:25", "%d/%m/%Y %H:%M").strftime("%Y-%m-%dT%H:%M:%S+07:00")
    headline = "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in title)
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + headline + '","datePublished":"'
          + published + '","author":{"@type":"Person","name":"baochinhphu.vn"}}')
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in body)
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>{esc(title)}</title>
<meta property="og:title" content="{esc(title)}"/>
<meta property="og:url" content="https://baochinhphu.vn{path}"/>
<meta property="article:published_time" content="{published}"/>
<script type="application/ld+json">{ld}</script>
</head><body>
<div class="header"><a href="/">Báo Điện tử Chính phủ</a></div>
<div class="detail-cate"><a href="/chinh-tri.htm">Chính trị</a></div>
<h1 class="detail-title" data-role="title">{esc(title)}</h1>
<div class="detail-time"><div data-role="publishdate">{esc(date)} 19:25</div></div>
<h2 class="detail-sapo" data-role="sapo">{esc(sapo)}</h2>
<div class="detail-content afcbc-body clearfix" data-role="content">
<div class="VCSortableInPreviewMode" type="Photo"><div><img src="https://bcp.cdnchinhphu.vn/Uploaded/2019_10_14/hai.jpg"/></div>
<div class="PhotoCMS_Caption"><p>{esc(caption)} - Ảnh 1.</p></div></div>
{paras}
<p style="text-align: right;"><b>{esc(author)}</b></p>
<div class="detail-relate"><a href="/ha-noi-so-ket-chuong-trinh-01-102191001101010101.htm">Hà Nội sơ kết Chương trình 01</a></div>
</div>
<div class="detail-tab"><a href="/tag/thanh-uy-ha-noi.htm">Thành ủy Hà Nội</a></div>
</body></html>
<!--u: 14/10/2019 7:25:31 PM-->
"""
    write("baochinhphu.vn", path, page)
    # Today's category page as the real one is built (issue 21): a focus box, a stream, a timeline list and a
    # "most read" sidebar of other categories' articles; no pager, a hidden zone id and a script "Xem thêm" that
    # loads /timelinelist/<zone>/<page>.htm. The crawl reads it, so it links only the seed article (twice, as
    # image and title); the sidebar links other sections' articles, which discovery must not take.
    card = (f'<div class="box-stream-item"><a class="box-stream-link-thumb" href="{path}"><img src="/t.jpg"/></a>'
            f'<a class="box-stream-link-title" href="{path}" title="{esc(title)}">{esc(title)}</a>'
            f'<p class="box-stream-sapo">{esc(sapo[:120])}</p></div>')
    write("baochinhphu.vn", "/chinh-tri.htm", category_page("Chính trị", 1021, focus=card, stream="",
                                                             timeline=""))
    write("baochinhphu.vn", "/timelinelist/1021/2.htm", card)  # the stream moved on: page 2 repeats page 1's item
    write("baochinhphu.vn", "/timelinelist/1021/3.htm", "")  # past the end the endpoint answers an empty list
    pub = datetime.strptime(f"{date} 19:25", "%d/%m/%Y %H:%M").strftime("%a, %d %b %Y %H:%M:%S +0700")
    write("baochinhphu.vn", "/chinh-tri.rss", rss("Chính trị", [(title, path, pub)]))
    baochinhphu_variation()


# The sidebar of every category page: other sections' most-read articles (none of them is in this category).
MOST_READ = ["/gia-vang-hom-nay-tang-manh-102261130071500123.htm", "/thoi-tiet-ha-noi-ret-dam-102261130081500456.htm",
             "/doi-tuyen-viet-nam-thang-dam-102261129210000789.htm"]


def category_page(name: str, zone: int, *, focus: str, stream: str, timeline: str) -> str:
    most_read = "".join(f'<li><a href="{p}">Tin đọc nhiều {i}</a></li>' for i, p in enumerate(MOST_READ, 1))
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>{esc(name)}</title></head><body>
<div class="menu"><a href="/chinh-tri/to-chuc-nhan-su.htm">Tổ chức - Nhân sự</a> <a href="/chu-de/chuong-trinh-01.htm">Chủ đề</a></div>
<h1 class="cate-title">{esc(name)}</h1>
<div class="box-focus">{focus}</div>
<div class="box-stream">{stream}</div>
<div class="box-category-middle"><div class="timeline_list" data-role="timeline">{timeline}</div>
<a href="javascript:;" class="btn-viewmore" data-zone="{zone}">Xem thêm</a></div>
<input type="hidden" id="hdZoneId" value="{zone}"/>
<div class="box-most-view"><h3>Đọc nhiều</h3><ul>{most_read}</ul></div>
<div class="footer"><a href="/gioi-thieu.htm">Giới thiệu</a></div>
</body></html>
"""


def rss(name: str, items: list[tuple[str, str, str]], host: str = "https://baochinhphu.vn") -> str:
    """An RSS 2.0 category feed as the sites' CMSs serve them: links on the real host, CDATA titles."""
    entries = "".join(f"<item><title><![CDATA[{t}]]></title><link>{host}{p}</link>"
                      f"<pubDate>{d}</pubDate></item>" for t, p, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{esc(name)}</title>'
            f"<link>{host}</link>{entries}</channel></rss>\n")


# Variation articles (issue 17): our own text, in today's layouts, with the markup real pages were seen to have
# and the generated pages never had. Not linked from any listing: only the golden variation tests read them.
VARIATION_BODY = [
    "Theo báo cáo, trong 6 tháng đầu năm 2026, Ban Thường vụ Quận ủy đã thi hành kỷ luật 7 đảng viên vi phạm, "
    "trong đó khiển trách 5 đồng chí, cảnh cáo 2 đồng chí; không có trường hợp nào phải khai trừ.",
    "Ủy ban Kiểm tra Quận ủy đã giám sát chuyên đề đối với 12 chi bộ và kiểm tra tài chính đảng tại 9 tổ chức "
    "đảng; qua đó kịp thời chấn chỉnh những thiếu sót trong quản lý thu, chi ngân sách của các đơn vị.",
    "Hội nghị thống nhất phương hướng, nhiệm vụ 6 tháng cuối năm, trong đó tập trung giám sát việc thực hiện "
    "Chương trình số 01-CTr/TU của Thành ủy về công tác xây dựng Đảng và hệ thống chính trị.",
]


def tienphong_variation() -> None:
    """Tiền Phong as served in 2026: related-story cards (small `article` blocks with one headline link) inside the
    body, the author not in `.cms-author` but in JSON-LD and a meta, a multi-valued `article:section`, tags with
    a leading "#", a print link."""
    path = "/quan-uy-so-ket-cong-tac-kiem-tra-6-thang-post1800001.tpo"
    published = "2026-07-10T09:15:00+07:00"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Quận ủy sơ kết công tác kiểm tra 6 tháng",
          "datePublished": published, "author": {"@type": "Person", "name": "Ngọc Mai"}}
    card = ('<article class="story story--inline"><h3 class="story__heading"><a class="cms-link" '
            'href="/{slug}-post{n}.tpo">{title}</a></h3></article>')
    cards = [card.format(slug="7-ngoi-sao-tre-duoc-vinh-danh", n=1799001, title="7 ngôi sao trẻ được vinh danh"),
             card.format(slug="ha-noi-khoi-cong-3-cay-cau", n=1799002, title="Hà Nội khởi công 3 cây cầu mới"),
             card.format(slug="xem-ngay-lich-thi-dau", n=1799003, title="Xem ngay lịch thi đấu vòng 5")]
    body = (f"<p>{esc(VARIATION_BODY[0])}</p>{cards[0]}<p>{esc(VARIATION_BODY[1])}</p>{cards[1]}"
            f"<p>{esc(VARIATION_BODY[2])}</p>{cards[2]}")
    write("tienphong.vn", path, f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>Quận ủy sơ kết công tác kiểm tra 6 tháng | Báo điện tử Tiền Phong</title>
<meta property="og:url" content="https://tienphong.vn{path}"/>
<meta property="article:published_time" content="{published}"/>
<meta property="article:section" content="Chính trị, Xây dựng Đảng"/>
<meta name="author" content="Ngọc Mai"/>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<div class="article">
<h1 class="article__title cms-title">Quận ủy sơ kết công tác kiểm tra 6 tháng</h1>
<div class="article__meta"><time datetime="{published}">10/07/2026 | 09:15</time>
<span class="article__author-name">Ngọc Mai</span> <a href="/print{path}" class="print">In bài</a></div>
<div class="article__sapo cms-desc">TPO - Quận ủy vừa sơ kết công tác kiểm tra, giám sát 6 tháng đầu năm 2026.</div>
<div class="article__body cms-body">{body}</div>
<div class="article__tag"><a href="/thanh-uy-tag1.tpo">#Thành ủy Hà Nội</a><a href="/kiem-tra-tag2.tpo">#Kiểm tra</a></div>
</div></body></html>
""")


def baochinhphu_variation_article() -> None:
    """Báo Chính phủ as served in 2026: the signature paragraph followed by an empty right-aligned one, JSON-LD
    author "Ban biên tập", the section only in a breadcrumb, the tags in a list with other classes."""
    path = "/quan-uy-so-ket-cong-tac-kiem-tra-6-thang-102260710091500123.htm"
    paras = "".join(f"<p>{esc(p)}</p>" for p in VARIATION_BODY)
    ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"Quận ủy sơ kết công tác kiểm tra 6 tháng",'
          '"datePublished":"2026-07-10T09:15:00+07:00","author":{"@type":"Person","name":"Ban biên tập"}}')
    write("baochinhphu.vn", path, f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>Quận ủy sơ kết công tác kiểm tra 6 tháng</title>
<meta property="og:url" content="https://baochinhphu.vn{path}"/>
<meta property="article:published_time" content="2026-07-10T09:15:00+07:00"/>
<script type="application/ld+json">{ld}</script>
</head><body>
<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri.htm">Chính trị</a></li></ul>
<h1 class="detail-title" data-role="title">Quận ủy sơ kết công tác kiểm tra 6 tháng</h1>
<div class="detail-time"><div data-role="publishdate">10/07/2026 09:15</div></div>
<h2 class="detail-sapo" data-role="sapo">Quận ủy vừa sơ kết công tác kiểm tra, giám sát 6 tháng đầu năm 2026.</h2>
<div class="detail-content afcbc-body" data-role="content">{paras}
<p style="text-align: right;"><b>Ngọc Mai</b></p>
<p style="text-align: right;"><b></b></p>
</div>
<div class="box-tag"><span>Từ khóa:</span><a href="/tag/thanh-uy.htm">Thành ủy</a><a href="/tag/kiem-tra.htm">Kiểm tra</a></div>
</body></html>
""")


def baochinhphu_variation() -> None:
    """A variation category, `/thoi-su.htm`, read only by the discovery tests (its articles are not in the
    snapshot): ten articles over the focus box, the stream and the timeline list, one of them with a 2013-era
    short id (102 + 6 digits) and one linked again with utm parameters, a print view, the sidebar; two timeline
    pages (the second overlaps and ends the list) and an RSS feed with a tracking link, another site's link and a
    category link."""
    ids = [f"/thoi-su-bai-{n}-1022611{n:02d}0800{n:04d}.htm" for n in range(1, 10)] + ["/bai-cu-nam-2013-102134567.htm"]
    link = lambda p: f'<div class="box-stream-item"><a href="{p}">Bài {p[1:20]}</a></div>'  # noqa: E731
    write("baochinhphu.vn", "/thoi-su.htm", category_page(
        "Thời sự", 1022,
        focus=link(ids[0]) + link(ids[1]),
        stream=link(ids[2]) + link(ids[3]) + link(ids[4] + "?utm_source=home&utm_medium=box"),
        timeline=link(ids[4]) + link("/print" + ids[5]) + link(ids[9])))
    write("baochinhphu.vn", "/timelinelist/1022/2.htm", "".join(link(p) for p in (ids[9], ids[5], ids[6], ids[7])))
    write("baochinhphu.vn", "/timelinelist/1022/3.htm", "")
    feed = rss("Thời sự", [("Bài 8", ids[8], "Mon, 30 Nov 2026 08:00:00 +0700"),
                           ("Bài 1", ids[0] + "?utm_campaign=rss", "Mon, 30 Nov 2026 07:00:00 +0700"),
                           ("Khác", "/thoi-su.htm", "Mon, 30 Nov 2026 06:00:00 +0700")])
    feed = feed.replace("</channel>", "<item><title>Bài báo khác</title><link>https://vnexpress.net/bai-123.html</link>"
                                      "</item></channel>")
    write("baochinhphu.vn", "/thoi-su.rss", feed)
    baochinhphu_variation_article()
    tienphong_variation()


def anninhthudo_new(kicker: str, title: str, author: str, sapo: str, body: list[str], subheads: set[str]) -> None:
    """The "cms-*" CMS (2021+), shared with Tiền Phong: `/<slug>-post<id>.antd`, `article__*` classes, the audio
    player, `… ảnh N` alt text; listing `/chinh-tri-xa-hoi/`; monthly sitemaps."""
    path = "/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-post826540.antd"
    parts, i = [], 0
    while i < len(body):
        p = body[i]
        if i + 1 < len(body) and body[i + 1] == p:
            parts.append(f'<figure class="picture"><img class="cms-photo" data-src="https://image.anninhthudo.vn/w800/a.jpg" '
                         f'alt="{esc(p)} ảnh {len(parts) + 1}"/><figcaption class="caption">{esc(p)}</figcaption></figure>')
            i += 2
            continue
        parts.append(f"<h2>{esc(p)}</h2>" if p in subheads else f"<p>{esc(p)}</p>")
        i += 1
    page = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>{esc(title)}</title>
<meta property="og:url" content="https://anninhthudo.vn{path}"/>
<meta property="article:published_time" content="2019-12-15T07:50:00+07:00"/>
<meta property="article:section" content="Chính trị - Xã hội"/>
</head><body>
<div class="breadcrumb"><a class="cms-link" href="/chinh-tri-xa-hoi/">Chính trị - Xã hội</a></div>
<div class="article">
<p class="article__kicker">{esc(kicker)}</p>
<h1 class="article__title cms-title">{esc(title)}</h1>
<div class="article__meta"><time class="time">15/12/2019 07:50</time>
<div class="article__author"><span class="name cms-author">{esc(author)}</span></div></div>
<div class="audio-player"><span>0:00 / 0:00</span></div>
<div class="article__sapo cms-desc">{esc(sapo)}</div>
<div class="article__body cms-body">
{chr(10).join(parts)}
<article class="story cms-relate"><a class="cms-link" href="/tin-khac-post826000.antd">Tin khác</a></article>
</div>
<div class="article__tag"><a href="/thanh-uy-ha-noi-tag1.antd">Thành ủy Hà Nội</a></div>
</div>
<section class="box-related"><h3>Tin cùng chuyên mục</h3></section>
</body></html>
"""
    write("anninhthudo.vn", path, page)
    write("anninhthudo.vn", "/chinh-tri-xa-hoi/", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Chính trị - Xã hội</title></head><body>
<div class="menu"><a class="cms-link" href="/phap-luat/">Pháp luật</a></div>
<article class="story"><h3 class="story__heading"><a class="cms-link" href="{path}">{esc(title)}</a></h3></article>
</body></html>
""")
    # the sitemaps list today's URLs
    monthly_sitemap("anninhthudo.vn", [(path, "2019-12-15T07:50:00+07:00")], 2019, 12)


HANOIMOI_OLD = "/Tin-tuc/Chinh-tri/950321/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020"
HANOIMOI_NEW = "/thanh-uy-ha-noi-tong-ket-3-chuong-trinh-cong-tac-toan-khoa-nhiem-ky-2015-2020-538001.html"


def hanoimoi(title: str, author: str, sapo: str, body: list[str], subheads: set[str]) -> None:
    """Hà Nội Mới, the Thành ủy's paper: no seed of its own, so it carries seed 003's story (the Thành ủy's
    review of its three programmes) as a second outlet would, under "(HNMO) - ". Both eras: hanoimoi.com.vn
    (`/Tin-tuc/<Cat>/<id>/<slug>`, `#NewsDetails`, `div.refer`) and hanoimoi.vn (`/<slug>-<id>.html`,
    `c-detail-head__*`, `div.entry`, sitemap index → `sitemap-article-YYYY-MM.xml`)."""
    sapo = sapo.replace("ANTD.VN - ", "(HNMO) - ", 1)
    old_parts = []
    for i, p in enumerate(body):
        if i + 1 < len(body) and body[i + 1] == p:
            continue  # the alt text; the caption follows
        if i > 0 and body[i - 1] == p:
            old_parts.append(f'<table class="image" align="center"><tr><td><img src="/Uploads/images/2019/12/15/a.jpg"/>'
                             f'</td></tr><tr><td class="caption">{esc(p)}</td></tr></table>')
        else:
            old_parts.append(f"<p><strong>{esc(p)}</strong></p>" if p in subheads else f"<p>{esc(p)}</p>")
    old_body = "\n".join(old_parts)
    write("hanoimoi.vn", HANOIMOI_OLD, f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>{esc(title)}</title>
<link rel="canonical" href="http://hanoimoi.com.vn{HANOIMOI_OLD}"/></head><body>
<div id="header"><a href="/">Hà Nội Mới</a></div>
<div id="NewsDetails">
<h1 class="caption">{esc(title)}</h1>
<div class="refer"><a class="cap" href="/Danh-muc-tin/147/Chinh-tri">Chính trị</a> 15/12/2019 09:30</div>
<div class="summ">{esc(sapo)}</div>
<div class="content">
{old_body}
<div class="author">{esc(author)}</div>
</div>
<div class="taglist"><a href="/tag/Thanh-uy-Ha-Noi">Thành ủy Hà Nội</a></div>
<div class="other-news"><h3>Tin liên quan</h3><a href="/Tin-tuc/Chinh-tri/950300/tin-khac">Tin khác</a></div>
</div></body></html>
""")
    for n, (links, nxt) in enumerate((([HANOIMOI_OLD], "/Danh-muc-tin/147/Chinh-tri/trang-2"), (["/Tin-tuc/Chinh-tri/950300/tin-khac"], None)), 1):
        items = "".join(f'<div class="timeline"><a href="{u}">Tin</a></div>' for u in links)
        pager = f'<div class="paging"><ul><li class="next"><a href="{nxt}">Sau</a></li></ul></div>' if nxt else ""
        write("hanoimoi.vn", "/Danh-muc-tin/147/Chinh-tri/" + ("" if n == 1 else f"trang-{n}"),
              f"<html><body>{items}{pager}<a href='/Danh-muc-tin/163/Xa-hoi'>Xã hội</a></body></html>")

    figures, new_body = 0, []
    for i, p in enumerate(body):
        if i + 1 < len(body) and body[i + 1] == p:
            figures += 1
            new_body.append(f'<figure class="image"><img src="https://hanoimoi.vn/uploads/2019/12/15/a{figures}.jpg" '
                            f'alt="{esc(p)}"/><figcaption>{esc(p)}</figcaption></figure>')
        elif i == 0 or body[i - 1] != p:
            new_body.append(f"<h3>{esc(p)}</h3>" if p in subheads else f"<p>{esc(p)}</p>")
    published = "2019-12-15T09:30:00+07:00"
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": published,
          "author": {"@type": "Person", "name": author}}
    write("hanoimoi.vn", HANOIMOI_NEW, f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"/><title>{esc(title)}</title>
<meta property="og:url" content="https://hanoimoi.vn{HANOIMOI_NEW}"/>
<meta property="article:published_time" content="{published}"/>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body>
<header class="c-header"><a href="/">Hà Nội Mới</a><nav><a href="/chinh-tri">Chính trị</a> <a href="/xa-hoi">Xã hội</a></nav></header>
<div class="c-detail-head">
<div class="c-detail-head__row"><a class="c-detail-head__cate" href="/chinh-tri">Chính trị</a></div>
<h1 class="c-detail-head__title">{esc(title)}</h1>
<div class="c-detail-head__row"><span class="c-detail-head__author">{esc(author)}</span>
<span class="c-detail-head__time">15/12/2019 09:30</span></div>
</div>
<p class="desc">{esc(sapo)}</p>
<article class="entry entry-no-padding"><div class="entry">
{chr(10).join(new_body)}
<div class="box-related"><h3>Tin liên quan</h3><a href="/tin-khac-537999.html">Tin khác</a></div>
</div></article>
<div class="c-tags"><a href="/tag/thanh-uy-ha-noi">Thành ủy Hà Nội</a></div>
</body></html>
""")
    write("hanoimoi.vn", "/chinh-tri", f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"/><title>Chính trị</title></head><body>
<div class="c-menu"><a href="/xa-hoi">Xã hội</a> <a href="/tag/thanh-uy-ha-noi">Thành ủy Hà Nội</a></div>
<article class="b-grid"><h3 class="b-grid__title"><a href="{HANOIMOI_NEW}">{esc(title)}</a></h3></article>
</body></html>
""")
    write("hanoimoi.vn", "/sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          '<sitemap><loc>https://hanoimoi.vn/sitemap-article-2019-12.xml</loc></sitemap>'
          '<sitemap><loc>https://hanoimoi.vn/sitemap-category.xml</loc></sitemap></sitemapindex>\n')
    write("hanoimoi.vn", "/sitemap-article-2019-12.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          f"<url><loc>https://hanoimoi.vn{HANOIMOI_NEW}</loc><lastmod>{published}</lastmod></url></urlset>\n")
    robots("hanoimoi.vn", "Sitemap: https://hanoimoi.vn/sitemap.xml\n")


# Every seed page of every era again under /variations/<path>, with markup real pages were seen to have and the
# generated pages never had (issue 17): a related-story card (an `article` block that is only a headline link)
# between the body's paragraphs, empty and right-aligned empty paragraphs after the last one, a print link. The
# golden variation tests require each to parse to the same article as its original.
CARD = ('<article class="story"><h3 class="story__heading"><a class="cms-link" href="/7-ngoi-sao-tre-duoc-vinh-danh.html">'
        "7 ngôi sao trẻ được vinh danh</a></h3></article>")
TRAILING = '<p>&nbsp;</p><p style="text-align: right;"><b></b></p>'


def _after_paragraph(page: str, paragraph: str) -> int | None:
    """Offset just after the element that holds `paragraph` (found by its first words), or None."""
    # its first words, whatever spaces (the old sites put non-breaking ones) separate them
    probe = re.compile(r"[\s\xa0]+".join(re.escape(esc(w)) for w in paragraph.split()[:6]))
    found = probe.search(page)
    if not found:
        return None
    at = found.start()
    close = min((i for i in (page.find("</p>", at), page.find("</div>", at)) if i >= 0), default=-1)
    return None if close < 0 else page.index(">", close) + 1


def variations() -> None:
    gold_dir = HERE.parent / "tests" / "gold"
    for gold_file in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        domain = next(p.name for p in SITES.iterdir() if p.name.startswith(gold_file.stem + "."))
        for path in gold["pages"].values():
            source = SITES / domain / path.lstrip("/")
            page = source.read_text(encoding="utf-8")
            paras = gold["paragraphs"]
            card_at = _after_paragraph(page, paras[min(1, len(paras) - 1)])
            end_at = _after_paragraph(page, paras[-1])
            if card_at is None or end_at is None:
                raise SystemExit(f"variation: cannot place the quirks in {domain}{path}")
            for at, quirk in sorted([(end_at, TRAILING), (card_at, CARD)], reverse=True):  # later offset first
                page = page[:at] + quirk + page[at:]
            page = page.replace("</body>", f'<a class="print" href="/print{path}">In bài</a></body>', 1)
            write(domain, "/variations" + path, page)
    # and one page whose body container was renamed, as a redesign does: the adapter cannot read it
    seed = "/ha-noi-thi-diem-nguoi-dung-dau-lua-chon-bo-nhiem-cap-pho-cua-minh-post1452911.tpo"
    page = (SITES / "tienphong.vn" / seed.lstrip("/")).read_text(encoding="utf-8")
    write("tienphong.vn", "/variations/container-renamed" + seed,
          page.replace('class="article__body cms-body"', 'class="story-content-v2"'))


if __name__ == "__main__":
    for build in (kinhtedothi, tienphong, baochinhphu, anninhthudo, longbien):
        build()
    variations()
    print("snapshot sites written to", SITES)
