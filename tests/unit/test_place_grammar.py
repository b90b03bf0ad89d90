"""Every ward, commune and former district of Hà Nội (`extract/gazetteer.py`), in every way a report names the place
its figures are of — the committee that acted ("Đảng ủy phường …", "Ban Thường vụ Huyện ủy …", "UBKT Đảng ủy xã …"),
"Tại phường …,", the place bare, a headline led by it — scopes the figure to that place."""

import pytest

from scrapers.extract import extract_all
from scrapers.extract.gazetteer import HANOI_PLACES
from scrapers.text import nfc

DISTRICTS = list(HANOI_PLACES)[:30]  # (the 12 urban districts, then the town of Sơn Tây and the 17 rural districts)
WARDS = list(HANOI_PLACES)[30:]
SHAPES = ["Năm 2026, {body} {noun} {place} đã kiểm tra 14 tổ chức đảng.",
          "Năm 2026, Ban Thường vụ {body} {noun} {place} đã kiểm tra 14 tổ chức đảng.",
          "Năm 2026, Ủy ban Kiểm tra {body} {noun} {place} đã kiểm tra 14 tổ chức đảng.",
          "Năm 2026, UBKT {body} {noun} {place} đã kiểm tra 14 tổ chức đảng.",
          "Tại {noun} {place}, năm 2026 đã kiểm tra 14 tổ chức đảng.",
          "Năm 2026, {noun} {place} đã kiểm tra 14 tổ chức đảng.",
          "{Noun} {place}: Kiểm tra 14 tổ chức đảng trong năm 2026\nNăm 2026, {body} {noun} đã kiểm tra 14 tổ chức đảng."]


def _scopes(text: str) -> list[str]:
    return [f["scope"] for f in extract_all(nfc(text)) if f["type"] == "figure" and f["value"] == 14]


@pytest.mark.parametrize("place", WARDS)
def test_a_ward_or_commune_scopes_its_figures(place):
    for noun in ("phường", "xã"):
        for shape in SHAPES:
            text = shape.format(body="Đảng ủy", noun=noun, Noun=noun.capitalize(), place=place)
            scopes = _scopes(text)
            assert scopes and set(scopes) == {place}, (text, scopes)


@pytest.mark.parametrize("place", DISTRICTS)
def test_a_former_district_scopes_its_figures(place):
    at = DISTRICTS.index(place)
    noun, body = ("quận", "Quận ủy") if at < 12 else ("thị xã", "Thị ủy") if place == "Sơn Tây" else ("huyện", "Huyện ủy")
    for shape in SHAPES[:6]:
        text = shape.replace("{body} {noun}", body).format(noun=noun, place=place)
        scopes = _scopes(text)
        assert scopes and set(scopes) == {place}, (text, scopes)
