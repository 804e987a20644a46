"""A map drawn from the office-years' landings as kept (`reports.dashboard.kept_map`) equals the same map
carried from the recorded places (`dashboard_map`): every unit's amount, items and sources, the unplaced
lines, the total — for one office (districts, communes) and for several (provinces), in both eras and both
ways of carrying."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import Transaction, TransactionKind
from caunoi.aid.years import items_of_years
from caunoi.core.permissions import SYSTEM
from caunoi.geography.models import AdminUnit, Era, Level
from caunoi.reports import figures, kept
from caunoi.reports.dashboard import Split, dashboard, dashboard_map, kept_map
from caunoi.reports.map_carry import Carried, Landing

pytestmark = pytest.mark.django_db
DAYS = (dt.date(2024, 1, 1), dt.date(2026, 11, 27))  # a map of legacy provinces, one of 2025 provinces


def test_kept_landings_draw_the_map_the_recorded_places_draw(make_item, office, yen_bai):
    commune = AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.COMMUNE, name="Xã Mù Cang Chải")
    district = AdminUnit.objects.get(era=Era.LEGACY, level=Level.DISTRICT, name="Huyện Trạm Tấu")
    new_province = AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.PROVINCE, short_name="Lào Cai")
    old_province = AdminUnit.objects.get(era=Era.LEGACY, level=Level.PROVINCE, short_name="Yên Bái")
    # Two years of the fresh office beside the seed's Yên Bái; the same places recorded in both years.
    for year, amount, places in (
        (2022, "300", [(commune, 100)]),
        (2022, "100", [(district, 50), (new_province, 50)]),
        (2022, "0.01", [(new_province, 100)]),
        (2022, "40", []),
        (2023, "70", [(new_province, 60), (old_province, 40)]),
        (2023, "9", []),
        (2023, "33.33", [(district, 100)]),
    ):
        decision = services.Decision(f"{year}/QĐ", dt.date(year, 3, 1), "Chủ tịch UBND tỉnh")
        item = make_item(status=Status.APPROVED, decision=decision)
        services.record_transaction(item, "2", amount, "USD", dt.date(year, 3, 1), actor=SYSTEM)
        if places:
            services.set_places(item, places, actor=SYSTEM)
    drawn = 0
    for offices in ([office, yen_bai], [office], [yen_bai]):
        commitments = Transaction.objects.counted().filter(
            item__in=items_of_years(offices, 2022, 2023).values("pk"), kind=TransactionKind.COMMITMENT
        )
        recorded_places = figures.recorded_places(commitments)
        found = kept.summed([o.pk for o in offices], [2022, 2023])
        for on in DAYS:
            for split in Split:
                recorded = dashboard_map(offices, *recorded_places, on, split)
                assert kept_map(offices, found.landed, on, split) == recorded
                assert dashboard(offices, 2022, 2023, on, split).map == recorded
                drawn += sum(u.committed for u in recorded.units)
                if office in offices:
                    assert any(u.sources for u in recorded.units)
                    no_place = {line.key: line.count for line in recorded.unplaced}[""]
                    assert no_place == 2  # items without a place, one of each year
    assert drawn > 0


def test_landings_add_up_without_naming_a_source_twice() -> None:
    one = Carried(
        {7: Landing(Decimal("1.5"), 2, ["Tỉnh A (1/2)"])}, {None: Landing(Decimal(3), 1, [], "x", "y")}
    )
    other = Carried(
        {7: Landing(Decimal("2"), 1, ["Tỉnh A (1/2)", "Tỉnh B"]), 8: Landing(Decimal(1), 1)},
        {None: Landing(Decimal(4), 2)},
        Decimal(9),
        True,
    )
    total = Carried()
    total.add(one)
    total.add(other)
    assert total == Carried(
        {7: Landing(Decimal("3.5"), 3, ["Tỉnh A (1/2)", "Tỉnh B"]), 8: Landing(Decimal(1), 1)},
        {None: Landing(Decimal(7), 3, [], "x", "y")},
        Decimal(9),
        True,
    )
    assert one.targets[7] == Landing(Decimal("1.5"), 2, ["Tỉnh A (1/2)"])  # what was added is unchanged
