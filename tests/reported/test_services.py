"""Proposing, confirming and archiving reported figures: rights, history, and nothing stored on refusal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from caunoi.core.errors import RuleError
from caunoi.core.models import LedgerMark
from caunoi.core.permissions import SYSTEM
from caunoi.reported import services
from caunoi.reported.models import FigureStatus, ReportedFigures
from caunoi.reported.services import Correction
from tests.reported.test_readers import docx_bytes

TEXT = (
    "Năm 2019, tỉnh Yên Bái tiếp nhận 21 chương trình, dự án của 14 tổ chức phi chính phủ nước ngoài với "
    "tổng giá trị cam kết 1.404.155 USD. Trong đó, y tế 5 dự án, 457.250 USD."
)


def test_a_docx_becomes_a_proposal_with_its_sentences(yen_bai) -> None:  # type: ignore[no-untyped-def]
    figures = services.propose_from_file(yen_bai, "bc-2019.docx", docx_bytes(TEXT), actor=SYSTEM)
    assert (figures.status, figures.period_start, figures.items, figures.ngos) == (
        FigureStatus.PROPOSED,
        dt.date(2019, 1, 1),
        21,
        14,
    )
    assert (figures.committed, figures.currency, figures.source_name) == (
        Decimal(1404155),
        "USD",
        "bc-2019.docx",
    )
    assert [(s.sector, s.count, s.amount) for s in figures.sectors.all()] == [("Y tế", 5, Decimal(457250))]
    assert (
        figures.evidence["items"]
        == "Năm 2019, tỉnh Yên Bái tiếp nhận 21 chương trình, dự án của 14 tổ chức phi chính phủ nước ngoài với tổng giá trị cam kết 1.404.155 USD."
    )
    assert figures.history.count() == 1


def test_a_viewer_may_not_propose_and_nothing_is_stored(yen_bai) -> None:  # type: ignore[no-untyped-def]
    viewer = get_user_model().objects.get(username="xem")
    before = ReportedFigures.objects.count()
    with pytest.raises(RuleError) as refused:
        services.propose_from_file(yen_bai, "bc.txt", TEXT.encode(), actor=viewer)
    assert refused.value.code == "permission.denied"
    assert ReportedFigures.objects.count() == before


def test_a_text_without_figures_stores_nothing(yen_bai) -> None:  # type: ignore[no-untyped-def]
    before = ReportedFigures.objects.count()
    with pytest.raises(RuleError) as refused:
        services.propose_from_file(yen_bai, "thu.txt", "Kính gửi các đồng chí.".encode(), actor=SYSTEM)
    assert refused.value.code == "reported.no_figures"
    assert ReportedFigures.objects.count() == before


def test_confirm_corrects_records_who_and_renews_the_offices_mark(yen_bai) -> None:  # type: ignore[no-untyped-def]
    editor = get_user_model().objects.get(username="bientap")
    figures = services.propose_from_file(yen_bai, "bc.txt", TEXT.encode(), actor=SYSTEM)
    mark = LedgerMark.objects.filter(scope=f"office:{yen_bai.pk}").values_list("token", flat=True).first()
    correction = Correction(
        first_year=2019,
        last_year=2019,
        province="Yên Bái",
        items=21,
        ngos=15,
        committed=Decimal(1404175),
        currency="usd",
        sectors=[("Y tế", 5, Decimal(457250)), ("Giáo dục và đào tạo", 7, Decimal(81725))],
    )
    services.confirm(figures, correction, actor=editor)
    figures.refresh_from_db()
    assert (figures.status, figures.confirmed_by, figures.ngos, figures.committed, figures.currency) == (
        FigureStatus.CONFIRMED,
        editor,
        15,
        Decimal(1404175),
        "USD",
    )
    assert [s.sector for s in figures.sectors.all()] == ["Y tế", "Giáo dục và đào tạo"]
    assert figures.history.first().history_user == editor
    assert LedgerMark.objects.get(scope=f"office:{yen_bai.pk}").token != mark
    assert services.confirmed_for([yen_bai.pk], 2015, 2020) == [figures]

    second = services.propose_from_file(yen_bai, "bc-khac.txt", TEXT.encode(), actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        services.confirm(second, correction, actor=editor)
    assert refused.value.code == "reported.already_confirmed"
    services.archive(figures, actor=editor)
    assert services.confirmed_for([yen_bai.pk], 2015, 2020) == []


@pytest.mark.parametrize(
    ("first", "last", "currency", "code"),
    [
        (2020, 2019, "USD", "reported.period_order"),
        (1900, 2019, "USD", "reported.period_range"),
        (2019, 2019, "US", "reported.currency_unknown"),
    ],
)
def test_a_bad_correction_changes_nothing(yen_bai, first, last, currency, code) -> None:  # type: ignore[no-untyped-def]
    figures = services.propose_from_file(yen_bai, "bc.txt", TEXT.encode(), actor=SYSTEM)
    with pytest.raises(RuleError) as refused:
        services.confirm(
            figures, Correction(first_year=first, last_year=last, currency=currency), actor=SYSTEM
        )
    assert refused.value.code == code
    figures.refresh_from_db()
    assert (figures.status, figures.items) == (FigureStatus.PROPOSED, 21)
