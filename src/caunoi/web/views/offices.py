"""Offices: their details and letterhead, edited by their administrator; new offices, created by a national
administrator. Thin views over caunoi.core.accounts and caunoi.documents.letterhead."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from caunoi.core import accounts
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.documents.letterhead import letterhead_for, update_letterhead
from caunoi.documents.models import DocumentSettings
from caunoi.web.account_forms import LetterheadForm, NewOfficeForm, OfficeForm
from caunoi.web.views.common import rule_errors_to_form


def _may_create(request: HttpRequest) -> bool:
    return can(request.user, Action.MANAGE_OFFICES, Office())


@login_required
def office_list(request: HttpRequest) -> HttpResponse:
    offices = [
        o
        for o in visible_offices(request.user).select_related("home_province")
        if can(request.user, Action.EDIT_OFFICE, o)
    ]
    if not offices and not _may_create(request):
        raise Http404
    return render(
        request,
        "web/offices/list.html",
        {"offices": offices, "may_create": _may_create(request), "title": _("Cơ quan")},
    )


@login_required
def office_create(request: HttpRequest) -> HttpResponse:
    if not _may_create(request):
        raise Http404
    form = NewOfficeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            office = accounts.create_office(
                actor=request.user,
                code=data["code"],
                name=data["name"],
                name_en=data["name_en"],
                abbreviation=data["abbreviation"],
                province=data["province"],
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error, {"home_province": "province"})
        else:
            messages.success(request, _("Đã tạo cơ quan %(code)s.") % {"code": office.code})
            return redirect("web:office-edit", code=office.code)
    return render(request, "web/offices/new.html", {"form": form, "title": _("Cơ quan mới")})


@login_required
def office_edit(request: HttpRequest, code: str) -> HttpResponse:
    office = visible_offices(request.user).filter(code=code).first()
    if office is None or not can(request.user, Action.EDIT_OFFICE, office):
        raise Http404
    saved = DocumentSettings.objects.filter(office=office).first() or DocumentSettings(office=office)
    initial = {
        "name": office.name,
        "name_en": office.name_en,
        "abbreviation": office.abbreviation,
        "province": office.home_province_id,
    }
    data = request.POST if request.method == "POST" else None
    form = OfficeForm(data, office=office, initial=initial)
    letterhead = LetterheadForm(data, instance=saved)
    if request.method == "POST" and form.is_valid() and letterhead.is_valid():
        try:
            with transaction.atomic():
                accounts.update_office(
                    office,
                    actor=request.user,
                    name=form.cleaned_data["name"],
                    name_en=form.cleaned_data["name_en"],
                    abbreviation=form.cleaned_data["abbreviation"],
                    province=form.cleaned_data["province"],
                )
                update_letterhead(
                    office,
                    actor=request.user,
                    **{f: letterhead.cleaned_data[f] for f in LetterheadForm.Meta.fields},
                )
        except RuleErrors as error:
            rule_errors_to_form(form, error, {"home_province": "province"})
        else:
            messages.success(request, _("Đã lưu thông tin cơ quan %(code)s.") % {"code": office.code})
            return redirect("web:office-edit", code=office.code)
    return render(
        request,
        "web/offices/form.html",
        {
            "office": office,
            "form": form,
            "letterhead": letterhead,
            "printed": letterhead_for(office),
            "title": office.name,
        },
    )
