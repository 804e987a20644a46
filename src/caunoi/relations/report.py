"""The people's-diplomacy summary of an office for a year, computed from records.

What a year counts: events that started in it; agreements signed in it (and every agreement signed by its
end, with its status at the year's end and as of the day the summary is made); associations with their term
and committee at the year's end and their congresses of the year; the tasks of the year's plans (and of next
year's, the report's "directions"). Named people appear only with their consent to be named, as of the day
the summary is made; otherwise only their position or a count.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone, translation

from caunoi.core.models import Office
from caunoi.relations.alerts import Alert, agreement_alerts
from caunoi.relations.completion import TaskCompletion, task_completion
from caunoi.relations.countries import country_name
from caunoi.relations.dates import iso_partial, vn_date
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Association,
    Congress,
    ConsentKind,
    DocumentRef,
    Event,
    EventKind,
    Partnership,
    Side,
)
from caunoi.relations.services.associations import founding_stage
from caunoi.relations.services.people import consents
from caunoi.relations.status import AgreementStatus, agreement_status


@dataclass
class DocumentLine:
    kind: str
    number: str
    issued_on: dt.date
    issuer: str
    title: str
    implements: DocumentLine | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "issued_on": self.issued_on.isoformat(),
            "issuer": self.issuer,
            "title": self.title,
            "implements": self.implements.as_dict() if self.implements else None,
        }


@dataclass
class PartnerLine:
    name: str
    name_original: str
    country: str
    level: str
    kind: str
    since: str | None
    since_text: str
    status: str
    events_in_year: int
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "name_original": self.name_original,
            "country": self.country,
            "country_name": country_name(self.country, lang="vi"),
            "level": self.level,
            "kind": self.kind,
            "since": self.since,
            "status": self.status,
            "events_in_year": self.events_in_year,
            "illustrative": self.illustrative,
        }


@dataclass
class EventLine:
    title: str
    kind: str
    start: str
    end: str
    dates_text: str
    place: str
    country: str
    partner: str
    participants: int
    by_nationality: dict[str, int]
    outcomes: str
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "place": self.place,
            "country": self.country,
            "partner": self.partner,
            "participants": self.participants,
            "by_nationality": self.by_nationality,
            "outcomes": self.outcomes,
            "illustrative": self.illustrative,
        }


@dataclass
class CountLine:
    key: str
    name: str
    count: int

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "count": self.count}


@dataclass
class AgreementLine:
    title: str
    kind: str
    number: str
    signed: str | None
    signed_text: str
    signed_place: str
    period_start: str | None
    period_end: str | None
    period_text: str
    partners: list[str]
    our_side: list[str]
    fields: list[str]
    status: str
    status_at_year_end: str
    signed_in_year: bool
    renews: str
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "kind": self.kind,
            "number": self.number,
            "signed": self.signed,
            "signed_place": self.signed_place,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "partners": self.partners,
            "our_side": self.our_side,
            "fields": self.fields,
            "status": self.status,
            "status_en": _in_english(AgreementStatus(self.status).label),
            "status_at_year_end": self.status_at_year_end,
            "signed_in_year": self.signed_in_year,
            "renews": self.renews or None,
            "illustrative": self.illustrative,
        }


@dataclass
class CongressLine:
    kind: str
    term_number: int
    status: str
    on: str
    on_text: str
    place: str
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "term_number": self.term_number,
            "status": self.status,
            "on": self.on,
            "place": self.place,
            "illustrative": self.illustrative,
        }


@dataclass
class AssociationLine:
    name: str
    country: str
    stage: str
    term: str | None
    committee: list[dict[str, Any]]
    members_count: int | None
    members_count_on: dt.date | None
    named_members: list[str]
    unnamed_members: int
    congresses: list[CongressLine]
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "country_name": country_name(self.country, lang="vi"),
            "stage": self.stage,
            "term": self.term,
            "committee": self.committee,
            "members_count": self.members_count,
            "members_count_on": self.members_count_on.isoformat() if self.members_count_on else None,
            "named_members": self.named_members,
            "unnamed_members": self.unnamed_members,
            "congresses": [c.as_dict() for c in self.congresses],
            "illustrative": self.illustrative,
        }


@dataclass
class PlanLine:
    year: int
    title: str
    implements: list[str]
    tasks: list[TaskCompletion]
    illustrative: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "title": self.title,
            "implements": self.implements,
            "tasks": [t.as_dict() for t in self.tasks],
            "done": sum(1 for t in self.tasks if t.state == "complete"),
            "open": sum(1 for t in self.tasks if t.state not in ("complete", "cancelled")),
            "illustrative": self.illustrative,
        }


@dataclass
class DiplomacySummary:
    offices: list[Office]
    year: int
    as_of: dt.date
    documents: list[DocumentLine]
    partners: list[PartnerLine]
    events: list[EventLine]
    events_by_kind: list[CountLine]
    events_by_partner: list[CountLine]
    agreements: list[AgreementLine]
    associations: list[AssociationLine]
    plans: list[PlanLine]
    next_year_plans: list[PlanLine]
    alerts: list[Alert] = field(default_factory=list)

    def agreements_with_status(self, *statuses: str) -> list[AgreementLine]:
        return [a for a in self.agreements if a.status in statuses]

    def as_dict(self) -> dict[str, Any]:
        by_status = Counter(a.status for a in self.agreements)
        return {
            "offices": [o.code for o in self.offices],
            "office_names": [o.name for o in self.offices],
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "documents": [d.as_dict() for d in self.documents],
            "partners": [p.as_dict() for p in self.partners],
            "events": {
                "total": len(self.events),
                "by_kind": [c.as_dict() for c in self.events_by_kind],
                "by_partner": [c.as_dict() for c in self.events_by_partner],
                "list": [e.as_dict() for e in self.events],
            },
            "agreements": {
                "signed_in_year": sum(1 for a in self.agreements if a.signed_in_year),
                "by_status": dict(sorted(by_status.items())),
                "list": [a.as_dict() for a in self.agreements],
            },
            "associations": [a.as_dict() for a in self.associations],
            "plans": [p.as_dict() for p in self.plans],
            "next_year_plans": [p.as_dict() for p in self.next_year_plans],
            "alerts": [a.as_dict() for a in self.alerts],
            "illustrative_records": self.illustrative_count(),
        }

    def illustrative_count(self) -> int:
        lines: list[Any] = [*self.partners, *self.events, *self.agreements, *self.associations]
        return sum(1 for line in lines if line.illustrative)


def _in_english(label: Any) -> str:
    """The English of a choice label: the report's data carries it beside the status's code."""
    with translation.override("en"):
        return str(label)


def _documents(offices: list[Office], year: int) -> list[DocumentLine]:
    def line(doc: DocumentRef, depth: int = 0) -> DocumentLine:
        parent = line(doc.implements, depth + 1) if doc.implements and depth < 3 else None
        return DocumentLine(doc.get_kind_display(), doc.number, doc.issued_on, doc.issuer, doc.title, parent)

    docs = DocumentRef.objects.filter(office__in=offices, archived_at__isnull=True, issued_on__year=year)
    return [line(d) for d in docs.select_related("implements").order_by("issued_on")]


def _events(offices: list[Office], year: int) -> list[Event]:
    return list(
        Event.objects.filter(office__in=offices, archived_at__isnull=True, start_on__year=year)
        .select_related("partnership__organisation")
        .prefetch_related("headcounts")
        .order_by("start_on", "id")
    )


def _event_line(event: Event) -> EventLine:
    counts = {h.country: h.count for h in event.headcounts.all()}
    start, end = (
        iso_partial(event.start_on, event.date_precision),
        iso_partial(event.end_on, event.date_precision),
    )
    text = vn_date(event.start_on, event.date_precision)
    if end != start:
        text = f"{text} – {vn_date(event.end_on, event.date_precision)}"
    return EventLine(
        event.title,
        event.kind,
        start or "",
        end or "",
        text,
        event.place,
        event.country,
        event.partnership.organisation.name if event.partnership else "",
        sum(counts.values()),
        dict(sorted(counts.items())),
        event.outcomes,
        event.is_illustrative,
    )


def _partners(offices: list[Office], year: int, events: list[Event]) -> list[PartnerLine]:
    year_end = dt.date(year, 12, 31)
    per_partner = Counter(e.partnership_id for e in events if e.partnership_id)
    lines = []
    partnerships = Partnership.objects.filter(office__in=offices, archived_at__isnull=True).select_related(
        "organisation"
    )
    for p in partnerships:
        if p.since and p.since > year_end:
            continue
        lines.append(
            PartnerLine(
                p.organisation.name,
                p.organisation.name_original,
                p.organisation.country,
                p.level,
                p.kind,
                iso_partial(p.since, p.since_precision),
                vn_date(p.since, p.since_precision),
                p.status,
                per_partner.get(p.pk, 0),
                p.is_illustrative,
            )
        )
    return lines


def _agreements(offices: list[Office], year: int, on: dt.date) -> list[AgreementLine]:
    year_end = dt.date(year, 12, 31)
    lines = []
    agreements = (
        Agreement.objects.filter(office__in=offices, archived_at__isnull=True)
        .select_related("renews")
        .prefetch_related("party_rows__organisation", "fields")
        .order_by("signed_on", "id")
    )
    for a in agreements:
        if a.signed_on is None or a.signed_on > year_end:
            continue
        period = ""
        if a.period_start or a.period_end:
            period = (
                f"{vn_date(a.period_start, a.period_precision)} – {vn_date(a.period_end, a.period_precision)}"
            )
        rows = list(a.party_rows.all())
        lines.append(
            AgreementLine(
                a.title,
                a.kind,
                a.number,
                iso_partial(a.signed_on, a.signed_precision),
                vn_date(a.signed_on, a.signed_precision),
                a.signed_place,
                iso_partial(a.period_start, a.period_precision),
                a.period_end.isoformat() if a.period_end else None,
                period,
                [r.organisation.name for r in rows if r.side == Side.THEIRS],
                [r.organisation.name for r in rows if r.side == Side.OURS],
                [f.name for f in a.fields.all()],
                agreement_status(a, on),
                agreement_status(a, year_end),
                a.signed_on.year == year,
                a.renews.title if a.renews else "",
                a.is_illustrative,
            )
        )
    return lines


def _associations(offices: list[Office], year: int, on: dt.date) -> list[AssociationLine]:
    year_end = dt.date(year, 12, 31)
    lines = []
    for association in Association.objects.filter(office__in=offices, archived_at__isnull=True).order_by(
        "name"
    ):
        if association.founded_on and association.founded_on > year_end:
            continue
        term = association.terms.filter(start__lte=year_end).order_by("-number").first()
        committee = []
        if term is not None:
            seats = (
                term.committee.filter(start__lte=year_end)
                .select_related("person")
                .order_by("position", "start")
            )
            for seat in seats:
                if seat.end and seat.end < dt.date(year, 1, 1):
                    continue
                named = consents(seat.person, ConsentKind.NAME_LISTING, on)
                committee.append(
                    {
                        "position": seat.position,
                        "position_name": seat.get_position_display(),
                        "name": seat.person.name if named else None,
                        "named": named,
                    }
                )
        count = association.member_counts.filter(on__lte=year_end).order_by("-on").first()
        members = [
            m
            for m in association.members.select_related("person").prefetch_related("person__consents")
            if m.joined_on <= year_end and (m.left_on is None or m.left_on >= dt.date(year, 1, 1))
        ]
        named_members = sorted(
            m.person.name for m in members if consents(m.person, ConsentKind.NAME_LISTING, on)
        )
        congresses = [
            CongressLine(
                c.kind,
                c.term_number,
                c.status,
                iso_partial(c.on, c.precision) or "",
                vn_date(c.on, c.precision),
                c.place,
                c.is_illustrative,
            )
            for c in Congress.objects.filter(association=association, archived_at__isnull=True).order_by("on")
            if c.on.year in (year, year + 1)
        ]
        lines.append(
            AssociationLine(
                association.name,
                association.counterpart_country,
                founding_stage(association),
                f"{term.number}: {term.start.isoformat()}/{term.end.isoformat()}" if term else None,
                committee,
                count.count if count else None,
                count.on if count else None,
                named_members,
                len(members) - len(named_members),
                congresses,
                association.is_illustrative,
            )
        )
    return lines


def _plans(offices: list[Office], year: int, on: dt.date) -> list[PlanLine]:
    plans = AnnualPlan.objects.filter(office__in=offices, archived_at__isnull=True, year=year)
    return [
        PlanLine(
            plan.year,
            plan.title,
            [str(d) for d in plan.implements.all()],
            [task_completion(t, on) for t in plan.tasks.all()],
            plan.is_illustrative,
        )
        for plan in plans.prefetch_related("implements", "tasks")
    ]


def diplomacy_summary(
    office: Office, year: int, on: dt.date | None = None, *, include_predecessors: bool = False
) -> DiplomacySummary:
    """The year's people's diplomacy of `office`; statuses, plan completion and alerts as of `on` (today)."""
    as_of = on or timezone.localdate()
    offices = office.lineage() if include_predecessors else [office]
    events = _events(offices, year)
    kinds = Counter(e.kind for e in events)
    by_partner = Counter(
        (str(e.partnership_id), e.partnership.organisation.name) for e in events if e.partnership is not None
    )
    return DiplomacySummary(
        offices=offices,
        year=year,
        as_of=as_of,
        documents=_documents(offices, year),
        partners=_partners(offices, year, events),
        events=[_event_line(e) for e in events],
        events_by_kind=[
            CountLine(k.value, str(k.label), kinds[k.value]) for k in EventKind if k.value in kinds
        ],
        events_by_partner=[
            CountLine(key, name, n)
            for (key, name), n in sorted(by_partner.items(), key=lambda i: (-i[1], i[0][1]))
        ],
        agreements=_agreements(offices, year, as_of),
        associations=_associations(offices, year, as_of),
        plans=_plans(offices, year, as_of),
        next_year_plans=_plans(offices, year + 1, as_of),
        alerts=agreement_alerts(office, as_of),
    )
