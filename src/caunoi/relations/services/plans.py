"""Plans: document references, annual plans, tasks, targets, and the evidence linked to them.

Every write checks that the actor may edit the plan's office (`actor=SYSTEM`: CLI, demo loader).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from caunoi.aid.models import AidItem
from caunoi.core import audit
from caunoi.core.audit import archive, restore
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
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
from caunoi.relations.services.common import (
    check_choice,
    check_order,
    not_archived,
    not_in_future,
    required_text,
    today,
)

# Which of a target's narrowing fields each kind of target uses (the others must stay empty).
TARGET_USES = {
    "association": {TargetKind.CONGRESS_HELD},
    "partnership": {TargetKind.EVENT, TargetKind.AGREEMENT_SIGNED},
    "event_kind": {TargetKind.EVENT},
}
TARGET_FIELD_NAMES = {
    "association": pgettext_lazy("in a rule message", "Hội hữu nghị"),
    "partnership": pgettext_lazy("in a rule message", "Đối tác"),
    "event_kind": pgettext_lazy("in a rule message", "Loại hoạt động"),
}


# --- documents --------------------------------------------------------------------------------------------


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
    actor: Actor,
) -> DocumentRef:
    authorize(actor, Action.EDIT, office)
    ensure_same_office(implements, office, "implements")
    if implements is not None:
        not_archived(implements)
    number = required_text(number, _("số, ký hiệu văn bản"), "number")
    if DocumentRef.objects.filter(office=office, number=number, issued_on=issued_on).exists():
        raise m.DUPLICATE(field="number", name=number)
    if implements is not None and issued_on < implements.issued_on:
        check_order(
            implements.issued_on,
            issued_on,
            field="issued_on",
            start_what=_("Ngày ban hành văn bản được thực hiện"),
            end_what=pgettext_lazy("in a rule message", "Ngày ban hành"),
        )
    document = DocumentRef(
        office=office,
        kind=check_choice(kind, DocumentKind, _("loại văn bản"), "kind"),
        number=number,
        issued_on=issued_on,
        issuer=required_text(issuer, pgettext_lazy("in a rule message", "cơ quan ban hành"), "issuer"),
        title=required_text(title, pgettext_lazy("in a rule message", "trích yếu"), "title"),
        implements=implements,
        url=url.strip(),
    )
    audit.save(document, actor)
    return document


# --- plans ------------------------------------------------------------------------------------------------


def _check_plan(
    office: Office, year: int, title: str, implements: Sequence[DocumentRef] | None, plan: AnnualPlan | None
) -> str:
    """The plan's cleaned title, after the rules a new or changed plan must keep."""
    if not 1990 <= year <= 2100:
        raise m.YEAR_INVALID(field="year", year=year)
    title = required_text(title, pgettext_lazy("in a rule message", "tên kế hoạch"), "title")
    same = AnnualPlan.objects.filter(office=office, year=year, title=title)
    if plan is not None:
        same = same.exclude(pk=plan.pk)
    if same.exists():
        raise m.DUPLICATE(field="title", name=title)
    for document in implements or ():
        ensure_same_office(document, office, "implements")
        if document.archived_at and (plan is None or document not in plan.implements.all()):
            not_archived(document)  # an archived document already listed may stay; none is newly added
    return title


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
    actor: Actor,
) -> AnnualPlan:
    authorize(actor, Action.EDIT, office)
    title = _check_plan(office, year, title, implements, None)
    plan = AnnualPlan(
        office=office,
        year=year,
        title=title,
        adopted_on=adopted_on,
        notes=nfc(notes),
        is_illustrative=is_illustrative,
    )
    audit.save(plan, actor)
    plan._history_user = history_user(actor)  # type: ignore[attr-defined]  # read by simple_history's m2m tracking
    plan.implements.set(implements)
    return plan


PLAN_FIELDS = frozenset({"year", "title", "implements", "adopted_on", "notes", "is_illustrative"})


def _year_window(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


@transaction.atomic
def update_plan(plan: AnnualPlan, *, actor: Actor, **changes: Any) -> AnnualPlan:
    """Change a plan. Moving it to another year moves the targets that count the whole plan year with it;
    a target given a window of its own keeps it."""
    authorize(actor, Action.EDIT, plan.office)
    not_archived(plan)
    unknown = set(changes) - PLAN_FIELDS
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    year = changes.get("year", plan.year)
    implements = changes.get("implements")
    title = _check_plan(plan.office, year, changes.get("title", plan.title), implements, plan)
    old_year = plan.year
    plan.year, plan.title = year, title
    if "adopted_on" in changes:
        plan.adopted_on = changes["adopted_on"]
    if "notes" in changes:
        plan.notes = nfc(changes["notes"])
    if "is_illustrative" in changes:
        plan.is_illustrative = bool(changes["is_illustrative"])
    audit.save(plan, actor)
    if implements is not None:
        plan._history_user = history_user(actor)  # type: ignore[attr-defined]
        plan.implements.set(implements)
    if year != old_year:
        start, end = _year_window(old_year)
        for target in TaskTarget.objects.filter(task__plan=plan, window_start=start, window_end=end):
            target.window_start, target.window_end = _year_window(year)
            audit.save(target, actor)
    return plan


@transaction.atomic
def archive_plan(plan: AnnualPlan, *, actor: Actor) -> None:
    """Out of lists, the overview and reports, with its tasks; the office administrator can restore it."""
    authorize(actor, Action.ARCHIVE, plan.office)
    not_archived(plan)
    archive(plan, actor=actor)


@transaction.atomic
def restore_plan(plan: AnnualPlan, *, actor: Actor) -> None:
    authorize(actor, Action.RESTORE, plan.office)
    restore(plan, actor=actor)


# --- tasks ------------------------------------------------------------------------------------------------


def _check_task_order(order: int | None) -> None:
    if order is not None and order < 1:
        raise m.NEGATIVE(field="order", what=pgettext_lazy("in a rule message", "Thứ tự"))


@transaction.atomic
def add_task(
    plan: AnnualPlan,
    title: str,
    *,
    owner: str = "",
    due_on: dt.date | None = None,
    order: int | None = None,
    actor: Actor,
) -> PlanTask:
    authorize(actor, Action.EDIT, plan.office)
    not_archived(plan)
    _check_task_order(order)
    task = PlanTask(
        plan=plan,
        title=required_text(title, _("tên nhiệm vụ"), "title"),
        owner=nfc(owner),
        due_on=due_on,
        order=order if order is not None else plan.tasks.count() + 1,
    )
    audit.save(task, actor)
    return task


TASK_FIELDS = frozenset({"title", "owner", "due_on", "order"})


@transaction.atomic
def update_task(task: PlanTask, *, actor: Actor, **changes: Any) -> PlanTask:
    plan = task.plan
    authorize(actor, Action.EDIT, plan.office)
    not_archived(plan)
    unknown = set(changes) - TASK_FIELDS
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    title = required_text(changes.get("title", task.title), _("tên nhiệm vụ"), "title")
    order = changes.get("order")
    _check_task_order(order)
    task.title = title
    if "owner" in changes:
        task.owner = nfc(changes["owner"])
    if "due_on" in changes:
        task.due_on = changes["due_on"]
    if order is not None:  # left blank, the task keeps its place
        task.order = order
    audit.save(task, actor)
    return task


@transaction.atomic
def cancel_task(task: PlanTask, reason: str, *, on: dt.date | None = None, actor: Actor) -> PlanTask:
    """A task dropped on purpose: it keeps its targets and evidence, and counts as neither open nor done."""
    authorize(actor, Action.EDIT, task.plan.office)
    not_archived(task.plan)
    if task.cancelled_on:
        raise m.TASK_ALREADY_CANCELLED(field=None, title=task.title, on=task.cancelled_on)
    on = on or today()
    not_in_future(on, "on")
    task.cancel_reason = required_text(reason, pgettext_lazy("in a rule message", "lý do hủy"), "reason")
    task.cancelled_on = on
    audit.save(task, actor)
    return task


@transaction.atomic
def reopen_task(task: PlanTask, *, actor: Actor) -> PlanTask:
    """Undo a cancellation made by mistake (the history keeps it)."""
    authorize(actor, Action.EDIT, task.plan.office)
    not_archived(task.plan)
    if not task.cancelled_on:
        raise m.TASK_NOT_CANCELLED(field=None, title=task.title)
    task.cancelled_on, task.cancel_reason = None, ""
    audit.save(task, actor)
    return task


# --- targets ----------------------------------------------------------------------------------------------


def _check_target(task: PlanTask, values: dict[str, Any], kept: TaskTarget | None = None) -> dict[str, Any]:
    """The rules of a target's own fields; returns them cleaned, the window defaulting to the plan's year.
    An association or partner the target `kept` already has may stay even if it has been archived since."""
    office = task.plan.office
    kind = values["kind"]
    check_choice(kind, TargetKind, pgettext_lazy("in a rule message", "loại minh chứng"), "kind")
    for name, kinds in TARGET_USES.items():
        if values.get(name) and kind not in kinds:
            raise m.TARGET_FIELD_UNUSED(
                field=name, what=TARGET_FIELD_NAMES[name], kind=TargetKind(kind).label
            )
    if kind == TargetKind.CONGRESS_HELD and values.get("association") is None:
        raise m.TARGET_NEEDS_ASSOCIATION(field="association")
    for name in ("association", "partnership"):
        linked = values.get(name)
        ensure_same_office(linked, office, name)
        if linked is not None and not (kept is not None and getattr(kept, f"{name}_id") == linked.pk):
            not_archived(linked)
    if values.get("event_kind"):
        check_choice(
            values["event_kind"],
            EventKind,
            pgettext_lazy("in a rule message", "loại hoạt động"),
            "event_kind",
        )
    if values["count"] is None or values["count"] < 1:
        raise m.NEGATIVE(field="count", what=pgettext_lazy("in a rule message", "Số lượng cần đạt"))
    first, last = _year_window(task.plan.year)
    values["window_start"] = values.get("window_start") or first
    values["window_end"] = values.get("window_end") or last
    check_order(
        values["window_start"],
        values["window_end"],
        field="window_end",
        start_what=_("Đầu kỳ tính"),
        end_what=_("Cuối kỳ tính"),
    )
    values["description"] = required_text(values["description"], _("chỉ tiêu"), "description")
    values["event_kind"] = values.get("event_kind") or ""
    return values


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
    actor: Actor,
) -> TaskTarget:
    """A measurable target. Evidence counts when it falls in the window (the plan's year unless given)."""
    authorize(actor, Action.EDIT, task.plan.office)
    not_archived(task.plan)
    values = _check_target(
        task,
        {
            "description": description,
            "kind": kind,
            "count": count,
            "association": association,
            "partnership": partnership,
            "event_kind": event_kind,
            "window_start": window_start,
            "window_end": window_end,
        },
    )
    target = TaskTarget(task=task, **values)
    audit.save(target, actor)
    return target


TARGET_FIELDS = (
    "description",
    "kind",
    "count",
    "association",
    "partnership",
    "event_kind",
    "window_start",
    "window_end",
)


@transaction.atomic
def update_target(target: TaskTarget, *, actor: Actor, **changes: Any) -> TaskTarget:
    """Change a target; evidence already linked must still suit it (unlink what would not, first)."""
    task = target.task
    authorize(actor, Action.EDIT, task.plan.office)
    not_archived(task.plan)
    unknown = set(changes) - set(TARGET_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    values = {name: getattr(target, name) for name in TARGET_FIELDS}
    values.update(changes)
    values = _check_target(task, values, kept=target)
    probe = TaskTarget(task=task, **values)
    for evidence in target.evidence.select_related("congress", "event", "agreement", "aid_item"):
        record = evidence.congress or evidence.event or evidence.agreement or evidence.aid_item
        if not _suits(probe, record):
            raise m.TARGET_EVIDENCE_UNSUITED(field=None, what=str(record))
    for name, value in values.items():
        setattr(target, name, value)
    audit.save(target, actor)
    return target


@transaction.atomic
def remove_target(target: TaskTarget, *, actor: Actor) -> None:
    """A target entered by mistake is removed (its history stays); one with evidence linked is refused."""
    plan = target.task.plan
    authorize(actor, Action.EDIT, plan.office)
    not_archived(plan)
    linked = target.evidence.count()
    if linked:
        raise m.TARGET_HAS_EVIDENCE(field=None, target=target.description, count=linked)
    audit.delete(target, actor)


# --- evidence ---------------------------------------------------------------------------------------------


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
    actor: Actor,
) -> Evidence:
    """Link a record as evidence; a planned congress or event may be linked ahead, and counts once done."""
    task = target.task
    authorize(actor, Action.EDIT, task.plan.office)
    not_archived(task.plan)
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
        )
    field = FIELD_OF[type(record)]
    if target.evidence.filter(**{field: record}).exists():
        raise m.EVIDENCE_TWICE(field="evidence", what=str(record))
    evidence = Evidence(target=target, note=nfc(note), **{field: record})
    audit.save(evidence, actor)
    return evidence


@transaction.atomic
def unlink_evidence(evidence: Evidence, *, actor: Actor) -> None:
    """A wrong link is removed (its history stays); evidence is a link, not a record of its own."""
    authorize(actor, Action.EDIT, evidence.target.task.plan.office)
    audit.delete(evidence, actor)
