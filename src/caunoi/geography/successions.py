"""Many units carried across the 2025 reform at once: the official conversion rows (`UnitSuccession`) loaded
in one query, then read the way `geography.mapping` reads them one unit at a time (a report or a map places
thousands of units; one lookup per unit took minutes nationally)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db.models import Q, QuerySet

from caunoi.core.bulk import rows_by_pk
from caunoi.geography.mapping import named_like
from caunoi.geography.models import AdminUnit, Era, Level, UnitSuccession


class Conversion(NamedTuple):
    """One conversion row (`UnitSuccession`) with its two units as loaded once (`units_by_pk`)."""

    old: AdminUnit
    new: AdminUnit
    is_default: bool

    @property
    def old_id(self) -> int:
        return int(self.old.pk)

    @property
    def new_id(self) -> int:
        return int(self.new.pk)


@dataclass
class Successions:
    """The conversion rows the map needs, loaded in one query, indexed like `geography.mapping` reads them."""

    by_old: dict[int, list[Conversion]] = field(default_factory=lambda: defaultdict(list))
    by_old_parent: dict[int, list[Conversion]] = field(default_factory=lambda: defaultdict(list))
    by_new: dict[int, list[Conversion]] = field(default_factory=lambda: defaultdict(list))


def units_by_pk(ids: Iterable[int | None], known: dict[int, AdminUnit] | None = None) -> dict[int, AdminUnit]:
    """The units `ids` (and those already `known`) with their parents and provinces attached, each unit one
    instance however many rows name it: a national map names thousands of units, and select_related built a
    district and a province for every commune (three fat instances per unit, most of the map's time)."""
    found = dict(known or {})
    wanted = {i for i in ids if i is not None} - found.keys()
    while wanted:  # the units, then their districts and provinces not loaded yet
        added = rows_by_pk(AdminUnit.objects.all(), wanted)
        found.update(added)
        wanted = {i for u in added.values() for i in (u.parent_id, u.province_id) if i is not None}
        wanted -= found.keys()
    parent, province = AdminUnit._meta.get_field("parent"), AdminUnit._meta.get_field("province")
    for unit in found.values():
        # As select_related would attach them (the fields' own cache), but shared.
        if unit.parent_id is not None:
            parent.set_cached_value(unit, found.get(unit.parent_id))
        if unit.province_id is not None:
            province.set_cached_value(unit, found.get(unit.province_id))
    return found


def load_successions(
    units: list[AdminUnit],
    era: str,
    homes: list[AdminUnit] | None = None,
    known: dict[int, AdminUnit] | None = None,
) -> Successions:
    """The rows that carry `units` of the other era into `era`, and those of the home provinces (both ways,
    so that the query is the same whatever the offices chosen); the units already `known` (by pk, with their
    parents and provinces) are not read again."""
    found = Successions()
    other = [u for u in units if u.era != era]
    where = Q(old__in=homes) | Q(new__in=homes) if homes else Q()
    if era == Era.REFORM_2025:  # legacy units forward: their own rows, and a district's communes' rows
        districts = [u.pk for u in other if u.level == Level.DISTRICT]
        if other:
            where |= Q(old__in=other) | Q(old__parent__in=districts)
    elif other:  # 2025 units back to the legacy ones they came from
        where |= Q(new__in=other)
    if not where:
        return found
    return _indexed(UnitSuccession.objects.filter(where), found, known)


def _indexed(
    rows: QuerySet[UnitSuccession], found: Successions, known: dict[int, AdminUnit] | None = None
) -> Successions:
    # The rows name the units' districts and provinces too, so that all are read in one query.
    read = list(
        rows.order_by("new__code", "old__code").values_list(
            "old_id", "new_id", "is_default", "old__parent_id", "old__province_id", "new__parent_id"
        )
    )
    units = units_by_pk((pk for row in read for pk in (*row[:2], *row[3:])), known)
    for old_id, new_id, is_default, *_ in read:
        s = Conversion(units[old_id], units[new_id], is_default)
        found.by_old[old_id].append(s)
        if s.old.parent_id is not None:
            found.by_old_parent[s.old.parent_id].append(s)
        found.by_new[new_id].append(s)
    return found


def store_current_units() -> int:
    """Store each legacy unit's principal 2025 successor (`AdminUnit.current`) from every succession row;
    the loader calls it whenever it has written them. Returns how many units changed."""
    found = _indexed(UnitSuccession.objects.all(), Successions())
    changed = []
    for unit in AdminUnit.objects.filter(era=Era.LEGACY).order_by():
        principal = next(iter(successors(unit, found)), None)
        current_id = principal.pk if principal is not None else None
        if unit.current_id != current_id:
            unit.current_id = current_id
            changed.append(unit)
    AdminUnit.objects.bulk_update(changed, ["current"], batch_size=500)
    return len(changed)


def successors(unit: AdminUnit, found: Successions) -> list[AdminUnit]:
    """`geography.mapping.current_units` of a legacy district or commune, from preloaded rows: the principal
    successor first."""
    if unit.level == Level.DISTRICT:
        received: Counter[int] = Counter()
        towns: set[int] = set()
        new_units: dict[int, AdminUnit] = {}
        for s in sorted(found.by_old[unit.pk] + found.by_old_parent[unit.pk], key=lambda s: s.new.code):
            new_units[s.new_id] = s.new
            received[s.new_id] += int(s.is_default)
            if s.is_default and s.old.kind == "Thị trấn":
                towns.add(s.new_id)
        ranked = sorted(new_units.values(), key=lambda u: (-received[u.pk], u.pk not in towns, u.code))
        if not ranked:
            return []
        principal = named_like(unit, ranked) or ranked[0]
        return [principal, *(u for u in ranked if u.pk != principal.pk)]
    rows = sorted(found.by_old[unit.pk], key=lambda s: (not s.is_default, s.new.code))
    return [s.new for s in rows]


def predecessors(unit: AdminUnit, found: Successions) -> list[AdminUnit]:
    """The legacy districts a 2025 commune's territory came from, the one that gave most communes first."""
    gave: Counter[int] = Counter()
    districts: dict[int, AdminUnit] = {}
    for s in found.by_new[unit.pk]:
        old = s.old
        district = old if old.level == Level.DISTRICT else old.parent
        if district is None or district.level != Level.DISTRICT:
            continue
        districts[district.pk] = district
        gave[district.pk] += 1
    return sorted(districts.values(), key=lambda d: (-gave[d.pk], d.code))
