"""People the union deals with (foreign students, overseas Vietnamese, contacts, association members): list
(search without diacritics), page (consents with their dates, events taken part in, associations), create, edit,
record and withdraw a consent, archive and restore, history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core.permissions import Action, can, visible_offices
from caunoi.relations.countries import country_name
from caunoi.relations.models import (
    AssociationMember,
    CommitteeMember,
    Consent,
    ConsentKind,
    EventParticipant,
    Person,
)
from caunoi.relations.services import associations as association_services
from caunoi.relations.services import people as services
from caunoi.web.lists import Column, sorted_paged
from caunoi.web.relations_forms import (
    ConsentForm,
    MemberLeftForm,
    PersonFields,
    PersonFilterForm,
    PersonForm,
    WithdrawConsentForm,
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
    when,
)

FIELDS = ("name", "kind", "nationality", "organisation", "institution", "email", "phone", "notes")

COLUMNS = [
    Column("name", gettext_lazy("Họ tên"), lambda p: p.name, sort="name"),
    Column("kind", gettext_lazy("Nhóm"), lambda p: p.get_kind_display(), sort="kind"),
    Column(
        "nationality", gettext_lazy("Quốc tịch"), lambda p: country_name(p.nationality), sort="nationality"
    ),
    Column("institution", gettext_lazy("Nơi học tập, công tác"), lambda p: p.institution, sort="institution"),
    Column("consents", gettext_lazy("Đang đồng ý"), lambda p: p.consent_text),
    Column("office", gettext_lazy("Cơ quan"), lambda p: p.office.code, sort="office__code"),
]


def _trail(person: Person | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [(_("Danh bạ cá nhân"), reverse("web:rel-person-list"))]
    if person is not None:
        trail.append((person.name, reverse("web:rel-person-detail", args=[person.pk])))
    return trail


def standing_consents(person: Person, on: Any) -> list[str]:
    """The labels of what the person consents to on `on` (from the prefetched consents)."""
    return [str(kind.label) for kind in ConsentKind if services.consents(person, kind, on)]


def _filtered(request: HttpRequest) -> tuple[PersonFilterForm, QuerySet[Person]]:
    form = PersonFilterForm(request.GET or None)
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()  # a bad value shows its message and is ignored; the valid filters still apply
        data = {k: form.cleaned_data.get(k) for k in form.fields if k not in form.errors}
    people = Person.objects.filter(office__in=visible_offices(request.user))
    if request.GET.get("archived") != "1":
        people = people.filter(archived_at__isnull=True)
    if data.get("q"):
        people = search(people, data["q"], "name", "institution", "organisation__name", "email")
    if data.get("kind"):
        people = people.filter(kind=data["kind"])
    return form, people.select_related("office").prefetch_related("consents")


@login_required
def person_list(request: HttpRequest) -> HttpResponse:
    form, people = _filtered(request)
    result = sorted_paged(request, people, COLUMNS, "name")
    on = today()
    for person in result.page.object_list:
        person.country_label = country_name(person.nationality)
        person.consent_text = ", ".join(standing_consents(person, on))
    title = _("Danh bạ cá nhân")
    return render(
        request,
        "web/relations/person_list.html",
        {
            "form": form,
            "result": result,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


DETAIL = Person.objects.select_related("office", "organisation").prefetch_related(
    Prefetch("consents", queryset=Consent.objects.order_by("kind", "given_on", "id")),
    Prefetch(
        "participations",
        queryset=EventParticipant.objects.filter(event__archived_at__isnull=True)
        .select_related("event")
        .order_by("-event__start_on", "event_id"),
    ),
    Prefetch(
        "memberships",
        queryset=AssociationMember.objects.select_related("association").order_by("joined_on"),
    ),
    Prefetch(
        "committee_seats",
        queryset=CommitteeMember.objects.select_related("term__association").order_by("start"),
    ),
)


@login_required
def person_detail(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    person = get_visible(DETAIL, request, pk)
    on = today()
    allowed = permissions(request, person)
    # A withdrawal only narrows what may be published: it is offered even for an archived person.
    can_withdraw = can(request.user, Action.EDIT, person.office)
    consents = list(person.consents.all())
    standing = {c.kind for c in consents if c.withdrawn_on is None}
    memberships = list(person.memberships.all())
    for membership in memberships:
        live = membership.left_on is None and membership.association.archived_at is None
        membership.left_form = (
            MemberLeftForm(prefix=f"m{membership.pk}", initial={"left_on": on})
            if allowed["can_edit"] and live
            else None
        )
    participations = list(person.participations.all())
    for participation in participations:
        participation.when = when(participation.event)
    context: dict[str, Any] = {
        "person": person,
        "country": country_name(person.nationality),
        "consents": consents,
        "today_consents": standing_consents(person, on),
        "participations": participations,
        "memberships": memberships,
        "seats": list(person.committee_seats.all()),
        "consent_form": ConsentForm(prefix="consent", initial={"given_on": on})
        if allowed["can_edit"]
        else None,
        "withdraw_form": WithdrawConsentForm(
            prefix="withdraw",
            initial={"withdrawn_on": on, "kind": next((k for k in ConsentKind if k in standing), None)},
        )
        if can_withdraw and standing
        else None,
        "title": person.name,
        "breadcrumbs": crumbs(*_trail(), (person.name, None)),
        **allowed,
    }
    context.update(forms)
    return render(request, "web/relations/person_detail.html", context, status=400 if forms else 200)


@login_required
@edit_page()
def person_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    kind = request.GET.get("kind", "")
    form = PersonForm(request.POST or None, offices=offices, initial={"kind": kind} if kind else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["office"]
        ok, person = attempt(
            request,
            lambda: services.create_person(office, actor=request.user, **{k: data[k] for k in FIELDS}),
            form=form,
        )
        if ok and person is not None:
            messages.success(request, _("Đã ghi %(name)s.") % {"name": person.name})
            return redirect("web:rel-person-detail", pk=person.pk)
    title = _("Cá nhân mới")
    return form_page(
        request, form, title, reverse("web:rel-person-list"), _trail(), no_rights=not offices.exists()
    )


@login_required
@edit_page("relations.Person")
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_visible(Person.objects.select_related("office", "organisation"), request, pk)
    initial = {k: getattr(person, k) for k in FIELDS}
    form = PersonFields(request.POST or None, offices=own_office(person), initial=initial)
    return edit_page_of(
        request,
        form,
        lambda data: services.update_person(person, actor=request.user, **{k: data[k] for k in FIELDS}),
        reverse("web:rel-person-detail", args=[person.pk]),
        _("Sửa: %(title)s") % {"title": person.name},
        _trail(person),
    )


@login_required
@require_POST
def person_consent(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_visible(DETAIL, request, pk)
    form = ConsentForm(request.POST, prefix="consent")
    if form.is_valid():
        data = form.cleaned_data
        ok, _result = attempt(
            request,
            lambda: services.record_consent(
                person, data["kind"], data["given_on"], note=data["note"], actor=request.user
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi sự đồng ý."))
            return redirect("web:rel-person-detail", pk=person.pk)
    return person_detail(request, person.pk, consent_form=form)


@login_required
@require_POST
def person_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_visible(DETAIL, request, pk)
    form = WithdrawConsentForm(request.POST, prefix="withdraw")
    if form.is_valid():
        data = form.cleaned_data
        ok, _result = attempt(
            request,
            lambda: services.withdraw_consent(person, data["kind"], data["withdrawn_on"], actor=request.user),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã ghi rút lại sự đồng ý."))
            return redirect("web:rel-person-detail", pk=person.pk)
    return person_detail(request, person.pk, withdraw_form=form)


@login_required
@require_POST
def person_membership_left(request: HttpRequest, pk: int, member: int) -> HttpResponse:
    """The person left an association (recorded from the person's page, where the name is always shown)."""
    person = get_visible(Person.objects.select_related("office"), request, pk)
    membership = person.memberships.select_related("association__office", "person").filter(pk=member).first()
    if membership is None:
        raise Http404
    form = MemberLeftForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: association_services.end_membership(
                membership, form.cleaned_data["left_on"], actor=request.user
            ),
        )
        if ok:
            messages.success(
                request, _("Đã ghi ngày ra hội %(name)s.") % {"name": membership.association.name}
            )
    else:
        flash_form_errors(request, form)
    return redirect("web:rel-person-detail", pk=person.pk)


person_archive = archive_view(Person.objects.select_related("office"), "web:rel-person-detail")


person_history = history_view(
    Person.objects.all(),
    "web:rel-person-detail",
    lambda person: [
        Consent.history.filter(person_id=person.pk),
        AssociationMember.history.filter(person_id=person.pk),
        CommitteeMember.history.filter(person_id=person.pk),
        EventParticipant.history.filter(person_id=person.pk),
    ],
    _trail,
)
