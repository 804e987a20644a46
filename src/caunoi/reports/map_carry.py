"""Where amounts recorded for places land on a map of the units of one era and level (`reports.dashboard`).

An item's commitment is split by its place shares onto the units as recorded. A recorded unit of the map's
era is drawn as itself (a legacy commune: its district); one of the other era is carried through the
official conversion table (`UnitSuccession`) as `geography.mapping` reads it — a legacy district to the 2025
communes that received its communes, a 2025 commune back to the legacy districts its communes came from —
equally or wholly to the principal unit (`Split`). On a map of provinces each amount is carried the same way,
then added to the province of the unit it reached; an amount for a whole province goes to that province
(across the reform: to the new province, or back to the legacy provinces it was made of). Amounts for a whole
province on a map of districts or communes, or for items without a place, cannot be drawn and stay apart.

What lands is additive (`Carried.add`): each office-year's landings (`landings`: on the provinces and on one
office's districts or communes, of each era, carried each way) are kept with its figures (`reports.kept`), so
a map adds a few units per office-year instead of carrying the recorded places again (thousands of communes
for a national map). Item counts add up because an office-year's items are its own (an item counts in its
office and approval year only).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from caunoi.geography.mapping import named_like
from caunoi.geography.models import REFORM_2025, AdminUnit, Era, Level
from caunoi.geography.successions import Successions, load_successions, predecessors, successors, units_by_pk

ZERO = Decimal(0)


class Split(StrEnum):
    """How an amount recorded for a unit of the other era is carried to the units in force.

    EQUAL: in equal parts to every unit its territory went to (a legacy district → all the 2025 communes
    that received any of its communes; a 2025 commune → every legacy district it took communes from).
    PRINCIPAL: wholly to the one unit `geography.mapping.principal_current_unit` names (the commune bearing
    the district's name, else the one that received most of its communes).
    """

    EQUAL = "equal"
    PRINCIPAL = "principal"


@dataclass
class Landing:
    """What lands on one unit of the map (or, unplaced, what stays apart of one recorded unit), unrounded."""

    amount: Decimal = ZERO
    items: int = 0
    sources: list[str] = field(default_factory=list)  # the recorded units named, with their part
    name: str = ""  # unplaced only: the recorded unit, in Vietnamese and English
    name_en: str = ""

    def add(self, other: Landing) -> None:
        self.amount += other.amount
        self.items += other.items
        self.sources += [s for s in other.sources if s not in self.sources]
        self.name, self.name_en = self.name or other.name, self.name_en or other.name_en


@dataclass
class Carried:
    """What recorded amounts bring to the units of a map: by target unit, the amounts no unit can show by
    recorded unit (None: no place), the placed total (each recorded amount whole) and whether any amount
    was recorded with units of the other era."""

    targets: dict[int, Landing] = field(default_factory=dict)
    unplaced: dict[Any, Landing] = field(default_factory=dict)
    placed: Decimal = ZERO
    carried: bool = False

    def add(self, other: Carried) -> None:
        for mine, theirs in ((self.targets, other.targets), (self.unplaced, other.unplaced)):
            for key, landing in theirs.items():
                mine.setdefault(key, Landing()).add(landing)
        self.placed += other.placed
        self.carried = self.carried or other.carried


def carry(
    recorded: dict[Any, Decimal],
    recorded_items: dict[Any, set[int]],
    era: str,
    level: str,
    split: Split,
    units: dict[int, AdminUnit],
    found: Successions,
) -> tuple[Carried, dict[int, AdminUnit]]:
    """Where the `recorded` amounts (by unit as recorded; `units` holds them with their parents and
    provinces, `found` their conversion rows) land on a map of `era` and `level`, and the target units."""
    got = Carried()
    targets: dict[int, AdminUnit] = {}
    items: dict[int, set[int]] = {}
    for unit_id, amount in recorded.items():
        unit = units.get(unit_id) if unit_id is not None else None
        if unit is None:
            destinations = []
        elif level == Level.PROVINCE:
            destinations = _carry_to_province(unit, era, split, found)
        else:
            destinations = _carry(unit, era, split, found)
        if not destinations:
            got.unplaced[unit_id] = Landing(
                amount,
                len(recorded_items[unit_id]),
                name=str(unit) if unit is not None else "Chưa ghi địa bàn",
                name_en=str(unit) if unit is not None else "No place recorded",
            )
            continue
        assert unit is not None
        got.carried = got.carried or unit.era != era
        got.placed += amount
        named = level != Level.PROVINCE or unit.level == Level.PROVINCE
        for target, weight in destinations:
            targets[target.pk] = target
            landing = got.targets.setdefault(target.pk, Landing())
            landing.amount += amount * weight
            items.setdefault(target.pk, set()).update(recorded_items[unit_id])
            if named:
                landing.sources.append(f"{unit}" + ("" if weight == 1 else f" ({_fraction(weight)})"))
    for pk, landing in got.targets.items():
        landing.items = len(items[pk])
    return got, targets


def map_era(on: dt.date, by_province: bool = False) -> tuple[str, str]:
    """The era and the level the map draws on `on`: the legacy districts before 1 July 2025 (the legacy
    communes are too many to read), the 2025 communes from then (there are no districts any more); with
    `by_province`, the provinces of that era (63 before, 34 from then)."""
    era = Era.LEGACY if on < REFORM_2025 else Era.REFORM_2025
    return era, Level.PROVINCE if by_province else units_level(era)


def units_level(era: str) -> str:
    """The level of one office's map in `era`."""
    return Level.DISTRICT if era == Era.LEGACY else Level.COMMUNE


@dataclass
class Landings:
    """What recorded amounts bring to each map they can be drawn on, by `key`: the provinces (a map of
    several offices) and the districts or communes (one office's map), of each era, carried each way."""

    provinces: dict[str, Carried] = field(default_factory=dict)
    units: dict[str, Carried] = field(default_factory=dict)

    @staticmethod
    def key(era: str, split: Split) -> str:
        return f"{era} {split.value}"

    def on(self, era: str, split: Split, by_province: bool) -> Carried:
        return (self.provinces if by_province else self.units).get(self.key(era, split)) or Carried()


def added(mine: dict[str, Carried], theirs: dict[str, Carried]) -> None:
    """Add `theirs` into `mine`, key by key (`mine`'s own Carried only are changed)."""
    for key, carried in theirs.items():
        mine.setdefault(key, Carried()).add(carried)


def landings(recorded: dict[Any, Decimal], recorded_items: dict[Any, set[int]]) -> Landings:
    """What the `recorded` amounts (by unit as recorded, with their items) bring to every map. Three to five
    queries: the units with their districts and provinces, the conversion rows of each era."""
    units = units_by_pk(recorded)
    shown = [units[pk] for pk in recorded if pk is not None]
    out = Landings()
    for era in (Era.LEGACY, Era.REFORM_2025):
        found = load_successions(shown, era, known=units)
        level = units_level(era)
        for split in Split:
            key = Landings.key(era, split)
            out.provinces[key] = carry(recorded, recorded_items, era, Level.PROVINCE, split, units, found)[0]
            out.units[key] = carry(recorded, recorded_items, era, level, split, units, found)[0]
    return out


def provinces_of_era(province: AdminUnit, era: str, found: Successions) -> list[AdminUnit]:
    """The provinces of `era` that cover `province`, the principal first: itself; after the reform the new
    provinces its territory went to (the default one first: Tỉnh Yên Bái → Tỉnh Lào Cai); before it the
    legacy provinces the new one was made of (the one bearing its name first: the new Lào Cai → the legacy
    Lào Cai, Yên Bái)."""
    if province.era == era:
        return [province]
    if era == Era.REFORM_2025:
        rows = sorted(found.by_old[province.pk], key=lambda s: (not s.is_default, s.new.code))
        return [s.new for s in rows]
    olds = sorted(
        (s.old for s in found.by_new[province.pk] if s.old.level == Level.PROVINCE), key=lambda p: p.code
    )
    principal = named_like(province, olds)
    if principal is not None:
        olds = [principal, *(p for p in olds if p.pk != principal.pk)]
    return olds


def in_era(provinces: Iterable[AdminUnit], era: str, found: Successions) -> list[AdminUnit]:
    """The provinces of `era` that cover `provinces`: after the reform the principal new province of each,
    before it every legacy province a new one was made of."""
    out: list[AdminUnit] = []
    for p in provinces:
        covering = provinces_of_era(p, era, found)
        out += covering[:1] if era == Era.REFORM_2025 else covering
    return out


def _fraction(weight: Decimal) -> str:
    n = round(1 / weight)
    return f"1/{n}"


def _weighted(ranked: list[AdminUnit], split: Split) -> list[tuple[AdminUnit, Decimal]]:
    """`ranked` (the principal unit first) with the part of an amount each gets."""
    if not ranked:
        return []
    if split == Split.PRINCIPAL:
        return [(ranked[0], Decimal(1))]
    weight = Decimal(1) / len(ranked)
    return [(u, weight) for u in ranked]


def _carry(unit: AdminUnit, era: str, split: Split, found: Successions) -> list[tuple[AdminUnit, Decimal]]:
    if unit.level == Level.PROVINCE:
        return []
    if unit.era == era:
        if unit.level == Level.COMMUNE and era == Era.LEGACY:
            return [(unit.parent, Decimal(1))] if unit.parent is not None else []
        return [(unit, Decimal(1))]
    ranked = successors(unit, found) if era == Era.REFORM_2025 else predecessors(unit, found)
    return _weighted(ranked, split)


def _carry_to_province(
    unit: AdminUnit, era: str, split: Split, found: Successions
) -> list[tuple[AdminUnit, Decimal]]:
    """The provinces of `era` an amount recorded for `unit` goes to, with the part each gets: the provinces
    of the units `_carry` names, their parts added up; a whole province as itself, or across the reform
    to the new province it went into, or back to the legacy provinces the new one was made of."""
    if unit.level == Level.PROVINCE:
        return _weighted(provinces_of_era(unit, era, found), split)
    if unit.era == era:  # the unit itself or its district, in the unit's own province
        return [(unit.province, Decimal(1))] if unit.province is not None else []
    by_province: dict[int, tuple[AdminUnit, Decimal]] = {}
    for target, weight in _carry(unit, era, split, found):
        if target.province is None:
            continue
        _, got = by_province.get(target.province.pk, (target.province, ZERO))
        by_province[target.province.pk] = (target.province, got + weight)
    return list(by_province.values())
