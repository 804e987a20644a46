"""Events and delegations: list (year, kind, partner), page (participants with roles, counts by nationality,
photos with captions, documents), create ("đón đoàn vào"…) with links to partner, agreement, aid item and
association, edit."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.relations.countries import country_name
from caunoi.relations.models import (
    Event,
    EventDocument,
    EventKind,
    EventParticipant,
    EventPhoto,
    Headcount,
)
from caunoi.relations.services import events as services
from caunoi.web.lists import Column, export, sorted_paged
from caunoi.web.relations_forms import (
    EventDocumentForm,
    EventFields,
    EventFilterForm,
    EventForm,
    HeadcountForm,
    ParticipantForm,
    PhotoForm,
)
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.relations.common import (
    archive_view,
    attempt,
    crumbs,
    edit_page_of,
    editable_offices,
    file_response,
    form_page,
    history_view,
    own_office,
    permissions,
    search,
    when,
)

COLUMNS = [
    Column("when", gettext_lazy("Thời gian"), when, sort="start_on"),
    Column("title", gettext_lazy("Tên hoạt động"), lambda e: e.title, sort="title"),
    Column("kind", gettext_lazy("Loại"), lambda e: e.get_kind_display(), sort="kind"),
    Column(
        "partner",
        gettext_lazy("Đối tác"),
        lambda e: e.partnership.organisation.name if e.partnership else "",
        sort="partnership__organisation__name",
    ),
    Column("people", gettext_lazy("Số người"), lambda e: e.people or "", sort="people"),
    Column("place", gettext_lazy("Địa điểm"), lambda e: e.place, sort="place"),
    Column("office", gettext_lazy("Cơ quan"), lambda e: e.office.code, sort="office__code"),
]


def _filtered(request: HttpRequest) -> tuple[EventFilterForm, QuerySet[Event]]:
    offices = visible_offices(request.user)
    form = EventFilterForm(request.GET or None, offices=offices)
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()
        data = {k: form.cleaned_data.get(k) for k in form.fields if k not in form.errors}
    events = Event.objects.filter(office__in=offices)
    if request.GET.get("archived") != "1":
        events = events.filter(archived_at__isnull=True)
    if data.get("q"):
        events = search(events, data["q"], "title", "place", "partnership__organisation__name")
    if data.get("year"):
        events = events.filter(start_on__year=data["year"])
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("partner"):
        events = events.filter(partnership=data["partner"])
    people = (
        Headcount.objects.filter(event=OuterRef("pk")).values("event").annotate(n=Sum("count")).values("n")
    )
    events = events.select_related("office", "partnership__organisation").annotate(people=Subquery(people))
    return form, events


@login_required
def event_list(request: HttpRequest) -> HttpResponse:
    form, events = _filtered(request)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return export(events.order_by("start_on", "pk"), COLUMNS, fmt, "hoat-dong-doi-ngoai")
    result = sorted_paged(request, events, COLUMNS, "-start_on")
    for event in result.page.object_list:
        event.when = when(event)
    title = _("Hoạt động, đoàn ra, đoàn vào")
    return render(
        request,
        "web/relations/event_list.html",
        {
            "form": form,
            "result": result,
            "title": title,
            "kinds": EventKind.choices,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


DETAIL = Event.objects.select_related(
    "office", "partnership__organisation", "agreement", "aid_item", "association", "occasion", "place_unit"
).prefetch_related(
    "organisers",
    Prefetch(
        "participants",
        queryset=EventParticipant.objects.select_related("person", "organisation").order_by("role", "id"),
    ),
    Prefetch("headcounts", queryset=Headcount.objects.order_by("-count", "country")),
    Prefetch("photos", queryset=EventPhoto.objects.filter(archived_at__isnull=True)),
    Prefetch("documents", queryset=EventDocument.objects.filter(archived_at__isnull=True)),
)


def _trail(event: Event | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [(_("Hoạt động, đoàn ra, đoàn vào"), reverse("web:rel-event-list"))]
    if event is not None:
        trail.append((event.title, reverse("web:rel-event-detail", args=[event.pk])))
    return trail


@login_required
def event_detail(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    allowed = permissions(request, event)
    editable = allowed["can_edit"]
    headcounts = [(h, country_name(h.country)) for h in event.headcounts.all()]
    roles = Counter(p.get_role_display() for p in event.participants.all())
    initial_counts = {}
    for i, (h, _name) in enumerate(headcounts[: HeadcountForm.ROWS]):
        initial_counts[f"country_{i}"], initial_counts[f"count_{i}"] = h.country, h.count
    context: dict[str, Any] = {
        "event": event,
        "when": when(event),
        "country": country_name(event.country),
        "headcounts": headcounts,
        "people": sum(h.count for h, _name in headcounts),
        "roles": sorted(roles.items()),
        "deadlines": services.workshop_deadlines(event) if event.kind == EventKind.WORKSHOP else None,
        "participant_form": ParticipantForm(offices=own_office(event)) if editable else None,
        "headcount_form": HeadcountForm(initial=initial_counts) if editable else None,
        "photo_form": PhotoForm() if editable else None,
        "document_form": EventDocumentForm() if editable else None,
        "title": event.title,
        "breadcrumbs": crumbs(*_trail(), (event.title, None)),
        **allowed,
    }
    context.update(forms)
    return render(request, "web/relations/event_detail.html", context, status=400 if forms else 200)


FIELDS = tuple(name for name in EventFields.base_fields if name != "organisers")


@login_required
@edit_page()
def event_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    kind = request.GET.get("kind", "")
    initial: dict[str, Any] = {"kind": kind if kind in EventKind.values else EventKind.INCOMING_DELEGATION}
    for link in EventFields.LINKS:
        if request.GET.get(link, "").isdigit():
            initial[link] = int(request.GET[link])
    form = EventForm(request.POST or None, offices=offices, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["office"]
        ok, event = attempt(
            request,
            lambda: services.create_event(
                office,
                organisers=list(data["organisers"]),
                actor=request.user,
                **{k: data[k] for k in FIELDS},
            ),
            form=form,
        )
        if ok and event is not None:
            messages.success(request, _("Đã ghi hoạt động “%(title)s”.") % {"title": event.title})
            return redirect("web:rel-event-detail", pk=event.pk)
    chosen = EventKind(form["kind"].value()).label if form["kind"].value() in EventKind.values else ""
    title = _("Ghi hoạt động mới") + (f": {chosen}" if chosen else "")
    return form_page(
        request,
        form,
        title,
        reverse("web:rel-event-list"),
        _trail(),
        no_rights=not offices.exists(),
        crumb=_("Ghi hoạt động mới"),
    )


@login_required
@edit_page("relations.Event")
def event_edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    initial = {k: getattr(event, k) for k in FIELDS}
    initial["organisers"] = list(event.organisers.all())
    form = EventFields(request.POST or None, offices=own_office(event), initial=initial)

    def update(data: dict[str, Any]) -> None:
        services.update_event(event, actor=request.user, **{k: data[k] for k in FIELDS})
        services.set_organisers(event, list(data["organisers"]), actor=request.user)

    return edit_page_of(
        request,
        form,
        update,
        reverse("web:rel-event-detail", args=[event.pk]),
        _("Sửa: %(title)s") % {"title": event.title},
        _trail(event),
    )


@login_required
@require_POST
def event_participant(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    form = ParticipantForm(request.POST, offices=own_office(event))
    if form.is_valid():
        data = form.cleaned_data
        ok, _result = attempt(
            request,
            lambda: services.add_participant(
                event,
                data["role"],
                person=data["person"],
                name=data["name"],
                organisation=data["organisation"],
                actor=request.user,
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã thêm người tham gia."))
            return redirect("web:rel-event-detail", pk=event.pk)
    return event_detail(request, event.pk, participant_form=form)


@login_required
@require_POST
def event_headcounts(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    form = HeadcountForm(request.POST)
    if form.is_valid():
        counts = form.counts()
        if form.is_valid():
            ok, _result = attempt(
                request,
                lambda: services.set_headcounts(event, counts, actor=request.user),
                form=form,
                field_map={"headcounts": "count_0"},
            )
            if ok:
                messages.success(request, _("Đã lưu số người tham gia theo quốc tịch."))
                return redirect("web:rel-event-detail", pk=event.pk)
    return event_detail(request, event.pk, headcount_form=form)


@login_required
@require_POST
def event_photo(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        ok, _result = attempt(
            request,
            lambda: services.add_photo(
                event, data["file"], data["caption"], credit=data["credit"], actor=request.user
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã thêm ảnh."))
            return redirect("web:rel-event-detail", pk=event.pk)
    return event_detail(request, event.pk, photo_form=form)


@login_required
@require_POST
def event_document(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_visible(DETAIL, request, pk)
    form = EventDocumentForm(request.POST, request.FILES)
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.add_document(
                event, form.cleaned_data["file"], form.cleaned_data["title"], actor=request.user
            ),
            form=form,
        )
        if ok:
            messages.success(request, _("Đã tải lên văn bản."))
            return redirect("web:rel-event-detail", pk=event.pk)
    return event_detail(request, event.pk, document_form=form)


@login_required
def event_photo_file(request: HttpRequest, pk: int, photo: int) -> HttpResponseBase:
    event = get_visible(Event.objects.all(), request, pk)
    found = event.photos.filter(pk=photo, archived_at__isnull=True).first()
    if found is None:
        raise Http404
    return file_response(found.file, inline=True)


@login_required
def event_document_file(request: HttpRequest, pk: int, doc: int) -> HttpResponseBase:
    event = get_visible(Event.objects.all(), request, pk)
    found = event.documents.filter(pk=doc, archived_at__isnull=True).first()
    if found is None:
        raise Http404
    return file_response(found.file)


event_archive = archive_view(Event.objects.select_related("office"), "web:rel-event-detail")


event_history = history_view(
    Event.objects.all(),
    "web:rel-event-detail",
    lambda event: [
        EventParticipant.history.filter(event_id=event.pk),
        Headcount.history.filter(event_id=event.pk),
        EventPhoto.history.filter(event_id=event.pk),
        EventDocument.history.filter(event_id=event.pk),
    ],
    _trail,
)
