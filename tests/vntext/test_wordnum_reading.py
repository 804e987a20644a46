"""Numbers in words read back, English figures, and random text through every check (never a traceback)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.vntext.checktext import check_text
from caunoi.vntext.reading import half_unit, read_figures
from caunoi.vntext.wordnum import words_to_int
from caunoi.vntext.words import number_to_words


@given(st.integers(min_value=0, max_value=10**15))
def test_words_read_back_what_number_to_words_writes(n: int) -> None:
    assert words_to_int(number_to_words(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("hai mươi mốt", 21),
        ("mười ba", 13),
        ("tám", 8),
        ("một trăm lẻ năm", 105),
        ("hai mươi tư", 24),
        ("hai hai", None),
        ("mươi", None),
        ("mốt", None),
        ("dự án", None),
        ("", None),
    ],
)
def test_words_to_int(text: str, value: int | None) -> None:
    assert words_to_int(text) == value


def test_english_figures() -> None:
    text = (
        "On 12 May 2023 the province received USD 1,404,155 (about USD 2.6 million with 400,000 USD pledged), "
        "38.5% of it for 21 projects and non-project aid programmes, 5 new projects and 3 NGOs."
    )
    brief = [(f.kind, f.value, f.unit, f.qualifier) for f in read_figures(text, "en")]
    assert brief == [
        ("date", Decimal(12), None, None),
        ("date", Decimal(2023), None, None),
        ("money", Decimal(1404155), "USD", None),
        ("money", Decimal(2600000), "USD", "khoảng"),
        ("money", Decimal(400000), "USD", None),
        ("percent", Decimal("38.5"), "percent", None),
        ("count", Decimal(21), "project", None),
        ("count", Decimal(5), "project", None),
        ("count", Decimal(3), "ngo", None),
    ]


def test_rounding_of_what_is_written() -> None:
    figures = read_figures("25,4 tỷ đồng; 20 tỷ đồng; 26 %; 1.404.155 USD; 12,50 %", "vi")
    assert [half_unit(f) for f in figures] == [
        Decimal("50000000"),
        Decimal(0),
        Decimal("0.5"),
        Decimal(0),
        Decimal("0.005"),
    ]


_PIECES = st.sampled_from(
    [
        "gồm ",
        "trong đó ",
        "như sau: ",
        "(",
        ")",
        "tổng cộng ",
        "Of the ",
        "including ",
        " USD",
        " tỷ đồng",
        "%",
        " dự án",
        " projects",
        " NGOs",
        "đạt ",
        "bằng ",
        "tăng ",
        "giảm ",
        " so với ",
        " from ",
        ", ",
        ". ",
        "\n\n",
        "hai mươi mốt",
        "gần ",
        "hơn ",
        "khoảng ",
        "nearly ",
        "0",
        "1.000",
        "12,5",
        "1,404,155",
        "2.6",
        "million",
        "…",
        "một số",
        "khác",
        "-",
        "0,0",
        "US$",
        "$",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=5), st.integers(0, 10**7).map(str)), max_size=60),
    st.sampled_from(["vi", "en"]),
)
def test_random_text_never_raises(pieces: list[str], lang: str) -> None:
    findings = check_text("".join(pieces), text_lang=lang)
    assert all(f.severity in ("ok", "error", "info", "warning") for f in findings)
