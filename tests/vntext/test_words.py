"""Numbers and amounts in Vietnamese words (caunoi.vntext.words)."""

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.vntext.words import amount_in_words, number_to_words

WORDS: list[tuple[int | Decimal, str]] = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (90, "chín mươi"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1100, "một nghìn một trăm"),
    (2022, "hai nghìn không trăm hai mươi hai"),
    (2025, "hai nghìn không trăm hai mươi lăm"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_005, "một trăm nghìn không trăm linh năm"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (1_404_175, "một triệu bốn trăm linh bốn nghìn một trăm bảy mươi lăm"),
    (1_404_155, "một triệu bốn trăm linh bốn nghìn một trăm năm mươi lăm"),
    (472_036_953, "bốn trăm bảy mươi hai triệu không trăm ba mươi sáu nghìn chín trăm năm mươi ba"),
    (1_000_000_001, "một tỷ không trăm linh một"),
    (2_000_000_000, "hai tỷ"),
    (25_400_000_000, "hai mươi lăm tỷ bốn trăm triệu"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
    (10**15, "một triệu tỷ"),
    (10**18, "một tỷ tỷ"),
    (-5, "âm năm"),
    (-2025, "âm hai nghìn không trăm hai mươi lăm"),
    (Decimal("25.4"), "hai mươi lăm phẩy bốn"),
    (Decimal("25.40"), "hai mươi lăm phẩy bốn"),
    (Decimal("2.38"), "hai phẩy ba mươi tám"),
    (Decimal("1.05"), "một phẩy không năm"),
    (Decimal("27.9"), "hai mươi bảy phẩy chín"),
    (Decimal("0.5"), "không phẩy năm"),
    (Decimal("-0.5"), "âm không phẩy năm"),
    (Decimal("-0"), "không"),
    (Decimal("1E+3"), "một nghìn"),
    (Decimal("325.431"), "ba trăm hai mươi lăm phẩy bốn trăm ba mươi mốt"),
]


@pytest.mark.parametrize(("value", "expected"), WORDS)
def test_number_to_words_table(value: int | Decimal, expected: str) -> None:
    assert number_to_words(value) == expected


def test_table_is_large_and_equal_values_read_alike() -> None:
    assert len(WORDS) >= 30
    by_value: dict[Decimal, set[str]] = {}
    for value, words in WORDS:
        by_value.setdefault(Decimal(value), set()).add(words)
    assert all(len(readings) == 1 for readings in by_value.values())  # 25.4 = 25.40, -0 = 0, 1E+3 = 1000
    assert len({next(iter(readings)) for readings in by_value.values()}) == len(by_value)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal(1404175), "USD", "Một triệu bốn trăm linh bốn nghìn một trăm bảy mươi lăm đô la Mỹ"),
        (Decimal("2000000000"), "VND", "Hai tỷ đồng"),
        (Decimal("2000000000.00"), "VND", "Hai tỷ đồng"),
        (0, "VND", "Không đồng"),
        (Decimal("12.50"), "EUR", "Mười hai euro và năm mươi xu"),
        (Decimal("1.01"), "USD", "Một đô la Mỹ và một xu"),
        (Decimal("21.21"), "usd", "Hai mươi mốt đô la Mỹ và hai mươi mốt xu"),
        (Decimal("0.05"), "USD", "Năm xu"),
        (Decimal("1500"), "JPY", "Một nghìn năm trăm yên Nhật"),
        (Decimal("12.5"), "GBP", "Mười hai phẩy năm bảng Anh"),
        (Decimal("100"), "AUD", "Một trăm đô la Úc"),
        (Decimal("15"), "CNY", "Mười lăm nhân dân tệ"),
        (Decimal("1000000"), "KRW", "Một triệu won Hàn Quốc"),
        (Decimal("-105"), "CHF", "Âm một trăm linh năm CHF"),
        (2025, "VND", "Hai nghìn không trăm hai mươi lăm đồng"),
    ],
)
def test_amount_in_words(amount: Decimal | int, currency: str, expected: str) -> None:
    assert amount_in_words(amount, currency) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "message"),
    [
        (Decimal("1.5"), "VND", r"more decimals than VND allows \(0\)"),
        (Decimal("1.005"), "USD", r"more decimals than USD allows \(2\)"),
        (Decimal("1"), "US", "three-letter ISO 4217 code"),
    ],
)
def test_amount_in_words_refuses_what_it_cannot_state_exactly(
    amount: Decimal, currency: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        amount_in_words(amount, currency)


def test_words_refuse_floats() -> None:
    with pytest.raises(TypeError):
        number_to_words(1.5)  # type: ignore[arg-type]


# A reader of Vietnamese number words, written independently of the speller, used to show that every reading
# names exactly its number (which makes number_to_words injective).
_DIGIT = {
    "không": 0,
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def _read(words: str) -> int:
    tokens = words.split()
    sign = -1 if tokens[:1] == ["âm"] else 1
    total = group = current = 0
    for token in tokens[1:] if sign < 0 else tokens:
        if token in _DIGIT:
            current = _DIGIT[token]
        elif token == "mốt":
            current = 1
        elif token == "lăm":
            current = 5
        elif token == "linh":
            pass
        elif token == "mười":
            group += 10
        elif token == "mươi":
            group, current = group + current * 10, 0
        elif token == "trăm":
            group, current = group + current * 100, 0
        elif token in ("nghìn", "triệu"):
            total += (group + current) * (1000 if token == "nghìn" else 10**6)
            group = current = 0
        elif token == "tỷ":
            total, group, current = (total + group + current) * 10**9, 0, 0
        else:
            raise AssertionError(f"unexpected word {token!r} in {words!r}")
    return sign * (total + group + current)


@settings(max_examples=500)
@given(st.integers(min_value=0, max_value=10**6))
def test_reading_back_gives_the_number(n: int) -> None:
    assert _read(number_to_words(n)) == n


@settings(max_examples=300)
@given(st.integers(min_value=-(10**24), max_value=10**24))
def test_reading_back_gives_the_number_for_large_and_negative(n: int) -> None:
    assert _read(number_to_words(n)) == n


@settings(max_examples=500)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_different_numbers_have_different_words(a: int, b: int) -> None:
    if a != b:
        assert number_to_words(a) != number_to_words(b)


def test_words_injective_on_first_hundred_thousand() -> None:
    readings = {number_to_words(n) for n in range(100_000)}
    assert len(readings) == 100_000


_FORBIDDEN = re.compile(
    r"mươi một|mươi năm|mười năm|mười mốt|linh mốt|linh lăm|không mươi|một mươi|mươi không|\btư\b|\blẻ\b"
)


@settings(max_examples=1000)
@given(st.integers(min_value=-(10**13), max_value=10**13))
def test_words_follow_the_spelling_rules(n: int) -> None:
    words = number_to_words(n)
    assert not _FORBIDDEN.search(words), words
    tokens = words.split()
    for index, token in enumerate(tokens):
        before = tokens[index - 1] if index else ""
        if token == "mốt":
            assert before == "mươi", words  # 21 "hai mươi mốt", never "mười mốt"
        if token == "lăm":
            assert before in ("mười", "mươi"), words  # 15, 25; 105 stays "linh năm"
        if token == "linh":
            assert before == "trăm", words
        if token == "mươi":
            assert before in ("hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"), words


@settings(max_examples=300)
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=4, allow_nan=False, allow_infinity=False))
def test_decimal_words_read_integer_and_fraction(value: Decimal) -> None:
    words = number_to_words(value)
    integer_words, _sep, fraction_words = words.partition(" phẩy ")
    assert _read(integer_words) == int(value) or (
        value < 0 and int(value) == 0 and integer_words == "âm không"
    )
    digits = format(value.copy_abs(), "f").partition(".")[2].rstrip("0")
    if digits:
        zeros = len(digits) - len(digits.lstrip("0"))
        assert fraction_words.split()[:zeros] == ["không"] * zeros
        assert _read(" ".join(fraction_words.split()[zeros:])) == int(digits)
    else:
        assert fraction_words == ""
