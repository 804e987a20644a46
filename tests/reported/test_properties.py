"""Whatever the bytes, reading a report ends in a proposal or a clear refusal, and a refusal stores nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.reported import services
from caunoi.reported.extract import extract
from caunoi.reported.models import ReportedFigures

PIECES = st.sampled_from(
    [
        "Năm 2019, ",
        "giai đoạn 2016–2020 ",
        "tỉnh Yên Bái ",
        "21 chương trình, dự án ",
        "14 tổ chức ",
        "tổng giá trị cam kết ",
        "giải ngân ",
        "1.404.155 USD",
        "25,4 tỷ đồng",
        "USD 1,404,155",
        "y tế ",
        "giáo dục ",
        "vốn đối ứng ",
        "; ",
        ". ",
        "\n",
        "43,8%",
        "—",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES | st.text(max_size=5), max_size=40).map("".join))


@given(TEXTS)
@settings(max_examples=300, deadline=None)
def test_extract_never_raises_and_gives_sensible_values(text: str) -> None:
    p = extract(text)
    assert p.items is None or p.items >= 0
    assert p.period_start is None or p.period_start <= p.period_end  # type: ignore[operator]
    for s in p.sectors:
        assert s.count is not None or s.amount is not None


@pytest.mark.django_db
@given(
    name=st.sampled_from(["a.txt", "a.docx", "a.pdf", "a.doc", "a"]),
    data=st.binary(max_size=400) | TEXTS.map(str.encode),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_file_gives_a_proposal_or_a_refusal_that_stores_nothing(yen_bai, name: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    before = ReportedFigures.objects.count()
    try:
        services.propose_from_file(yen_bai, name, data, actor=SYSTEM)
    except RuleErrors as refused:
        assert all(p.vi and p.en for p in refused.problems)
        assert ReportedFigures.objects.count() == before
    else:
        assert ReportedFigures.objects.count() == before + 1
