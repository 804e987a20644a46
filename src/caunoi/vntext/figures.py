"""Find the figures in Vietnamese report text, and tell the quantities from dates and document numbers.

``find_figures(text)`` returns every number in the text as a :class:`Figure`, in text order, with a ``kind``:

- ``money``: an amount with a currency, scaled by *nghìn / triệu / tỷ* ("25,4 tỷ đồng" → 25400000000 VND);
- ``percent``: "27,9%" → 27.9;
- ``count``: a number followed by a counted noun from :data:`COUNTED_NOUNS` ("06 dự án" → 6, unit "dự án");
- ``date``: calendar dates, times, months, years, year ranges and durations ("29/4/2022", "08/12/2022
  10:03:11", "ngày 05 tháng 01 năm 2023", "Tháng 9 năm 2022", "năm 2022", "giai đoạn 2022-2025", "6 tháng");
- ``document-number``: document symbols and names containing digits ("78-KH/TU", "12-CT/TW",
  "80/2020/NĐ-CP", "COVID-19", "COVID - 19");
- ``other``: everything else — temperatures and measurements ("15oC", "13°C", "5 ha") and bare numbers.

Only ``money``, ``percent`` and ``count`` figures (:attr:`Figure.arithmetic`) take part in arithmetic
checks; a figure with a qualifier (*gần, hơn, trên, khoảng, ...*) is approximate
(:attr:`Figure.approximate`).

Offsets (``start``/``end``) index the text as given when it is in Unicode NFC form, which is what editors and
web pages produce; text in another form is normalised to NFC first and the offsets index that normalised text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Final, Literal

from caunoi.vntext.numbers import parse_number

__all__ = ["COUNTED_NOUNS", "CURRENCY_CODES", "QUALIFIERS", "Figure", "FigureKind", "find_figures"]

FigureKind = Literal["money", "percent", "count", "date", "document-number", "other"]
ARITHMETIC_KINDS: Final[frozenset[str]] = frozenset({"money", "percent", "count"})

QUALIFIERS: Final = (
    "trên dưới",
    "gần như",
    "ước tính",
    "xấp xỉ",
    "khoảng",
    "chừng",
    "gần",
    "hơn",
    "trên",
    "dưới",
    "ước",
)
"""Words before a number that make it approximate ("gần 2 tỷ đồng", "trên 12 đề xuất dự án")."""

COUNTED_NOUNS: Final = (
    "chương trình",
    "dự án",
    "phi dự án",
    "khoản viện trợ",
    "khoản",
    "đề xuất dự án",
    "đề xuất",
    "đề án",
    "tổ chức phi chính phủ nước ngoài",
    "tổ chức phi chính phủ",
    "tổ chức",
    "nhà tài trợ",
    "đoàn",
    "lượt đoàn",
    "hội hữu nghị",
    "hội",
    "hội viên",
    "thành viên",
    "thỏa thuận",
    "biên bản ghi nhớ",
    "hoạt động",
    "sự kiện",
    "hội thảo",
    "hội nghị",
    "cuộc",
    "buổi",
    "lớp",
    "lớp tập huấn",
    "lượt người",
    "lượt",
    "người",
    "đồng bào",
    "lưu học sinh",
    "học sinh",
    "sinh viên",
    "cán bộ",
    "hộ gia đình",
    "hộ",
    "xã",
    "huyện",
    "tỉnh",
    "thành phố",
    "địa phương",
    "quốc gia",
    "nước",
    "đại sứ quán",
    "cơ quan",
    "đơn vị",
    "doanh nghiệp",
    "trường",
    "trường học",
    "phòng học",
    "công trình",
    "mô hình",
    "tin bài",
    "tin",
    "bài",
    "bản tin",
    "văn bản",
    "kế hoạch",
    "báo cáo",
    "suất quà",
    "suất",
    "phần quà",
    "chuyến",
)
"""Nouns a report counts ("06 dự án", "21 chương trình, dự án, phi dự án"); matched case-insensitively,
longest first. A number followed by any other word is kind ``other``; pass ``counted_nouns`` to extend the
list."""

CURRENCY_CODES: Final = (
    *("VND", "USD", "EUR", "JPY", "GBP", "AUD", "CNY", "KRW", "CHF", "CAD", "SGD"),
    *("THB", "LAK", "KHR", "HKD", "TWD", "NZD", "SEK", "NOK", "DKK", "RUB", "INR"),
)
"""ISO codes recognised after a number (an explicit list: a generic three-capitals rule would read "5 NGO" as
money)."""

_CURRENCY_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("đô la Mỹ", "USD"),
    ("đô la Úc", "AUD"),
    ("đô la", "USD"),
    ("US$", "USD"),
    ("VNĐ", "VND"),
    ("euro", "EUR"),
    ("yên Nhật", "JPY"),
    ("yên", "JPY"),
    ("bảng Anh", "GBP"),
    ("nhân dân tệ", "CNY"),
    ("won Hàn Quốc", "KRW"),
    ("won", "KRW"),
)

_SCALE_WORDS: Final[dict[str, int]] = {
    "nghìn tỷ": 10**12,
    "ngàn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỉ": 10**12,
    "triệu tỷ": 10**15,
    "triệu tỉ": 10**15,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text.

    ``value`` is the scaled value ("25,4 tỷ đồng" → 25400000000) for quantities and ``None`` for dates,
    document numbers and ratios ("1/45"), whose digits are not one quantity. ``unit`` is an ISO currency
    code, ``"percent"``, the counted noun in lower case, a measurement unit (``"°C"``, ``"ha"``) or
    ``None``. For counts, ``unit_group`` lists every noun counted together ("21 chương trình, dự án, phi
    dự án" → ``("chương trình", "dự án", "phi dự án")``). ``text`` is the exact matched text including the
    qualifier, ``start``/``end`` its offsets and ``line`` the 1-based line of ``start``.
    """

    value: Decimal | None
    unit: str | None
    qualifier: str | None
    text: str
    start: int
    end: int
    line: int
    kind: FigureKind
    unit_group: tuple[str, ...] = ()

    @property
    def approximate(self) -> bool:
        """True for figures with a qualifier such as *gần*, *hơn*, *trên*: never checked exactly."""
        return self.qualifier is not None

    @property
    def arithmetic(self) -> bool:
        """True for money, percent and count figures: the ones a text's own arithmetic is made of."""
        return self.kind in ARITHMETIC_KINDS


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(set(words), key=lambda word: (-len(word), word))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in ordered)


# At most 24 digits before the decimal comma and 12 after: a longer run of digits is no figure of a report,
# and reading one as a number costs time quadratic in its length.
_NUM: Final = (
    r"(?<![\w/])(?<!\d[.,])(?:\d{1,3}(?:\.\d{3}){1,7}(?:,\d{1,12})?|\d{1,24}(?:,\d{1,12})?)(?![.,]?\d)"
)
_YEAR: Final = r"(?:19|20|21)\d{2}"
_MONEY_AHEAD: Final = r"(?!\s*(?:%|" + "|".join(CURRENCY_CODES) + r"|đồng|đô\s+la)(?!\w))"

# Spans that are not quantities, tried before a bare number. At a given position the first alternative that
# matches wins, and the leftmost match wins overall (so "ngày 05 tháng 01 năm 2023" is taken from "ngày").
_EXCLUDED_PATTERNS: Final[tuple[tuple[str, FigureKind, str], ...]] = (
    # 78-KH/TU, 12-CT/TW, 80/2020/NĐ-CP, 1673/NQ-UBTVQH15, 05/BC-UBND
    (
        "docnum",
        "document-number",
        r"(?<![\w/])\d+(?:/\d+)*[-/][A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*",
    ),
    # COVID-19, COVID - 19, SARS-CoV-2; at most three words between (unbounded, every word of a long
    # hyphenated chain without a number scanned the rest of the chain: quadratic)
    (
        "name",
        "document-number",
        r"\b[A-ZĐ][A-Za-zĐđ]*[A-ZĐ](?:\s?[-–]\s?[A-Za-z]+){0,3}\s?[-–]\s?\d+(?![\d.,]?\d)",
    ),
    # 29/4/2022, 05/01/2022, 08/12/2022 10:03:11, 15/12
    (
        "dmy",
        "date",
        r"(?<![\w/])\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?![\w:]))?",
    ),
    ("time", "date", r"(?<![\w:])\d{1,2}:\d{2}(?::\d{2})?(?![\w:])"),
    # ngày 05 tháng 01 năm 2023, 05 tháng 01 năm 2023, ngày 5
    (
        "textdate",
        "date",
        r"(?i:ngày\s+)?(?<![\w/])\d{1,2}\s+(?i:tháng)\s+\d{1,2}(?:\s+(?i:năm)\s+\d{4})?(?!\w)"
        r"|(?i:ngày)\s+\d{1,2}(?![\w/:]|[.,]\d)",
    ),
    # Tháng 9 năm 2022, tháng 9/2022, quý 3/2022
    (
        "month",
        "date",
        r"(?i:tháng|quý)\s+\d{1,2}(?:\s*/\s*\d{4}|\s+(?i:năm)\s+\d{4})?(?![\w/]|[.,]\d)",
    ),
    # năm 2022, giai đoạn 2022-2025, nhiệm kỳ 2022 - 2027, năm học 2022-2023
    (
        "year",
        "date",
        r"(?i:năm\s+học|năm\s+tài\s+chính|niên\s+khóa|năm|nhiệm\s+kỳ|giai\s+đoạn|thời\s+kỳ"
        r"|từ|đến|cuối|đầu)\s+"
        + _YEAR
        + r"(?:\s*[-–—/]\s*(?:"
        + _YEAR
        + r"|\d{2}))?(?![\w/-]|[.,]\d)"
        + _MONEY_AHEAD,
    ),
    ("yearrange", "date", r"(?<![\w/.,])" + _YEAR + r"\s*[-–—]\s*" + _YEAR + r"(?![\w/]|[.,]\d)"),
    # 6 tháng, 15 ngày làm việc, 3 năm
    (
        "duration",
        "date",
        _NUM + r"\s+(?i:ngày\s+làm\s+việc|ngày|tháng|tuần|năm|giờ|phút|giây|quý|thập\s+kỷ|thế\s+kỷ)(?!\w)",
    ),
    # 15oC, 13°C, 17 độ C
    ("temperature", "other", _NUM + r"\s*(?:[°º]\s*[CF]|o[CF]|độ\s*[CF])(?!\w)"),
    (
        "measure",
        "other",
        _NUM + r"\s*(?:km/h|km2|km²|km|m2|m²|m3|ha|kg|tấn|lít|hPa|mm|cm|mét)(?!\w)",
    ),
)

_MASTER: Final = re.compile(
    "|".join(f"(?P<{name}>{pattern})" for name, _kind, pattern in _EXCLUDED_PATTERNS) + f"|(?P<number>{_NUM})"
)
_KIND_OF_GROUP: Final[dict[str, FigureKind]] = {name: kind for name, kind, _pattern in _EXCLUDED_PATTERNS}

_LEADING_NUM: Final = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_QUALIFIER_BEFORE: Final = re.compile(
    r"(?:^|(?<=[\s(\[,;:]))(?P<q>" + _alternation(QUALIFIERS) + r")\s+$", re.I
)
_PERCENT_AFTER: Final = re.compile(r"\s?%|\s+phần\s+trăm(?!\w)", re.I)
_SCALE_AFTER: Final = re.compile(r"\s+(?P<scale>" + _alternation(_SCALE_WORDS) + r")(?!\w)", re.I)
# "đồng" is the currency unless it starts a compound noun ("2.000 đồng bào" are people, not money).
_CURRENCY_AFTER: Final = re.compile(
    r"\s*(?P<code>" + "|".join(CURRENCY_CODES) + r")(?![A-Za-z])"
    r"|\s*(?P<word>" + _alternation(word for word, _code in _CURRENCY_WORDS) + r")(?!\w)"
    r"|\s*(?P<dong>đồng(?!\w)(?!\s+(?:bào|thời|chí|hương|đội|nghiệp|ý|tình|hành|minh|phục|lòng|loại)(?!\w))|đ|₫)"
    r"(?!\w)"
    r"|\s*(?P<symbol>US\$|\$|€|£|¥)"
)
_CURRENCY_OF_WORD: Final[dict[str, str]] = {
    " ".join(word.lower().split()): code for word, code in _CURRENCY_WORDS
}
_MEASURE_UNIT: Final = re.compile(
    r"(?:[°º]\s*[CF]|o[CF]|độ\s*[CF]|km/h|km2|km²|km|m2|m²|m3|ha|kg|tấn|lít|hPa|mm|cm|mét)$"
)


@lru_cache(maxsize=8)
def _count_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    noun = _alternation(nouns)
    return re.compile(
        rf"\s+(?P<first>{noun})(?!\w)(?P<rest>(?:\s*(?:,|/|và|hoặc)\s*(?:{noun})(?!\w))*)",
        re.I,
    )


@lru_cache(maxsize=8)
def _noun_finder(nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?:{_alternation(nouns)})(?!\w)", re.I)


class _Lines:
    """The 1-based line of an offset, by bisecting the newline offsets found once (counting the newlines
    before each figure made a long text quadratic: a 5,8 MB line took minutes)."""

    def __init__(self, text: str):
        self.newlines = [match.start() for match in re.finditer("\n", text)]

    def of(self, index: int) -> int:
        return bisect_left(self.newlines, index) + 1


def find_figures(text: str, *, counted_nouns: Iterable[str] = COUNTED_NOUNS) -> list[Figure]:
    """Every figure in ``text``, in text order (see the module docstring for kinds, values and offsets)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    nouns = tuple(sorted({" ".join(noun.lower().split()) for noun in counted_nouns}))
    count_re = _count_pattern(nouns)
    noun_re = _noun_finder(nouns)
    lines = _Lines(text)
    figures: list[Figure] = []
    for match in _MASTER.finditer(text):
        group = match.lastgroup
        assert group is not None
        if group == "number":
            figures.append(_quantity(text, match.start(), match.end(), count_re, noun_re, lines))
            continue
        kind = _KIND_OF_GROUP[group]
        value: Decimal | None = None
        unit: str | None = None
        if group == "dmy" and not _plausible_day_month(match.group()):
            kind = "other"  # a ratio such as 1/45, not a date: no single value
        elif kind == "other":
            leading = _LEADING_NUM.match(match.group())
            assert leading is not None
            value = parse_number(leading.group())
            unit_match = _MEASURE_UNIT.search(match.group())
            unit = _normalise_unit(unit_match.group()) if unit_match else None
        figures.append(
            Figure(
                value=value,
                unit=unit,
                qualifier=None,
                text=match.group(),
                start=match.start(),
                end=match.end(),
                line=lines.of(match.start()),
                kind=kind,
            )
        )
    return figures


def _plausible_day_month(text: str) -> bool:
    day, month = (int(part) for part in text.split()[0].split("/")[:2])
    return 1 <= day <= 31 and 1 <= month <= 12


def _normalise_unit(unit: str) -> str:
    compact = re.sub(r"\s+", "", unit)
    if re.fullmatch(r"[°º][CF]|o[CF]|độ[CF]", compact):
        return "°" + compact[-1]
    return compact


def _quantity(
    text: str, start: int, end: int, count_re: re.Pattern[str], noun_re: re.Pattern[str], lines: _Lines
) -> Figure:
    """A bare number at ``text[start:end]``, extended by its qualifier, scale and unit."""
    number = parse_number(text[start:end])
    qualifier_match = _QUALIFIER_BEFORE.search(text, max(0, start - 20), start)
    qualifier = None
    if qualifier_match is not None:
        qualifier = " ".join(qualifier_match["q"].lower().split())
        start = qualifier_match.start()
    kind: FigureKind = "other"
    unit: str | None = None
    unit_group: tuple[str, ...] = ()
    value = number

    percent = _PERCENT_AFTER.match(text, end)
    if percent is not None:
        kind, unit, end = "percent", "percent", percent.end()
    else:
        scale = _SCALE_AFTER.match(text, end)
        if scale is not None:
            value = number * _SCALE_WORDS[" ".join(scale["scale"].lower().split())]
            end = scale.end()
        currency = _CURRENCY_AFTER.match(text, end)
        counted = count_re.match(text, end)
        if currency is not None:
            kind, unit, end = "money", _currency_code(currency), currency.end()
        elif counted is not None:
            kind, end = "count", counted.end()
            unit_group = tuple(
                dict.fromkeys(" ".join(noun.lower().split()) for noun in noun_re.findall(counted.group()))
            )
            unit = unit_group[0]
    if value == value.to_integral_value():
        value = Decimal(int(value))
    return Figure(
        value=value,
        unit=unit,
        qualifier=qualifier,
        text=text[start:end],
        start=start,
        end=end,
        line=lines.of(start),
        kind=kind,
        unit_group=unit_group,
    )


def _currency_code(match: re.Match[str]) -> str:
    if match["code"]:
        return match["code"]
    if match["word"]:
        return _CURRENCY_OF_WORD[" ".join(match["word"].lower().split())]
    if match["dong"]:
        return "VND"
    return {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}[match["symbol"]]
