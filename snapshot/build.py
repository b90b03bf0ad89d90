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
    # the seed article, plus one from the month's end that a backfill ending on 2022-07-20 must leave out
    monthly_sitemap("tienphong.vn", [(path, published),
                                     ("/ha-noi-ket-thuc-dot-kiem-tra-post1459999.tpo", "2022-07-30T09:00:00+07:00")],
                    2022, 7)
    robots("tienphong.vn", "Sitemap: https://tienphong.vn/sitemap.xml\n")


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
    monthly_sitemap("anninhthudo.vn", [(path, "2019-12-15T07:50:00+07:00")], 2019, 12)
    robots("anninhthudo.vn")


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


if __name__ == "__main__":
    for build in (kinhtedothi, tienphong, baochinhphu, anninhthudo, longbien):
        build()
    print("snapshot sites written to", SITES)
