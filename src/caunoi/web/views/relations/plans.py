"""Annual plans: list, and a plan's tasks with their targets, the evidence linked to them and the completion
computed from that evidence ("1/3") — never typed in. Staff create and edit plans (with the documents they
implement), tasks (cancel, reopen) and targets (add, edit, remove) here; the services check every rule and
every permission."""

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
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.relations.completion import qualifies, task_completion
from caunoi.relations.dates import vn_date
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Congress,
    Event,
    EventKind,
    Evidence,
    PlanTask,
    TargetKind,
    TaskTarget,
)
from caunoi.relations.services import plans as services
from caunoi.web.relations_forms import EvidenceForm
from caunoi.web.relations_plan_forms import CancelTaskForm, PlanFields, PlanForm, TargetForm, TaskForm
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.relations.common import (
    archive_view,
    attempt,
    crumbs,
    edit_page_of,
    editable_offices,
    flash_form_errors,
    form_page,
    history_view,
    own_office,
    permissions,
    read_only,
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


def plans_with_tasks(offices: Any, *, archived: bool = False) -> QuerySet[AnnualPlan]:
    """The live plans of the offices (with `archived`, the archived ones too), tasks and targets prefetched."""
    plans = AnnualPlan.objects.filter(office__in=offices)
    if not archived:
        plans = plans.filter(archived_at__isnull=True)
    return (
        plans.select_related("office")
        .prefetch_related("implements", Prefetch("tasks", queryset=TASKS))
        .order_by("-year", "title")
    )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    on = today()
    rows = []
    archived = request.GET.get("archived") == "1"
    for plan in plans_with_tasks(visible_offices(request.user), archived=archived):
        done = [task_completion(t, on) for t in plan.tasks.all()]
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
        {
            "rows": rows,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "archived": archived,
            "can_create": editable_offices(request.user).exists(),
        },
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


def _scope(target: TaskTarget, year: int) -> list[str]:
    """What narrows the evidence a target counts: association, partner, kind of event, a window of its own."""
    found = []
    if target.association_id:
        found.append(str(target.association))
    if target.partnership is not None:
        found.append(_("Đối tác: %(name)s") % {"name": target.partnership.organisation.name})
    if target.event_kind:
        found.append(_("Loại hoạt động: %(kind)s") % {"kind": EventKind(target.event_kind).label})
    window = (target.window_start, target.window_end)
    if all(window) and window != (dt.date(year, 1, 1), dt.date(year, 12, 31)):
        found.append(
            _("Tính từ %(start)s đến %(end)s")
            % {"start": vn_date(target.window_start), "end": vn_date(target.window_end)}
        )
    return found


MODELS: dict[str, type[Model]] = {
    "congress": Congress,
    "event": Event,
    "agreement": Agreement,
    "aid_item": AidItem,
}


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(plans_with_tasks(visible_offices(request.user), archived=True), request, pk)
    on = today()
    allowed = permissions(request, plan)
    editable = allowed["can_edit"]
    tasks = []
    for task in plan.tasks.all():
        done = task_completion(task, on)
        targets = []
        for target, progress in zip(task.targets.all(), done.targets, strict=True):
            targets.append(
                {
                    "target": target,
                    "progress": progress,
                    "evidence": [(e, qualifies(e, target, on)) for e in target.evidence.all()],
                    "scope": _scope(target, plan.year),
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
            "title": plan.title,
            "breadcrumbs": crumbs(*_trail(), (plan.title, None)),
            **allowed,
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
    ok, _result = attempt(request, lambda: services.unlink_evidence(evidence, actor=request.user))
    if ok:
        messages.success(request, _("Đã bỏ minh chứng."))
    return redirect(reverse("web:rel-plan-detail", args=[plan.pk]) + f"#task-{evidence.target.task_id}")


def _plan_rows(plan: AnnualPlan) -> list[QuerySet[Any]]:
    """The histories of a plan's tasks, their targets and the evidence linked to them."""
    task_ids = list(plan.tasks.values_list("pk", flat=True))
    target_ids = list(TaskTarget.objects.filter(task_id__in=task_ids).values_list("pk", flat=True))
    return [
        PlanTask.history.filter(plan_id=plan.pk),
        TaskTarget.history.filter(task_id__in=task_ids),
        Evidence.history.filter(target_id__in=target_ids),
    ]


plan_history = history_view(AnnualPlan.objects.all(), "web:rel-plan-detail", _plan_rows, _trail)


# --- creating and editing plans, tasks and targets -------------------------------------------------------


def _prefixed(error: RuleErrors, prefix: str) -> RuleErrors:
    """The same problems, each pointing at the sub-form's field ("number" of the new document: "doc_number")."""
    for problem in error.problems:
        if problem.field:
            problem.field = prefix + problem.field
    return error


PLAN_FIELDS = ("year", "title", "adopted_on", "notes")


def _save_plan(request: HttpRequest, form: PlanFields, office: Any, plan: AnnualPlan | None) -> AnnualPlan:
    """Add the new document (when one is filled in), then create or change the plan: all or nothing."""
    data = form.cleaned_data
    implements = list(data["implements"])
    document = form.new_document()
    if document is not None:
        try:
            implements.append(services.create_document_ref(office, actor=request.user, **document))
        except RuleErrors as error:
            raise _prefixed(error, "doc_") from None
    fields = {name: data[name] for name in PLAN_FIELDS}
    if plan is None:
        return services.create_plan(office, implements=implements, actor=request.user, **fields)
    return services.update_plan(plan, implements=implements, actor=request.user, **fields)


@login_required
@edit_page()
def plan_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = PlanForm(request.POST or None, offices=offices, initial={"year": today().year})
    if request.method == "POST" and form.is_valid():
        office = form.cleaned_data["office"]
        ok, plan = attempt(request, lambda: _save_plan(request, form, office, None), form=form)
        if ok and plan is not None:
            messages.success(request, _("Đã ghi kế hoạch “%(title)s”.") % {"title": plan.title})
            return redirect("web:rel-plan-detail", pk=plan.pk)
    return form_page(
        request,
        form,
        _("Kế hoạch năm mới"),
        reverse("web:rel-plan-list"),
        _trail(),
        no_rights=not offices.exists(),
    )


@login_required
@edit_page("relations.AnnualPlan")
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(AnnualPlan.objects.select_related("office"), request, pk)
    initial = {name: getattr(plan, name) for name in PLAN_FIELDS}
    initial["implements"] = list(plan.implements.all())
    form = PlanFields(request.POST or None, initial=initial, offices=own_office(plan), plan=plan)
    return edit_page_of(
        request,
        form,
        lambda _data: _save_plan(request, form, plan.office, plan),
        reverse("web:rel-plan-detail", args=[plan.pk]),
        _("Sửa: %(title)s") % {"title": plan.title},
        _trail(plan),
        no_rights=read_only(request, plan.office),
    )


plan_archive = archive_view(
    AnnualPlan.objects.select_related("office"),
    "web:rel-plan-detail",
    archive=services.archive_plan,
    restore=services.restore_plan,
)


def _task_url(task: PlanTask) -> str:
    return reverse("web:rel-plan-detail", args=[task.plan_id]) + f"#task-{task.pk}"


def _get_task(request: HttpRequest, pk: int) -> PlanTask:
    task: PlanTask = get_visible(
        PlanTask.objects.select_related("plan__office"), request, pk, office_field="plan__office"
    )
    return task


TASK_FIELDS = ("title", "owner", "due_on", "order")


@login_required
@edit_page("relations.AnnualPlan")
def task_create(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_visible(AnnualPlan.objects.select_related("office"), request, pk)
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, task = attempt(
            request,
            lambda: services.add_task(
                plan,
                data["title"],
                owner=data["owner"],
                due_on=data["due_on"],
                order=data["order"],
                actor=request.user,
            ),
            form=form,
        )
        if ok and task is not None:
            messages.success(request, _("Đã thêm nhiệm vụ “%(title)s”.") % {"title": task.title})
            return redirect(_task_url(task))
    return form_page(
        request,
        form,
        _("Thêm nhiệm vụ"),
        reverse("web:rel-plan-detail", args=[plan.pk]),
        _trail(plan),
        no_rights=read_only(request, plan.office),
    )


@login_required
@edit_page("relations.PlanTask", "plan__office")
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _get_task(request, pk)
    form = TaskForm(request.POST or None, initial={name: getattr(task, name) for name in TASK_FIELDS})
    return edit_page_of(
        request,
        form,
        lambda data: services.update_task(
            task, actor=request.user, **{name: data[name] for name in TASK_FIELDS}
        ),
        _task_url(task),
        _("Sửa nhiệm vụ"),
        _trail(task.plan),
        no_rights=read_only(request, task.plan.office),
    )


@login_required
def task_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    task = _get_task(request, pk)
    form = CancelTaskForm(request.POST or None, initial={"on": today()})
    if request.method == "POST" and form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.cancel_task(
                task, form.cleaned_data["reason"], on=form.cleaned_data["on"], actor=request.user
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã hủy nhiệm vụ “%(title)s”.") % {"title": task.title})
            return redirect(_task_url(task))
    return form_page(
        request,
        form,
        _("Hủy nhiệm vụ: %(title)s") % {"title": task.title},
        _task_url(task),
        _trail(task.plan),
        no_rights=read_only(request, task.plan.office),
    )


@login_required
@require_POST
def task_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    task = _get_task(request, pk)
    ok, _result = attempt(request, lambda: services.reopen_task(task, actor=request.user))
    if ok:
        messages.success(request, _("Đã khôi phục nhiệm vụ “%(title)s”.") % {"title": task.title})
    return redirect(_task_url(task))


TARGET_FIELDS = services.TARGET_FIELDS


@login_required
@edit_page("relations.PlanTask", "plan__office")
def target_create(request: HttpRequest, pk: int) -> HttpResponse:
    task = _get_task(request, pk)
    plan = task.plan
    initial = {"kind": request.GET.get("kind", TargetKind.EVENT)}
    form = TargetForm(request.POST or None, offices=own_office(plan), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, target = attempt(
            request,
            lambda: services.add_target(
                task,
                data["description"],
                data["kind"],
                actor=request.user,
                **{name: data[name] for name in TARGET_FIELDS[2:]},
            ),
            form=form,
        )
        if ok and target is not None:
            messages.success(request, _("Đã thêm chỉ tiêu “%(target)s”.") % {"target": target})
            return redirect(_task_url(task))
    return form_page(
        request,
        form,
        _("Thêm chỉ tiêu cho nhiệm vụ: %(title)s") % {"title": task.title},
        _task_url(task),
        _trail(plan),
        no_rights=read_only(request, plan.office),
    )


def _get_target(request: HttpRequest, pk: int) -> TaskTarget:
    target: TaskTarget = get_visible(
        TaskTarget.objects.select_related("task__plan__office"),
        request,
        pk,
        office_field="task__plan__office",
    )
    return target


@login_required
@edit_page("relations.TaskTarget", "task__plan__office")
def target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = _get_target(request, pk)
    task, plan = target.task, target.task.plan
    initial = {name: getattr(target, name) for name in TARGET_FIELDS}
    form = TargetForm(request.POST or None, offices=own_office(plan), initial=initial, target=target)
    return edit_page_of(
        request,
        form,
        lambda data: services.update_target(
            target, actor=request.user, **{name: data[name] for name in TARGET_FIELDS}
        ),
        _task_url(task),
        _("Sửa chỉ tiêu: %(target)s") % {"target": target},
        _trail(plan),
        no_rights=read_only(request, plan.office),
    )


@login_required
def target_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET); removes on POST, unless evidence is still linked (the service refuses, and says so)."""
    target = _get_target(request, pk)
    task, plan = target.task, target.task.plan
    if request.method == "POST":
        ok, _result = attempt(request, lambda: services.remove_target(target, actor=request.user))
        if ok:
            messages.success(request, _("Đã xóa chỉ tiêu “%(target)s”.") % {"target": target})
        return redirect(_task_url(task))
    title = _("Xóa chỉ tiêu: %(target)s") % {"target": target}
    return render(
        request,
        "web/relations/target_remove.html",
        {
            "target": target,
            "evidence": list(target.evidence.select_related("congress", "event", "agreement", "aid_item")),
            "title": title,
            "cancel": _task_url(task),
            "no_rights": not can(request.user, Action.EDIT, plan.office),
            "breadcrumbs": crumbs(*_trail(plan), (title, None)),
        },
    )
