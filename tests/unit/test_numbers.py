import pytest

from scrapers.extract.numbers import parse_number, qualifier_of


@pytest.mark.parametrize("token,value", [
    ("2.000", 2000), ("1.234.567", 1234567), ("95,5", 95.5), ("03", 3), ("0", 0), ("7,25", 7.25),
    ("hai", 2), ("mười", 10), ("mười lăm", 15), ("mười một", 11), ("hai mươi", 20), ("hai mươi mốt", 21),
    ("ba mươi tư", 34), ("chín", 9),
])
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("token", ["một số", "abc", "2,000,000", "", "mươi"])
def test_not_numbers(token):
    with pytest.raises(ValueError):
        parse_number(token)


def test_qualifiers():
    assert qualifier_of("hơn") == "hơn"
    assert qualifier_of("Khoảng") == "khoảng"
    assert qualifier_of("chừng") == "khoảng"
    assert qualifier_of(None, " trở lên") == "trên"
    assert qualifier_of(None) is None
