"""Partners abroad: list (search without diacritics, filters, export), page, create, edit, contacts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core.permissions import visible_offices
from caunoi.core.text import fold
from caunoi.directory.services import create_organisation
from caunoi.relations.countries import country_name
from caunoi.relations.dates import vn_date
from caunoi.relations.models import (
    Agreement,
    Event,
    Partnership,
    PartnershipContact,
)
from caunoi.relations.services import partners as services
from caunoi.relations.status import agreement_status
from caunoi.web.lists import Column, export, sorted_paged
from caunoi.web.relations_forms import ContactForm, PartnerFilterForm, PartnershipFields, PartnershipForm
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
    permissions,
    today,
    with_when,
)

COLUMNS = [
    Column("name", gettext_lazy("Đối tác"), lambda p: p.organisation.name, sort="organisation__name"),
    Column(
        "original",
        gettext_lazy("Tên nguyên gốc"),
        lambda p: p.organisation.name_original,
        sort="organisation__name_original",
    ),
    Column(
        "country",
        gettext_lazy("Quốc gia"),
        lambda p: country_name(p.organisation.country),
        sort="organisation__country",
    ),
    Column("level", gettext_lazy("Cấp"), lambda p: p.get_level_display(), sort="level"),
    Column("kind", gettext_lazy("Loại quan hệ"), lambda p: p.get_kind_display(), sort="kind"),
    Column(
        "since",
        gettext_lazy("Từ"),
        lambda p: vn_date(p.since, p.since_precision) if p.since else "",
        sort="since",
    ),
    Column("status", gettext_lazy("Trạng thái"), lambda p: p.get_status_display(), sort="status"),
    Column("agreements", gettext_lazy("Thỏa thuận"), lambda p: p.agreement_count, sort="agreement_count"),
    Column("events", gettext_lazy("Hoạt động"), lambda p: p.event_count, sort="event_count"),
    Column("office", gettext_lazy("Cơ quan"), lambda p: p.office.code, sort="office__code"),
]
FIELD_MAP = {"organisation": "organisation", "our_party": "our_party"}


def _filtered(request: HttpRequest) -> tuple[PartnerFilterForm, QuerySet[Partnership]]:
    offices = visible_offices(request.user)
    partnerships = Partnership.objects.filter(office__in=offices)
    countries = sorted(set(partnerships.values_list("organisation__country", flat=True)), key=country_name)
    form = PartnerFilterForm(request.GET or None, countries=countries)
    data: dict[str, Any] = {}
    if form.is_bound:
        form.is_valid()  # a bad value shows its message and is ignored; the valid filters still apply
        data = {k: form.cleaned_data.get(k) for k in form.fields if k not in form.errors}
    if request.GET.get("archived") != "1":
        partnerships = partnerships.filter(archived_at__isnull=True)
    for word in fold(data.get("q")).split():
        partnerships = partnerships.filter(organisation__search_text__contains=word)
    if data.get("country"):
        partnerships = partnerships.filter(organisation__country=data["country"])
    for key in ("kind", "status"):
        if data.get(key):
            partnerships = partnerships.filter(**{key: data[key]})
    partnerships = partnerships.select_related("organisation", "office").annotate(
        agreement_count=Count("agreements", filter=Q(agreements__archived_at__isnull=True), distinct=True),
        event_count=Count("events", filter=Q(events__archived_at__isnull=True), distinct=True),
    )
    return form, partnerships


@login_required
def partner_list(request: HttpRequest) -> HttpResponse:
    form, partnerships = _filtered(request)
    fmt = request.GET.get("format")
    if fmt in ("csv", "xlsx"):
        return export(partnerships.order_by("organisation__name"), COLUMNS, fmt, "doi-tac")
    result = sorted_paged(request, partnerships, COLUMNS, "organisation__name")
    for partnership in result.page.object_list:
        partnership.country_label = country_name(partnership.organisation.country)
        partnership.since_text = (
            vn_date(partnership.since, partnership.since_precision) if partnership.since else ""
        )
    title = _("Đối tác nước ngoài")
    return render(
        request,
        "web/relations/partner_list.html",
        {
            "form": form,
            "result": result,
            "title": title,
            "breadcrumbs": crumbs((title, None)),
            "can_create": editable_offices(request.user).exists(),
        },
    )


def _detail_queryset() -> QuerySet[Partnership]:
    return Partnership.objects.select_related("organisation", "office", "our_party")


@login_required
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_visible(_detail_queryset(), request, pk)
    on = today()
    agreements = [
        (a, agreement_status(a, on))
        for a in Agreement.objects.filter(partnership=partnership, archived_at__isnull=True).order_by(
            "signed_on"
        )
    ]
    events = with_when(
        Event.objects.filter(partnership=partnership, archived_at__isnull=True).order_by("-start_on")
    )
    allowed = permissions(request, partnership)
    return render(
        request,
        "web/relations/partner_detail.html",
        {
            "partnership": partnership,
            "organisation": partnership.organisation,
            "country": country_name(partnership.organisation.country),
            "since": vn_date(partnership.since, partnership.since_precision) if partnership.since else "",
            "agreements": agreements,
            "events": events,
            "contacts": partnership.contacts.filter(archived_at__isnull=True),
            "contact_form": ContactForm() if allowed["can_edit"] else None,
            "title": partnership.organisation.name,
            "breadcrumbs": crumbs(
                (_("Đối tác nước ngoài"), reverse("web:rel-partner-list")),
                (partnership.organisation.name, None),
            ),
            **allowed,
        },
    )


FIELDS = ("level", "kind", "since", "since_precision", "status", "ended_on", "notes")


@login_required
@edit_page()
def partner_create(request: HttpRequest) -> HttpResponse:
    offices = editable_offices(request.user)
    form = PartnershipForm(request.POST or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        office = data["office"]

        def create() -> Partnership:
            organisation = data["organisation"]
            if organisation is None:
                organisation = create_organisation(
                    office,
                    actor=request.user,
                    name=data["new_name"],
                    name_original=data["new_name_original"],
                    kind=data["new_kind"],
                    country=data["new_country"],
                )
            return services.create_partnership(
                office,
                organisation,
                our_party=data["our_party"],
                actor=request.user,
                **{k: data[k] for k in FIELDS},
            )

        ok, partnership = attempt(
            request,
            create,
            form=form,
            field_map={"name": "new_name", "country": "new_country", **FIELD_MAP},
        )
        if ok and partnership is not None:
            messages.success(
                request, _("Đã ghi quan hệ đối tác với %(name)s.") % {"name": partnership.organisation}
            )
            return redirect("web:rel-partner-detail", pk=partnership.pk)
    title = _("Quan hệ đối tác mới")
    partners = reverse("web:rel-partner-list")
    return form_page(
        request, form, title, partners, [(_("Đối tác nước ngoài"), partners)], no_rights=not offices.exists()
    )


@login_required
@edit_page("relations.Partnership")
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_visible(_detail_queryset(), request, pk)
    initial = {k: getattr(partnership, k) for k in FIELDS}
    form = PartnershipFields(request.POST or None, initial=initial, offices=visible_offices(request.user))
    detail = reverse("web:rel-partner-detail", args=[partnership.pk])
    return edit_page_of(
        request,
        form,
        lambda data: services.update_partnership(
            partnership, actor=request.user, **{k: data[k] for k in FIELDS}
        ),
        detail,
        _("Sửa quan hệ với %(name)s") % {"name": partnership.organisation},
        [(_("Đối tác nước ngoài"), reverse("web:rel-partner-list")), (partnership.organisation.name, detail)],
    )


@login_required
@require_POST
def partner_contact(request: HttpRequest, pk: int) -> HttpResponse:
    partnership = get_visible(_detail_queryset(), request, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        ok, _result = attempt(
            request,
            lambda: services.add_contact(partnership, actor=request.user, **form.cleaned_data),
        )
        if ok:
            messages.success(request, _("Đã thêm đầu mối liên hệ."))
    else:
        flash_form_errors(request, form)
    return redirect("web:rel-partner-detail", pk=partnership.pk)


partner_archive = archive_view(_detail_queryset(), "web:rel-partner-detail")


partner_history = history_view(
    _detail_queryset(),
    "web:rel-partner-detail",
    lambda partnership: [PartnershipContact.history.filter(partnership_id=partnership.pk)],
    lambda partnership: [
        (_("Đối tác nước ngoài"), reverse("web:rel-partner-list")),
        (str(partnership), reverse("web:rel-partner-detail", args=[partnership.pk])),
    ],
)
