"""Which units were in force when, and where a pre-2025 unit's territory belongs now.

Units of the two eras are linked only through `UnitSuccession` (the official 2025 conversion table),
never by code: the new Lào Cai carries Yên Bái's old code 15. Districts were abolished on 1 July 2025
and have no succession rows of their own (except the five island districts without communes, which the
table maps as a whole to a special zone); a district's successors are those of its communes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from caunoi.core.text import fold, nfc
from caunoi.geography.messages import GEO_BAD_ERA, GEO_BAD_LEVEL, GEO_NO_SUCCESSOR
from caunoi.geography.models import AdminUnit, Era, Level, UnitSuccession

_LEVEL_RANK = Case(
    When(level=Level.PROVINCE, then=Value(0)),
    When(level=Level.DISTRICT, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def _check_level(level: str | None) -> None:
    if level is not None and level not in Level.values:
        raise GEO_BAD_LEVEL(field="level", value=level)


def _check_era(era: str | None) -> None:
    if era is not None and era not in Era.values:
        raise GEO_BAD_ERA(field="era", value=era)


def units_in_force(on: dt.date, level: str, province: AdminUnit | None = None) -> QuerySet[AdminUnit]:
    """Units of `level` in force on `on`; with `province`, only that province (level "province") or its
    units. A province of the other era gives an empty result: translate it first with `current_province`.

    The legacy tables are the state just before 1 July 2025 (after the 2023–2025 commune mergers), so for
    earlier dates they approximate the units of the day.
    """
    _check_level(level)
    qs = AdminUnit.objects.filter(level=level).filter(
        Q(valid_from__isnull=True) | Q(valid_from__lte=on),
        Q(valid_to__isnull=True) | Q(valid_to__gt=on),
    )
    if province is not None:
        if province.level != Level.PROVINCE:
            raise GEO_BAD_LEVEL(field="province", value=province.level)
        qs = qs.filter(pk=province.pk) if level == Level.PROVINCE else qs.filter(province=province)
    return qs.select_related("province").order_by("code")


def _own_province(unit: AdminUnit) -> AdminUnit:
    if unit.level == Level.PROVINCE:
        return unit
    if unit.province is None:  # never for loaded data
        raise GEO_NO_SUCCESSOR(unit=str(unit))
    return unit.province


def current_province(unit: AdminUnit) -> AdminUnit:
    """The 2025 province that `unit` (of either era) belongs to now: Tỉnh Yên Bái → Tỉnh Lào Cai."""
    province = _own_province(unit)
    if province.era == Era.REFORM_2025:
        return province
    succession = (
        UnitSuccession.objects.select_related("new")
        .filter(old=province)
        .order_by("-is_default", "new__code")
        .first()
    )
    if succession is None:
        raise GEO_NO_SUCCESSOR(unit=str(province))
    return succession.new


def _successions(unit: AdminUnit) -> QuerySet[UnitSuccession]:
    """The succession rows behind a legacy unit: its own, and for a district those of its communes."""
    where = Q(old=unit)
    if unit.level == Level.DISTRICT:
        where |= Q(old__parent=unit)
    return UnitSuccession.objects.filter(where).select_related("new__province").order_by("new__code")


def _district_successors(unit: AdminUnit) -> list[tuple[AdminUnit, int]]:
    """A district's successor communes with how many of its communes each received by default, most
    first; on a tie, the one that received a township (thị trấn, usually the district seat), then by code."""
    received: Counter[int] = Counter()
    towns: set[int] = set()
    units: dict[int, AdminUnit] = {}
    for s in _successions(unit).select_related("old"):
        units[s.new_id] = s.new
        received[s.new_id] += int(s.is_default)
        if s.is_default and s.old.kind == "Thị trấn":
            towns.add(s.new_id)
    return sorted(
        ((u, received[pk]) for pk, u in units.items()),
        key=lambda item: (-item[1], item[0].pk not in towns, item[0].code),
    )


def named_like(unit: AdminUnit, candidates: list[AdminUnit]) -> AdminUnit | None:
    """The candidate whose short name is the unit's: exactly, else ignoring diacritics
    (the legacy table spells the district "Mù Căng Chải", the new commune is "Mù Cang Chải")."""
    exact = [c for c in candidates if nfc(c.short_name).lower() == nfc(unit.short_name).lower()]
    if exact:
        return exact[0]
    folded = [c for c in candidates if fold(c.short_name) == fold(unit.short_name)]
    return folded[0] if folded else None


def current_units(unit: AdminUnit) -> list[AdminUnit]:
    """The 2025 units that `unit`'s territory went to.

    A commune → its successors, default first; a district → the distinct successors of its communes,
    the principal one first, then by how many communes each received; a province → the new province;
    a 2025 unit → itself.
    """
    if unit.era == Era.REFORM_2025:
        return [unit]
    if unit.level == Level.DISTRICT:
        ranked = [u for u, _ in _district_successors(unit)]
        principal = _principal_of_district(unit, ranked)
        return [principal, *(u for u in ranked if u.pk != principal.pk)] if principal else ranked
    return [s.new for s in _successions(unit).order_by("-is_default", "new__code")]


def _principal_of_district(unit: AdminUnit, ranked: list[AdminUnit]) -> AdminUnit | None:
    if not ranked:
        return None
    return named_like(unit, ranked) or ranked[0]


def principal_current_unit(unit: AdminUnit) -> AdminUnit:
    """One 2025 unit to report `unit` under.

    A commune → its default successor; a district → the successor commune bearing the district's name if
    there is one (huyện Mù Cang Chải → xã Mù Cang Chải, tỉnh Lào Cai), else the one that received most of
    its communes; a province → the new province; a 2025 unit → itself.
    """
    if unit.era == Era.REFORM_2025:
        return unit
    if unit.level == Level.DISTRICT:
        principal = _principal_of_district(unit, [u for u, _ in _district_successors(unit)])
    else:
        first = _successions(unit).order_by("-is_default", "new__code").first()
        principal = first.new if first else None
    if principal is None:
        raise GEO_NO_SUCCESSOR(unit=str(unit))
    return principal


def find_units(text: str, era: str | None = None, level: str | None = None) -> QuerySet[AdminUnit]:
    """Units whose name contains `text`, with or without diacritics ("mu cang chai" finds huyện Mù Căng
    Chải and xã Mù Cang Chải); a code ("04456") finds units with that code in either era. Current units
    first, then provinces before districts before communes."""
    _check_era(era)
    _check_level(level)
    folded = fold(text)
    if not folded:
        return AdminUnit.objects.none()
    where = Q(search_text__contains=folded)
    if folded.isdigit():
        where |= Q(code=folded)
    qs = AdminUnit.objects.filter(where)
    if era:
        qs = qs.filter(era=era)
    if level:
        qs = qs.filter(level=level)
    return (
        qs.select_related("province")
        .annotate(level_rank=_LEVEL_RANK)
        .order_by("era", "level_rank", "name", "code")
    )
