import unicodedata

from scrapers.text import category_key, clean, fold_tones, is_furniture, nfc, strip_lead_prefix


def test_nfc_and_spaces():
    nfd = unicodedata.normalize("NFD", "Thành ủy Hà Nội")
    assert nfc(nfd) == "Thành ủy Hà Nội"
    assert clean("  Thành\u00a0ủy \u200b Hà\tNội ") == "Thành ủy Hà Nội"
    assert nfc("kỷ\u00adluật") == "kỷluật"


def test_lead_prefixes():
    """Each outlet's lead, old and new forms, is its adapter's fact; another outlet's lead is left alone."""
    from scrapers.sources import ADAPTERS

    for name, raw in (("kinhtedothi", "Kinhtedothi - Tập trung"), ("tienphong", "TPO - Tập trung"),
                      ("baochinhphu", "(Chinhphu.vn) - Tập trung"), ("anninhthudo", "ANTD.VN -\u00a0Tập trung"),
                      ("anninhthudo", "(ANTĐ) - Tập trung"), ("kinhtedothi", "KTĐT – Tập trung"),
                      ("hanoimoi", "(HNMO) - Tập trung")):
        assert strip_lead_prefix(raw, ADAPTERS[name].lead_prefixes) == "Tập trung", raw
    assert strip_lead_prefix("Tập trung - TPO", ("TPO",)) == "Tập trung - TPO"
    assert strip_lead_prefix("TPO - Tập trung", ADAPTERS["hanoimoi"].lead_prefixes) == "TPO - Tập trung"
    assert strip_lead_prefix("  TPO - x", ()) == "TPO - x"
    # a story republished with another outlet's lead: the adapters read every known lead
    from scrapers.sources.base import SourceAdapter

    assert set(SourceAdapter.known_leads) == {p for a in ADAPTERS.values() for p in a.lead_prefixes}
    assert strip_lead_prefix("ANTD.VN - Sáng 14-11", SourceAdapter.known_leads) == "Sáng 14-11"


def test_furniture():
    for line in ("0:00 / 0:00", "0:00", "Chia sẻ Zalo", "In bài", "0 bình luận", "Lượt xem: 780", "Tin cùng chuyên mục",
                 "Chia sẻ", "Bình luận (0)", "Bình luận", "Thích 15", "Facebook"):
        assert is_furniture(line), line
    for line in ("Thành ủy Hà Nội tổ chức hội nghị", "Chia sẻ kinh nghiệm", "Bình luận (0) của bạn đọc về 12 đảng viên"):
        assert not is_furniture(line), line


def test_fold_tones_keeps_length_and_closed_syllables():
    text = "Thành uỷ, hoà bình, toàn thể, quý, thuỷ lợi, Uỷ ban, THANH HOÁ, QUÝ"
    folded = fold_tones(text)
    assert folded == "Thành ủy, hòa bình, toàn thể, quý, thủy lợi, Ủy ban, THANH HÓA, QUÝ"
    assert len(folded) == len(text)


def test_fold_tones_reads_i_spellings_as_y_in_whole_syllables_only():
    text = "kỉ luật, Tỉ lệ, cùng kì, lí do, qui định, QUÍ I, chiến sỹ; tỉnh, kinh tế, lịch sử, Kim, tiến sĩ"
    folded = fold_tones(text)
    assert folded == "kỷ luật, Tỷ lệ, cùng kỳ, lý do, quy định, QUÝ I, chiến sĩ; tỉnh, kinh tế, lịch sử, Kim, tiến sĩ"
    assert len(folded) == len(text)


def test_mojibake_repaired_and_real_text_untouched():
    import unicodedata

    from scrapers.text import repair_mojibake

    good = "Thành ủy Hà Nội kỷ luật 359 đảng viên; Ủy ban Kiểm tra, Đảng bộ, Phường Thường vụ ờ ừ ự ữ"
    as_cp1252 = "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                        for b in good.encode("utf-8"))
    assert repair_mojibake(as_cp1252) == good
    assert repair_mojibake(good.encode("utf-8").decode("latin-1")) == good
    for text in (good, unicodedata.normalize("NFD", good), "Café à la mode", "Giá 5€, naïve"):
        assert repair_mojibake(text) == text


def test_html_declared_in_the_wrong_charset_is_read_as_utf8():
    from scrapers.sources.base import one, parse_html, text_of

    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Thành ủy</p></body></html>'.encode()
    assert text_of(one(parse_html(page), 'p')) == "Thành ủy"
    assert text_of(one(parse_html(b"\xef\xbb\xbf" + page), 'p')) == "Thành ủy"
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Café</p></body></html>'.encode("latin-1")
    assert text_of(one(parse_html(latin), 'p')) == "Café"  # not UTF-8: the declared charset is used


def test_category_key_folds_case_tone_style_and_spacing():
    key = category_key("quản lý đất đai")
    assert key == "quản lý đất đai"
    for written in ("Quản lý đất đai", "QUẢN LÝ ĐẤT ĐAI", " quản  lý đất\u00a0đai ;", "quản lí đất đai"):
        assert category_key(written) == key, written
    assert category_key("kế hoạch hoá gia đình") == category_key("Kế hoạch hóa gia đình") == "kế hoạch hóa gia đình"
    assert category_key("đạo đức, lối sống") != category_key("đạo đức lối sống")  # punctuation inside is kept
