"""Parse throughput of the adapters on pages of realistic size, beside trafilatura's `bare_extraction` and a bare
parse (lxml, lexbor via selectolax) of the same bytes, in one run, on one core. Prints its numbers.

The snapshot article pages are small (5–20 KB). Real article pages weigh 80–300 KB, most of it site chrome: menus
of hundreds of links, inline scripts and JSON state, styles, "most read" boxes, footers. Each of the 11 snapshot
article pages (6 sources × their layout eras) is padded with such chrome to 80, 150 and 300 KB — chrome made up
here (marked synthetic), the article markup itself unchanged — and every adapter parse is checked against the
gold article first, so the speed is measured on parses that are right.

    .venv/bin/python bench/bench_parse.py [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import time
from pathlib import Path

import lxml.html
from selectolax.lexbor import LexborHTMLParser
from trafilatura import bare_extraction

from scrapers.derive import article_text
from scrapers.extract import extract_all
from scrapers.sources import ADAPTERS
from scrapers.sources.generic import parse_generic

ROOT = Path(__file__).resolve().parents[1]
SIZES_KB = (80, 150, 300)
WORDS = ("Hà Nội thành ủy quận huyện kinh tế xã hội giáo dục y tế giao thông đô thị thời tiết thể thao văn hóa "
         "pháp luật giá vàng chứng khoán bất động sản du lịch nông nghiệp môi trường").split()


def chrome(rng: random.Random, kb: int) -> tuple[str, str, str]:
    """(head, top of body, bottom of body) adding about `kb` KB of synthetic site chrome."""
    def headline() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 12))).capitalize()

    def story(i: int) -> str:
        return (f'<li class="story"><a href="/{"-".join(rng.choice(WORDS) for _ in range(6))}-{900000 + i}.html" '
                f'title="{headline()}"><img src="https://cdn.example/w300/2024/{i}.jpg" alt="{headline()}"/></a>'
                f'<h3><a href="/{i}.html">{headline()}</a></h3><span class="time">12:{i % 60:02d} 0{i % 9 + 1}/05/2024</span></li>')

    state = json.dumps({"zones": [{"id": i, "name": headline(), "items": [headline() for _ in range(5)]} for i in range(40)]},
                       ensure_ascii=False)
    script = "".join(f"function f{i}(a,b){{var x=a*{i}+b;if(x>{i})return document.getElementById('z{i}');return null}}\n"
                     for i in range(300))
    style = "".join(f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i % 4096:03x}}}\n" for i in range(400))
    head = f"<style>{style}</style><script>{script}</script><script>window.__STATE__={state}</script>"
    menu = "".join(f'<li><a href="/chuyen-muc-{i}">{headline()}</a></li>' for i in range(120))
    top = f'<header class="site"><nav class="menu"><ul>{menu}</ul></nav></header>'
    bottom, i = [], 0
    while len((head + top + "".join(bottom)).encode()) < kb * 1024:
        bottom.append(f'<aside class="box-most-read"><h2>Đọc nhiều</h2><ul>{"".join(story(i + j) for j in range(20))}</ul></aside>')
        i += 20
    return head, top, "".join(bottom) + '<footer><p>Cơ quan chủ quản · Giấy phép số 123/GP-BTTTT</p></footer>'


def pages() -> list[tuple[str, str, str, bytes, dict]]:
    rng = random.Random(20261126)
    out = []
    for gold_file in sorted((ROOT / "tests" / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        adapter = ADAPTERS[gold_file.stem]
        for layout, path in gold["pages"].items():
            html = (ROOT / "snapshot" / "sites" / adapter.domain / path.lstrip("/")).read_text(encoding="utf-8")
            for kb in SIZES_KB:
                head, top, bottom = chrome(rng, kb - len(html.encode()) // 1024)
                padded = html.replace("</head>", head + "</head>", 1)
                body_open = padded.index(">", padded.index("<body")) + 1
                padded = padded[:body_open] + top + padded[body_open:]
                padded = padded.replace("</body>", bottom + "</body>", 1)
                out.append((gold_file.stem, layout, adapter.default_base_url + path, padded.encode("utf-8"), gold))
    return out


def rate(fn, docs, seconds: float) -> tuple[float, int]:
    """Pages per second over whole passes of `docs`, at least `seconds` long."""
    started, n = time.perf_counter(), 0
    while True:
        for doc in docs:
            fn(doc)
        n += len(docs)
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return n / elapsed, n


def reprocess_page(d) -> None:
    article = ADAPTERS[d[0]].parse(d[3], d[2])
    extract_all(article_text(article.title, article.sapo, article.body), None, ADAPTERS[d[0]].locality)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=8.0, help="time per measure and size")
    args = ap.parse_args()
    docs = pages()
    wrong = []
    for name, layout, url, body, gold in docs:
        art = ADAPTERS[name].parse(body, url)
        if (art.layout, art.title, art.paragraphs, art.author) != (layout, gold["title"], gold["paragraphs"], gold["author"]):
            wrong.append((layout, len(body)))
    print(f"{len(docs)} synthetic-chrome pages ({len(docs) // len(SIZES_KB)} seed pages × {SIZES_KB} KB); "
          f"adapter parse equal to gold: {len(docs) - len(wrong)}/{len(docs)} {wrong or ''}")
    measures = {
        "adapter.parse (lxml + cssselect)": lambda d: ADAPTERS[d[0]].parse(d[3], d[2]),
        # what `reprocess` does per stored page, on the same code path: parse, then the extractor on its text
        "reprocess: adapter.parse + extract_all": reprocess_page,
        "generic fallback (JSON-LD + trafilatura)": lambda d: parse_generic(d[3], d[2]),
        "trafilatura bare_extraction": lambda d: bare_extraction(d[3], url=d[2], with_metadata=True),
        "lxml.html parse only": lambda d: lxml.html.fromstring(d[3]),
        "lexbor (selectolax) parse only": lambda d: LexborHTMLParser(d[3]),
    }
    rates: dict[str, list[float]] = {}
    for label, fn in measures.items():
        rates[label] = []
        for kb in SIZES_KB:
            sized = [d for i, d in enumerate(docs) if i % len(SIZES_KB) == SIZES_KB.index(kb)]
            rates[label].append(rate(fn, sized, args.seconds)[0])
    # every figure as a ratio against the baseline measured in this run (trafilatura's bare_extraction)
    base = rates["trafilatura bare_extraction"]
    print(f"\n| measure | {' | '.join(f'{kb} KB pages/s (× trafilatura)' for kb in SIZES_KB)} |")
    print(f"|---|{'---|' * len(SIZES_KB)}")
    for label, row in rates.items():
        print(f"| {label} | {' | '.join(f'{r:,.0f} ({r / b:.1f}×)' for r, b in zip(row, base, strict=True))} |")
    print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; one process, one core")


if __name__ == "__main__":
    main()
