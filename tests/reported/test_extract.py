"""The extractor reads each kind of fact, and leaves out what is not the period's."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from caunoi.reported.english import looks_english, to_vietnamese_numbers
from caunoi.reported.extract import extract, sentences

REPORT = (
    "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH YÊN BÁI\n"
    "Yên Bái, ngày 08 tháng 01 năm 2020\n"
    "Năm 2019, tỉnh Yên Bái đã tiếp nhận 21 chương trình, dự án, phi dự án của 14 tổ chức phi chính phủ "
    "nước ngoài với tổng giá trị cam kết 1.404.155 USD; giải ngân 615.151 USD, đạt 43,8%. "
    "Trong đó, lĩnh vực y tế 3 dự án, 457.250 USD; giáo dục 5 dự án, 81.725 USD. "
    "Vốn đối ứng 200.000 USD.\n"
    "Năm 2020, phấn đấu vận động 25 dự án với 2 triệu USD."
)


def test_every_field_of_a_report() -> None:
    p = extract(REPORT)
    assert (p.province, p.period_start, p.period_end) == (
        "Yên Bái",
        dt.date(2019, 1, 1),
        dt.date(2019, 12, 31),
    )
    assert (p.items, p.ngos) == (21, 14)
    assert (p.committed, p.disbursed, p.currency) == (Decimal(1404155), Decimal(615151), "USD")
    assert [(s.key, s.name, s.count, s.amount) for s in p.sectors] == [
        ("health", "Y tế", 3, Decimal(457250)),
        ("education", "Giáo dục và đào tạo", 5, Decimal(81725)),
    ]
    assert p.evidence["committed"].startswith("Năm 2019, tỉnh Yên Bái đã tiếp nhận 21 chương trình")
    assert p.sectors[0].sentence.startswith("Trong đó, lĩnh vực y tế 3 dự án")


def test_a_period_of_several_years() -> None:
    p = extract("Giai đoạn 2016–2020, tỉnh Hà Giang tiếp nhận 142 dự án, giá trị 28,6 triệu USD.")
    assert (p.period_start, p.period_end) == (dt.date(2016, 1, 1), dt.date(2020, 12, 31))
    assert (p.items, p.committed) == (142, Decimal(28600000))


def test_amounts_in_ty_dong_are_vnd() -> None:
    p = extract(
        "Năm 2018, tỉnh Điện Biên tiếp nhận 27 dự án, tổng giá trị cam kết 41,5 tỷ đồng, giải ngân 33,2 tỷ đồng."
    )
    assert (p.committed, p.disbursed, p.currency) == (Decimal(41_500_000_000), Decimal(33_200_000_000), "VND")


def test_counts_before_their_sector_and_agencies_named_after_sectors() -> None:
    p = extract(
        "Năm 2019, tỉnh Quảng Trị có 48 dự án, trong đó 15 dự án y tế với 1.020.000 USD và 21 dự án giáo dục "
        "với 1.462.000 USD. Sở Y tế là cơ quan chủ quản của 9 dự án."
    )
    assert p.items == 48
    assert [(s.key, s.count, s.amount) for s in p.sectors] == [
        ("health", 15, Decimal(1020000)),
        ("education", 21, Decimal(1462000)),
    ]


def test_counterpart_funds_comparisons_and_plans_are_left_out() -> None:
    p = extract(
        "Năm 2019, vốn đối ứng của tỉnh là 150.000 USD. So với năm 2018, tăng 6 dự án. "
        "Năm 2020, phấn đấu vận động 30 dự án với 3 triệu USD."
    )
    assert (p.items, p.committed, p.disbursed) == (None, None, None)
    assert not p.has_figures


def test_english_number_forms() -> None:
    text = "In 2019, Yen Bai province received 12 projects from 9 foreign NGOs worth USD 1,404,155, of which USD 615,151 was disbursed."
    assert looks_english(text) and not looks_english(REPORT)
    assert to_vietnamese_numbers("USD 1,404,155 and $2.5 million") == "1.404.155 USD and 2,5 triệu USD"
    p = extract(text)
    assert (p.province, p.items, p.ngos) == ("Yen Bai", 12, 9)
    assert (p.committed, p.disbursed, p.currency) == (Decimal(1404155), Decimal(615151), "USD")


def test_sentences_keep_grouped_numbers_whole() -> None:
    assert sentences("Tổng giá trị 1.404.155 USD. Giải ngân 615.151 USD.\nHết") == [
        "Tổng giá trị 1.404.155 USD.",
        "Giải ngân 615.151 USD.",
        "Hết",
    ]


CORPUS = json.loads((Path(__file__).parents[1] / "data/corpus/extraction.json").read_text(encoding="utf-8"))


def test_the_corpus_is_as_the_issue_asks() -> None:
    documents = CORPUS["documents"]
    assert len(documents) >= 10
    assert sum(d["lang"] == "en" for d in documents) >= 2
    assert sum(len(d["facts"]) for d in documents) >= 100


@pytest.mark.parametrize("document", CORPUS["documents"], ids=[d["id"] for d in CORPUS["documents"]])
def test_the_corpus_documents_period_and_totals(document: dict) -> None:  # type: ignore[type-arg]
    got = extract(document["text"]).fields()
    for name in ("period_start", "period_end", "items", "committed", "currency"):
        if name in document["facts"]:
            assert got[name] == document["facts"][name], name
