"""Plans: document references, annual plans, tasks, targets, and the evidence linked to them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction

from caunoi.aid.models import AidItem
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.scope import ensure_same_office
from caunoi.core.text import nfc
from caunoi.relations import messages as m
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Association,
    Congress,
    DocumentKind,
    DocumentRef,
    Event,
    EventKind,
    Evidence,
    Partnership,
    PlanTask,
    TargetKind,
    TaskTarget,
)
from caunoi.relations.services.common import check_choice, check_order, not_archived, required_text, today

TARGET_EN = {
    TargetKind.CONGRESS_HELD: "a congress of the association",
    TargetKind.EVENT: "an event",
    TargetKind.AGREEMENT_SIGNED: "a signed agreement",
    TargetKind.AID_ITEM_APPROVED: "an approved aid item",
    TargetKind.OTHER: "any record",
}


@transaction.atomic
def create_document_ref(
    office: Office,
    *,
    kind: str,
    number: str,
    issued_on: dt.date,
    issuer: str,
    title: str,
    implements: DocumentRef | None = None,
    url: str = "",
    actor: Any = None,
) -> DocumentRef:
    ensure_same_office(implements, office, "implements")
    number = required_text(number, "số, ký hiệu văn bản", "document number", "number")
    if DocumentRef.objects.filter(office=office, number=number, issued_on=issued_on).exists():
        raise m.DUPLICATE(field="number", name=number)
    if implements is not None and issued_on < implements.issued_on:
        check_order(
            implements.issued_on,
            issued_on,
            field="issued_on",
            start_what="Ngày ban hành văn bản được thực hiện",
            start_what_en="date of the document implemented",
            end_what="Ngày ban hành",
            end_what_en="date of issue",
        )
    document = DocumentRef(
        office=office,
        kind=check_choice(kind, DocumentKind, "loại văn bản", "kind of document", "kind"),
        number=number,
        issued_on=issued_on,
        issuer=required_text(issuer, "cơ quan ban hành", "issuer", "issuer"),
        title=required_text(title, "trích yếu", "title", "title"),
        implements=implements,
        url=url.strip(),
    )
    audit.save(document, actor)
    return document


@transaction.atomic
def create_plan(
    office: Office,
    *,
    year: int,
    title: str,
    implements: Sequence[DocumentRef] = (),
    adopted_on: dt.date | None = None,
    notes: str = "",
    is_illustrative: bool = False,
    actor: Any = None,
) -> AnnualPlan:
    if not 1990 <= year <= 2100:
        raise m.YEAR_INVALID(field="year", year=year)
    title = required_text(title, "tên kế hoạch", "plan title", "title")
    if AnnualPlan.objects.filter(office=office, year=year, title=title).exists():
        raise m.DUPLICATE(field="title", name=title)
    for document in implements:
        ensure_same_office(document, office, "implements")
    plan = AnnualPlan(
        office=office,
        year=year,
        title=title,
        adopted_on=adopted_on,
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    audit.save(plan, actor)
    plan._history_user = actor  # type: ignore[attr-defined]  # read by simple_history's m2m tracking
    plan.implements.set(implements)
    return plan


@transaction.atomic
def add_task(
    plan: AnnualPlan,
    title: str,
    *,
    owner: str = "",
    due_on: dt.date | None = None,
    order: int | None = None,
    actor: Any = None,
) -> PlanTask:
    not_archived(plan)
    task = PlanTask(
        plan=plan,
        title=required_text(title, "tên nhiệm vụ", "task title", "title"),
        owner=nfc(owner),
        due_on=due_on,
        order=order if order is not None else plan.tasks.count() + 1,
    )
    audit.save(task, actor)
    return task


@transaction.atomic
def add_target(
    task: PlanTask,
    description: str,
    kind: str,
    *,
    count: int = 1,
    association: Association | None = None,
    partnership: Partnership | None = None,
    event_kind: str = "",
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
    actor: Any = None,
) -> TaskTarget:
    """A measurable target. Evidence counts when it falls in the window (the plan's year unless given)."""
    office = task.plan.office
    check_choice(kind, TargetKind, "loại minh chứng", "kind of evidence", "kind")
    if kind == TargetKind.CONGRESS_HELD and association is None:
        raise m.TARGET_NEEDS_ASSOCIATION(field="association")
    ensure_same_office(association, office, "association")
    ensure_same_office(partnership, office, "partnership")
    if event_kind:
        check_choice(event_kind, EventKind, "loại hoạt động", "kind of event", "event_kind")
    if count < 1:
        raise m.NEGATIVE(field="count", what="Số lượng cần đạt", what_en="target count")
    year = task.plan.year
    window_start = window_start or dt.date(year, 1, 1)
    window_end = window_end or dt.date(year, 12, 31)
    check_order(
        window_start,
        window_end,
        field="window_end",
        start_what="Đầu kỳ tính",
        start_what_en="start of the window",
        end_what="Cuối kỳ tính",
        end_what_en="end of the window",
    )
    target = TaskTarget(
        task=task,
        description=required_text(description, "chỉ tiêu", "target", "description"),
        kind=kind,
        count=count,
        association=association,
        partnership=partnership,
        event_kind=event_kind,
        window_start=window_start,
        window_end=window_end,
    )
    audit.save(target, actor)
    return target


def _suits(target: TaskTarget, record: Any) -> bool:
    """Can this record ever fulfil the target? (Whether it does yet — held, in the window — is computed.)"""
    if target.kind == TargetKind.OTHER:
        return True
    if target.kind == TargetKind.CONGRESS_HELD:
        return isinstance(record, Congress) and record.association_id == target.association_id
    if target.kind == TargetKind.EVENT:
        return (
            isinstance(record, Event)
            and (not target.event_kind or record.kind == target.event_kind)
            and (target.partnership_id is None or record.partnership_id == target.partnership_id)
        )
    if target.kind == TargetKind.AGREEMENT_SIGNED:
        return isinstance(record, Agreement) and (
            target.partnership_id is None or record.partnership_id == target.partnership_id
        )
    return isinstance(record, AidItem)


FIELD_OF = {Congress: "congress", Event: "event", Agreement: "agreement", AidItem: "aid_item"}


@transaction.atomic
def link_evidence(
    target: TaskTarget,
    record: Congress | Event | Agreement | AidItem,
    *,
    note: str = "",
    actor: Any = None,
) -> Evidence:
    """Link a record as evidence; a planned congress or event may be linked ahead, and counts once done."""
    task = target.task
    if task.cancelled_on:
        raise m.TASK_CANCELLED(field="target", title=task.title)
    ensure_same_office(record, task.plan.office, "evidence")
    not_archived(record)
    if not _suits(target, record):
        raise m.EVIDENCE_KIND(
            field="evidence",
            what=str(record),
            target=target.description,
            kind=TargetKind(target.kind).label,
            kind_en=TARGET_EN[TargetKind(target.kind)],
        )
    field = FIELD_OF[type(record)]
    if target.evidence.filter(**{field: record}).exists():
        raise m.EVIDENCE_TWICE(field="evidence", what=str(record))
    evidence = Evidence(target=target, note=nfc(note), **{field: record})
    audit.save(evidence, actor)
    return evidence


@transaction.atomic
def unlink_evidence(evidence: Evidence, *, actor: Any = None) -> None:
    """A wrong link is removed (its history stays); evidence is a link, not a record of its own."""
    audit.delete(evidence, actor)


@transaction.atomic
def cancel_task(task: PlanTask, reason: str, *, on: dt.date | None = None, actor: Any = None) -> PlanTask:
    task.cancelled_on = on or today()
    task.cancel_reason = required_text(reason, "lý do hủy", "reason", "reason")
    audit.save(task, actor)
    return task
