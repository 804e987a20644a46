"""Annual plans: list, and a plan's tasks with their targets, the evidence linked to them and the completion
computed from that evidence ("1/3") — never typed in."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model, Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.aid.models import AidItem
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.relations.completion import TargetProgress, TaskCompletion, qualifies
from caunoi.relations.dates import vn_date
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Congress,
    Event,
    Evidence,
    PlanTask,
    TargetKind,
    TaskTarget,
)
from caunoi.relations.services import plans as services
from caunoi.web.relations_forms import EvidenceForm
from caunoi.web.views.common import get_visible
from caunoi.web.views.relations.common import (
    attempt,
    crumbs,
    flash_form_errors,
    histories,
    history_page,
    today,
)

STATES = {
    "complete": gettext_lazy("Hoàn thành"),
    "partial": gettext_lazy("Đang thực hiện"),
    "open": gettext_lazy("Chưa thực hiện"),
    "overdue": gettext_lazy("Quá hạn"),
    "cancelled": gettext_lazy("Đã hủy"),
    "untracked": gettext_lazy("Chưa đặt chỉ tiêu"),
}
EVIDENCE = Evidence.objects.select_related("congress__association", "event", "agreement", "aid_item")
TASKS = PlanTask.objects.order_by("order", "id").prefetch_related(
    Prefetch(
        "targets",
        queryset=TaskTarget.objects.select_related(
            "association", "partnership__organisation"
        ).prefetch_related(Prefetch("evidence", queryset=EVIDENCE)),
    )
)


def completion(task: PlanTask, on: dt.date) -> TaskCompletion:
    """`caunoi.relations.completion.task_completion` over prefetched targets and evidence (no query per task):
    the same rules, applied to the rows `TASKS` fetched."""
    targets = []
    for target in task.targets.all():
        done = [str(e) for e in target.evidence.all() if qualifies(e, target, on)]
        targets.append(
            TargetProgress(target.pk, target.description, target.kind, target.count, len(done), done)
        )
    met = sum(1 for t in targets if t.met)
    if task.cancelled_on and task.cancelled_on <= on:
        state = "cancelled"
    elif not targets:
        state = "untracked"
    elif met == len(targets):
        state = "complete"
    elif task.due_on and task.due_on < on:
        state = "overdue"
    elif met or any(t.done for t in targets):
        state = "partial"
    else:
        state = "open"
    return TaskCompletion(task.pk, task.title, task.owner, task.due_on, state, met, len(targets), targets)


def plans_with_tasks(offices: Any) -> QuerySet[AnnualPlan]:
    return (
        AnnualPlan.objects.filter(office__in=offices, archived_at__isnull=True)
        .select_related("office")
        .prefetch_related("implements", Prefetch("tasks", queryset=TASKS))
        .order_by("-year", "title")
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    on = today()
    rows = []
    for plan in plans_with_tasks(visible_offices(request.user)):
        done = [completion(t, on) for t in plan.tasks.all()]
        rows.append(
            {
                "plan": plan,
                "tasks": len(done),
                "complete": sum(1 for c in done if c.state == "complete"),
                "open": sum(1 for c in done if c.state not in ("complete", "cancelled")),
            }
        )
    title = _("Kế hoạch năm")
    return render(
        request,
        "web/relations/plan_list.html",
        {"rows": rows, "title": title, "breadcrumbs": crumbs((title, None))},
    )


def _trail(plan: AnnualPlan | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [(_("Kế hoạch năm"), reverse("web:rel-plan-list"))]
    if plan is not None:
        trail.append((plan.title, reverse("web:rel-plan-detail", args=[plan.pk])))
    return trail


def candidates(target: TaskTarget, office_id: int) -> list[tuple[str, str]]:
    """The records that could fulfil the target (not yet linked), as choices "congress:12"."""
    linked = {
        f"{name}:{getattr(e, name + '_id')}"
        for e in target.evidence.all()
        for name in ("congress", "event", "agreement", "aid_item")
        if getattr(e, name + "_id")
    }
    start = target.window_start or dt.date(target.task.plan.year, 1, 1)
    end = target.window_end or dt.date(target.task.plan.year, 12, 31)
    found: list[tuple[str, str]] = []
    kind = target.kind
    if kind in (TargetKind.CONGRESS_HELD, TargetKind.OTHER):
        congresses = Congress.objects.filter(office_id=office_id, archived_at__isnull=True).select_related(
            "association"
        )
        if target.association_id:
            congresses = congresses.filter(association_id=target.association_id)
        found += [
            (f"congress:{c.pk}", f"{c} — {c.get_status_display()} {vn_date(c.on, c.precision)}")
            for c in congresses.order_by("-on")
        ]
    if kind in (TargetKind.EVENT, TargetKind.OTHER):
        events = Event.objects.filter(
            office_id=office_id, archived_at__isnull=True, start_on__gte=start, start_on__lte=end
        )
        if target.event_kind:
            events = events.filter(kind=target.event_kind)
        if target.partnership_id:
            events = events.filter(partnership_id=target.partnership_id)
        found += [(f"event:{e.pk}", f"{e.title} ({vn_date(e.start_on, e.date_precision)})") for e in events]
    if kind in (TargetKind.AGREEMENT_SIGNED, TargetKind.OTHER):
        agreements = Agreement.objects.filter(office_id=office_id, archived_at__isnull=True)
        if target.partnership_id:
            agreements = agreements.filter(partnership_id=target.partnership_id)
        found += [(f"agreement:{a.pk}", a.title) for a in agreements]
    if kind in (TargetKind.AID_ITEM_APPROVED, TargetKind.OTHER):
        items = AidItem.objects.filter(office_id=office_id, archived_at__isnull=True).order_by("code")
        found += [(f"aid_item:{i.pk}", f"{i.code} — {i.title}") for i in items]
    return [(value, label) for value, label in found if value not in linked]


MODELS: dict[str, type[Model]] = {
    "congress": Congress,
    "event": Event,
    "agreement": Agreement,
    "aid_item": AidItem,
}


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(plans_with_tasks(visible_offices(request.user)), request, pk)
    on = today()
    editable = can(request.user, Action.EDIT, plan.office)
    tasks = []
    for task in plan.tasks.all():
        done = completion(task, on)
        targets = []
        for target, progress in zip(task.targets.all(), done.targets, strict=True):
            targets.append(
                {
                    "target": target,
                    "progress": progress,
                    "evidence": [(e, qualifies(e, target, on)) for e in target.evidence.all()],
                    "form": EvidenceForm(choices=candidates(target, plan.office_id), prefix=f"t{target.pk}")
                    if editable and not task.cancelled_on
                    else None,
                }
            )
        tasks.append({"task": task, "done": done, "state": STATES[done.state], "targets": targets})
    return render(
        request,
        "web/relations/plan_detail.html",
        {
            "plan": plan,
            "tasks": tasks,
            "can_edit": editable,
            "title": plan.title,
            "breadcrumbs": crumbs(*_trail(), (plan.title, None)),
        },
    )


@login_required
@require_POST
def evidence_link(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_visible(
        TaskTarget.objects.select_related("task__plan__office"),
        request,
        pk,
        office_field="task__plan__office",
    )
    plan = target.task.plan
    form = EvidenceForm(request.POST, choices=candidates(target, plan.office_id), prefix=f"t{target.pk}")
    if form.is_valid():
        kind, _sep, record_pk = form.cleaned_data["record"].partition(":")
        record: Any = MODELS[kind]._default_manager.get(pk=record_pk, office_id=plan.office_id)
        ok, _result = attempt(
            request,
            plan.office,
            lambda: services.link_evidence(
                target, record, note=form.cleaned_data["note"], actor=request.user
            ),
        )
        if ok:
            messages.success(request, _("Đã gắn minh chứng cho chỉ tiêu “%(target)s”.") % {"target": target})
    else:
        flash_form_errors(request, form)
    return redirect(reverse("web:rel-plan-detail", args=[plan.pk]) + f"#task-{target.task_id}")


@login_required
@require_POST
def evidence_unlink(request: HttpRequest, pk: int) -> HttpResponse:
    evidence = get_visible(
        Evidence.objects.select_related("target__task__plan__office"),
        request,
        pk,
        office_field="target__task__plan__office",
    )
    plan = evidence.target.task.plan
    ok, _result = attempt(
        request, plan.office, lambda: services.unlink_evidence(evidence, actor=request.user)
    )
    if ok:
        messages.success(request, _("Đã bỏ minh chứng."))
    return redirect(reverse("web:rel-plan-detail", args=[plan.pk]) + f"#task-{evidence.target.task_id}")


@login_required
def plan_history(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(AnnualPlan.objects.all(), request, pk)
    task_ids = list(plan.tasks.values_list("pk", flat=True))
    target_ids = list(TaskTarget.objects.filter(task_id__in=task_ids).values_list("pk", flat=True))
    records = histories(
        plan.history.all(),
        PlanTask.history.filter(plan_id=plan.pk),
        TaskTarget.history.filter(task_id__in=task_ids),
        Evidence.history.filter(target_id__in=target_ids),
    )
    detail = reverse("web:rel-plan-detail", args=[plan.pk])
    return history_page(request, plan, records, (plan.title, detail), _trail(plan))
