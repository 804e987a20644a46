"""check-text reads like a careful reader: one test group per kind of check (caunoi.vntext.checks)."""

from decimal import Decimal

import pytest

from caunoi.vntext.checktext import Finding, check_text, format_findings


def _brief(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.severity, f.kind, f.code) for f in findings]


# --- totals and their parts ----------------------------------------------------------------------------


def test_breakdown_without_a_colon_across_sentences() -> None:
    text = (
        "Năm 2024, tổng giá trị viện trợ được phê duyệt là 2.040.000 USD. Phân theo lĩnh vực, giáo dục được "
        "tài trợ nhiều nhất với 960.000 USD. Tiếp đến là y tế với 650.000 USD. Lĩnh vực sinh kế nhận 430.000 USD."
    )
    assert _brief(check_text(text)) == [("ok", "total-of-parts", "sum-ok")]
    wrong = check_text(text.replace("650.000", "560.000"))
    assert _brief(wrong) == [("error", "total-of-parts", "sum-mismatch")]
    assert wrong[0].message_vi == (
        "960.000 + 560.000 + 430.000 = 1.950.000, không phải 2.040.000 như đã ghi (chênh lệch 90.000 USD)"
    )
    assert wrong[0].sentence.startswith("Năm 2024, tổng giá trị viện trợ")


def test_trong_do_list_is_complete_when_its_counts_add_up() -> None:
    text = (
        "Liên hiệp đã phối hợp vận động 12 dự án với tổng vốn 1.050.000 USD. Trong đó, lĩnh vực y tế 3 dự án "
        "với 210.000 USD, giáo dục 5 dự án với 407.000 USD, sinh kế 4 dự án với 370.000 USD."
    )
    findings = check_text(text)
    assert [(f.severity, f.code, f.computed) for f in findings] == [
        ("ok", "sum-ok", Decimal(12)),
        ("error", "sum-mismatch", Decimal(987000)),
    ]


def test_partial_lists_give_no_error_unless_over_the_total() -> None:
    text = (
        "Giai đoạn 2019-2023, các tổ chức đã tài trợ 27 dự án, trong đó có 6 dự án y tế, 4 dự án giáo dục và "
        "một số dự án thuộc các lĩnh vực khác."
    )
    assert _brief(check_text(text)) == [("ok", "partial-list", "partial-ok")]
    assert _brief(check_text(text.replace("6 dự án y tế", "26 dự án y tế"))) == [
        ("error", "partial-list", "partial-over")
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Năm 2021, tỉnh triển khai 9 chương trình, dự án, gồm 5 dự án mới và 4 dự án chuyển tiếp.",
            "count-of-kinds",
        ),
        ("Sở đã trình phê duyệt 17 khoản viện trợ, trong đó 11 dự án và 6 phi dự án.", "count-of-kinds"),
        (
            "Liên hiệp tổ chức 46 hoạt động, gồm 18 hội thảo, 15 buổi giao lưu và 13 lớp tập huấn.",
            "count-of-kinds",
        ),
        ("Có 34 tổ chức phi chính phủ (21 tổ chức có dự án và 13 tổ chức đang khảo sát).", "count-of-kinds"),
        (
            "Ba nhà tài trợ góp 820.000 USD, 560.000 USD và 310.000 USD, tổng cộng 1.690.000 USD.",
            "total-of-parts",
        ),
    ],
)
def test_counts_of_kinds_parentheses_and_totals_after_their_parts(text: str, kind: str) -> None:
    assert _brief(check_text(text)) == [("ok", kind, "sum-ok")]


def test_counts_of_unrelated_nouns_are_not_added() -> None:
    assert check_text("Có 10 chương trình. Gồm: 3 đoàn vào và 4 đoàn ra.") == []


def test_number_words_and_scale_words() -> None:
    text = "Tỉnh tiếp nhận hai mươi mốt chương trình, dự án, bao gồm mười ba dự án và tám phi dự án."
    findings = check_text(text)
    assert [(f.severity, f.stated, f.computed) for f in findings] == [("ok", Decimal(21), Decimal(21))]
    assert check_text(text.replace("tám", "chín"))[0].severity == "error"
    scaled = (
        "Vốn cam kết đạt 25,4 tỷ đồng, gồm 14,2 tỷ đồng cho y tế, 7,5 tỷ đồng cho giáo dục và 3,7 tỷ đồng."
    )
    assert _brief(check_text(scaled)) == [("ok", "total-of-parts", "sum-ok")]
    assert _brief(check_text(scaled.replace("7,5", "8,5"))) == [("error", "total-of-parts", "sum-mismatch")]


@pytest.mark.parametrize(
    ("total", "severity"),
    [
        ("gần 2 tỷ đồng", "ok"),
        ("gần 1,5 tỷ đồng", "error"),
        ("hơn 1,9 tỷ đồng", "ok"),
        ("hơn 2 tỷ đồng", "error"),
        ("khoảng 2 tỷ đồng", "ok"),
        ("khoảng 3 tỷ đồng", "error"),
    ],
)
def test_qualifiers_widen_the_tolerance_as_a_reader_does(total: str, severity: str) -> None:
    text = f"Các tổ chức đã cam kết {total} cho 10 dự án, gồm 1,2 tỷ đồng cho giáo dục và 750 triệu đồng cho y tế."
    assert [f.severity for f in check_text(text)] == [severity]


# --- shares that make a whole --------------------------------------------------------------------------


def test_shares_make_100_within_rounding() -> None:
    text = "Cơ cấu vốn phân theo lĩnh vực như sau: y tế chiếm 42,7 %, giáo dục 31,6 %, cộng đồng 17,1 % và môi trường 8,6 %."
    findings = check_text(text)
    assert _brief(findings) == [("ok", "shares-make-whole", "shares-ok")]
    wrong = check_text(text.replace("31,6", "33,6"))
    assert _brief(wrong) == [("error", "shares-make-whole", "shares-mismatch")]
    assert (
        wrong[0].message_vi
        == "42,7 + 33,6 + 17,1 + 8,6 = 102 %, không phải 100 % (chênh lệch 2 điểm phần trăm)"
    )


def test_partial_shares_stay_at_most_100() -> None:
    text = "Trong tổng vốn 4,2 triệu USD, các dự án y tế chiếm 38 %, giáo dục chiếm 27 %, còn lại là các lĩnh vực khác."
    assert _brief(check_text(text)) == [("ok", "shares-make-whole", "shares-partial-ok")]
    assert _brief(check_text(text.replace("27 %", "67 %"))) == [("error", "shares-make-whole", "shares-over")]


# --- ratios and growth ---------------------------------------------------------------------------------


def test_ratio_beside_its_figures() -> None:
    text = "Tổng giá trị cam kết là 615.151 USD; các nhà tài trợ đã giải ngân 158.146 USD, đạt 26 % giá trị cam kết."
    findings = check_text(text)
    assert [(f.severity, f.kind, f.parts) for f in findings] == [
        ("ok", "ratio", (Decimal(158146), Decimal(615151)))
    ]
    wrong = check_text(text.replace("158.146", "258.146"))
    assert [(f.severity, f.code) for f in wrong] == [("error", "ratio-mismatch")]
    assert wrong[0].message_vi == (
        "258.146 / 615.151 = 42,0 %, không phải “đạt 26 %” như đã ghi (chênh lệch 16,0 điểm phần trăm)"
    ) or wrong[0].message_vi.startswith("258.146 / 615.151 = 42,0 %")


def test_a_ratio_without_its_figures_is_not_checked() -> None:
    assert check_text("Kết quả vận động đạt 95 % kế hoạch năm.") == []


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Giải ngân đạt 3.120.000 USD, tăng 23,2 % so với năm 2022 (2.532.500 USD).", ("23,2 %", "32,2 %")),
        ("Năm 2020 vốn đạt 640.000 USD, giảm 36 % so với năm 2019 là 1.000.000 USD.", ("640.000", "690.000")),
        ("Năm 2023, tỉnh tiếp nhận 24 dự án, tăng 6 dự án so với năm 2022 (18 dự án).", ("tăng 6", "tăng 8")),
        (
            "Giá trị đạt 2.260.000 USD, tăng khoảng 15 % so với năm 2022 (1.970.000 USD).",
            ("khoảng 15", "khoảng 25"),
        ),
    ],
)
def test_growth_against_both_periods(text: str, wrong: tuple[str, str]) -> None:
    assert _brief(check_text(text)) == [("ok", "growth", "growth-ok")]
    assert _brief(check_text(text.replace(*wrong))) == [("error", "growth", "growth-mismatch")]


# --- English texts -------------------------------------------------------------------------------------


def test_english_text_with_its_number_format() -> None:
    text = (
        "In 2022 the province received 21 projects with total commitments of USD 1,404,155. By sector: "
        "6 projects, USD 457,250; 4 projects, USD 81,725; 2 projects, USD 80,466; 2 projects, USD 41,659; "
        "and 7 projects, USD 743,075."
    )
    findings = check_text(text, text_lang="en")
    assert [(f.severity, f.stated, f.computed) for f in findings] == [
        ("ok", Decimal(21), Decimal(21)),
        ("error", Decimal(1404155), Decimal(1404175)),
    ]
    assert findings[1].message_en == (
        "457,250 + 81,725 + 80,466 + 41,659 + 743,075 = 1,404,175, not 1,404,155 as stated (difference 20 USD)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Disbursements reached USD 400,000 in 2023, 25% of the USD 1,600,000 committed.",
        "The union hosted 14 delegations in 2023, up 40% from 10 delegations in 2022.",
        "Total commitments of USD 2.6 million comprised USD 1.5 million for education, USD 0.7 million for "
        "health and USD 0.4 million for rural development.",
        "Of the 32 NGOs active in the province, 12 NGOs work in health, 9 NGOs in education and the rest in "
        "other fields.",
    ],
)
def test_english_relations(text: str) -> None:
    findings = check_text(text, text_lang="en")
    assert [f.severity for f in findings] == ["ok"]


def test_english_dates_and_people_are_not_figures_to_add() -> None:
    text = "On 12 May 2023, a delegation of 6 members visited 3 communes, including 150 households."
    assert check_text(text, text_lang="en") == []


def test_verbose_lists_correct_checks_and_errors_name_their_sentence() -> None:
    text = "Tổng vốn là 800 USD. Bao gồm: y tế 300 USD; giáo dục 400 USD."
    findings = check_text(text)
    assert format_findings(findings, "en", verbose=False).splitlines() == [
        "line 1: ERROR: 300 + 400 = 700, not 800 as stated (difference 100 USD)",
        "    sentence: “Tổng vốn là 800 USD.”",
        "Summary: 1 error(s), 0 warning(s), 0 ok, 0 note(s).",
    ]


# --- products, averages, multiples, loose shares, priced parts ------------------------------------------


def test_count_times_unit_amount() -> None:
    text = "Liên hiệp trao 150 suất học bổng, mỗi suất trị giá 2 triệu đồng, tổng trị giá 300 triệu đồng."
    findings = check_text(text)
    assert [(f.severity, f.kind, f.computed) for f in findings] == [("ok", "product", Decimal(300000000))]
    wrong = check_text(text.replace("300 triệu", "350 triệu"))
    assert wrong[0].message_vi == (
        "150 × 2.000.000 = 300.000.000, không phải “350 triệu đồng” như đã ghi (chênh lệch 50.000.000 đồng)"
    )


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Giai đoạn 2021-2025, tổng vốn cam kết đạt 12,8 triệu USD, bình quân 2,56 triệu USD mỗi năm.",
            ("2,56", "2,86"),
        ),
        ("Có 8 xã hưởng lợi với tổng số 2.340 hộ, bình quân gần 300 hộ mỗi xã.", ("2.340", "2.840")),
    ],
)
def test_averages_per_year_and_per_noun(text: str, wrong: tuple[str, str]) -> None:
    assert _brief(check_text(text)) == [("ok", "average", "average-ok")]
    assert _brief(check_text(text.replace(*wrong))) == [("error", "average", "average-mismatch")]


def test_multiples() -> None:
    text = "Vốn năm 2024 ước đạt 2,9 triệu USD, tăng gấp 1,5 lần so với năm 2023 (1,93 triệu USD)."
    assert _brief(check_text(text)) == [("ok", "growth", "multiple-ok")]
    assert _brief(check_text(text.replace("1,5 lần", "2,5 lần"))) == [
        ("error", "growth", "multiple-mismatch")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Health received 45% of the funds, education 30%, and livelihoods 25%.", "en"),
        (
            "Các dự án tập trung vào 4 lĩnh vực: y tế (35 %), giáo dục (28 %), nông nghiệp (22 %) và môi trường (15 %).",
            "vi",
        ),
    ],
)
def test_shares_listed_without_a_cue(text: str, lang: str) -> None:
    assert _brief(check_text(text, text_lang=lang)) == [("ok", "shares-make-whole", "shares-ok")]
    assert _brief(check_text(text.replace("30%", "35%").replace("(22 %)", "(27 %)"), text_lang=lang)) == [
        ("error", "shares-make-whole", "shares-mismatch")
    ]


def test_unrelated_percents_in_a_sentence_are_not_shares() -> None:
    text = "Tỷ lệ hộ nghèo giảm từ 42 % xuống còn 31 %; 100 % trẻ em được đến trường, 96 % hộ có nước sạch."
    assert check_text(text) == []


def test_a_price_per_unit_counts_with_its_count() -> None:
    text = (
        "Tổng giá trị hàng cứu trợ là 1,2 tỷ đồng, gồm 800 suất quà trị giá 500.000 đồng/suất và 20 tấn gạo "
        "trị giá 800 triệu đồng."
    )
    findings = check_text(text)
    assert [(f.severity, f.computed) for f in findings] == [("ok", Decimal(1200000000))]
    assert check_text(text.replace("800 triệu", "900 triệu"))[0].severity == "error"


def test_a_growth_without_its_earlier_figure_is_not_checked_nor_a_total() -> None:
    text = (
        "Năm 2023 có 41 dự án, tăng 9 dự án so với năm 2022; trong đó 26 dự án của châu Âu, 15 dự án của "
        "châu Á."
    )
    assert _brief(check_text(text)) == [("ok", "total-of-parts", "sum-ok")]
