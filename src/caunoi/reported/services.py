"""Reported figures: proposed from a document, confirmed or corrected by staff, archived. Every function
takes the acting user (`actor`) and checks their right in the record's office."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.reported import messages as m
from caunoi.reported.extract import Proposal, extract
from caunoi.reported.models import FigureStatus, ReportedFigures, ReportedSector
from caunoi.reported.readers import read_document

MIN_YEAR, MAX_YEAR = 1975, 2100
# The sentence kept per field: enough to recognise it, within the text limit of a JSON value.
EVIDENCE_CHARS = 600


def read_proposal(name: str, data: bytes) -> tuple[Proposal, str]:
    """The figures the document states, and its text; a RuleError if it cannot be read or states none."""
    text = read_document(name, data)
    proposal = extract(text)
    if not proposal.has_figures:
        raise m.NO_FIGURES(field="file", name=name)
    return proposal, text


@transaction.atomic
def propose(office: Office, proposal: Proposal, source_name: str, *, actor: Actor) -> ReportedFigures:
    """Store what the extractor read as a proposal, for staff to confirm or correct."""
    authorize(actor, Action.EDIT, office)
    if proposal.period_start is None or proposal.period_end is None:
        raise m.NO_PERIOD(field="first_year")
    figures = ReportedFigures(
        office=office,
        province=proposal.province[:120],
        period_start=proposal.period_start,
        period_end=proposal.period_end,
        items=proposal.items,
        ngos=proposal.ngos,
        committed=proposal.committed,
        disbursed=proposal.disbursed,
        currency=proposal.currency or "USD",
        source_name=source_name[-200:],
        evidence={k: s[:EVIDENCE_CHARS] for k, s in proposal.evidence.items()},
        status=FigureStatus.PROPOSED,
    )
    audit.save(figures, actor, reason="đề xuất từ văn bản")
    for found in proposal.sectors:
        audit.save(
            ReportedSector(
                figures=figures,
                sector=found.name,
                count=found.count,
                amount=found.amount,
                sentence=found.sentence[:EVIDENCE_CHARS],
            ),
            actor,
        )
    return figures


def propose_from_file(office: Office, name: str, data: bytes, *, actor: Actor) -> ReportedFigures:
    authorize(actor, Action.EDIT, office)
    proposal, _text = read_proposal(name, data)
    return propose(office, proposal, name, actor=actor)


@dataclass
class Correction:
    """What staff confirm: the figures as they read them in the document."""

    first_year: int
    last_year: int
    province: str = ""
    items: int | None = None
    ngos: int | None = None
    committed: Decimal | None = None
    disbursed: Decimal | None = None
    currency: str = "USD"
    sectors: list[tuple[str, int | None, Decimal | None]] = field(default_factory=list)


def _check(office: Office, figures: ReportedFigures, c: Correction) -> None:
    for year, name in ((c.first_year, "first_year"), (c.last_year, "last_year")):
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise m.PERIOD_RANGE(field=name, year=year, low=MIN_YEAR, high=MAX_YEAR)
    if c.first_year > c.last_year:
        raise m.PERIOD_ORDER(field="last_year", first=c.first_year, last=c.last_year)
    if not re.fullmatch(r"[A-Z]{3}", c.currency or ""):
        raise m.CURRENCY_UNKNOWN(field="currency", code=c.currency)
    period = f"{c.first_year}" if c.first_year == c.last_year else f"{c.first_year}–{c.last_year}"
    same = ReportedFigures.objects.filter(
        office=office,
        status=FigureStatus.CONFIRMED,
        archived_at__isnull=True,
        period_start__year=c.first_year,
        period_end__year=c.last_year,
    ).exclude(pk=figures.pk)
    if same.exists():
        raise m.ALREADY_CONFIRMED(field=None, office=office.name, period=period)


@transaction.atomic
def confirm(figures: ReportedFigures, correction: Correction, *, actor: Actor) -> ReportedFigures:
    """Confirm the figures as corrected by `actor`: they become the office's reported figures of the period."""
    figures = ReportedFigures.objects.select_for_update().get(pk=figures.pk)
    authorize(actor, Action.EDIT, figures.office)
    if figures.archived_at is not None:
        raise m.ARCHIVED(field=None)
    c = correction
    c.currency = (c.currency or "").strip().upper()
    _check(figures.office, figures, c)
    figures.period_start = figures.period_start.replace(year=c.first_year, month=1, day=1)
    figures.period_end = figures.period_end.replace(year=c.last_year, month=12, day=31)
    figures.province = c.province.strip()
    figures.items, figures.ngos = c.items, c.ngos
    figures.committed, figures.disbursed, figures.currency = c.committed, c.disbursed, c.currency
    figures.status = FigureStatus.CONFIRMED
    figures.confirmed_by = history_user(actor)
    figures.confirmed_at = timezone.now()
    audit.save(figures, actor, reason="xác nhận")
    kept = {s.sector: s for s in figures.sectors.all()}
    wanted = {name.strip(): (count, amount) for name, count, amount in c.sectors if name.strip()}
    for name, line in kept.items():
        if name not in wanted:
            audit.delete(line, actor, reason="bỏ khi xác nhận")
    for name, (count, amount) in wanted.items():
        line = kept.get(name) or ReportedSector(figures=figures, sector=name)
        if line.pk is None or (line.count, line.amount) != (count, amount):
            line.count, line.amount = count, amount
            audit.save(line, actor)
    return figures


@transaction.atomic
def archive(figures: ReportedFigures, *, actor: Actor) -> ReportedFigures:
    authorize(actor, Action.ARCHIVE, figures.office)
    if figures.archived_at is None:
        figures.archived_at = timezone.now()
        audit.save(figures, actor, reason="lưu trữ")
    return figures


def confirmed_for(office_ids: list[int], first: int, last: int) -> list[ReportedFigures]:
    """The confirmed, not archived reported figures of the offices whose period lies within first–last."""
    return list(
        ReportedFigures.objects.filter(
            office__in=office_ids,
            status=FigureStatus.CONFIRMED,
            archived_at__isnull=True,
            period_start__year__gte=first,
            period_end__year__lte=last,
        ).order_by("period_start", "office_id", "pk")
    )
