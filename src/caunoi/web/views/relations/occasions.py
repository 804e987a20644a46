"""The calendar's occasions (diplomatic relations, national days, new-year festivals): list, page, create,
edit, the dates of a lunar occasion year by year, history, archive and restore. Reached from the calendar."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.relations.countries import country_name
from caunoi.relations.dates import vn_date
from caunoi.relations.models import Occasion, OccasionDate, Recurrence
from caunoi.relations.services import calendar as services
from caunoi.web.relations_plan_forms import OccasionDateForm, OccasionFields, OccasionForm
from caunoi.web.views.common import edit_page, get_visible
from caunoi.web.views.relations.common import (
    archive_view,
    attempt,
    crumbs,
    edit_page_of,
    editable_offices,
    form_page,
    history_view,
    own_office,
    permissions,
    read_only,
    today,
)

FIELDS = (
    "kind",
    "title",
    "title_en",
    "country",
    "recurrence",
    "day",
    "month",
    "origin_year",
    "duration_days",
    "source_url",
    "source_note",
)


def _trail(occasion: Occasion | None = None) -> list[tuple[Any, str | None]]:
    trail: list[tuple[Any, str | None]] = [
        (_("Lịch đối ngoại"), reverse("web:rel-calendar")),
        (_("Dịp kỷ niệm"), reverse("web:rel-occasion-list")),
    ]
    if occasion is not None:
        trail.append((occasion.title, reverse("web:rel-occasion-detail", args=[occasion.pk])))
    return trail


def when(occasion: Occasion) -> str:
    """05/09 for a fixed day; for a lunar occasion, the dates recorded from this year on."""
    if occasion.recurrence == Recurrence.PER_YEAR_DATES:
        year = today().year
        dates = [vn_date(d.on) for d in occasion.dates.all() if d.year >= year]
        return ", ".join(dates) if dates else _("chưa ghi ngày của năm nay và các năm tới")
    if occasion.day and occasion.month:
        return f"{occasion.day:02d}/{occasion.month:02d}"
    return ""


def _queryset() -> QuerySet[Occasion]:
    return Occasion.objects.select_related("office").prefetch_related("dates")


@login_required
def occasion_list(request: HttpRequest) -> HttpResponse:
    archived = request.GET.get("archived") == "1"
    occasions = _queryset().filter(office__in=visible_offices(request.user))
    if not archived:
        occasions = occasions.filter(archived_at__isnull=True)
    ordered = occasions.order_by(F("month").asc(nulls_last=True), F("day").asc(nulls_last=True), "title")
    rows = [{"occasion": o, "when": when(o), "country": country_name(o.country)} for o in ordered]
    title = _("Dịp kỷ niệm")
    return render(
        request,
        "web/relations/occasion_list.html",
        {
            "rows": rows,
            "archived": archived,
            "title": title,
            "breadcrumbs": crumbs(_trail()[0], (title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


@login_required
def occasion_detail(request: HttpRequest, pk: int, date_form: OccasionDateForm | None = None) -> HttpResponse:
    occasion = get_visible(_queryset(), request, pk)
    allowed = permissions(request, occasion)
    lunar = occasion.recurrence == Recurrence.PER_YEAR_DATES
    if date_form is None and allowed["can_edit"] and lunar:
        date_form = OccasionDateForm(initial={"year": today().year + 1})
    return render(
        request,
        "web/relations/occasion_detail.html",
        {
            "occasion": occasion,
            "when": when(occasion),
            "country": country_name(occasion.country),
            "lunar": lunar,
            "dates": occasion.dates.all(),
            "date_form": date_form,
            "title": occasion.title,
            "breadcrumbs": crumbs(*_trail(), (occasion.title, None)),
            **allowed,
        },
        status=400 if date_form is not None and date_form.is_bound else 200,
    )


@login_required
@edit_page()
def occasion_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = OccasionForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["office"]
        ok, occasion = attempt(
            request,
            lambda: services.create_occasion(office, actor=request.user, **{k: data[k] for k in FIELDS}),
            form=form,
        )
        if ok and occasion is not None:
            messages.success(request, _("Đã ghi dịp kỷ niệm “%(title)s”.") % {"title": occasion.title})
            return redirect("web:rel-occasion-detail", pk=occasion.pk)
    return form_page(
        request,
        form,
        _("Dịp kỷ niệm mới"),
        reverse("web:rel-occasion-list"),
        _trail(),
        no_rights=not offices.exists(),
    )


@login_required
@edit_page("relations.Occasion")
def occasion_edit(request: HttpRequest, pk: int) -> HttpResponse:
    occasion = get_visible(_queryset(), request, pk)
    form = OccasionFields(
        request.POST or None,
        initial={k: getattr(occasion, k) for k in FIELDS},
        offices=own_office(occasion),
    )
    return edit_page_of(
        request,
        form,
        lambda data: services.update_occasion(occasion, actor=request.user, **{k: data[k] for k in FIELDS}),
        reverse("web:rel-occasion-detail", args=[occasion.pk]),
        _("Sửa: %(title)s") % {"title": occasion.title},
        _trail(occasion),
        # A post always reaches the service, which refuses a user who may not edit.
        no_rights=read_only(request, occasion.office),
    )


@login_required
@require_POST
def occasion_date(request: HttpRequest, pk: int) -> HttpResponse:
    """Record (or correct) the solar date of a lunar occasion in one year."""
    occasion = get_visible(_queryset(), request, pk)
    form = OccasionDateForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        ok, row = attempt(
            request,
            lambda: services.set_occasion_date(
                occasion, data["year"], data["on"], source_url=data["source_url"], actor=request.user
            ),
            form=form,
        )
        if ok and row is not None:
            messages.success(
                request,
                _("Đã ghi ngày %(on)s cho năm %(year)s.") % {"on": vn_date(row.on), "year": row.year},
            )
            return redirect("web:rel-occasion-detail", pk=occasion.pk)
    return occasion_detail(request, occasion.pk, date_form=form)


@login_required
@require_POST
def occasion_date_remove(request: HttpRequest, pk: int) -> HttpResponse:
    row = get_visible(
        OccasionDate.objects.select_related("occasion__office"), request, pk, office_field="occasion__office"
    )
    ok, _result = attempt(request, lambda: services.remove_occasion_date(row, actor=request.user))
    if ok:
        messages.success(request, _("Đã xóa ngày của năm %(year)s.") % {"year": row.year})
    return redirect("web:rel-occasion-detail", pk=row.occasion_id)


occasion_archive = archive_view(
    Occasion.objects.select_related("office"),
    "web:rel-occasion-detail",
    archive=services.archive_occasion,
    restore=services.restore_occasion,
)


occasion_history = history_view(
    Occasion.objects.all(),
    "web:rel-occasion-detail",
    lambda occasion: [OccasionDate.history.filter(occasion_id=occasion.pk)],
    _trail,
)
