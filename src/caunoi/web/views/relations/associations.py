"""Friendship associations: list, page (founding steps, terms, committee per term, member counts, members named
only with their consent, congresses), create, edit, add a named member, plan a congress, record a congress
held."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.relations.countries import country_name
from caunoi.relations.dates import vn_date
from caunoi.relations.models import (
    Association,
    AssociationMember,
    CommitteeMember,
    Congress,
    CongressKind,
    CongressStatus,
    ConsentKind,
    FoundingStep,
    FoundingStepKind,
    MemberCount,
    Term,
)
from caunoi.relations.services import associations as services
from caunoi.relations.services.people import consents
from caunoi.relations.services.plans import link_evidence
from caunoi.web.lists import Column, export, sorted_paged
from caunoi.web.relations_forms import (
    AssociationEditForm,
    AssociationForm,
    CommitteeMemberForm,
    CongressHeldForm,
    FoundingStepForm,
    MemberCountForm,
    MemberForm,
    PlanCongressForm,
    TermForm,
)
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
    search,
    today,
)

STAGES = {
    "founded": gettext_lazy("Đã thành lập"),
    FoundingStepKind.PROPOSAL.value: gettext_lazy("Đang thành lập: đã đề nghị"),
    FoundingStepKind.APPROVAL.value: gettext_lazy("Đang thành lập: đã được đồng ý"),
    "": gettext_lazy("Chưa ghi việc thành lập"),
}


def _annotated(queryset: QuerySet[Association]) -> QuerySet[Association]:
    latest = MemberCount.objects.filter(association=OuterRef("pk")).order_by("-on")
    term = Term.objects.filter(association=OuterRef("pk")).order_by("-number")
    planned = Congress.objects.filter(
        association=OuterRef("pk"), status=CongressStatus.PLANNED, archived_at__isnull=True
    ).order_by("on")
    return services.with_founding_facts(queryset).annotate(
        member_count=Subquery(latest.values("count")[:1]),
        member_count_on=Subquery(latest.values("on")[:1]),
        term_number=Subquery(term.values("number")[:1]),
        next_congress=Subquery(planned.values("on")[:1]),
        next_congress_precision=Subquery(planned.values("precision")[:1]),
    )


COLUMNS = [
    Column("name", gettext_lazy("Tên hội"), lambda a: a.name, sort="name"),
    Column(
        "country",
        gettext_lazy("Nước đối tác"),
        lambda a: country_name(a.counterpart_country),
        sort="counterpart_country",
    ),
    Column("stage", gettext_lazy("Thành lập"), lambda a: STAGES[services.founding_stage(a)]),
    Column("term", gettext_lazy("Nhiệm kỳ hiện tại"), lambda a: a.term_number or "", sort="term_number"),
    Column("members", gettext_lazy("Số hội viên"), lambda a: a.member_count, sort="member_count"),
    Column(
        "next",
        gettext_lazy("Đại hội dự kiến"),
        lambda a: vn_date(a.next_congress, a.next_congress_precision) if a.next_congress else "",
        sort="next_congress",
    ),
    Column("office", gettext_lazy("Cơ quan"), lambda a: a.office.code, sort="office__code"),
]


@login_required
def association_list(request: HttpRequest) -> HttpResponse:
    associations = Association.objects.filter(office__in=visible_offices(request.user)).select_related(
        "office"
    )
    if request.GET.get("archived") != "1":
        associations = associations.filter(archived_at__isnull=True)
    q = request.GET.get("q", "")
    associations = _annotated(search(associations, q, "name", "name_en"))
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return export(associations.order_by("name"), COLUMNS, fmt, "hoi-huu-nghi")
    result = sorted_paged(request, associations, COLUMNS, "name")
    for association in result.page.object_list:
        association.stage = services.founding_stage(association)
        association.stage_label = STAGES[association.stage]
        association.next_text = (
            vn_date(association.next_congress, association.next_congress_precision)
            if association.next_congress
            else ""
        )
    title = _("Hội hữu nghị")
    return render(
        request,
        "web/relations/association_list.html",
        {
            "result": result,
            "q": q,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


DETAIL = Association.objects.select_related("office", "organisation").prefetch_related(
    Prefetch("founding_steps", queryset=FoundingStep.objects.order_by("on", "id")),
    Prefetch(
        "terms",
        queryset=Term.objects.order_by("-number").prefetch_related(
            Prefetch(
                "committee",
                queryset=CommitteeMember.objects.select_related("person").prefetch_related(
                    "person__consents"
                ),
            )
        ),
    ),
    Prefetch("member_counts", queryset=MemberCount.objects.order_by("-on")),
    Prefetch(
        "members",
        queryset=AssociationMember.objects.select_related("person").prefetch_related("person__consents"),
    ),
    Prefetch("congresses", queryset=Congress.objects.filter(archived_at__isnull=True).order_by("on", "id")),
)


def _trail(association: Association | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [(_("Hội hữu nghị"), reverse("web:rel-association-list"))]
    if association is not None:
        trail.append((association.name, reverse("web:rel-association-detail", args=[association.pk])))
    return trail


@login_required
def association_detail(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    association = get_visible(DETAIL, request, pk)
    on = today()
    allowed = permissions(request, association)
    editable = allowed["can_edit"]
    terms = []
    for term in association.terms.all():
        seats = [
            {"seat": seat, "named": consents(seat.person, ConsentKind.NAME_LISTING, on)}
            for seat in term.committee.all()
        ]
        terms.append({"term": term, "seats": seats})
    current = [m for m in association.members.all() if m.left_on is None or m.left_on >= on]
    named = sorted(
        (m for m in current if consents(m.person, ConsentKind.NAME_LISTING, on)), key=lambda m: m.person.name
    )
    steps = list(association.founding_steps.all())
    for step in steps:
        step.on_text = vn_date(step.on, step.precision)
    congresses = list(association.congresses.all())
    for congress in congresses:
        congress.on_text = vn_date(congress.on, congress.precision)
    stage = services.founding_stage(association)
    done = {s.step for s in steps}
    next_step = next((k for k in FoundingStepKind if k not in done), None)
    context: dict[str, Any] = {
        "association": association,
        "country": country_name(association.counterpart_country),
        "stage": stage,
        "stage_label": STAGES[stage],
        "steps": steps,
        "terms": terms,
        "counts": list(association.member_counts.all()),
        "named_members": named,
        "unnamed_members": len(current) - len(named),
        "congresses": congresses,
        "founded": vn_date(association.founded_on, association.founded_precision)
        if association.founded_on
        else "",
        "held_form": CongressHeldForm() if editable else None,
        "step_form": FoundingStepForm(initial={"step": next_step, "on": on})
        if editable and stage != "founded" and next_step
        else None,
        "term_form": TermForm() if editable and stage == "founded" else None,
        "count_form": MemberCountForm(initial={"on": on}) if editable else None,
        "seat_form": CommitteeMemberForm(offices=own_office(association), terms=[t["term"] for t in terms])
        if editable and terms
        else None,
        "member_form": MemberForm(offices=own_office(association), prefix="member", initial={"joined_on": on})
        if editable
        else None,
        "title": association.name,
        "breadcrumbs": crumbs(*_trail(), (association.name, None)),
        **allowed,
    }
    context.update(forms)
    return render(request, "web/relations/association_detail.html", context, status=400 if forms else 200)


CREATE_FIELDS = (
    "name",
    "name_en",
    "counterpart_country",
    "founding_decision_number",
    "founding_decision_date",
    "founding_decision_body",
    "founded_on",
    "founded_precision",
    "notes",
)


@login_required
@edit_page()
def association_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = AssociationForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, association = attempt(
            request,
            lambda: services.create_association(
                data["office"], actor=request.user, **{k: data[k] for k in CREATE_FIELDS}
            ),
            form=form,
        )
        if ok and association is not None:
            messages.success(request, _("Đã ghi %(name)s.") % {"name": association.name})
            return redirect("web:rel-association-detail", pk=association.pk)
    title = _("Hội hữu nghị mới")
    return form_page(
        request, form, title, reverse("web:rel-association-list"), _trail(), no_rights=not offices.exists()
    )


EDIT_FIELDS = (*CREATE_FIELDS, "organisation")


@login_required
@edit_page("relations.Association")
def association_edit(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_visible(Association.objects.select_related("office", "organisation"), request, pk)
    initial = {k: getattr(association, k) for k in EDIT_FIELDS}
    form = AssociationEditForm(request.POST or None, offices=own_office(association), initial=initial)
    return edit_page_of(
        request,
        form,
        lambda data: services.update_association(
            association, actor=request.user, **{k: data[k] for k in EDIT_FIELDS}
        ),
        reverse("web:rel-association-detail", args=[association.pk]),
        _("Sửa: %(title)s") % {"title": association.name},
        _trail(association),
    )


@login_required
@require_POST
def association_member(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a named member (a person already recorded); listed by name only with their consent."""
    association = get_visible(DETAIL, request, pk)
    form = MemberForm(request.POST, offices=own_office(association), prefix="member")
    if form.is_valid():
        data = form.cleaned_data
        ok, _result = attempt(
            request,
            lambda: services.add_member(
                association, data["person"], data["joined_on"], left_on=data["left_on"], actor=request.user
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi hội viên %(name)s.") % {"name": data["person"].name})
            return redirect("web:rel-association-detail", pk=association.pk)
    return association_detail(request, association.pk, member_form=form)


@login_required
def congress_plan(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_visible(Association.objects.select_related("office"), request, pk)
    next_term = (association.terms.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = PlanCongressForm(
        request.POST or None,
        association=association,
        initial={
            "term_number": next_term,
            "kind": CongressKind.REGULAR if services.is_founded(association) else CongressKind.FOUNDING,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def plan() -> Congress:
            congress = services.plan_congress(
                association,
                term_number=data["term_number"],
                on=data["on"],
                precision=data["precision"],
                kind=data["kind"],
                place=data["place"],
                notes=data["notes"],
                actor=request.user,
            )
            if data["target"] is not None:
                link_evidence(data["target"], congress, actor=request.user)
            return congress

        ok, _congress = attempt(request, plan, form=form, field_map={"evidence": "target"})
        if ok:
            messages.success(request, _("Đã ghi đại hội dự kiến."))
            return redirect("web:rel-association-detail", pk=association.pk)
    title = _("Dự kiến đại hội")
    return form_page(
        request,
        form,
        f"{title} — {association.name}",
        reverse("web:rel-association-detail", args=[association.pk]),
        _trail(association),
        crumb=title,
    )


@login_required
@require_POST
def congress_held(request: HttpRequest, pk: int) -> HttpResponse:
    congress = get_visible(Congress.objects.select_related("office", "association"), request, pk)
    form = CongressHeldForm(request.POST, prefix=f"c{congress.pk}")
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.record_congress_held(
                congress, form.cleaned_data["on"], place=form.cleaned_data["place"], actor=request.user
            ),
        )
        if ok:
            messages.success(
                request, _("Đã ghi đại hội đã tổ chức ngày %(on)s.") % {"on": vn_date(congress.on)}
            )
    else:
        flash_form_errors(request, form)
    return redirect("web:rel-association-detail", pk=congress.association_id)


@login_required
@require_POST
def congress_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    congress = get_visible(Congress.objects.select_related("office"), request, pk)
    ok, _result = attempt(
        request,
        lambda: services.cancel_congress(congress, note=request.POST.get("note", ""), actor=request.user),
    )
    if ok:
        messages.success(request, _("Đã hủy đại hội dự kiến."))
    return redirect("web:rel-association-detail", pk=congress.association_id)


def _post_form(
    request: HttpRequest, pk: int, form_class: Any, name: str, call: Any, done: str
) -> HttpResponse:
    """A form posted from the association's page: saved and back to the page, or the page with its errors."""
    association = get_visible(DETAIL, request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        ok, _result = attempt(request, lambda: call(association, form.cleaned_data), form=form)
        if ok:
            messages.success(request, done)
            return redirect("web:rel-association-detail", pk=association.pk)
    return association_detail(request, association.pk, **{name: form})


@login_required
@require_POST
def association_step(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_form(
        request,
        pk,
        FoundingStepForm,
        "step_form",
        lambda a, d: services.record_founding_step(a, d.pop("step"), d.pop("on"), actor=request.user, **d),
        _("Đã ghi bước thành lập."),
    )


@login_required
@require_POST
def association_term(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_form(
        request,
        pk,
        TermForm,
        "term_form",
        lambda a, d: services.add_term(a, d["number"], d["start"], d["end"], actor=request.user),
        _("Đã ghi nhiệm kỳ."),
    )


@login_required
@require_POST
def association_count(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_form(
        request,
        pk,
        MemberCountForm,
        "count_form",
        lambda a, d: services.record_member_count(a, d["on"], d["count"], note=d["note"], actor=request.user),
        _("Đã ghi số hội viên."),
    )


@login_required
@require_POST
def association_seat(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_visible(DETAIL, request, pk)
    terms = list(association.terms.all())
    form = CommitteeMemberForm(request.POST, offices=own_office(association), terms=terms)
    if form.is_valid():
        data = form.cleaned_data
        term = next(t for t in terms if str(t.pk) == data["term"])
        ok, _result = attempt(
            request,
            lambda: services.add_committee_member(
                term,
                data["person"],
                data["position"],
                start=data["start"],
                end=data["end"],
                association=association,
                actor=request.user,
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi ủy viên Ban Chấp hành."))
            return redirect("web:rel-association-detail", pk=association.pk)
    return association_detail(request, association.pk, seat_form=form)


association_archive = archive_view(Association.objects.select_related("office"), "web:rel-association-detail")


association_history = history_view(
    Association.objects.all(),
    "web:rel-association-detail",
    lambda association: [
        FoundingStep.history.filter(association_id=association.pk),
        Term.history.filter(association_id=association.pk),
        CommitteeMember.history.filter(term_id__in=list(association.terms.values_list("pk", flat=True))),
        MemberCount.history.filter(association_id=association.pk),
        AssociationMember.history.filter(association_id=association.pk),
        Congress.history.filter(association_id=association.pk),
    ],
    _trail,
)
