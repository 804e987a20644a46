import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.anniversaries import calendar_gaps, upcoming_anniversaries
from caunoi.relations.models import Occasion, OccasionDate
from caunoi.relations.services.calendar import (
    archive_occasion,
    create_occasion,
    remove_occasion_date,
    restore_occasion,
    seed_calendar,
    set_occasion_date,
    update_occasion,
)
from caunoi.relations.services.partners import create_partnership

pytestmark = pytest.mark.django_db
D = dt.date


def seen(office, on, lead=90):  # type: ignore[no-untyped-def]
    return [(a.on, a.title, a.years, a.approximate) for a in upcoming_anniversaries(office, on, lead)]


def test_seeded_facts_carry_their_sources(office):
    assert seed_calendar(office, actor=SYSTEM) == 11
    assert seed_calendar(office, actor=SYSTEM) == 0
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    assert (laos.day, laos.month, laos.origin_year, laos.recurrence) == (5, 9, 1962, "round")
    assert all(o.source_url.startswith("http") for o in Occasion.objects.filter(office=office))


def test_round_anniversaries_of_relations_and_yearly_national_days(office):
    seed_calendar(office, actor=SYSTEM)
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
        actor=SYSTEM,
    )
    assert seen(office, D(2023, 12, 1), 90) == [
        (D(2024, 1, 1), "5 năm quan hệ hợp tác với Thành phố Mimasaka", 5, True)
    ]
    assert seen(office, D(2025, 12, 1), 90) == []


def test_lunar_dates_per_year_and_gaps(office):
    occasion = create_occasion(
        office,
        kind="new_year",
        title="Tết Nguyên đán Trung Quốc",
        country="CN",
        recurrence="per_year_dates",
        actor=SYSTEM,
    )
    set_occasion_date(occasion, 2027, D(2027, 2, 6), actor=SYSTEM)
    assert seen(office, D(2027, 1, 1), 60) == [(D(2027, 2, 6), "Tết Nguyên đán Trung Quốc", None, False)]
    assert calendar_gaps(office, D(2027, 12, 1), 90) == [("Tết Nguyên đán Trung Quốc", 2028)]
    with pytest.raises(RuleError) as error:
        set_occasion_date(occasion, 2028, D(2027, 1, 26), actor=SYSTEM)
    assert error.value.code == "relations.occasion_date_year"


def test_occasion_rules(office):
    with pytest.raises(RuleError) as error:
        create_occasion(
            office,
            kind="national_day",
            title="X",
            country="LA",
            recurrence="yearly",
            month=2,
            day=30,
            actor=SYSTEM,
        )
    assert error.value.code == "relations.occasion_date"
    with pytest.raises(RuleError) as error:
        create_occasion(
            office, kind="national_day", title="X", country="LA", recurrence="yearly", actor=SYSTEM
        )
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
        actor=SYSTEM,
    )
    assert [a.on for a in upcoming_anniversaries(office, D(2025, 2, 1), 40) if a.title == leap.title] == [
        D(2025, 2, 28)
    ]


# --- editing occasions --------------------------------------------------------------------------------------


def code_of(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(RuleError) as error:
        call()
    return error.value.code


def test_update_occasion_checks_its_rules(office):
    seed_calendar(office, actor=SYSTEM)
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    france = "Ngày thiết lập quan hệ ngoại giao Việt Nam - Pháp"
    assert code_of(lambda: update_occasion(laos, title=france, actor=SYSTEM)) == "relations.duplicate"
    assert (
        code_of(lambda: update_occasion(laos, origin_year=None, actor=SYSTEM))
        == "relations.occasion_round_needs_year"
    )
    assert code_of(lambda: update_occasion(laos, origin_year=2027, actor=SYSTEM)) == "relations.year_invalid"
    assert code_of(lambda: update_occasion(laos, day=31, month=4, actor=SYSTEM)) == "relations.occasion_date"
    assert code_of(lambda: update_occasion(laos, country="XX", actor=SYSTEM)) == "relations.country_unknown"
    assert code_of(lambda: update_occasion(laos, duration_days=0, actor=SYSTEM)) == "relations.negative"
    assert (
        code_of(lambda: update_occasion(laos, recurrence="monthly", actor=SYSTEM))
        == "relations.choice_unknown"
    )
    assert (
        code_of(
            lambda: create_occasion(
                office,
                kind="other",
                title=france,
                country="FR",
                recurrence="yearly",
                month=1,
                day=1,
                actor=SYSTEM,
            )
        )
        == "relations.duplicate"
    )
    with pytest.raises(TypeError):
        update_occasion(laos, office=None, actor=SYSTEM)
    laos.refresh_from_db()
    assert (laos.title, laos.day, laos.month, laos.origin_year) == (
        "Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào",
        5,
        9,
        1962,
    )
    update_occasion(
        laos, title=" Quan hệ Việt Nam - Lào ", day=6, origin_year=1962, title_en="Vietnam–Laos", actor=SYSTEM
    )
    laos.refresh_from_db()
    assert (laos.title, laos.title_en, laos.day, laos.month) == (
        "Quan hệ Việt Nam - Lào",
        "Vietnam–Laos",
        6,
        9,
    )
    assert seen(office, D(2027, 9, 1), 10) == [(D(2027, 9, 6), "Quan hệ Việt Nam - Lào", 65, False)]


def test_an_archived_occasion_leaves_the_calendar_until_restored(office):
    seed_calendar(office, actor=SYSTEM)
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    archive_occasion(laos, actor=SYSTEM)
    assert seen(office, D(2027, 8, 1), 60) == []
    assert code_of(lambda: update_occasion(laos, day=6, actor=SYSTEM)) == "relations.archived"
    assert code_of(lambda: archive_occasion(laos, actor=SYSTEM)) == "relations.archived"
    restore_occasion(laos, actor=SYSTEM)
    assert [row[1] for row in seen(office, D(2027, 8, 1), 60)] == [laos.title]


def test_dates_per_year_only_for_lunar_occasions(office):
    seed_calendar(office, actor=SYSTEM)
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    with pytest.raises(RuleError) as error:
        set_occasion_date(laos, 2027, D(2027, 9, 5), actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.occasion_not_per_year", "on")
    china = Occasion.objects.get(office=office, recurrence="per_year_dates")
    assert (
        code_of(lambda: set_occasion_date(china, 1800, D(1800, 1, 25), actor=SYSTEM))
        == "relations.year_invalid"
    )
    row = set_occasion_date(china, 2028, D(2028, 1, 26), actor=SYSTEM)
    assert calendar_gaps(office, D(2027, 12, 1), 90) == []
    pk = row.pk
    remove_occasion_date(row, actor=SYSTEM)
    assert not OccasionDate.objects.filter(pk=pk).exists()
    assert OccasionDate.history.filter(id=pk, history_type="-").count() == 1
    assert calendar_gaps(office, D(2027, 12, 1), 90) == [(china.title, 2028)]


# --- permissions in the service layer -----------------------------------------------------------------------


def calendar_writes(office):  # type: ignore[no-untyped-def]
    laos = Occasion.objects.get(office=office, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    china = Occasion.objects.get(office=office, recurrence="per_year_dates")
    row = china.dates.get(year=2023)
    return [
        (
            "create_occasion",
            lambda actor: create_occasion(
                office,
                kind="national_day",
                title="Quốc khánh Lào",
                country="LA",
                recurrence="yearly",
                month=12,
                day=2,
                origin_year=1975,
                actor=actor,
            ),
        ),
        ("update_occasion", lambda actor: update_occasion(laos, source_note="Đã kiểm tra", actor=actor)),
        ("set_occasion_date", lambda actor: set_occasion_date(china, 2028, D(2028, 1, 26), actor=actor)),
        ("remove_occasion_date", lambda actor: remove_occasion_date(row, actor=actor)),
        ("seed_calendar", lambda actor: seed_calendar(office, actor=actor)),
        ("archive_occasion", lambda actor: archive_occasion(laos, actor=actor)),
    ]


@pytest.mark.parametrize("username", ["xem", "khac", "toanquoc"])
def test_calendar_writes_refuse_a_viewer_and_another_office(yen_bai, django_user_model, stranger, username):
    user = django_user_model.objects.get(username=username)
    before = (Occasion.objects.count(), OccasionDate.objects.count())
    for name, call in calendar_writes(yen_bai):
        with pytest.raises(RuleError) as error:
            call(user)
        assert error.value.code == "permission.denied", name
        assert "yen-bai" in error.value.vi and "yen-bai" in error.value.en
    assert (Occasion.objects.count(), OccasionDate.objects.count()) == before
    laos = Occasion.objects.get(office=yen_bai, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    assert laos.archived_at is None and laos.source_note != "Đã kiểm tra"
    archive_occasion(laos, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        restore_occasion(laos, actor=user)
    assert error.value.code == "permission.denied"


def test_calendar_writes_allow_an_editor_and_restore_needs_the_administrator(yen_bai, django_user_model):
    editor = django_user_model.objects.get(username="bientap")
    for _name, call in calendar_writes(yen_bai):
        call(editor)
    laos = Occasion.objects.get(office=yen_bai, title="Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào")
    assert (laos.source_note, laos.history.first().history_user) == ("Đã kiểm tra", editor)
    assert laos.archived_at is not None
    assert Occasion.objects.filter(office=yen_bai, title="Quốc khánh Lào").count() == 1
    china = Occasion.objects.get(office=yen_bai, recurrence="per_year_dates")
    # 2023 was removed, then seed_calendar (run after it) put the sourced date back; 2028 was added.
    assert sorted(china.dates.values_list("year", flat=True)) == [2023, 2024, 2025, 2026, 2027, 2028]
    assert OccasionDate.history.filter(occasion_id=china.pk, year=2023, history_type="-").count() == 1
    with pytest.raises(RuleError) as error:
        restore_occasion(laos, actor=editor)
    assert error.value.code == "permission.denied"
    restore_occasion(laos, actor=django_user_model.objects.get(username="quantri"))
    laos.refresh_from_db()
    assert laos.archived_at is None
