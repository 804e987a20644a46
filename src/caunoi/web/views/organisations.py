"""The directory of organisations: list, page, create and edit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core.errors import RuleErrors
from caunoi.core.offices import office_by_code
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.core.text import fold
from caunoi.directory.models import Organisation, OrgKind
from caunoi.directory.services import create_organisation, update_organisation
from caunoi.web.forms import OrganisationForm
from caunoi.web.lists import Column, export, sorted_paged
from caunoi.web.views.common import edit_page, get_visible, rule_errors_to_form

COLUMNS = [
    Column("name", gettext_lazy("Tên"), lambda o: o.name, sort="name"),
    Column("original", gettext_lazy("Tên nguyên gốc"), lambda o: o.name_original, sort="name_original"),
    Column("kind", gettext_lazy("Loại"), lambda o: o.get_kind_display(), sort="kind"),
    Column("country", gettext_lazy("Quốc gia"), lambda o: o.country, sort="country"),
    Column("items", gettext_lazy("Số khoản viện trợ"), lambda o: o.item_count, sort="item_count"),
    Column("office", gettext_lazy("Cơ quan"), lambda o: o.office.code, sort="office__code"),
]


@login_required
def organisation_list(request: HttpRequest) -> HttpResponse:
    organisations = (
        Organisation.objects.filter(office__in=visible_offices(request.user), archived_at__isnull=True)
        .select_related("office")
        .annotate(item_count=Count("participations__item", distinct=True))
    )
    q = request.GET.get("q", "")
    for word in fold(q).split():
        organisations = organisations.filter(search_text__contains=word)
    kind = request.GET.get("kind", "")
    if kind in OrgKind.values:
        organisations = organisations.filter(kind=kind)
    if request.GET.get("format") in ("csv", "xlsx"):
        return export(organisations.order_by("name"), COLUMNS, request.GET["format"], "to-chuc")
    result = sorted_paged(request, organisations, COLUMNS, "name")
    return render(
        request,
        "web/organisations/list.html",
        {
            "result": result,
            "q": q,
            "kind": kind,
            "kinds": OrgKind.choices,
            "title": _("Tổ chức"),
        },
    )


@login_required
def organisation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_visible(Organisation.objects.select_related("office"), request, pk)
    participations = (
        organisation.participations.select_related("item")
        .filter(Q(item__archived_at__isnull=True))
        .order_by("item__code")
    )
    return render(
        request,
        "web/organisations/detail.html",
        {
            "organisation": organisation,
            "participations": participations,
            "registrations": organisation.registrations.prefetch_related("provinces", "fields_allowed"),
            "contacts": organisation.contacts.all(),
            "can_edit": can(request.user, Action.EDIT, organisation.office),
            "title": organisation.name,
        },
    )


@login_required
@edit_page("directory.Organisation")
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation = get_visible(Organisation.objects.select_related("office"), request, pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            if organisation is None:
                offices = visible_offices(request.user)
                office = (
                    office_by_code(request.POST.get("office"))
                    if request.POST.get("office")
                    else (offices.first() if offices.count() == 1 else None)
                )
                if office is None or office not in offices:
                    form.add_error(None, _("Hãy chọn cơ quan."))
                    raise RuleErrors([])
                organisation = create_organisation(office, actor=request.user, **fields)
            else:
                update_organisation(organisation, actor=request.user, **fields)
        except RuleErrors as error:
            rule_errors_to_form(form, error)
        else:
            messages.success(request, _("Đã lưu %(name)s.") % {"name": organisation.name})
            return redirect("web:organisation-detail", pk=organisation.pk)
    return render(
        request,
        "web/organisations/form.html",
        {
            "form": form,
            "organisation": organisation,
            "offices": visible_offices(request.user),
            "title": organisation.name if organisation else _("Tổ chức mới"),
        },
    )
