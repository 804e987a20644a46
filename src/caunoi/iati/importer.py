"""`import_paths`: IATI activity files into an office's aid ledger, all or nothing (or only the valid
activities with skip_invalid), idempotent.

Each activity is validated (XSD, the version's additions, codelists, values), then planned against the
ledger's rules, then written in batches inside one database transaction. An activity is identified by
(office, iati-identifier): one already imported with the same content is unchanged; with other content
and a last-updated-datetime not older than the stored one it is updated in place (history shows the
change); an older one is left as stored, with a notice. Counts always add up:
read = imported + updated + unchanged + rejected + skipped (another recipient country).

A file that is not readable XML (truncated, not XML, bad gzip), has the wrong root or version, or no
activity is rejected whole, including any activity read before the fault.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from caunoi.aid import messages as am
from caunoi.aid.models import AidItem, Sector
from caunoi.aid.sectors import sector_for_dac
from caunoi.core.errors import Problem
from caunoi.core.models import Office
from caunoi.core.permissions import Action, authorize
from caunoi.geography.models import AdminUnit
from caunoi.iati import messages as m
from caunoi.iati.activity import ActivityData, ActivityReader
from caunoi.iati.ledger import item_code, plan_or_problems
from caunoi.iati.models import IatiActivity
from caunoi.iati.places import PlaceMatcher
from caunoi.iati.report import ERROR, NOTICE, IatiProblem, Summary, problem
from caunoi.iati.schema import activity_schema, exponent_value, later_features, line_of, schema_errors
from caunoi.iati.stream import FileProblem, activities, iati_files
from caunoi.iati.writer import Writer

VN = "VN"


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


def check_activity(element: Any, source: str, version: str) -> tuple[ActivityData | None, list[IatiProblem]]:
    """The activity's data, or the problems that make it invalid (XSD, version, codelists, values)."""
    reader = ActivityReader(element, source, version)
    found: list[IatiProblem] = []
    for line, name, message in schema_errors(activity_schema(), element):
        exponent = exponent_value(message)
        if exponent is not None:
            found.append(
                problem(
                    m.EXPONENT,
                    source=source,
                    activity=reader.identifier,
                    line=line,
                    element=name,
                    value=exponent,
                )
            )
        else:
            found.append(
                problem(
                    m.SCHEMA,
                    source=source,
                    activity=reader.identifier,
                    line=line,
                    element=name,
                    reason=message,
                )
            )
    for el, what, since in later_features(element, version):
        found.append(
            problem(
                m.VERSION_FEATURE,
                source=source,
                activity=reader.identifier,
                line=line_of(el),
                element=str(el.tag),
                what=what,
                since=since,
                version=version,
            )
        )
    if found:
        return None, found  # the structure is wrong: reading it further would only guess
    data = reader.read()
    return (None, reader.problems) if reader.problems else (data, [])


class Importer:
    def __init__(
        self,
        office: Office,
        *,
        recipient_country: str | None = None,
        dry_run: bool = False,
        skip_invalid: bool = False,
        progress: bool = False,
        actor: Any = None,
    ):
        self.office = office
        self.recipient_country = (recipient_country or "").upper() or None
        self.skip_invalid = skip_invalid
        self.actor = actor
        self.summary = Summary(dry_run=dry_run)
        self.today = timezone.localdate()
        self.progress = progress
        self.stored = {
            identifier: Stored(pk, digest, updated)
            for identifier, pk, digest, updated in IatiActivity.objects.filter(office=office).values_list(
                "iati_identifier", "pk", "content_hash", "last_updated"
            )
        }
        self.other_codes = set(
            AidItem.objects.filter(office=office, iati__isnull=True).values_list("code", flat=True)
        )
        self.seen: dict[str, str] = {}
        self.sectors: dict[str, Sector] = {}
        self.places = PlaceMatcher()
        self.failed = False  # an invalid activity: without skip_invalid nothing will be kept

    def sector_for(self, code: str) -> Sector:
        if code not in self.sectors:
            self.sectors[code] = sector_for_dac(code)
        return self.sectors[code]

    def run(self, paths: Iterable[Path]) -> Summary:
        summary = self.summary
        bar = tqdm(unit=" act", file=sys.stderr, disable=not self.progress, mininterval=0.5)
        with transaction.atomic():
            self.writer = Writer(self.office, "IATI import", self.actor)
            for path in iati_files(list(paths)):
                summary.files += 1
                self._file(path, bar.update)
            keep = not summary.dry_run and (self.skip_invalid or not summary.errors)
            if keep:
                self.writer.flush()
            summary.organisations_created = self.writer.organisations_created
            summary.committed = keep
            if not keep:
                transaction.set_rollback(True)
        bar.close()
        return summary

    def _file(self, path: Path, tick: Callable[[int], object]) -> None:
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
        problems_before = len(summary.problems)
        self.writer.reason = f"IATI import {path.name}"
        try:
            with transaction.atomic():
                for ctx, element in activities(path):
                    self._activity(ctx.name, ctx.version, element)
                    tick(1)
                self.writer.flush()
        except FileProblem as bad:
            read = summary.read - before[0]
            summary.imported, summary.updated, summary.unchanged = before[1:4]
            summary.rejected, summary.skipped = before[4] + read, before[5]
            summary.transactions, summary.ledger_transactions, summary.other_transactions = tx_before
            del summary.problems[problems_before:]
            summary.problems.append(bad.problem)
            self.writer.discard()
            self.failed = True

    def _reject(self, found: list[IatiProblem]) -> None:
        self.summary.rejected += 1
        self.summary.problems += found
        self.failed = True

    def _activity(self, source: str, version: str, element: Any) -> None:
        summary = self.summary
        summary.read += 1
        line = line_of(element) or 0
        data, found = check_activity(element, source, version)
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
        digest = data.content_hash()
        stored = self.stored.get(data.identifier)
        if stored is not None:
            if stored.content_hash == digest:
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
        units = self._units(data)
        plan, refused = plan_or_problems(data, self.today, self.sector_for, units)
        if plan is None:
            self._reject([_located(p, source, data.identifier, line, "iati-activity") for p in refused])
            return
        for tx, reason in plan.outside:
            if reason is not None:
                summary.problems.append(self._outside(source, data.identifier, tx, reason))
        summary.transactions += len(data.transactions)
        summary.ledger_transactions += len(plan.ledger)
        summary.other_transactions += len(plan.outside)
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
            reason=reason.vi,
            reason_en=reason.en,
        )


def import_paths(paths: Iterable[Path], office: Office, **options: Any) -> Summary:
    """Import IATI files into `office`; a user (options["actor"]) must be allowed to edit its records."""
    if not options.get("dry_run"):
        authorize(options.get("actor"), Action.EDIT, office)
    return Importer(office, **options).run(paths)
