"""A synthetic national aid ledger for the benchmarks, written fast with bulk inserts.

Scale 1× is the issue's national dataset: 200.000 aid items over 2015–2026 and 1.000.000 transactions,
kept by 34 offices (one union per 2025 province) with 400 donor organisations each. The data is added in
batches of a quarter of that (50.000 items, 250.000 transactions), each from its own seeded random
generator, so scale s is exactly batches 0 … 4s-1: growing a database from 1× to 2× adds batches 4–7 and gives
the same rows as generating 2× at once. Everything is deterministic for a given seed.

The rows obey the ledger's rules, though they bypass the services for speed:
- every item approved (about 94 %) entered the ledger as approved (the `create_item(status=APPROVED)` path):
  a StatusChange "" → approved carrying decision number, date and authority, `approved_on` = decision date;
  later steps each have their dated StatusChange (implementing at the actual start, then suspended,
  completed, closed; 2 % have their approval revoked and 1 % are cancelled before starting). The others
  stay in the pipeline or were declined or cancelled, with no approval and no money;
- sectors: one ItemSector row with share 100, or two rows 60/40 (30 %), `primary_sector` the larger;
- places: one to three communes (shares 100, 50/50, 40/30/30) of the office's province as recorded at the
  time: before 1 July 2025 communes of the 63-province era whose default successor lies in the office's
  2025 province, from then on 2025 communes (set BENCH_PLACES=current for 2025 communes throughout);
- a funding Participation to one of the office's donors, who is also the provider of every transaction;
- one commitment dated at the approval, disbursements between the actual start and the end (or the
  revocation), never after DATA_END; ~90 % in USD, the rest in EUR, VND or JPY (per item). Monthly
  exchange rates USD/EUR/JPY → VND cover every month of 2015–2026 so that no conversion can fail.

The history tables of django-simple-history stay empty for synthetic rows: bulk inserts send no signals, and
the reports never read history. Run as a script in a process whose DATABASE_URL is the scratch database:

    python bench/synthetic.py --scale 1      # migrate first; adds what is missing up to 1×, prints JSON
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import setup_django

ITEMS_1X = 200_000
TRANSACTIONS_1X = 1_000_000
BATCHES_PER_1X = 4
BATCH_ITEMS = ITEMS_1X // BATCHES_PER_1X
BATCH_TRANSACTIONS = TRANSACTIONS_1X // BATCHES_PER_1X
DONORS_PER_OFFICE = 400
DATA_START = dt.date(2015, 1, 1)
DATA_END = dt.date(2026, 10, 31)  # fixed, so the data does not depend on the day it is generated
REFORM = dt.date(2025, 7, 1)
SEED = 20_260_101
NATIONAL_CODE = "toan-quoc"
CODE_PREFIX = "SYN"
RATE_REFERENCE = "Tỷ giá tổng hợp cho benchmark — không phải tỷ giá chính thức"
STAMP = dt.datetime(2026, 11, 1, 2, 0, tzinfo=dt.UTC)  # created_at/updated_at/recorded_at of synthetic rows

CURRENCIES = [("USD", 90), ("EUR", 4), ("VND", 4), ("JPY", 2)]
# Roughly a currency unit's worth in USD at the start of 2015 and the yearly drift of its VND rate.
VND_PER = {"USD": (21_400, 420), "EUR": (25_900, 150), "JPY": (178.0, -3.5)}
AMOUNT_PER_USD = {"USD": 1, "EUR": 0.92, "VND": 24_000, "JPY": 140}
DONOR_COUNTRIES = ["US", "JP", "KR", "DE", "FR", "GB", "AU", "NL", "CH", "SE", "NO", "BE", "CA", "IE", "DK"]
MODALITIES = [("project", 55), ("non_project", 35), ("programme", 10)]
PIPELINE_CHAIN = ["proposal", "mobilising", "dossier_submitted", "in_appraisal"]


def scale_batches(scale: float) -> int:
    batches = scale * BATCHES_PER_1X
    if batches < 1 or abs(batches - round(batches)) > 1e-9:
        raise ValueError(f"scale must be a multiple of 1/{BATCHES_PER_1X}, not {scale}")
    return round(batches)


@dataclass
class OfficeData:
    pk: int
    code: str
    province_name: str
    donors: list[tuple[int, str]]
    donor_weights: list[float]
    communes_before: list[int]
    communes_after: list[int]


@dataclass
class Base:
    offices: list[OfficeData]
    office_weights: list[float]
    sectors: list[int]
    # commune id → its folded "name, province" (what an item's search text holds for each of its places)
    place_names: dict[int, str]


# --- Writing rows -----------------------------------------------------------------------------------------


class Writer:
    """Bulk insert: COPY on PostgreSQL, executemany on SQLite, on Django's own connection."""

    def __init__(self) -> None:
        from django.db import connection

        self.connection = connection
        self.vendor = connection.vendor
        self.rows = 0

    def stamp(self) -> dt.datetime:
        # Django keeps naive UTC datetimes in SQLite.
        return STAMP if self.vendor == "postgresql" else STAMP.replace(tzinfo=None)

    def write(self, model: Any, fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        table = model._meta.db_table
        columns = [model._meta.get_field(f).column for f in fields]
        quoted = ", ".join(f'"{c}"' for c in columns)
        self.connection.ensure_connection()
        if self.vendor == "postgresql":
            with (
                self.connection.cursor() as cursor,
                cursor.cursor.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy,
            ):
                for row in rows:
                    copy.write_row(row)
                    self.rows += 1
        elif self.vendor == "sqlite":
            raw = self.connection.connection
            batch = list(rows)
            raw.executemany(
                f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(columns))})', batch
            )
            self.rows += len(batch)
        else:  # pragma: no cover
            raise RuntimeError(f"unsupported database {self.vendor}")

    def next_id(self, model: Any) -> int:
        from django.db.models import Max

        return int(model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1

    def sync_sequence(self, model: Any) -> None:
        if self.vendor != "postgresql":
            return
        table = model._meta.db_table
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                f'(SELECT COALESCE(MAX(id), 1) FROM "{table}"))'
            )

    def tune_for_load(self) -> None:
        from django.db import DatabaseError, transaction

        with self.connection.cursor() as cursor:
            if self.vendor == "sqlite":
                # A scratch database: durability does not matter while loading.
                cursor.execute("PRAGMA synchronous = OFF")
                cursor.execute("PRAGMA cache_size = -262144")
            elif self.vendor == "postgresql":
                cursor.execute("SET synchronous_commit = off")
                # The rows are consistent by construction: skip the per-row foreign-key triggers (Django's
                # deferred FKs would otherwise check 5 references per transaction at commit). Needs a
                # superuser, as the bench server's postgres is; without it the load is only slower.
                try:
                    with transaction.atomic():
                        cursor.execute("SET session_replication_role = replica")
                except DatabaseError:
                    pass

    def analyze(self) -> None:
        """The statistics a server has soon after such a load: PostgreSQL's autovacuum (VACUUM ANALYZE: fresh
        statistics and a visibility map); on SQLite, what caunoi's connections leave behind when they close
        (`caunoi.core.sqlite`: PRAGMA optimize, the tables they queried on a sample of 1.000 rows), here for
        every table at once, since a server's first minute is shorter than a bench's."""
        with self.connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE")
            elif self.vendor == "sqlite":
                cursor.execute("PRAGMA analysis_limit = 1000")
                cursor.execute("ANALYZE")


# --- The base: geography, offices, donors, rates ----------------------------------------------------------


def _slug(text: str) -> str:
    from django.utils.text import slugify

    from caunoi.core.text import fold

    return slugify(fold(text))


def ensure_base(seed: int = SEED) -> dict[str, Any]:
    """Geography, 34 offices and their national successor, donors, exchange rates; once per database."""
    from django.db import transaction

    from caunoi.core.models import Office
    from caunoi.directory.models import Organisation, OrgKind
    from caunoi.geography.loader import load_geography
    from caunoi.geography.models import AdminUnit as Unit
    from caunoi.geography.models import Era, Level
    from caunoi.money.models import ExchangeRate, RateSource

    if Office.objects.filter(code=NATIONAL_CODE).exists():
        return {"created": False}
    started = time.perf_counter()
    load_geography()
    geography_seconds = time.perf_counter() - started
    rng = random.Random(f"{seed}:base")
    writer = Writer()
    with transaction.atomic():
        national = Office.objects.create(
            code=NATIONAL_CODE,
            name="Liên hiệp các tổ chức hữu nghị — toàn quốc (tổng hợp cho benchmark)",
            name_en="All unions (benchmark lineage)",
            abbreviation="LHHN",
        )
        provinces = list(Unit.objects.filter(era=Era.REFORM_2025, level=Level.PROVINCE).order_by("code"))
        offices = Office.objects.bulk_create(
            [
                Office(
                    code=f"lhhn-{_slug(p.short_name)}",
                    name=f"Liên hiệp các tổ chức hữu nghị {p.name[:1].lower()}{p.name[1:]}",
                    name_en=f"{p.short_name} Union of Friendship Organizations (synthetic)",
                    abbreviation="LHHN",
                    home_province=p,
                    home_province_as_of=REFORM,
                    # A synthetic lineage so that one report covers the country; not a real succession.
                    successor=national,
                )
                for p in provinces
            ]
        )
        offices = list(
            Office.objects.filter(successor=national).select_related("home_province").order_by("code")
        )
        stamp = writer.stamp()
        orgs = [
            Organisation(
                office=office,
                kind=OrgKind.FOREIGN_NGO,
                name=f"Tổ chức minh họa {n:03d} ({office.home_province.short_name})",  # type: ignore[union-attr]
                name_original=f"Illustrative Foundation {n:03d}",
                country=rng.choice(DONOR_COUNTRIES),
                iati_type="21",
                is_illustrative=True,
                search_text=f"to chuc minh hoa {n:03d}",
                name_key=f"to chuc minh hoa {n:03d}",
                created_at=stamp,
                updated_at=stamp,
            )
            for office in offices
            for n in range(1, DONORS_PER_OFFICE + 1)
        ]
        Organisation.objects.bulk_create(orgs, batch_size=2000)
        rates = []
        for base, (start, drift) in VND_PER.items():
            month = DATA_START.replace(day=1)
            while month.year <= 2026:
                following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
                years = (month - DATA_START).days / 365.25
                rate = Decimal(str(round((start + drift * years) * (1 + rng.uniform(-0.01, 0.01)), 4)))
                rates.append(
                    (
                        base,
                        "VND",
                        rate,
                        month,
                        following - dt.timedelta(days=1),
                        RateSource.MOF_ACCOUNTING,
                        RATE_REFERENCE,
                    )
                )
                month = following
        writer.write(
            ExchangeRate, ["base", "quote", "rate", "valid_from", "valid_to", "source", "reference"], rates
        )
    return {
        "created": True,
        "offices": len(offices) + 1,
        "organisations": len(orgs),
        "rates": len(rates),
        "geography_seconds": round(geography_seconds, 2),
        "seconds": round(time.perf_counter() - started, 2),
    }


def load_base(seed: int = SEED) -> Base:
    from caunoi.aid.models import Sector
    from caunoi.core.models import Office
    from caunoi.directory.models import Organisation
    from caunoi.geography.models import AdminUnit as Unit
    from caunoi.geography.models import Era, Level, UnitSuccession

    rng = random.Random(f"{seed}:weights")
    places_mode = os.environ.get("BENCH_PLACES", "as-recorded")
    # A few queries for all offices (a query per office hits freshly loaded, not yet analysed tables).
    donors: defaultdict[int, list[tuple[int, str]]] = defaultdict(list)
    for pk, office_id, name in Organisation.objects.order_by("pk").values_list("pk", "office_id", "name"):
        donors[office_id].append((pk, name))
    after: defaultdict[int, list[int]] = defaultdict(list)
    communes = Unit.objects.filter(era=Era.REFORM_2025, level=Level.COMMUNE).order_by("pk")
    for pk, province_id in communes.values_list("pk", "province_id"):
        after[province_id].append(pk)
    before: defaultdict[int, set[int]] = defaultdict(set)
    successions = UnitSuccession.objects.filter(
        is_default=True, old__era=Era.LEGACY, old__level=Level.COMMUNE
    )
    for old_id, province_id in successions.values_list("old_id", "new__province_id"):
        before[province_id].add(old_id)
    offices = []
    for office in Office.objects.filter(successor__code=NATIONAL_CODE).select_related("home_province"):
        province = office.home_province
        assert province is not None
        own = donors[office.pk]
        offices.append(
            OfficeData(
                pk=office.pk,
                code=office.code,
                province_name=province.name,
                donors=own,
                # A few large donors and a long tail, as in the unions' reports.
                donor_weights=list(accumulate(1 / (rank + 1) ** 0.8 for rank in range(len(own)))),
                communes_before=sorted(before[province.pk])
                if places_mode == "as-recorded"
                else after[province.pk],
                communes_after=after[province.pk],
            )
        )
    offices.sort(key=lambda o: o.code)
    weights = list(accumulate(rng.uniform(0.5, 1.5) for _ in offices))
    sectors = list(
        Sector.objects.filter(archived_at__isnull=True).order_by("order").values_list("pk", flat=True)
    )
    from caunoi.core.text import fold

    place_names = {
        pk: fold(f"{name}, {province}")
        for pk, name, province in Unit.objects.filter(level=Level.COMMUNE).values_list(
            "pk", "name", "province__name"
        )
    }
    return Base(offices, weights, sectors, place_names)


# --- One batch of items -----------------------------------------------------------------------------------


def _pick(rng: random.Random, cumulative: Sequence[float]) -> int:
    return bisect(cumulative, rng.random() * cumulative[-1])


def _weighted(rng: random.Random, pairs: Sequence[tuple[str, int]]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _money(value: float, currency: str) -> Decimal:
    if currency in ("VND", "JPY"):
        return Decimal(max(1, round(value)))
    return Decimal(max(1, round(value * 100))).scaleb(-2)


def generate_batch(base: Base, batch: int, writer: Writer, seed: int = SEED) -> dict[str, int]:
    from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Participation, StatusChange, Transaction
    from caunoi.core.text import fold

    rng = random.Random(f"{seed}:batch:{batch}")
    stamp = writer.stamp()
    span = (DATA_END - DATA_START).days
    first_id = writer.next_id(AidItem)
    items: list[tuple[Any, ...]] = []
    changes: list[tuple[Any, ...]] = []
    sectors: list[tuple[Any, ...]] = []
    places: list[tuple[Any, ...]] = []
    participations: list[tuple[Any, ...]] = []
    commitments: list[tuple[Any, ...]] = []
    # item id → (office, donor, currency, committed amount, first and last possible disbursement day)
    spendable: list[tuple[int, OfficeData, tuple[int, str], str, float, dt.date, dt.date]] = []

    for n in range(BATCH_ITEMS):
        pk = first_id + n
        office = base.offices[_pick(rng, base.office_weights)]
        donor = office.donors[_pick(rng, office.donor_weights)]
        day = DATA_START + dt.timedelta(days=rng.randrange(span + 1))
        modality = _weighted(rng, MODALITIES)
        currency = _weighted(rng, CURRENCIES)
        usd = 10 ** rng.uniform(3.5, 6.2)  # 3.000 to 1.600.000 USD, log-uniform
        code = f"{CODE_PREFIX}{batch:03d}-{n:06d}"
        title = f"Khoản viện trợ tổng hợp {code}"
        status, approved_on, start, end, actual_start, actual_end = "approved", day, None, None, None, None
        ended_on = None  # the day of a step to revoked or cancelled (caunoi.aid.lifecycle.ENDED_STATUSES)
        decision = (
            f"{rng.randrange(1, 3000)}/QĐ-UBND",
            day,
            f"Ủy ban nhân dân {office.province_name.lower()}",
        )
        fate = rng.random()
        if fate < 0.06:  # never approved: still in the pipeline, declined or cancelled; no money
            approved_on = None
            target = rng.choice([*PIPELINE_CHAIN, "declined", "cancelled"])
            if target == "cancelled":
                chain = ["proposal", "cancelled"]
            elif target == "declined":
                chain = [*PIPELINE_CHAIN, "declined"]
            else:
                chain = PIPELINE_CHAIN[: PIPELINE_CHAIN.index(target) + 1]
            previous = ""
            for step, to in enumerate(chain):
                on = day - dt.timedelta(days=20 * (len(chain) - 1 - step))
                changes.append((pk, previous, to, on, "", None, "", "", stamp))
                previous = to
                if to == "cancelled":
                    ended_on = on
            status = target
        else:
            changes.append((pk, "", "approved", day, *decision, "", stamp))
            start = day + dt.timedelta(days=rng.randrange(20, 90))
            end = start + dt.timedelta(days=rng.randrange(180, 1100))
            stop = min(end, DATA_END)
            if fate < 0.08:  # approval revoked, maybe after it started
                revoked = day + dt.timedelta(days=rng.randrange(10, 500))
                if revoked <= DATA_END:
                    if start < revoked:
                        changes.append((pk, "approved", "implementing", start, "", None, "", "", stamp))
                        actual_start, status = start, "implementing"
                        stop = min(stop, revoked)
                    changes.append((pk, status, "approval_revoked", revoked, "", None, "", "", stamp))
                    status, ended_on = "approval_revoked", revoked
                elif start <= DATA_END:
                    changes.append((pk, "approved", "implementing", start, "", None, "", "", stamp))
                    actual_start, status = start, "implementing"
            elif fate < 0.09:  # cancelled before it started
                cancelled = min(day + dt.timedelta(days=rng.randrange(1, 19)), DATA_END)
                changes.append((pk, "approved", "cancelled", cancelled, "", None, "", "", stamp))
                status, ended_on = "cancelled", cancelled
            elif start <= DATA_END:
                changes.append((pk, "approved", "implementing", start, "", None, "", "", stamp))
                actual_start, status = start, "implementing"
                if rng.random() < 0.03 and start + dt.timedelta(days=60) <= DATA_END:
                    paused = start + dt.timedelta(days=rng.randrange(30, 60))
                    changes.append((pk, "implementing", "suspended", paused, "", None, "", "", stamp))
                    status = "suspended"
                    stop = min(stop, paused)
                elif end <= DATA_END:
                    changes.append((pk, "implementing", "completed", end, "", None, "", "", stamp))
                    actual_end, status = end, "completed"
                    closed = end + dt.timedelta(days=rng.randrange(60, 240))
                    if closed <= DATA_END and rng.random() < 0.85:
                        changes.append((pk, "completed", "closed", closed, "", None, "", "", stamp))
                        status = "closed"
            amount = _money(usd * AMOUNT_PER_USD[currency], currency)
            commitments.append(
                (office.pk, stamp, stamp, pk, "2", amount, currency, day, donor[0], donor[1], "", "", "")
            )
            if actual_start is not None and actual_start < stop:
                spendable.append((pk, office, donor, currency, float(amount), actual_start, stop))

        # Sectors: 70 % one group, 30 % two groups 60/40; the larger share is the primary sector.
        picked = rng.sample(base.sectors, 2 if rng.random() < 0.3 else 1)
        if len(picked) == 1:
            sectors.append((pk, picked[0], Decimal(100)))
        else:
            sectors += [(pk, picked[0], Decimal(60)), (pk, picked[1], Decimal(40))]
        communes = office.communes_before if day < REFORM else office.communes_after
        count = rng.choice((1, 1, 2, 3))
        shares = {1: (100,), 2: (50, 50), 3: (40, 30, 30)}[count]
        placed = rng.sample(communes, count)
        places += [(pk, unit, Decimal(s)) for unit, s in zip(placed, shares, strict=True)]
        participations.append((pk, donor[0], "funding"))
        items.append(
            (
                pk,
                office.pk,
                stamp,
                stamp,
                code,
                modality,
                title,
                "",
                "",
                "",
                status,
                approved_on,
                picked[0],
                start,
                end,
                actual_start,
                actual_end,
                ended_on,
                rng.randrange(50, 5000),
                "",
                "",
                "",
                "",
                True,
                False,  # no synthetic item is on the public portal
                " ".join(
                    [
                        f"{code.lower()} khoan vien tro tong hop {code.lower()} {fold(donor[1])}",
                        *(base.place_names[unit] for unit in placed),
                    ]
                ),
            )
        )

    # Disbursements fill the batch up to exactly BATCH_TRANSACTIONS transactions.
    disbursements: list[tuple[Any, ...]] = []
    wanted = BATCH_TRANSACTIONS - len(commitments)
    per_item = Counter(rng.choices(range(len(spendable)), k=wanted))
    for index, k in sorted(per_item.items()):
        pk, office, donor, currency, committed, first, last = spendable[index]
        days = (last - first).days
        for _ in range(k):
            value = committed * rng.uniform(0.5, 1.0) / k
            on = first + dt.timedelta(days=rng.randrange(days + 1))
            disbursements.append(
                (
                    office.pk,
                    stamp,
                    stamp,
                    pk,
                    "3",
                    _money(value, currency),
                    currency,
                    on,
                    donor[0],
                    donor[1],
                    "",
                    "",
                    "",
                )
            )

    writer.write(
        AidItem,
        [
            "id",
            "office",
            "created_at",
            "updated_at",
            "code",
            "modality",
            "title",
            "title_en",
            "description",
            "objectives",
            "status",
            "approved_on",
            "primary_sector",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "ended_on",
            "beneficiaries_count",
            "beneficiary_groups",
            "counterpart_currency",
            "counterpart_source",
            "iati_identifier",
            "is_illustrative",
            "is_public",
            "search_text",
        ],
        items,
    )
    writer.sync_sequence(AidItem)
    writer.write(
        StatusChange,
        [
            "item",
            "from_status",
            "to_status",
            "on",
            "decision_number",
            "decision_date",
            "authority",
            "note",
            "recorded_at",
        ],
        changes,
    )
    writer.write(ItemSector, ["item", "sector", "share"], sectors)
    writer.write(ItemPlace, ["item", "unit", "share"], places)
    writer.write(Participation, ["item", "organisation", "role"], participations)
    tx_fields = [
        "office",
        "created_at",
        "updated_at",
        "item",
        "kind",
        "amount",
        "currency",
        "value_date",
        "provider",
        "provider_name",
        "receiver_name",
        "reference",
        "description",
        "reversal_reason",
    ]
    # No synthetic transaction is reversed: an empty reason on every row.
    writer.write(Transaction, tx_fields, ((*row, "") for row in commitments))
    writer.write(Transaction, tx_fields, ((*row, "") for row in disbursements))
    # Rows written in bulk call no save(): their converted values as the data migration fills them.
    from caunoi.aid.converted import fill_converted

    fill_converted(Transaction.objects.filter(item_id__gte=first_id))
    return {
        "items": len(items),
        "status_changes": len(changes),
        "item_sectors": len(sectors),
        "item_places": len(places),
        "participations": len(participations),
        "transactions": len(commitments) + len(disbursements),
    }


def batches_present() -> set[int]:
    from caunoi.aid.models import AidItem

    present = set()
    for b in range(10_000):
        if not AidItem.objects.filter(code=f"{CODE_PREFIX}{b:03d}-000000").exists():
            break
        present.add(b)
    return present


def grow_to(scale: float, seed: int = SEED) -> dict[str, Any]:
    """Add the batches missing for `scale`; return what was added and how long it took."""
    from django.db import transaction

    from caunoi.aid.models import AidItem, Transaction

    started = time.perf_counter()
    base_info = ensure_base(seed)
    writer = Writer()
    if base_info["created"]:
        writer.analyze()
    base = load_base(seed)
    writer.tune_for_load()
    added: Counter[str] = Counter()
    present = batches_present()
    loading = time.perf_counter()
    for batch in range(scale_batches(scale)):
        if batch in present:
            continue
        with transaction.atomic():
            added.update(generate_batch(base, batch, writer, seed))
    analyzing = time.perf_counter()
    writer.analyze()
    # Rows written in bulk send no signals: say so to the reports kept under the ledger marks.
    from caunoi.core import marks

    marks.touch_all()
    return {
        "scale": scale,
        "base": base_info,
        "added": dict(added),
        "rows_written": writer.rows,
        "items": AidItem.objects.count(),
        "transactions": Transaction.objects.count(),
        "offices": len(base.offices),
        "load_seconds": round(analyzing - loading, 2),
        "analyze_seconds": round(time.perf_counter() - analyzing, 2),
        "seconds": round(time.perf_counter() - started, 2),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = 200.000 items, 1.000.000 transactions")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    setup_django()
    print(json.dumps(grow_to(args.scale, args.seed)))


if __name__ == "__main__":
    main()
