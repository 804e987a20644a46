"""Vietnamese number formatting and parsing (caunoi.vntext.numbers)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.vntext.numbers import (
    format_count,
    format_money,
    format_number,
    format_percent,
    format_scaled_vnd,
    parse_number,
    round_half_up,
)


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("1404175"), None, "1.404.175"),
        (1404175, None, "1.404.175"),
        (Decimal("25.4"), None, "25,4"),
        (Decimal("25.40"), None, "25,4"),
        (Decimal("-1234.5"), 2, "-1.234,50"),
        (Decimal("-1234.50"), None, "-1.234,5"),
        (Decimal("1000"), None, "1.000"),
        (Decimal("999"), None, "999"),
        (Decimal("1E+3"), None, "1.000"),
        (Decimal("0.000001"), None, "0,000001"),
        (Decimal("-0"), None, "0"),
        (Decimal("-0.001"), 2, "0,00"),
        (Decimal("2.5"), 0, "3"),  # half up; babel alone gives "2"
        (Decimal("3.5"), 0, "4"),
        (Decimal("1.005"), 2, "1,01"),
        (Decimal("123456789012345678901234567890.5"), None, "123.456.789.012.345.678.901.234.567.890,5"),
        (0, None, "0"),
    ],
)
def test_format_number(value: Decimal | int, places: int | None, expected: str) -> None:
    assert format_number(value, places) == expected


def test_format_number_english_locale_for_bilingual_messages() -> None:
    assert format_number(Decimal("1404175.5"), locale="en") == "1,404,175.5"


@pytest.mark.parametrize("bad", [1.5, "12", True, None])
def test_format_number_refuses_floats_strings_and_bools(bad: object) -> None:
    with pytest.raises(TypeError, match="expected Decimal or int"):
        format_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])
def test_format_number_refuses_non_finite(bad: Decimal) -> None:
    with pytest.raises(ValueError, match="non-finite"):
        format_number(bad)


def test_format_number_refuses_negative_places() -> None:
    with pytest.raises(ValueError, match="places must be >= 0"):
        format_number(Decimal(1), -1)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("1404175"), "USD", "1.404.175 USD"),
        (Decimal("1404175.00"), "USD", "1.404.175 USD"),
        (Decimal("2000000000"), "VND", "2.000.000.000 VND"),
        (Decimal("2000000000.4"), "VND", "2.000.000.000 VND"),
        (Decimal("2000000000.5"), "VND", "2.000.000.001 VND"),
        (Decimal("12.5"), "EUR", "12,50 EUR"),
        (Decimal("12.004"), "USD", "12 USD"),
        (Decimal("12.005"), "USD", "12,01 USD"),
        (Decimal("-80466.1"), "usd", "-80.466,10 USD"),
        (Decimal("1500"), "JPY", "1.500 JPY"),
        (457250, "USD", "457.250 USD"),
    ],
)
def test_format_money(amount: Decimal | int, currency: str, expected: str) -> None:
    assert format_money(amount, currency) == expected


@pytest.mark.parametrize("bad", ["US", "dollars", "U$D", ""])
def test_format_money_refuses_non_iso_currency(bad: str) -> None:
    with pytest.raises(ValueError, match="three-letter ISO 4217 code"):
        format_money(Decimal(1), bad)


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (25_400_000_000, "25,4 tỷ đồng"),
        (1_950_000_000, "1,95 tỷ đồng"),
        (350_000_000, "350 triệu đồng"),
        (45_000, "45 nghìn đồng"),
        (2_000_000_000, "2 tỷ đồng"),
        (1_945_000_000, "1,95 tỷ đồng"),  # half up (half-even would give 1,94)
        (1_944_999_999, "1,94 tỷ đồng"),
        (1_234_567, "1,23 triệu đồng"),
        (999_999_999, "1 tỷ đồng"),  # rounding reaches 1.000 triệu: next scale
        (999_999, "1 triệu đồng"),
        (Decimal("999.999"), "1 nghìn đồng"),
        (1_500_000_000_000, "1.500 tỷ đồng"),
        (500, "500 đồng"),
        (0, "0 đồng"),
        (-25_400_000_000, "-25,4 tỷ đồng"),
        (Decimal("-0.001"), "0 đồng"),
    ],
)
def test_format_scaled_vnd(amount: Decimal | int, expected: str) -> None:
    assert format_scaled_vnd(amount) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Decimal("27.9"), None, "27,9%"),
        (Decimal("27.90"), None, "27,9%"),
        (Decimal("100"), None, "100%"),
        (Decimal("0.5"), None, "0,5%"),
        (Decimal("1234.5"), None, "1.234,5%"),
        (Decimal("27.95"), 1, "28,0%"),
        (Decimal("27.94"), 0, "28%"),
        (Decimal("-3.25"), None, "-3,25%"),
    ],
)
def test_format_percent(value: Decimal, places: int | None, expected: str) -> None:
    assert format_percent(value, places) == expected


@pytest.mark.parametrize(
    ("n", "width", "expected"),
    [
        (6, 2, "06"),
        (0, 2, "00"),
        (21, 2, "21"),
        (7, 3, "007"),
        (123, 2, "123"),
        (1234, 2, "1.234"),
        (5, 1, "5"),
    ],
)
def test_format_count(n: int, width: int, expected: str) -> None:
    assert format_count(n, width) == expected


def test_format_count_refuses_negatives_and_non_ints() -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        format_count(-1)
    with pytest.raises(TypeError, match="must be an int"):
        format_count(Decimal(6))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.404.155", Decimal("1404155")),
        ("25,4", Decimal("25.4")),
        ("06", Decimal("6")),
        ("-1.234,50", Decimal("-1234.50")),
        ("\u22121.234", Decimal("-1234")),
        (" 1404155 ", Decimal("1404155")),
        ("+7", Decimal("7")),
        ("0,000001", Decimal("0.000001")),
        ("1.000", Decimal("1000")),
    ],
)
def test_parse_number(text: str, expected: Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert str(result) == str(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty text is not a number"),
        ("   ", "empty text is not a number"),
        ("1,404,155", "looks English-formatted"),
        ("25.4", "looks English-formatted"),
        ("1.40.155", "is not a Vietnamese-formatted number"),
        ("1.404.155 USD", "is not a Vietnamese-formatted number"),
        ("abc", "is not a Vietnamese-formatted number"),
        ("27,9%", "is not a Vietnamese-formatted number"),
        ("1..404", "is not a Vietnamese-formatted number"),
    ],
)
def test_parse_number_rejects_junk_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_number(text)


def test_round_half_up() -> None:
    assert round_half_up(Decimal("2.345"), 2) == Decimal("2.35")
    assert round_half_up(Decimal("-2.345"), 2) == Decimal("-2.35")
    with pytest.raises(ValueError, match="places must be >= 0"):
        round_half_up(Decimal(1), -2)


_decimals = st.decimals(min_value=-(10**20), max_value=10**20, allow_nan=False, allow_infinity=False)


@settings(max_examples=300)
@given(_decimals)
def test_parse_inverts_format(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@settings(max_examples=200)
@given(_decimals, st.integers(min_value=0, max_value=6))
def test_parse_inverts_format_with_places(value: Decimal, places: int) -> None:
    assert parse_number(format_number(value, places)) == round_half_up(value, places)


@settings(max_examples=200)
@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_parse_inverts_format_for_ints(value: int) -> None:
    assert parse_number(format_number(value)) == value


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=10**9))
def test_format_count_parses_back(n: int) -> None:
    assert parse_number(format_count(n)) == n


def test_the_fast_grouping_gives_what_babel_gives():
    """format_number skips babel for vi and en; on these values both must agree exactly."""
    import random
    from decimal import localcontext

    from babel.numbers import format_decimal

    from caunoi.vntext.numbers import _plain, round_half_up

    rng = random.Random(7)
    values = [Decimal(0), Decimal("-0.004"), Decimal("1404175"), Decimal("25.40"), Decimal("-1234.5")]
    values += [Decimal(rng.randint(-(10**15), 10**15)).scaleb(-rng.randint(0, 6)) for _ in range(400)]
    for value in values:
        for places in (None, 0, 2, 3):
            for locale in ("vi", "en"):
                if places is None:
                    number, pattern, quantize = _plain(value), "#,##0.###", False
                else:
                    number = round_half_up(value, places)
                    number = abs(number) if number.is_zero() else number
                    pattern, quantize = "#,##0" + ("." + "0" * places if places else ""), True
                with localcontext() as ctx:
                    ctx.prec = 60
                    expected = format_decimal(
                        number, format=pattern, locale=locale, decimal_quantization=quantize
                    )
                assert format_number(value, places, locale=locale) == expected, (value, places, locale)


def _babel(value: Decimal | int, places: int | None, locale: str) -> str:
    """What babel writes for format_number's rounding of `value` (its slow, general path)."""
    from decimal import localcontext

    from babel.numbers import format_decimal

    from caunoi.vntext.numbers import _plain

    if places is None:
        number, pattern, quantize = _plain(Decimal(value)), "#,##0.###", False
    else:
        number = round_half_up(Decimal(value), places)
        number = abs(number) if number.is_zero() else number
        pattern, quantize = "#,##0" + ("." + "0" * places if places else ""), True
    with localcontext() as ctx:
        ctx.prec = 80
        return format_decimal(number, format=pattern, locale=locale, decimal_quantization=quantize)


@settings(max_examples=400)
@given(
    st.one_of(
        st.integers(min_value=-(10**45), max_value=10**45),
        st.decimals(allow_nan=False, allow_infinity=False).filter(lambda d: abs(d.adjusted()) < 60),
        st.builds(Decimal, st.integers(-(10**20), 10**20)).map(lambda d: d.scaleb(-3)),
    ),
    st.one_of(st.none(), st.integers(min_value=0, max_value=8)),
    st.sampled_from(["vi", "en"]),
)
def test_every_figure_is_what_babel_writes(value: Decimal | int, places: int | None, locale: str) -> None:
    """The quick paths (ints, decimals rounded to a few places) and the general one write babel's text."""
    assert format_number(value, places, locale=locale) == _babel(value, places, locale)
