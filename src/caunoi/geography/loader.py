"""Load Vietnam's administrative units, before and after 1 July 2025, from the `vietnamadminunits` package.

The package (MIT) carries the official tables: `admin_units_legacy` (63 provinces, their districts and
communes as they stood just before the reform), `admin_units` (34 provinces and their communes from
1 July 2025) and `converter_2025.json` (old province → new province, old commune → new commune(s), with
the default new commune of a divided old one). Nothing here is typed by hand.

`load_geography()` synchronises the database with those tables in one transaction: it creates what is
missing, corrects what differs and leaves what already matches, so a second run changes nothing. Units
that the package no longer carries are kept (records may point at them) and only counted as `stale`.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from django.db import transaction
from vietnamadminunits.database import query

from caunoi.core import marks
from caunoi.core.text import fold, nfc
from caunoi.geography.messages import GEO_SOURCE_INCONSISTENT
from caunoi.geography.models import REFORM_2025, AdminUnit, Era, Level, UnitSuccession
from caunoi.geography.successions import store_current_units

BATCH_SIZE = 2000

# Kinds of unit, longest first so that "Thành phố" wins over a shorter prefix.
KINDS = ("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Huyện", "Quận", "Tỉnh", "Xã")
_KIND_PREFIXES = tuple((kind, kind.lower() + " ") for kind in KINDS)
# The package makes duplicate short names unique with a suffix: "Yên Viên (Thị trấn)", "Kỳ Anh (Huyện)".
_DISAMBIGUATION = re.compile(r"\s*\((?:" + "|".join(KINDS) + r")\)$", re.IGNORECASE)

# Identity of a unit: the unique constraint (era, level, code).
Ident = tuple[str, str, str]

_COMPARED = (
    "name",
    "short_name",
    "kind",
    "parent_id",
    "province_id",
    "valid_from",
    "valid_to",
    "latitude",
    "longitude",
    "key",
    "search_text",
)
_UPDATED = [f.removesuffix("_id") for f in _COMPARED]


def _inconsistent(detail: str) -> Exception:
    """The package's tables contradict each other (raised before anything is written)."""
    return GEO_SOURCE_INCONSISTENT(detail=detail)


@dataclass
class LoadSummary:
    """What `load_geography` found and did. Labels are "<era> <level>", e.g. "legacy commune"."""

    totals: dict[str, int] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    stale: int = 0
    successions: int = 0
    successions_created: int = 0
    successions_updated: int = 0
    successions_deleted: int = 0
    seconds: float = 0.0

    @property
    def units_created(self) -> int:
        return sum(self.created.values())

    @property
    def units_updated(self) -> int:
        return sum(self.updated.values())

    @property
    def rows_created(self) -> int:
        return self.units_created + self.successions_created

    @property
    def changed(self) -> bool:
        return bool(
            self.units_created
            or self.units_updated
            or self.successions_created
            or self.successions_updated
            or self.successions_deleted
        )

    def lines(self) -> list[str]:
        out = []
        for label, total in self.totals.items():
            out.append(
                f"{label:<18} {total:>6}  (+{self.created.get(label, 0)} mới/created, "
                f"{self.updated.get(label, 0)} sửa/updated)"
            )
        out.append(
            f"{'succession':<18} {self.successions:>6}  (+{self.successions_created} mới/created, "
            f"{self.successions_updated} sửa/updated, -{self.successions_deleted} xoá/deleted)"
        )
        if self.stale:
            out.append(f"{'stale (kept)':<18} {self.stale:>6}")
        out.append(f"{self.seconds:.2f} s")
        return out


@dataclass
class _Unit:
    era: str
    level: str
    code: str
    name: str
    short_name: str
    kind: str
    key: str
    latitude: float | None
    longitude: float | None
    parent: Ident | None = None
    province: Ident | None = None

    @property
    def ident(self) -> Ident:
        return (self.era, self.level, self.code)

    @property
    def label(self) -> str:
        return f"{self.era} {self.level}"


def split_kind(name: str, fallback: str = "") -> tuple[str, str]:
    """("Thành phố", "Bắc Kạn") from "Thành Phố Bắc Kạn": the kind as written in the name wins over the
    package's type column, which is wrong for a few units (e.g. "Thị trấn Ngọc Lặc" typed "Xã")."""
    lower = name.lower()
    for kind, prefix in _KIND_PREFIXES:
        if lower.startswith(prefix):
            return kind, name[len(prefix) :].strip()
    return nfc(fallback), name


def _naming(name: str | None, short: str | None, typ: str | None) -> tuple[str, str, str]:
    """(name, short_name, kind) with the kind's spelling normalised ("Thị Xã" → "Thị xã")."""
    kind, rest = split_kind(nfc(name), typ or "")
    full = f"{kind} {rest}" if kind else rest
    short_name = _DISAMBIGUATION.sub("", nfc(short)) or rest
    return full, short_name, kind


def _legacy_units(rows: list[dict[str, Any]]) -> Iterator[_Unit]:
    seen: set[str] = set()
    for r in rows:
        p, d = r["provinceKey"], f"{r['provinceKey']}_{r['districtKey']}"
        prov = (Era.LEGACY.value, Level.PROVINCE.value, r["provinceCode"])
        dist = (Era.LEGACY.value, Level.DISTRICT.value, r["districtCode"])
        if p not in seen:
            seen.add(p)
            name, short, kind = _naming(r["province"], r["provinceShort"], None)
            yield _Unit(*prov, name, short, kind, p, r["provinceLat"], r["provinceLon"])
        if d not in seen:
            seen.add(d)
            name, short, kind = _naming(r["district"], r["districtShort"], r["districtType"])
            yield _Unit(*dist, name, short, kind, d, r["districtLat"], r["districtLon"], prov, prov)
        if r["wardCode"]:  # five island districts have no commune
            name, short, kind = _naming(r["ward"], r["wardShort"], r["wardType"])
            w = f"{d}_{r['wardKey']}"
            yield _Unit(
                Era.LEGACY.value,
                Level.COMMUNE.value,
                r["wardCode"],
                name,
                short,
                kind,
                w,
                r["wardLat"],
                r["wardLon"],
                dist,
                prov,
            )


def _new_units(rows: list[dict[str, Any]]) -> Iterator[_Unit]:
    seen: set[str] = set()
    for r in rows:
        p = r["provinceKey"]
        prov = (Era.REFORM_2025.value, Level.PROVINCE.value, r["provinceCode"])
        if p not in seen:
            seen.add(p)
            name, short, kind = _naming(r["province"], r["provinceShort"], None)
            yield _Unit(*prov, name, short, kind, p, r["provinceLat"], r["provinceLon"])
        name, short, kind = _naming(r["ward"], r["wardShort"], r["wardType"])
        yield _Unit(
            Era.REFORM_2025.value,
            Level.COMMUNE.value,
            r["wardCode"],
            name,
            short,
            kind,
            f"{p}_{r['wardKey']}",
            r["wardLat"],
            r["wardLon"],
            prov,
            prov,
        )


def read_source() -> tuple[list[_Unit], dict[tuple[Ident, Ident], bool]]:
    """The package's units (provinces first, then districts, then communes) and successions."""
    legacy = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, provinceLat, provinceLon,"
        " district, districtShort, districtType, districtCode, districtKey, districtLat, districtLon,"
        " ward, wardShort, wardType, wardCode, wardKey, wardLat, wardLon"
        " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
    )
    new = query(
        "SELECT province, provinceShort, provinceCode, provinceKey, provinceLat, provinceLon,"
        " ward, wardShort, wardType, wardCode, wardKey, wardLat, wardLon"
        " FROM admin_units ORDER BY provinceCode, wardCode"
    )
    units = [*_legacy_units(legacy), *_new_units(new)]
    order = {Level.PROVINCE.value: 0, Level.DISTRICT.value: 1, Level.COMMUNE.value: 2}
    units.sort(key=lambda u: order[u.level])

    converter = json.loads(
        resources.files("vietnamadminunits").joinpath("data/converter_2025.json").read_text("utf-8")
    )
    by_key: dict[tuple[str, str], Ident] = {}
    for u in units:
        if (u.era, u.key) in by_key:
            raise _inconsistent(f"duplicate key {u.era} {u.key}")
        by_key[(u.era, u.key)] = u.ident

    def old(key: str) -> Ident:
        # "province_district_" names a district without communes (the islands), mapped as a whole.
        ident = by_key.get((Era.LEGACY.value, key.rstrip("_")))
        if ident is None:
            raise _inconsistent(f"unknown old unit {key}")
        return ident

    def new_unit(key: str) -> Ident:
        ident = by_key.get((Era.REFORM_2025.value, key))
        if ident is None:
            raise _inconsistent(f"unknown new unit {key}")
        return ident

    succ: dict[tuple[Ident, Ident], bool] = {}
    for new_p, old_ps in converter["DICT_PROVINCE"].items():
        for old_p in old_ps:
            succ[(old(old_p), new_unit(new_p))] = True
    for new_p, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_w, olds in wards.items():
            for old_w in olds:
                succ[(old(old_w), new_unit(f"{new_p}_{new_w}"))] = True
    for new_p, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_w, targets in olds.items():
            for t in targets:
                succ[(old(old_w), new_unit(f"{new_p}_{t['newWardKey']}"))] = bool(t["isDefaultNewWard"])
    _check(units, succ)
    return units, succ


def _check(units: list[_Unit], succ: dict[tuple[Ident, Ident], bool]) -> None:
    """Every legacy commune and province has exactly one default successor in the new era."""
    defaults: dict[Ident, int] = {}
    for (o, _n), is_default in succ.items():
        defaults[o] = defaults.get(o, 0) + int(is_default)
    for u in units:
        if u.era == Era.LEGACY and u.level != Level.DISTRICT and defaults.get(u.ident) != 1:
            raise _inconsistent(f"{u.name} ({u.code}) has {defaults.get(u.ident, 0)} default successors")


def _chunks(items: list[Any], size: int = BATCH_SIZE) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _sync_units(units: list[_Unit], summary: LoadSummary) -> dict[Ident, int]:
    ids: dict[Ident, int] = {}
    for level in (Level.PROVINCE.value, Level.DISTRICT.value, Level.COMMUNE.value):
        wanted = [u for u in units if u.level == level]
        existing = {
            (era, lvl, code): (pk, tuple(rest))
            for era, lvl, code, pk, *rest in AdminUnit.objects.filter(level=level)
            .order_by()
            .values_list("era", "level", "code", "id", *_COMPARED)
        }
        to_create: list[AdminUnit] = []
        to_update: list[AdminUnit] = []
        for u in wanted:
            values = (
                u.name,
                u.short_name,
                u.kind,
                ids[u.parent] if u.parent else None,
                ids[u.province] if u.province else None,
                None if u.era == Era.LEGACY else REFORM_2025,
                REFORM_2025 if u.era == Era.LEGACY else None,
                u.latitude,
                u.longitude,
                u.key,
                fold(u.name),
            )
            fields = dict(zip(_COMPARED, values, strict=True))
            found = existing.pop(u.ident, None)
            if found is None:
                to_create.append(AdminUnit(era=u.era, level=u.level, code=u.code, **fields))
                summary.created[u.label] = summary.created.get(u.label, 0) + 1
            elif found[1] != values:
                to_update.append(AdminUnit(id=found[0], era=u.era, level=u.level, code=u.code, **fields))
                summary.updated[u.label] = summary.updated.get(u.label, 0) + 1
        summary.stale += len(existing)
        AdminUnit.objects.bulk_create(to_create, batch_size=BATCH_SIZE)
        for chunk in _chunks(to_update, 500):
            AdminUnit.objects.bulk_update(chunk, _UPDATED)
        for era, lvl, code, pk in AdminUnit.objects.filter(level=level).values_list(
            "era", "level", "code", "id"
        ):
            ids[(era, lvl, code)] = pk
    return ids


def _sync_successions(
    succ: dict[tuple[Ident, Ident], bool], ids: dict[Ident, int], summary: LoadSummary
) -> None:
    wanted = {(ids[o], ids[n]): d for (o, n), d in succ.items()}
    to_delete: list[int] = []
    to_update: list[UnitSuccession] = []
    for pk, old_id, new_id, is_default in UnitSuccession.objects.order_by().values_list(
        "id", "old_id", "new_id", "is_default"
    ):
        want = wanted.pop((old_id, new_id), None)
        if want is None:
            to_delete.append(pk)
        elif want != is_default:
            to_update.append(UnitSuccession(id=pk, old_id=old_id, new_id=new_id, is_default=want))
    for chunk in _chunks(to_delete, 500):
        UnitSuccession.objects.filter(id__in=chunk).delete()
    UnitSuccession.objects.bulk_update(to_update, ["is_default"], batch_size=500)
    UnitSuccession.objects.bulk_create(
        [UnitSuccession(old_id=o, new_id=n, is_default=d) for (o, n), d in wanted.items()],
        batch_size=BATCH_SIZE,
    )
    summary.successions_deleted = len(to_delete)
    summary.successions_updated = len(to_update)
    summary.successions_created = len(wanted)


def load_geography() -> LoadSummary:
    """Bring AdminUnit and UnitSuccession in line with the package's tables; idempotent."""
    started = time.perf_counter()
    summary = LoadSummary()
    units, succ = read_source()
    with transaction.atomic():
        marks.touch_all()  # bulk writes send no signals: every computed report may name these units
        ids = _sync_units(units, summary)
        _sync_successions(succ, ids, summary)
        if summary.changed:  # the stored successors derive from units and rows only: unchanged, still right
            store_current_units()
    for era in (Era.LEGACY.value, Era.REFORM_2025.value):
        for level in (Level.PROVINCE.value, Level.DISTRICT.value, Level.COMMUNE.value):
            count = sum(1 for u in units if u.era == era and u.level == level)
            if count:
                summary.totals[f"{era} {level}"] = count
    summary.successions = len(succ)
    summary.seconds = time.perf_counter() - started
    return summary
