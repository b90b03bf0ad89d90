import unicodedata

from scrapers.text import clean, fold_tones, is_furniture, nfc, strip_lead_prefix


def test_nfc_and_spaces():
    nfd = unicodedata.normalize("NFD", "Thành ủy Hà Nội")
    assert nfc(nfd) == "Thành ủy Hà Nội"
    assert clean("  Thành\u00a0ủy \u200b Hà\tNội ") == "Thành ủy Hà Nội"
    assert nfc("kỷ\u00adluật") == "kỷluật"


def test_lead_prefixes():
    for raw in ("Kinhtedothi - Tập trung", "TPO - Tập trung", "(Chinhphu.vn) - Tập trung", "ANTD.VN -\u00a0Tập trung",
                "(ANTĐ) - Tập trung", "KTĐT – Tập trung", "(HNMO) - Tập trung"):
        assert strip_lead_prefix(raw) == "Tập trung", raw
    assert strip_lead_prefix("Tập trung - TPO") == "Tập trung - TPO"


def test_furniture():
    for line in ("0:00 / 0:00", "0:00", "Chia sẻ Zalo", "In bài", "0 bình luận", "Lượt xem: 780", "Tin cùng chuyên mục"):
        assert is_furniture(line), line
    assert not is_furniture("Thành ủy Hà Nội tổ chức hội nghị")


def test_fold_tones_keeps_length_and_closed_syllables():
    text = "Thành uỷ, hoà bình, toàn thể, quý, thuỷ lợi, Uỷ ban"
    folded = fold_tones(text)
    assert folded == "Thành ủy, hòa bình, toàn thể, quý, thủy lợi, Ủy ban"
    assert len(folded) == len(text)
