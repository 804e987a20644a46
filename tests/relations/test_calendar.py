import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.relations.anniversaries import calendar_gaps, upcoming_anniversaries
from caunoi.relations.models import Occasion
from caunoi.relations.services.calendar import create_occasion, seed_calendar, set_occasion_date
from caunoi.relations.services.partners import create_partnership

pytestmark = pytest.mark.django_db
D = dt.date


def seen(office, on, lead=90):  # type: ignore[no-untyped-def]
    return [(a.on, a.title, a.years, a.approximate) for a in upcoming_anniversaries(office, on, lead)]


def test_seeded_facts_carry_their_sources(office):
    assert seed_calendar(office) == 11
    assert seed_calendar(office) == 0
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    assert (laos.day, laos.month, laos.origin_year, laos.recurrence) == (5, 9, 1962, "round")
    assert all(o.source_url.startswith("http") for o in Occasion.objects.filter(office=office))


def test_round_anniversaries_of_relations_and_yearly_national_days(office):
    seed_calendar(office)
    # 2027: 65 years of Vietnam–Laos relations (round), 54 of Vietnam–Japan (not round).
    assert seen(office, D(2027, 8, 1), 60) == [
        (D(2027, 9, 5), "Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào", 65, False)
    ]
    assert seen(office, D(2023, 3, 1), 60) == [
        (D(2023, 4, 12), "Ngày thiết lập quan hệ ngoại giao Việt Nam - Pháp", 50, False),
        (D(2023, 4, 14), "Tết cổ truyền Bunpimay của Lào", None, False),
    ]
    on_today = upcoming_anniversaries(office, D(2026, 11, 27))
    assert [(a.on, a.years, a.is_round) for a in on_today][:2] == [
        (D(2026, 12, 2), 51, False),
        (D(2027, 2, 6), None, False),
    ]
    pi_mai = next(a for a in upcoming_anniversaries(office, D(2024, 4, 1), 30) if a.kind == "new_year")
    assert (pi_mai.on, pi_mai.until) == (D(2024, 4, 14), D(2024, 4, 16))


def test_partnership_foundings_known_to_the_year_show_early(office, org):
    create_partnership(
        office,
        org("Thành phố Mimasaka", "JP"),
        level="city",
        kind="cooperation",
        since=D(2019, 1, 1),
        since_precision="year",
    )
    assert seen(office, D(2023, 12, 1), 90) == [
        (D(2024, 1, 1), "5 năm quan hệ hợp tác với Thành phố Mimasaka", 5, True)
    ]
    assert seen(office, D(2025, 12, 1), 90) == []


def test_lunar_dates_per_year_and_gaps(office):
    occasion = create_occasion(
        office, kind="new_year", title="Tết Nguyên đán Trung Quốc", country="CN", recurrence="per_year_dates"
    )
    set_occasion_date(occasion, 2027, D(2027, 2, 6))
    assert seen(office, D(2027, 1, 1), 60) == [(D(2027, 2, 6), "Tết Nguyên đán Trung Quốc", None, False)]
    assert calendar_gaps(office, D(2027, 12, 1), 90) == [("Tết Nguyên đán Trung Quốc", 2028)]
    with pytest.raises(RuleError) as error:
        set_occasion_date(occasion, 2028, D(2027, 1, 26))
    assert error.value.code == "relations.occasion_date_year"


def test_occasion_rules(office):
    with pytest.raises(RuleError) as error:
        create_occasion(
            office, kind="national_day", title="X", country="LA", recurrence="yearly", month=2, day=30
        )
    assert error.value.code == "relations.occasion_date"
    with pytest.raises(RuleError) as error:
        create_occasion(office, kind="national_day", title="X", country="LA", recurrence="yearly")
    assert error.value.code == "relations.occasion_needs_day"
    leap = create_occasion(
        office,
        kind="other",
        title="Ngày 29/2",
        country="LA",
        recurrence="yearly",
        month=2,
        day=29,
        origin_year=2000,
    )
    assert [a.on for a in upcoming_anniversaries(office, D(2025, 2, 1), 40) if a.title == leap.title] == [
        D(2025, 2, 28)
    ]
