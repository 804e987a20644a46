"""An office's public home: beside the latest news, its coming events (only those a public article is about)
and the anniversaries of the next 90 days, as the relations app computes them for the staff."""

import datetime as dt

import pytest

from caunoi.core.permissions import SYSTEM
from caunoi.publishing.services import articles
from caunoi.relations.reminders import anniversary_text, relation_anniversaries
from caunoi.relations.services.events import create_event
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db


def _coming(text: str) -> str:
    return text.split('<section aria-labelledby="coming-h"', 1)[1].split("</section>", 1)[0]


@pytest.fixture
def events(yen_bai, published):  # type: ignore[no-untyped-def]
    announced = create_event(
        yen_bai,
        title="Giao lưu hữu nghị với lưu học sinh Lào dịp Quốc khánh Lào",
        kind="exchange",
        start_on=dt.date(2026, 12, 2),
        actor=SYSTEM,
    )
    article = published(title="Sắp giao lưu với lưu học sinh Lào")
    articles.set_tags(article, events=[announced], actor=SYSTEM)
    quiet = create_event(
        yen_bai,
        title="DOAN-RA-CHUA-CONG-BO",
        kind="outgoing_delegation",
        start_on=dt.date(2026, 12, 10),
        actor=SYSTEM,
    )
    too_late = create_event(
        yen_bai,
        title="HOAT-DONG-QUA-90-NGAY",
        kind="exchange",
        start_on=TODAY + dt.timedelta(days=91),
        actor=SYSTEM,
    )
    later = published(title="Bài về hoạt động xa")
    articles.set_tags(later, events=[too_late], actor=SYSTEM)
    return announced, article, quiet


def test_coming_events_are_those_a_public_article_is_about(client, events):
    announced, article, _quiet = events
    coming = _coming(client.get("/cong-khai/yen-bai/").content.decode())
    assert (
        '<time datetime="2026-12-02">02/12/2026</time>: '
        f'<a href="/cong-khai/yen-bai/tin-tuc/{article.pk}/">{announced.title}</a>'
    ) in coming
    assert "DOAN-RA-CHUA-CONG-BO" not in coming and "HOAT-DONG-QUA-90-NGAY" not in coming


def test_anniversaries_of_the_next_90_days_come_from_the_relations_service(client, yen_bai):
    expected = relation_anniversaries([yen_bai], TODAY, 90)
    assert expected, "the demo has anniversaries within 90 days of its clock"
    coming = _coming(client.get("/cong-khai/yen-bai/").content.decode())
    listed = coming.split('<ul class="anniversaries">', 1)[1].split("</ul>", 1)[0]
    assert listed.count("<li>") == len(expected)
    for anniversary in expected:
        assert f'<time datetime="{anniversary.on:%Y-%m-%d}">' in listed
        assert anniversary_text(anniversary) in listed


def test_the_coming_section_in_english(client, events):
    client.cookies["django_language"] = "en"
    coming = _coming(client.get("/cong-khai/yen-bai/").content.decode())
    assert "Coming up" in coming and "Anniversaries (next 90 days)" in coming
    assert 'lang="vi">Giao lưu hữu nghị với lưu học sinh Lào' in coming


def test_an_office_with_nothing_coming_says_so(client, office):
    coming = _coming(client.get(f"/cong-khai/{office.code}/").content.decode())
    assert "Chưa có hoạt động nào được công bố." in coming
    assert "Không có ngày kỷ niệm nào trong 90 ngày tới." in coming


@pytest.fixture
def founded(yen_bai):  # type: ignore[no-untyped-def]
    """Round foundings and occasions without an English title, all within 90 days of the clock."""
    from caunoi.directory.models import Organisation
    from caunoi.relations.services.associations import create_association
    from caunoi.relations.services.calendar import create_occasion
    from caunoi.relations.services.partners import create_partnership

    champasak = Organisation.objects.create(
        office=yen_bai, name="Tỉnh Chămpasắc", country="LA", kind="foreign_locality"
    )
    create_partnership(
        yen_bai, champasak, level="province", kind="cooperation", since=dt.date(2016, 12, 15), actor=SYSTEM
    )
    create_association(
        yen_bai,
        name="Hội hữu nghị Việt Nam - Hàn Quốc tỉnh Yên Bái",
        name_en="Yen Bai Vietnam–Korea Friendship Association",
        counterpart_country="KR",
        founded_on=dt.date(2001, 12, 20),
        actor=SYSTEM,
    )
    for kind, title, month, day in (
        ("new_year", "Tết Seollal của Hàn Quốc", 1, 29),
        ("national_day", "Ngày Quốc khánh Ấn Độ", 1, 26),
        ("other", "Ngày-hội-chỉ-có-tên-tiếng-Việt", 12, 24),
    ):
        create_occasion(
            yen_bai,
            kind=kind,
            title=title,
            country="KR" if kind == "new_year" else "IN",
            recurrence="yearly",
            month=month,
            day=day,
            actor=SYSTEM,
        )


def test_anniversaries_on_the_english_home_are_in_english(client, yen_bai, founded):
    client.cookies["django_language"] = "en"
    coming = _coming(client.get("/cong-khai/yen-bai/").content.decode())
    listed = coming.split('<ul class="anniversaries">', 1)[1].split("</ul>", 1)[0]
    assert listed.split("</li>")[:-1] == [
        '<li><time datetime="2026-12-02">02/12/2026</time>: Lao National Day',
        '<li><time datetime="2026-12-15">15/12/2026</time>: '
        "10-year anniversary: 10 years of cooperation with Tỉnh Chămpasắc",
        '<li><time datetime="2026-12-20">20/12/2026</time>: '
        "25-year anniversary: 25 years since the founding of Yen Bai Vietnam–Korea Friendship Association",
        '<li><time datetime="2026-12-24">24/12/2026</time>: '
        '<span lang="vi">Ngày-hội-chỉ-có-tên-tiếng-Việt</span>',
        '<li><time datetime="2027-01-26">26/01/2027</time>: National Day of India',
        '<li><time datetime="2027-01-29">29/01/2027</time>: Traditional New Year of South Korea',
        '<li><time datetime="2027-02-06">06/02/2027</time>: Chinese New Year (Spring Festival)',
        '<li><time datetime="2027-02-11">11/02/2027</time>: Japan&#x27;s National Foundation Day',
        '<li><time datetime="2027-02-23">23/02/2027</time>: The Emperor&#x27;s Birthday (Japan)',
    ]
    # The same anniversaries in Vietnamese, as the staff's reminders name them.
    client.cookies["django_language"] = "vi"
    vietnamese = _coming(client.get("/cong-khai/yen-bai/").content.decode())
    assert "Kỷ niệm 10 năm: 10 năm quan hệ hợp tác với Tỉnh Chămpasắc</li>" in vietnamese
    assert "Kỷ niệm 25 năm: 25 năm thành lập Hội hữu nghị Việt Nam - Hàn Quốc tỉnh Yên Bái</li>" in vietnamese
    assert ": Quốc khánh nước CHDCND Lào</li>" in vietnamese
    assert ": Ngày-hội-chỉ-có-tên-tiếng-Việt</li>" in vietnamese
