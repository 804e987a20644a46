"""Reported figures on the web: the list, the upload of a report, the confirmation of what was read.

The pages call caunoi.reported.services with the signed-in user as the actor; a viewer gets the refusal
page for the upload and the confirmation (common.edit_page)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible, visible_offices
from caunoi.reported import services
from caunoi.reported.models import ReportedFigures
from caunoi.web.reported_forms import (
    ConfirmForm,
    ReportUploadForm,
    SectorLines,
    initial_of,
    sector_initial,
)
from caunoi.web.views.common import edit_page, flash_rule_errors, get_visible, rule_errors_to_form
from caunoi.web.views.iati_upload import safe_name


def _crumbs(here: str | None = None) -> list[tuple[str, str | None]]:
    from django.urls import reverse

    if here is None:
        return [(_("Số liệu theo báo cáo"), None)]
    return [(_("Số liệu theo báo cáo"), reverse("web:reported-list")), (here, None)]


@login_required
def reported_list(request: HttpRequest) -> HttpResponse:
    records = (
        visible(ReportedFigures.objects.select_related("office", "confirmed_by"), request.user)
        .filter(archived_at__isnull=True)
        .order_by("-period_start", "office__code", "pk")
    )
    context: dict[str, Any] = {
        "title": _("Số liệu theo báo cáo"),
        "breadcrumbs": _crumbs(),
        "records": records,  # "can_write" comes from caunoi.web.context.layout
    }
    return render(request, "web/reported/list.html", context)


@login_required
@edit_page()
def reported_upload(request: HttpRequest) -> HttpResponse:
    offices = [o for o in visible_offices(request.user).order_by("code") if can(request.user, Action.EDIT, o)]
    form = ReportUploadForm(request.POST or None, request.FILES or None, offices=offices)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        name = safe_name(upload.name or "")
        try:
            figures = services.propose_from_file(
                form.cleaned_data["office"], name, upload.read(), actor=request.user
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error)
        else:
            messages.success(
                request, _("Đã đọc số liệu từ %(name)s: hãy kiểm tra và xác nhận.") % {"name": name}
            )
            return redirect("web:reported-confirm", pk=figures.pk)
    context = {
        "title": _("Đọc số liệu từ văn bản báo cáo"),
        "breadcrumbs": _crumbs(_("Tải văn bản lên")),
        "form": form,
    }
    return render(request, "web/reported/upload.html", context)


@login_required
@edit_page("reported.ReportedFigures")
def reported_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    figures = get_visible(ReportedFigures.objects.select_related("office"), request, pk)
    if request.method == "POST":
        form = ConfirmForm(request.POST)
        lines = SectorLines(request.POST, prefix="sectors")
        if form.is_valid() and lines.is_valid():
            sectors = [
                (d["sector"], d.get("count"), d.get("amount"))
                for d in lines.cleaned_data
                if d and (d.get("sector") or "").strip()
            ]
            try:
                services.confirm(figures, form.correction(sectors), actor=request.user)
            except RuleErrors as error:
                rule_errors_to_form(form, error)
            else:
                messages.success(request, _("Đã xác nhận số liệu theo báo cáo."))
                return redirect("web:reported-list")
    else:
        form = ConfirmForm(initial=initial_of(figures))
        lines = SectorLines(initial=sector_initial(figures), prefix="sectors")
    # Each sentence once, with the figures read from it (a report's first sentence often holds them all).
    by_sentence: dict[str, list[str]] = {}
    for key, label in (
        ("period", _("Thời kỳ")),
        ("items", _("Số chương trình, dự án, phi dự án")),
        ("ngos", _("Số tổ chức tài trợ")),
        ("committed", _("Giá trị cam kết")),
        ("disbursed", _("Giá trị giải ngân")),
    ):
        if figures.evidence.get(key):
            by_sentence.setdefault(figures.evidence[key], []).append(label)
    for line in figures.sectors.all():
        if line.sentence:
            by_sentence.setdefault(line.sentence, []).append(line.sector)
    evidence = [(", ".join(labels), sentence) for sentence, labels in by_sentence.items()]
    context = {
        "title": _("Xác nhận số liệu theo báo cáo"),
        "breadcrumbs": _crumbs(figures.source_name or str(figures.pk)),
        "figures": figures,
        "form": form,
        "lines": lines,
        "evidence": evidence,
    }
    return render(request, "web/reported/confirm.html", context)


@login_required
@require_POST
def reported_archive(request: HttpRequest, pk: int) -> HttpResponse:
    figures = get_visible(ReportedFigures.objects.select_related("office"), request, pk)
    try:
        services.archive(figures, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
    else:
        messages.success(request, _("Đã lưu trữ."))
    return redirect("web:reported-list")
