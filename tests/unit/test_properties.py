"""Property tests: number formats round-trip through the parser; every emitted quote is where its offsets say."""

from hypothesis import given, settings
from hypothesis import strategies as st

from scrapers.extract import extract_all
from scrapers.extract.numbers import parse_number
from scrapers.text import nfc

UNITS = ["", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def vn_thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_words(n: int) -> str:
    """1–99 in words, as reporters write them: mười lăm, hai mươi mốt, ba mươi tư."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return UNITS[unit]
    head = "mười" if tens == 1 else f"{UNITS[tens]} mươi"
    if unit == 0:
        return head
    tail = {1: "mốt" if tens > 1 else "một", 4: "tư" if tens > 1 else "bốn", 5: "lăm"}.get(unit, UNITS[unit])
    return f"{head} {tail}"


@given(st.integers(min_value=0, max_value=10**12))
def test_dot_thousands_round_trip(n):
    assert parse_number(vn_thousands(n)) == n


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_decimal_comma_round_trip(whole, frac):
    text = f"{vn_thousands(whole)},{frac:02d}"
    assert parse_number(text) == float(f"{whole}.{frac:02d}")


@given(st.integers(min_value=0, max_value=999), st.integers(min_value=1, max_value=3))
def test_leading_zeros(n, zeros):
    assert parse_number("0" * zeros + str(n)) == n


@given(st.integers(min_value=1, max_value=99))
def test_words_round_trip(n):
    assert parse_number(vn_words(n)) == n


def test_mot_so_is_not_a_number_phrase():
    assert extract_all(nfc("Một số đơn vị, một vài cấp ủy còn chậm.")) == []


FRAGMENTS = [
    "Các cấp ủy đã thi hành kỷ luật {n} đảng viên (khiển trách {a}, cảnh cáo {b}).",
    "Có {a}/{n} quận, huyện hoàn thành kế hoạch.",
    "Tỷ lệ đạt {a},{b}% so với năm {y}.",
    "Sáng {d}/{m}, Thành ủy họp bàn Chương trình {a}-CTr/TU.",
    "Bí thư Thành ủy Đinh Tiến Dũng phát biểu.",
    "Khoảng {n} sự kiện; tặng Bằng khen cho hơn {a} tập thể, cá nhân.",
    "Ủy ban Kiểm tra kiểm tra khi có dấu hiệu vi phạm đối với {a} đảng viên.",
    "Thu hồi {a},{b} tỷ đồng; giảm {b} trường hợp so với cùng kỳ.",
    "Dịch Covid-19, Điều {a}, lượt xem: {n}, ông A {a} tuổi.",
    "\u00a0",
    "\n",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 999), st.integers(1, 99),
                          st.integers(1, 28), st.integers(1, 12)), min_size=1, max_size=8))
def test_quotes_are_exact_substrings(parts):
    text = nfc(" ".join(f.format(n=n, a=a, b=a % 10, d=d, m=m, y=2000 + a % 30) for f, n, a, d, m in parts))
    for item in extract_all(text):
        assert 0 <= item["start"] < item["end"] <= len(text)
        assert text[item["start"]:item["end"]] == item["quote"]


STYLES = [  # how reporters attach the forms to their total
    "Năm {y}, các cấp ủy đã thi hành kỷ luật {t} {unit} ({parts}).",
    "Năm {y}, đã kỷ luật {t} {unit}, gồm: {parts}.",
    "Năm {y}, toàn Đảng bộ thi hành kỷ luật {t} {unit}; trong đó {parts}.",
    "Năm {y}, đã xử lý kỷ luật {t} {unit}. Cụ thể: {parts}.",
    "Năm {y}, có {t} {unit} bị kỷ luật, gồm {parts}.",
]
PART_STYLES = ["{f} {n}", "{F} {n} đồng chí", "{n} {f}", "{f} {n} trường hợp", "{f}: {n}"]
MEMBER_FORMS = ["khiển trách", "cảnh cáo", "cách chức", "khai trừ"]


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_totals_keep_their_parts(data):
    """Whatever the style and order, the total comes back once with exactly its forms; it is complete only when
    they add up, and no form comes back as a figure of its own."""
    forms = data.draw(st.lists(st.sampled_from(MEMBER_FORMS), min_size=1, max_size=4, unique=True))
    counts = data.draw(st.lists(st.integers(1, 400), min_size=len(forms), max_size=len(forms)))
    total = sum(counts) + data.draw(st.sampled_from([0, 0, 1, 7]))
    style = data.draw(st.sampled_from(PART_STYLES))
    sep = data.draw(st.sampled_from([", ", "; "]))
    parts = sep.join(style.format(f=f, F=f.capitalize(), n=vn_thousands(n)) for f, n in zip(forms, counts, strict=True))
    text = nfc(data.draw(st.sampled_from(STYLES)).format(y=data.draw(st.integers(2010, 2025)), t=vn_thousands(total),
                                                          unit=data.draw(st.sampled_from(["đảng viên", "trường hợp"])),
                                                          parts=parts))
    figures = [i for i in extract_all(text) if i["type"] == "figure"]
    assert [f["kind"] for f in figures] == ["discipline_party_members"], (text, figures)
    f, = figures
    assert f["value"] == total and f["breakdown"] == dict(zip(forms, counts, strict=True)), text
    assert f["breakdown_complete"] is (sum(counts) == total)
    assert text[f["start"]:f["end"]] == f["quote"]
