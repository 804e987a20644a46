"""The annual report's external-information section and annex, computed from placements and issues."""

import datetime as dt
import io

import openpyxl
import pytest
import time_machine

from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import bulletin
from caunoi.publishing.services.channels import add_placement, channel_named
from tests.conftest import NOW

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def year_2022(published, yen_bai):  # type: ignore[no-untyped-def]
    """Two articles published in 2022, one also in Báo Yên Bái, and an issue of the bulletin with both."""
    with time_machine.travel(dt.datetime(2022, 10, 3, 9, 0, tzinfo=NOW.tzinfo), tick=False):
        first = published(title="Yên Bái - Viêng Chăn: hợp tác giáo dục")
        second = published(title="Giao lưu kỷ niệm 60 năm quan hệ Việt Nam - Lào")
        add_placement(
            first, channel_named(yen_bai, "Báo Yên Bái"), D(2022, 10, 3), issue="1234", actor=SYSTEM
        )
    issue = bulletin.create_issue(yen_bai, "4", D(2022, 12, 20), actor=SYSTEM)
    bulletin.set_articles(issue, [second, first], actor=SYSTEM)
    return first, second


def _body(yen_bai, year=2022):  # type: ignore[no-untyped-def]
    from caunoi.documents.body import generate_body

    text = generate_body(yen_bai, year)
    section = text.split(". Công tác thông tin đối ngoại\n\n")[1]
    return section.split("\n\n###")[0]


def test_the_demo_section(yen_bai):
    """The demo's two articles of 2022, one also in Báo Yên Bái, and its bulletin issue."""
    assert _body(yen_bai).split("\n\n") == [
        "Năm 2022, Liên hiệp đã viết và đăng 02 tin bài về hoạt động đối ngoại nhân dân và vận động viện trợ "
        "phi chính phủ nước ngoài, đăng trên: Trang thông tin điện tử của Liên hiệp: 02 tin bài; "
        "Báo Yên Bái: 01 tin bài (danh mục tin bài tại Phụ lục).",
        "Xuất bản 01 số Bản tin Hợp tác – Hữu nghị: số 12 ngày 20/12/2022 (02 tin bài).",
    ]


def test_the_section_counts_articles_per_channel_and_issues(year_2022, yen_bai):
    assert _body(yen_bai).split("\n\n") == [
        "Năm 2022, Liên hiệp đã viết và đăng 04 tin bài về hoạt động đối ngoại nhân dân và vận động viện trợ "
        "phi chính phủ nước ngoài, đăng trên: Trang thông tin điện tử của Liên hiệp: 04 tin bài; "
        "Báo Yên Bái: 02 tin bài (danh mục tin bài tại Phụ lục).",
        "Xuất bản 02 số Bản tin Hợp tác – Hữu nghị: số 12 ngày 20/12/2022 (02 tin bài), "
        "số 4 ngày 20/12/2022 (02 tin bài).",
    ]


def test_the_section_passes_check_text(year_2022, yen_bai):
    from caunoi.documents.body import generate_body
    from caunoi.vntext.checktext import check_text

    findings = check_text(generate_body(yen_bai, 2022))
    assert [f.message_en for f in findings if f.severity == "error"] == []


def test_without_records_the_section_says_so(yen_bai):
    from caunoi.documents.body import NO_PUBLICATIONS

    assert _body(yen_bai, 2021) == NO_PUBLICATIONS


def test_the_other_sections_do_not_change(year_2022, yen_bai):
    from caunoi.documents.body import NO_PUBLICATIONS, generate_body
    from caunoi.publishing.models import BulletinIssue, Placement

    with_articles = generate_body(yen_bai, 2022)
    section = _body(yen_bai)
    Placement.objects.update(archived_at=NOW)
    BulletinIssue.objects.update(archived_at=NOW)
    assert generate_body(yen_bai, 2022) == with_articles.replace(section, NO_PUBLICATIONS)


def test_the_annex_lists_the_titles(year_2022, render):
    workbook = openpyxl.load_workbook(io.BytesIO(render("xlsx").content))
    ws = workbook["Tin bài"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    assert [(r[0], r[1], r[3].date(), r[4]) for r in rows] == [
        (
            1,
            "Yên Bái và Viêng Chăn tăng cường hợp tác hữu nghị",
            D(2022, 6, 15),
            "Trang thông tin điện tử của Liên hiệp; Báo Yên Bái (số 4321)",
        ),
        (
            2,
            "Giao lưu hữu nghị kỷ niệm 60 năm quan hệ ngoại giao Việt Nam - Lào",
            D(2022, 9, 6),
            "Trang thông tin điện tử của Liên hiệp",
        ),
        (
            3,
            "Yên Bái - Viêng Chăn: hợp tác giáo dục",
            D(2022, 10, 3),
            "Trang thông tin điện tử của Liên hiệp; Báo Yên Bái (số 1234)",
        ),
        (
            4,
            "Giao lưu kỷ niệm 60 năm quan hệ Việt Nam - Lào",
            D(2022, 10, 3),
            "Trang thông tin điện tử của Liên hiệp",
        ),
    ]


def test_placements_are_refused_for_unpublished_articles_and_future_dates(make_article, published, yen_bai):
    from caunoi.core.errors import RuleError

    channel = channel_named(yen_bai, "Tạp chí Thời đại") if published() else None
    with pytest.raises(RuleError) as refused:
        add_placement(make_article(), channel, D(2026, 11, 1), actor=SYSTEM)
    assert refused.value.code == "publishing.not_published"
    with pytest.raises(RuleError) as refused:
        add_placement(published(), channel, D(2026, 12, 1), actor=SYSTEM)
    assert refused.value.code == "publishing.date_in_future"
    with pytest.raises(RuleError) as refused:
        add_placement(
            published(),
            channel_named(yen_bai, "Trang thông tin điện tử của Liên hiệp"),
            D(2026, 11, 27),
            actor=SYSTEM,
        )
    assert refused.value.code == "publishing.own_site_automatic"
