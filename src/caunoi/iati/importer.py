"""`import_paths`: IATI activity files into an office's aid ledger, all or nothing (or only the valid
activities with skip_invalid), idempotent.

Each activity is validated (XSD, the version's additions, codelists, values), then planned against the
ledger's rules, then written in batches inside one database transaction. Reading and validating
(caunoi.iati.source) happen in a second process for inputs of PIPELINE_MIN_BYTES or more, while this
one plans and writes; the transaction, and all that decides what is kept, stay here. An activity is identified by
(office, iati-identifier): one already imported with the same content is unchanged; with other content
and a last-updated-datetime not older than the stored one it is updated in place (history shows the
change); an older one is left as stored, with a notice. Counts always add up:
read = imported + updated + unchanged + rejected + skipped (another recipient country).

A file that is not readable XML (truncated, not XML, bad gzip), has the wrong root or version, or no
activity is rejected whole, including any activity read before the fault.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from caunoi.aid import messages as am
from caunoi.aid.closing import closed_years
from caunoi.aid.models import AidItem, Sector, SectorDacCode, Transaction
from caunoi.aid.sectors import OTHER_SECTOR
from caunoi.core import marks
from caunoi.core.errors import Problem
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.geography.models import AdminUnit
from caunoi.iati import locks
from caunoi.iati import messages as m
from caunoi.iati.activity import ActivityData
from caunoi.iati.ledger import item_code, plan_or_problems
from caunoi.iati.models import IatiActivity
from caunoi.iati.places import PlaceMatcher
from caunoi.iati.report import ERROR, NOTICE, IatiProblem, Summary, problem
from caunoi.iati.source import ReaderProcess, Record, check_activity, records
from caunoi.iati.stream import FileProblem, Limits, iati_files
from caunoi.iati.writer import Writer

VN = "VN"
# Inputs at least this large (bytes on disk) are read and validated by a second process while this one
# plans and writes; smaller ones in this process (starting a process costs more than it saves).
PIPELINE_MIN_BYTES = 2_000_000

__all__ = ["Importer", "check_activity", "import_paths"]


def _input_bytes(paths: list[Path]) -> int:
    total = 0
    for path in iati_files(paths):
        with contextlib.suppress(OSError):
            total += path.stat().st_size
    return total


class SectorMap:
    """aid.sectors.sector_for_dac's answers (its own mapping, else the 3-digit category's, else the "other"
    group) from the mapping read once: sector_for_dac reads it at each call, and an import asks for
    hundreds of codes. tests/iati/test_import_rules.py holds the two to the same answers."""

    def __init__(self) -> None:
        self.mapping = {row.code: row.sector for row in SectorDacCode.objects.select_related("sector")}
        self.other: Sector | None = None

    def __call__(self, code: str) -> Sector:
        mapping = self.mapping
        if code in mapping:
            return mapping[code]
        if len(code) == 5 and code[:3] in mapping:
            return mapping[code[:3]]
        if self.other is None:
            self.other = Sector.objects.get(code=OTHER_SECTOR)
        return self.other


@dataclass
class Stored:
    pk: int
    content_hash: str
    last_updated: dt.datetime | None


def _located(
    p: Problem, source: str, activity: str, line: int, element: str, severity: str = ERROR
) -> IatiProblem:
    return IatiProblem(
        p.msg,
        p.params,
        field=p.field,
        row=line,
        column=element,
        source=source,
        activity=activity,
        severity=severity,
    )


class Importer:
    def __init__(
        self,
        office: Office,
        *,
        recipient_country: str | None = None,
        dry_run: bool = False,
        skip_invalid: bool = False,
        progress: bool = False,
        actor: Actor,
    ):
        self.office = office
        self.recipient_country = (recipient_country or "").upper() or None
        self.skip_invalid = skip_invalid
        self.actor = actor
        self.summary = Summary(dry_run=dry_run)
        self.today = timezone.localdate()
        self.progress = progress
        self.stored: dict[str, Stored] = {}
        self.other_codes: set[str] = set()
        self.seen: dict[str, str] = {}
        self.sector_for = SectorMap()
        self.places = PlaceMatcher()
        self.failed = False  # an invalid activity: without skip_invalid nothing will be kept

    def run(self, paths: Iterable[Path]) -> Summary:
        summary = self.summary
        paths = list(paths)
        bar = tqdm(unit=" act", file=sys.stderr, disable=not self.progress, mininterval=0.5)
        pipeline = _input_bytes(paths) >= PIPELINE_MIN_BYTES
        started, cpu = time.perf_counter(), time.process_time()
        # The objects alive now (Django, the models, the maps above) are not garbage: the collector need
        # not walk them again at each collection the import's many short-lived objects trigger.
        gc.freeze()
        try:
            summary = self._run(paths, bar, pipeline)
        finally:
            gc.unfreeze()
        bar.close()
        timings = summary.timings
        timings["write"] = self.writer.seconds
        timings["total"] = time.perf_counter() - started
        timings["cpu"] = time.process_time() - cpu
        timings["pipeline"] = float(pipeline)
        return summary

    def _run(self, paths: list[Path], bar: Any, pipeline: bool) -> Summary:
        summary = self.summary
        limits = Limits.of_megabytes(settings.IATI_MAX_INPUT_MB, settings.IATI_MAX_ELEMENT_MB)
        with ReaderProcess(paths, limits) if pipeline else contextlib.nullcontext() as reader:
            stream = self._timed(iter(reader if reader is not None else records(paths, limits)))
            with locks.importing(self.office):
                # Read under the lock: an import that waited for another sees what that one saved.
                self._read_ledger()
                self.writer = Writer(self.office, "IATI import", actor=self.actor)
                for record in stream:
                    assert record[0] == "file", record
                    summary.files += 1
                    self._file(record[1], stream, bar.update)
                accepted = summary.imported + summary.updated + summary.unchanged
                # With skip_invalid the valid activities are kept, but a run where none was is a failure.
                keep = not summary.dry_run and (not summary.errors or (self.skip_invalid and accepted > 0))
                if keep:
                    self.writer.flush()
                    # Rows written in bulk send no signals: the kept reports of the office (and, for the
                    # organisations created, of every office) must be computed again.
                    marks.touch([self.office.pk, None])
                summary.organisations_created = self.writer.organisations_created
                summary.committed = keep
                if not keep:
                    transaction.set_rollback(True)
            if reader is not None:
                summary.timings.update({f"reader_{k}": v for k, v in reader.usage.items()})
        return summary

    def _read_ledger(self) -> None:
        office = self.office
        self.stored = {
            identifier: Stored(pk, digest, updated)
            for identifier, pk, digest, updated in IatiActivity.objects.filter(office=office).values_list(
                "iati_identifier", "pk", "content_hash", "last_updated"
            )
        }
        self.other_codes = set(
            AidItem.objects.filter(office=office, iati__isnull=True).values_list("code", flat=True)
        )
        self.closed = closed_years(office)

    def _timed(self, stream: Iterator[Record]) -> Iterator[Record]:
        timings = self.summary.timings
        timings["read"] = 0.0
        while True:
            start = time.process_time()
            record = next(stream, None)
            timings["read"] += time.process_time() - start
            if record is None:
                return
            yield record

    def _file(self, name: str, stream: Iterator[Record], tick: Callable[[int], object]) -> None:
        summary = self.summary
        before = (
            summary.read,
            summary.imported,
            summary.updated,
            summary.unchanged,
            summary.rejected,
            summary.skipped,
        )
        tx_before = (summary.transactions, summary.ledger_transactions, summary.other_transactions)
        organisations_before = self.writer.organisations_created
        problems_before = len(summary.problems)
        self.writer.reason = f"IATI import {name}"
        try:
            with transaction.atomic():
                for record in stream:
                    kind = record[0]
                    if kind == "activity":
                        self._activity(*record[1:])
                        tick(1)
                    elif kind == "end-file":
                        break
                    else:
                        assert kind == "bad-file", record
                        raise FileProblem(record[1])
                self.writer.flush()
        except FileProblem as bad:
            read = summary.read - before[0]
            summary.imported, summary.updated, summary.unchanged = before[1:4]
            summary.rejected, summary.skipped = before[4] + read, before[5]
            summary.transactions, summary.ledger_transactions, summary.other_transactions = tx_before
            del summary.problems[problems_before:]
            summary.problems.append(bad.problem)
            summary.unreadable_files += 1
            self.writer.discard()
            self.writer.organisations_created = organisations_before  # those rows were rolled back
            self.failed = True

    def _reject(self, found: list[IatiProblem]) -> None:
        self.summary.rejected += 1
        self.summary.problems += found
        self.failed = True

    def _activity(
        self, source: str, line: int, data: ActivityData | None, found: list[IatiProblem], digest: str
    ) -> None:
        summary = self.summary
        summary.read += 1
        if data is None:
            self._reject(found)
            return
        where = f"{source}:{line}"
        if data.identifier in self.seen:
            self._reject(
                [
                    problem(
                        m.DUPLICATE_ACTIVITY,
                        source=source,
                        activity=data.identifier,
                        line=line,
                        element="iati-identifier",
                        identifier=data.identifier,
                        first=self.seen[data.identifier],
                    )
                ]
            )
            return
        self.seen[data.identifier] = where
        if self.recipient_country and self.recipient_country not in data.countries:
            summary.skipped += 1
            return
        stored = self.stored.get(data.identifier)
        if stored is not None:
            # (or the digest the first version of the import stored, for an activity it imported)
            if stored.content_hash == digest or stored.content_hash == data.legacy_content_hash():
                summary.unchanged += 1
                return
            if stored.last_updated and data.last_updated and data.last_updated < stored.last_updated:
                summary.unchanged += 1
                summary.problems.append(
                    problem(
                        m.STORED_IS_NEWER,
                        source=source,
                        activity=data.identifier,
                        line=line,
                        element="iati-activity",
                        severity=NOTICE,
                        stored=stored.last_updated.isoformat(),
                        incoming=data.last_updated.isoformat(),
                    )
                )
                return
        elif item_code(data.identifier) in self.other_codes:
            self._reject(
                [
                    _located(
                        am.CODE_TAKEN(
                            field="code", code=item_code(data.identifier), office=self.office.code
                        ).problem,
                        source,
                        data.identifier,
                        line,
                        "iati-identifier",
                    )
                ]
            )
            return
        start, written = time.process_time(), self.writer.seconds
        units = self._units(data)
        plan, refused = plan_or_problems(data, self.today, self.sector_for, units)
        planned = time.process_time()
        try:
            self._keep(source, line, data, plan, refused, stored, digest)
        finally:
            timings = summary.timings
            timings["plan"] = timings.get("plan", 0.0) + planned - start
            rows = time.process_time() - planned - (self.writer.seconds - written)
            timings["rows"] = timings.get("rows", 0.0) + rows

    def _keep(
        self,
        source: str,
        line: int,
        data: ActivityData,
        plan: Any,
        refused: list[Problem],
        stored: Stored | None,
        digest: str,
    ) -> None:
        summary = self.summary
        if plan is None:
            self._reject([_located(p, source, data.identifier, line, "iati-activity") for p in refused])
            return
        for tx, reason in plan.outside:
            if reason is not None:
                summary.problems.append(self._outside(source, data.identifier, tx, reason))
        summary.transactions += len(data.transactions)
        summary.ledger_transactions += len(plan.ledger)
        summary.other_transactions += len(plan.outside)
        locked = self._locked_money(data, plan, stored)
        if locked is not None:
            self._reject([_located(locked, source, data.identifier, line, "transaction")])
            return
        if self.failed and not self.skip_invalid:
            # Nothing will be kept: count, check the rest, write no more.
            summary.imported += stored is None
            summary.updated += stored is not None
            return
        if stored is None:
            self.writer.add(data, plan, source, digest)
            summary.imported += 1
        else:
            self.writer.replace(stored.pk, data, plan, source, digest)
            summary.updated += 1

    def _locked_money(self, data: ActivityData, plan: Any, stored: Stored | None) -> Problem | None:
        """The closed-year rule of the services (aid.closing), for a whole activity: money dated in a locked
        year is neither added nor taken away. Compared on what the figures read (kind, amount, currency,
        value date), so a re-import that leaves a locked year's money as it was passes."""
        if not self.closed:
            return None
        incoming = Counter((tx.kind, value, currency, tx.value_date) for tx, value, currency in plan.ledger)
        existing: Counter[tuple[Any, ...]] = Counter()
        if stored is not None:
            existing.update(
                Transaction.objects.filter(item__iati__pk=stored.pk).values_list(
                    "kind", "amount", "currency", "value_date"
                )
            )
        changed = (incoming - existing) + (existing - incoming)
        days = sorted(day for _kind, _value, _currency, day in changed if day.year in self.closed)
        if not days:
            return None
        day = days[0]
        return am.YEAR_CLOSED(
            field="value_date", year=day.year, office=self.office.code, on=day.strftime("%d/%m/%Y")
        ).problem

    def _units(self, data: ActivityData) -> list[AdminUnit | None]:
        if VN not in data.countries:
            return [None] * len(data.locations)
        on = data.date_of("2", "1") or (data.last_updated.date() if data.last_updated else self.today)
        return [self.places.match(name, on) if name else None for _, name, _, _, _ in data.locations]

    def _outside(self, source: str, identifier: str, tx: Any, reason: Problem) -> IatiProblem:
        return problem(
            m.OUTSIDE_LEDGER,
            source=source,
            activity=identifier,
            line=tx.line,
            element="transaction",
            severity=NOTICE,
            kind=tx.kind,
            value=tx.text,
            currency=tx.currency,
            value_date=tx.value_date.isoformat(),
            reason=reason,
        )


def import_paths(paths: Iterable[Path], office: Office, *, actor: Actor, **options: Any) -> Summary:
    """Import IATI files into `office`; the actor must be allowed to edit its records."""
    if not options.get("dry_run"):
        authorize(actor, Action.EDIT, office)
    return Importer(office, actor=actor, **options).run(paths)
