"""A report's own arithmetic, and its figures against records (caunoi.vntext.checktext)."""

from decimal import Decimal
from pathlib import Path

import pytest

from caunoi.vntext.checktext import Expected, Finding, check_text, format_findings, main_check_text

from .conftest import REPORT_PATH

MONEY_ERROR_VI = (
    "457.250 + 81.725 + 80.466 + 41.659 + 743.075 = 1.404.175, không phải 1.404.155 như đã ghi "
    "(chênh lệch 20 USD)"
)
MONEY_ERROR_EN = (
    "457,250 + 81,725 + 80,466 + 41,659 + 743,075 = 1,404,175, not 1,404,155 as stated (difference 20 USD)"
)
COUNT_OK_VI = "6 + 4 + 2 + 2 + 7 = 21, khớp với số đã ghi “21 chương trình, dự án, phi dự án”"
COUNT_OK_EN = "6 + 4 + 2 + 2 + 7 = 21, matching the stated “21 chương trình, dự án, phi dự án”"

SENTENCE_38 = (
    "Năm 2022, tỉnh Yên Bái đã thu hút được 21 chương trình, dự án, phi dự án viện trợ phi chính phủ nước "
    "ngoài với tổng số vốn cam kết tài trợ của các chương trình, dự án được phê duyệt, tiếp nhận mới là…"
)
AID_PARAGRAPH = (
    "Năm 2022, tỉnh Yên Bái đã thu hút được 21 chương trình, dự án, phi dự án viện trợ phi chính phủ "
    "nước ngoài với tổng số vốn cam kết tài trợ của các chương trình, dự án được phê duyệt, tiếp nhận mới "
    "là 1.404.155 USD. Nội dung các chương trình, dự án tập trung chủ yếu vào việc hỗ trợ cho các xã, "
    "huyện nghèo;… Các lĩnh vực chủ yếu được tài trợ như sau: 06 dự án phát triển kinh tế - xã hội với "
    "tổng giá trị cam kết tài trợ là 457.250 USD;  04 dự án về Giáo dục - Đào tạo với tổng giá trị cam kết "
    "tài trợ là 81.725 USD; 02 dự án về Y tế với tổng giá trị cam kết tài trợ là 80.466 USD; 02 dự án "
    "Tài nguyên môi trường với tổng giá trị cam kết tài trợ là 41.659 USD và 07 dự án giải quyết các vấn "
    "đề xã hội với tổng giá trị cam kết tài trợ là 743.075 USD. Các chương trình, dự án đã góp phần hỗ "
    "trợ tích cực cho công tác xóa đói."
)


def _brief(findings: list[Finding]) -> list[tuple[str, str, Decimal | None, Decimal | None, Decimal | None]]:
    return [(f.severity, f.code, f.stated, f.computed, f.difference) for f in findings]


def test_source_report_has_exactly_one_error_and_one_ok(report_text: str) -> None:
    findings = check_text(report_text)
    assert _brief(findings) == [
        ("ok", "sum-ok", Decimal(21), Decimal(21), Decimal(0)),
        ("error", "sum-mismatch", Decimal(1404155), Decimal(1404175), Decimal(20)),
    ]
    count, money = findings
    assert count.line == money.line == 38
    assert count.parts == (Decimal(6), Decimal(4), Decimal(2), Decimal(2), Decimal(7))
    assert count.unit == "chương trình"
    assert count.message("vi") == COUNT_OK_VI
    assert count.message("en") == COUNT_OK_EN
    assert money.parts == (Decimal(457250), Decimal(81725), Decimal(80466), Decimal(41659), Decimal(743075))
    assert money.unit == "USD"
    assert money.message_vi == MONEY_ERROR_VI
    assert money.message_en == MONEY_ERROR_EN
    assert money.figure is not None and money.figure.text == "1.404.155 USD"
    assert [part.text for part in money.part_figures] == [
        "457.250 USD",
        "81.725 USD",
        "80.466 USD",
        "41.659 USD",
        "743.075 USD",
    ]


def test_paragraph_alone_gives_the_same_findings() -> None:
    assert _brief(check_text(AID_PARAGRAPH)) == [
        ("ok", "sum-ok", Decimal(21), Decimal(21), Decimal(0)),
        ("error", "sum-mismatch", Decimal(1404155), Decimal(1404175), Decimal(20)),
    ]


def _planted(report_text: str, old: str, new: str) -> str:
    assert report_text.count(old) == 1, old
    return report_text.replace(old, new)


def test_planted_sector_amount_that_makes_the_sum_right(report_text: str) -> None:
    text = _planted(report_text, "81.725 USD", "81.705 USD")
    assert _brief(check_text(text)) == [
        ("ok", "sum-ok", Decimal(21), Decimal(21), Decimal(0)),
        ("ok", "sum-ok", Decimal(1404155), Decimal(1404155), Decimal(0)),
    ]


def test_planted_sector_amount_that_widens_the_gap(report_text: str) -> None:
    text = _planted(report_text, "457.250 USD", "457.260 USD")
    findings = check_text(text)
    assert _brief(findings) == [
        ("ok", "sum-ok", Decimal(21), Decimal(21), Decimal(0)),
        ("error", "sum-mismatch", Decimal(1404155), Decimal(1404185), Decimal(30)),
    ]
    assert findings[1].message_vi.endswith("= 1.404.185, không phải 1.404.155 như đã ghi (chênh lệch 30 USD)")


def test_planted_count(report_text: str) -> None:
    text = _planted(report_text, "07 dự án", "08 dự án")
    findings = check_text(text)
    assert _brief(findings) == [
        ("error", "sum-mismatch", Decimal(21), Decimal(22), Decimal(1)),
        ("error", "sum-mismatch", Decimal(1404155), Decimal(1404175), Decimal(20)),
    ]
    assert (
        findings[0].message_vi
        == "6 + 4 + 2 + 2 + 8 = 22, không phải 21 như đã ghi (chênh lệch 1 chương trình)"
    )
    assert findings[0].message_en == "6 + 4 + 2 + 2 + 8 = 22, not 21 as stated (difference 1 chương trình)"


def test_planted_total(report_text: str) -> None:
    text = _planted(report_text, "1.404.155 USD", "1.404.175 USD")
    assert _brief(check_text(text)) == [
        ("ok", "sum-ok", Decimal(21), Decimal(21), Decimal(0)),
        ("ok", "sum-ok", Decimal(1404175), Decimal(1404175), Decimal(0)),
    ]


def test_planted_total_too_high(report_text: str) -> None:
    text = _planted(report_text, "1.404.155 USD", "1.504.175 USD")
    findings = check_text(text)
    assert _brief(findings)[1] == (
        "error",
        "sum-mismatch",
        Decimal(1504175),
        Decimal(1404175),
        Decimal(-100000),
    )
    assert findings[1].message_vi.endswith("không phải 1.504.175 như đã ghi (chênh lệch 100.000 USD)")


@pytest.mark.parametrize(
    ("approximate", "severity"),
    [
        ("gần 1,5 triệu USD", "ok"),
        ("khoảng 1,4 triệu USD", "ok"),
        ("hơn 1,4 triệu USD", "ok"),
        ("gần 1,3 triệu USD", "error"),
        ("hơn 1,5 triệu USD", "error"),
        ("khoảng 1,2 triệu USD", "error"),
    ],
)
def test_an_approximate_total_is_compared_as_its_qualifier_says(
    report_text: str, approximate: str, severity: str
) -> None:
    findings = check_text(_planted(report_text, "là 1.404.155 USD", f"là {approximate}"))
    assert [(f.severity, f.code) for f in findings] == [
        ("ok", "sum-ok"),
        (severity, f"sum-{'ok' if severity == 'ok' else 'mismatch'}"),
    ]
    assert f"“{approximate}”" in findings[1].message_vi


def test_an_approximate_count_total_that_its_parts_do_not_reach_is_an_error() -> None:
    text = "Đã xây dựng trên 12 đề xuất dự án, gồm: 3 đề xuất dự án về y tế và 4 đề xuất dự án về giáo dục."
    assert _brief(check_text(text)) == [("error", "sum-mismatch", Decimal(12), Decimal(7), Decimal(-5))]
    assert _brief(check_text(text.replace("4 đề xuất", "10 đề xuất"))) == [
        ("ok", "sum-ok", Decimal(12), Decimal(13), Decimal(1))
    ]


def test_vnd_scaled_amounts_and_percentages() -> None:
    text = (
        "Tổng vốn là 25,4 tỷ đồng, tỷ lệ giải ngân 100%. Phân theo nguồn: viện trợ 20 tỷ đồng (78,7%); "
        "đối ứng 5,5 tỷ đồng (21,3%)."
    )
    findings = check_text(text)
    assert _brief(findings) == [
        ("error", "sum-mismatch", Decimal(25400000000), Decimal(25500000000), Decimal(100000000)),
        ("ok", "sum-ok", Decimal(100), Decimal("100.0"), Decimal("0.0")),
    ]
    assert findings[0].message_vi == (
        "20.000.000.000 + 5.500.000.000 = 25.500.000.000, không phải 25.400.000.000 như đã ghi "
        "(chênh lệch 100.000.000 đồng)"
    )
    assert findings[0].message_en.endswith("(difference 100,000,000 VND)")


@pytest.mark.parametrize(
    "text",
    [
        # a colon without a cue word
        "Có 10 dự án với 100 USD, tập trung ở các lĩnh vực: y tế 30 USD; giáo dục 50 USD.",
        # the parts are in the next paragraph
        "Tổng vốn là 1.000 USD.\n\nCác lĩnh vực như sau: y tế 300 USD; giáo dục 500 USD.",
        # only one part
        "Tổng vốn là 1.000 USD. Các lĩnh vực như sau: y tế 300 USD.",
        # no stated total before the enumeration
        "Các lĩnh vực như sau: y tế 300 USD; giáo dục 500 USD.",
        # parts in another currency than the total
        "Tổng vốn là 1.000 USD. Cụ thể như sau: 300 EUR; 500 EUR.",
        # counted nouns that are not the total's
        "Có 10 chương trình. Gồm: 3 đoàn vào và 4 đoàn ra.",
        # dates, document numbers, temperatures in an enumeration
        "Năm 2022 có 21 dự án. Cụ thể như sau: ngày 29/4/2022 Kế hoạch số 78-KH/TU; ngày 05/01/2022 "
        "Chỉ thị số 12-CT/TW; 15oC.",
        "",
    ],
)
def test_no_false_alarms(text: str) -> None:
    assert check_text(text) == []


def test_trong_do_names_only_some_parts() -> None:
    text = "Tổng số 21 dự án, trong đó 6 dự án y tế và 4 dự án giáo dục."
    assert [(f.severity, f.code, f.computed) for f in check_text(text)] == [("ok", "partial-ok", Decimal(10))]
    assert [(f.severity, f.code) for f in check_text(text.replace("6 dự án", "26 dự án"))] == [
        ("error", "partial-over")
    ]


def test_blank_line_with_carriage_returns_separates_paragraphs() -> None:
    text = "Tổng vốn là 1.000 USD.\r\n \r\nCác lĩnh vực như sau: y tế 300 USD; giáo dục 500 USD."
    assert check_text(text) == []
    assert len(check_text(text.replace("\r\n \r\n", " "))) == 1


def test_parts_after_the_sentence_end_are_not_counted() -> None:
    text = "Tổng vốn là 800 USD. Bao gồm: y tế 300 USD; giáo dục 500 USD. Năm sau dự kiến 900 USD."
    assert _brief(check_text(text)) == [("ok", "sum-ok", Decimal(800), Decimal(800), Decimal(0))]


def test_two_enumerations_in_one_paragraph_use_their_own_totals() -> None:
    text = (
        "Năm 2021 vốn là 500 USD, bao gồm: y tế 200 USD; giáo dục 300 USD. "
        "Năm 2022 vốn là 900 USD, bao gồm: y tế 400 USD; giáo dục 400 USD."
    )
    assert _brief(check_text(text)) == [
        ("ok", "sum-ok", Decimal(500), Decimal(500), Decimal(0)),
        ("error", "sum-mismatch", Decimal(900), Decimal(800), Decimal(-100)),
    ]


RECORDS = {
    "aid.committed_usd": Expected(Decimal("1404175"), unit="USD"),
    "aid.count": Expected(21, unit="dự án"),
}


def test_expected_records(report_text: str) -> None:
    findings = check_text(report_text, RECORDS)
    assert [(f.severity, f.code, f.label, f.stated, f.computed) for f in findings[2:]] == [
        ("error", "record-mismatch", "aid.committed_usd", Decimal(1404155), Decimal(1404175)),
        ("ok", "record-ok", "aid.count", Decimal(21), Decimal(21)),
    ]
    assert findings[2].message_vi == (
        "[aid.committed_usd] văn bản ghi “1.404.155 USD” nhưng hồ sơ là 1.404.175 USD (chênh lệch 20 USD)"
    )
    assert findings[2].message_en == (
        "[aid.committed_usd] the text states “1.404.155 USD” but the records say 1,404,175 USD "
        "(difference 20 USD)"
    )
    assert findings[2].line == 38


def test_expected_records_that_agree(report_text: str) -> None:
    records = {"aid.committed_usd": Expected(Decimal("1404155"), unit="usd")}
    assert [(f.severity, f.code) for f in check_text(report_text, records)[2:]] == [("ok", "record-ok")]


@pytest.mark.parametrize(
    ("record", "severity", "code"),
    [
        (Decimal("1950000000"), "ok", "record-approximate-ok"),
        (Decimal("2000000000"), "ok", "record-approximate-ok"),
        (Decimal("1700000000"), "warning", "record-approximate-mismatch"),
        (Decimal("2300000000"), "warning", "record-approximate-mismatch"),
    ],
)
def test_expected_record_against_an_approximate_figure(
    report_text: str, record: Decimal, severity: str, code: str
) -> None:
    records = {"union.implemented_vnd": Expected(record, unit="VND", role="figure")}
    [finding] = check_text(report_text, records)[2:]
    assert (finding.severity, finding.code, finding.stated) == (severity, code, Decimal(2000000000))
    assert finding.figure is not None and finding.figure.text == "gần 2 tỷ đồng"


@pytest.mark.parametrize(("record", "severity"), [(12, "ok"), (15, "ok"), (9, "warning")])
def test_expected_record_against_a_lower_bound(report_text: str, record: int, severity: str) -> None:
    records = {"proposals": Expected(record, unit="đề xuất dự án", role="figure")}
    [finding] = check_text(report_text, records)[2:]
    assert finding.severity == severity


def test_expected_occurrence_selects_the_nth_figure(report_text: str) -> None:
    records = {"programmes.run": Expected(10, unit="chương trình", role="figure", occurrence=2)}
    [finding] = check_text(report_text, records)[2:]
    assert (finding.severity, finding.figure and finding.figure.text) == ("ok", "10 chương trình, dự án")


def test_expected_record_missing_from_text(report_text: str) -> None:
    records = {"aid.committed_eur": Expected(Decimal(5), unit="EUR")}
    [finding] = check_text(report_text, records)[2:]
    assert (finding.severity, finding.code, finding.line) == ("warning", "record-missing", 0)
    assert finding.message_vi == (
        "[aid.committed_eur] không tìm thấy tổng thứ 1 có đơn vị “EUR” trong văn bản để so với hồ sơ (5)"
    )


def test_expected_must_be_expected_objects(report_text: str) -> None:
    with pytest.raises(TypeError, match=r"must be an Expected\(value, unit, role, occurrence\)"):
        check_text(report_text, {"aid.count": 21})  # type: ignore[dict-item]


def test_format_findings_vi(report_text: str) -> None:
    assert format_findings(check_text(report_text), "vi") == (
        f"dòng 38: ĐÚNG: {COUNT_OK_VI}\n"
        f"dòng 38: LỖI: {MONEY_ERROR_VI}\n"
        f"    câu: “{SENTENCE_38}”\n"
        "Tổng hợp: 1 lỗi, 0 cảnh báo, 1 đúng, 0 ghi chú."
    )


def test_format_findings_en(report_text: str) -> None:
    assert format_findings(check_text(report_text), "en") == (
        f"line 38: OK: {COUNT_OK_EN}\n"
        f"line 38: ERROR: {MONEY_ERROR_EN}\n"
        f"    sentence: “{SENTENCE_38}”\n"
        "Summary: 1 error(s), 0 warning(s), 1 ok, 0 note(s)."
    )


def test_format_findings_empty_and_bad_language() -> None:
    assert format_findings([], "vi") == (
        "Không tìm thấy tổng số nào có liệt kê các phần để kiểm tra.\n"
        "Tổng hợp: 0 lỗi, 0 cảnh báo, 0 đúng, 0 ghi chú."
    )
    assert format_findings([], "en").startswith("No stated total with enumerated parts was found to check.")
    with pytest.raises(ValueError, match="lang must be 'vi' or 'en'"):
        format_findings([], "fr")


def test_main_check_text_on_the_report() -> None:
    if not REPORT_PATH.is_file():
        pytest.skip(f"source report not found at {REPORT_PATH}")
    report, code = main_check_text(str(REPORT_PATH))
    assert code == 1
    assert report.splitlines()[1] == f"dòng 38: LỖI: {MONEY_ERROR_VI}"
    report_en, code_en = main_check_text(str(REPORT_PATH), "en")
    assert code_en == 1
    assert report_en.splitlines()[-1] == "Summary: 1 error(s), 0 warning(s), 1 ok, 0 note(s)."


def test_main_check_text_clean_file_with_crlf_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes("\ufeffTổng vốn là 800 USD.\r\nBao gồm: y tế 300 USD; giáo dục 500 USD.\r\n".encode())
    report, code = main_check_text(str(path))
    assert code == 0
    assert report == (
        "dòng 1: ĐÚNG: 300 + 500 = 800, khớp với số đã ghi “800 USD”\n"
        "Tổng hợp: 0 lỗi, 0 cảnh báo, 1 đúng, 0 ghi chú."
    )


def test_main_check_text_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert main_check_text(str(missing)) == (
        f"Không tìm thấy tệp: {missing} / File not found: {missing}",
        2,
    )


def test_main_check_text_undecodable_file(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Tổng vốn".encode("utf-16"))
    report, code = main_check_text(str(path), "en")
    assert code == 2
    assert report == f"Tệp {path} không phải văn bản UTF-8 (byte 0) / File {path} is not UTF-8 text (byte 0)"


def test_main_check_text_directory_and_bad_language(tmp_path: Path) -> None:
    assert main_check_text(str(tmp_path)) == (
        f"Đây là thư mục, không phải tệp: {tmp_path} / This is a directory, not a file: {tmp_path}",
        2,
    )
    report, code = main_check_text(str(tmp_path / "x.txt"), "fr")
    assert code == 2
    assert "Unsupported language: 'fr'" in report and "Ngôn ngữ không hỗ trợ" in report
