"""Figures in Vietnamese report text (caunoi.vntext.figures)."""

import unicodedata
from decimal import Decimal

import pytest

from caunoi.vntext.figures import Figure, find_figures

from .conftest import REPORT_PATH


def _summary(figure: Figure) -> tuple[str, str, Decimal | None, str | None, str | None]:
    return (figure.kind, figure.text, figure.value, figure.unit, figure.qualifier)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("là 1.404.155 USD.", ("money", "1.404.155 USD", Decimal("1404155"), "USD", None)),
        ("là 457.250 USD;", ("money", "457.250 USD", Decimal("457250"), "USD", None)),
        ("06 dự án phát triển", ("count", "06 dự án", Decimal("6"), "dự án", None)),
        ("tổng 25,4 tỷ đồng", ("money", "25,4 tỷ đồng", Decimal("25400000000"), "VND", None)),
        ("số tiền gần 2 tỷ đồng,", ("money", "gần 2 tỷ đồng", Decimal("2000000000"), "VND", "gần")),
        ("trên 12 đề xuất dự án", ("count", "trên 12 đề xuất dự án", Decimal("12"), "đề xuất dự án", "trên")),
        ("đạt 27,9%.", ("percent", "27,9%", Decimal("27.9"), "percent", None)),
        ("đạt 27,9 %.", ("percent", "27,9 %", Decimal("27.9"), "percent", None)),
        (
            "khoảng 228,7 triệu USD",
            ("money", "khoảng 228,7 triệu USD", Decimal("228700000"), "USD", "khoảng"),
        ),
        ("hơn 400 tổ chức", ("count", "hơn 400 tổ chức", Decimal("400"), "tổ chức", "hơn")),
        ("350.000đ", ("money", "350.000đ", Decimal("350000"), "VND", None)),
        ("10 đồng.", ("money", "10 đồng", Decimal("10"), "VND", None)),
        ("hơn 2.000 đồng bào", ("count", "hơn 2.000 đồng bào", Decimal("2000"), "đồng bào", "hơn")),
        ("1.500 nghìn tỷ đồng", ("money", "1.500 nghìn tỷ đồng", Decimal("1500000000000000"), "VND", None)),
        ("12,5 EUR", ("money", "12,5 EUR", Decimal("12.5"), "EUR", None)),
        ("2 triệu người", ("count", "2 triệu người", Decimal("2000000"), "người", None)),
        ("ngày 29/4/2022", ("date", "29/4/2022", None, None, None)),
        ("08/12/2022 10:03:11", ("date", "08/12/2022 10:03:11", None, None, None)),
        ("Yên Bái, ngày 05 tháng 01 năm 2023", ("date", "ngày 05 tháng 01 năm 2023", None, None, None)),
        ("Tháng 9 năm 2022, hai tỉnh", ("date", "Tháng 9 năm 2022", None, None, None)),
        ("đến tháng 12.", ("date", "tháng 12", None, None, None)),
        ("trong năm 2022", ("date", "năm 2022", None, None, None)),
        ("giai đoạn 2022-2025", ("date", "giai đoạn 2022-2025", None, None, None)),
        ("6 tháng đầu", ("date", "6 tháng", None, None, None)),
        ("Kế hoạch số 78-KH/TU", ("document-number", "78-KH/TU", None, None, None)),
        ("Chỉ thị số 12-CT/TW", ("document-number", "12-CT/TW", None, None, None)),
        ("Nghị định 80/2020/NĐ-CP", ("document-number", "80/2020/NĐ-CP", None, None, None)),
        ("Nghị quyết 1673/NQ-UBTVQH15", ("document-number", "1673/NQ-UBTVQH15", None, None, None)),
        ("dịch COVID-19", ("document-number", "COVID-19", None, None, None)),
        ("dịch COVID - 19 kéo dài", ("document-number", "COVID - 19", None, None, None)),
        ("15oC", ("other", "15oC", Decimal("15"), "°C", None)),
        ("Thấp nhất 13°C", ("other", "13°C", Decimal("13"), "°C", None)),
        ("5 ha rừng", ("other", "5 ha", Decimal("5"), "ha", None)),
        ("1/45 xã", ("other", "1/45", None, None, None)),
        ("Bản tin số 5 ra", ("other", "5", Decimal("5"), None, None)),
        ("mỗi năm 2000 USD", ("money", "2000 USD", Decimal("2000"), "USD", None)),
    ],
)
def test_single_figure(text: str, expected: tuple[str, str, Decimal | None, str | None, str | None]) -> None:
    figures = find_figures(text)
    assert [_summary(figure) for figure in figures] == [expected]
    figure = figures[0]
    assert text[figure.start : figure.end] == figure.text
    assert figure.arithmetic == (figure.kind in ("money", "percent", "count"))
    assert figure.approximate == (figure.qualifier is not None)


def test_counted_nouns_listed_together_form_a_group() -> None:
    [figure] = find_figures("thu hút được 21 chương trình, dự án, phi dự án viện trợ")
    assert figure.text == "21 chương trình, dự án, phi dự án"
    assert figure.unit == "chương trình"
    assert figure.unit_group == ("chương trình", "dự án", "phi dự án")


def test_line_numbers_and_offsets() -> None:
    text = "Dòng một.\n\nCó 06 dự án\nvà 457.250 USD."
    figures = find_figures(text)
    assert [(figure.text, figure.line, figure.start, figure.end) for figure in figures] == [
        ("06 dự án", 3, 14, 22),
        ("457.250 USD", 4, 26, 37),
    ]


def test_decomposed_text_is_read_as_nfc() -> None:
    text = unicodedata.normalize("NFD", "tổng 25,4 tỷ đồng và 06 dự án")
    assert [_summary(figure) for figure in find_figures(text)] == [
        ("money", "25,4 tỷ đồng", Decimal("25400000000"), "VND", None),
        ("count", "06 dự án", Decimal("6"), "dự án", None),
    ]


def test_extra_counted_nouns() -> None:
    assert find_figures("3 giếng nước")[0].kind == "other"
    [figure] = find_figures("3 giếng nước", counted_nouns=("giếng",))
    assert (figure.kind, figure.unit, figure.value) == ("count", "giếng", Decimal(3))


def test_english_formatted_and_glued_numbers_are_not_quantities() -> None:
    assert [_summary(figure) for figure in find_figures("3D, 5G")] == [
        ("other", "3", Decimal("3"), None, None),
        ("other", "5", Decimal("5"), None, None),
    ]
    assert find_figures("QH15 và UBTVQH15") == []
    assert find_figures("Độ ẩm trung bình %. Tốc độ gió km/h") == []


REPORT_FIGURES = [
    (3, "date", "năm 2022", None, None, None),
    (3, "date", "năm 2023", None, None, None),
    (5, "date", "08/12/2022 10:03:11", None, None, None),
    (6, "date", "năm 2022", None, None, None),
    (6, "document-number", "COVID-19", None, None, None),
    (6, "document-number", "78-KH/TU", None, None, None),
    (6, "date", "29/4/2022", None, None, None),
    (6, "document-number", "12-CT/TW", None, None, None),
    (6, "date", "05/01/2022", None, None, None),
    (8, "date", "năm 2022", None, None, None),
    (14, "date", "Năm 2022", None, None, None),
    (14, "document-number", "78-KH/TU", None, None, None),
    (14, "date", "29/4/2022", None, None, None),
    (14, "document-number", "12-CT/TW", None, None, None),
    (14, "date", "05/01/2022", None, None, None),
    (14, "document-number", "78-KH/TU", None, None, None),
    (14, "date", "29/4/2022", None, None, None),
    (18, "document-number", "COVID-19", None, None, None),
    (18, "date", "6 tháng", None, None, None),
    (18, "date", "năm 2022", None, None, None),
    (30, "date", "Năm 2019", None, None, None),
    (30, "date", "Tháng 9 năm 2022", None, None, None),
    (30, "date", "giai đoạn 2022-2025", None, None, None),
    (34, "document-number", "COVID-19", None, None, None),
    (34, "document-number", "COVID - 19", None, None, None),
    (34, "date", "năm 2020", None, None, None),
    (38, "date", "Năm 2022", None, None, None),
    (38, "count", "21 chương trình, dự án, phi dự án", Decimal("21"), "chương trình", None),
    (38, "money", "1.404.155 USD", Decimal("1404155"), "USD", None),
    (38, "count", "06 dự án", Decimal("6"), "dự án", None),
    (38, "money", "457.250 USD", Decimal("457250"), "USD", None),
    (38, "count", "04 dự án", Decimal("4"), "dự án", None),
    (38, "money", "81.725 USD", Decimal("81725"), "USD", None),
    (38, "count", "02 dự án", Decimal("2"), "dự án", None),
    (38, "money", "80.466 USD", Decimal("80466"), "USD", None),
    (38, "count", "02 dự án", Decimal("2"), "dự án", None),
    (38, "money", "41.659 USD", Decimal("41659"), "USD", None),
    (38, "count", "07 dự án", Decimal("7"), "dự án", None),
    (38, "money", "743.075 USD", Decimal("743075"), "USD", None),
    (42, "count", "trên 12 đề xuất dự án", Decimal("12"), "đề xuất dự án", "trên"),
    (42, "count", "10 chương trình, dự án", Decimal("10"), "chương trình", None),
    (42, "money", "gần 2 tỷ đồng", Decimal("2000000000"), "VND", "gần"),
    (58, "date", "năm 2023", None, None, None),
    (58, "document-number", "78-KH/TU", None, None, None),
    (58, "date", "29/4/2022", None, None, None),
    (58, "document-number", "12-CT/TW", None, None, None),
    (58, "document-number", "12-CT/TW", None, None, None),
    (58, "date", "05/01/2022", None, None, None),
    (62, "date", "năm 2023", None, None, None),
    (78, "date", "năm 2022", None, None, None),
    (78, "date", "năm 2023", None, None, None),
    (82, "other", "15oC", Decimal("15"), "°C", None),
    (84, "other", "13°C", Decimal("13"), "°C", None),
    (84, "other", "17°C", Decimal("17"), "°C", None),
]


def test_every_figure_of_the_source_report(report_text: str) -> None:
    figures = find_figures(report_text)
    assert [(figure.line, *_summary(figure)) for figure in figures] == REPORT_FIGURES
    assert all(report_text[figure.start : figure.end] == figure.text for figure in figures)


def test_every_digit_of_the_source_report_is_in_a_figure(report_text: str) -> None:
    covered: set[int] = set()
    for figure in find_figures(report_text):
        covered.update(range(figure.start, figure.end))
    uncovered = [index for index, char in enumerate(report_text) if char.isdigit() and index not in covered]
    assert uncovered == []


def test_source_report_arithmetic_figures(report_text: str) -> None:
    arithmetic = [figure.text for figure in find_figures(report_text) if figure.arithmetic]
    assert arithmetic == [
        "21 chương trình, dự án, phi dự án",
        "1.404.155 USD",
        "06 dự án",
        "457.250 USD",
        "04 dự án",
        "81.725 USD",
        "02 dự án",
        "80.466 USD",
        "02 dự án",
        "41.659 USD",
        "07 dự án",
        "743.075 USD",
        "trên 12 đề xuất dự án",
        "10 chương trình, dự án",
        "gần 2 tỷ đồng",
    ]


def test_source_report_path_is_the_shared_seed() -> None:
    assert REPORT_PATH.parts[-3:] == ("shared", "seed", "yen-bai-2022-people-diplomacy-report.txt")
