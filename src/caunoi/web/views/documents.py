"""Official documents in the browser: the annual report and its annexes (the same exporters as
`caunoi report annual`), and annual-report drafts whose edited prose is saved as versions and checked.

The documents services (``caunoi.documents.drafts``) do not check permissions: these views do. Reading and
downloading need the office to be visible (other offices' drafts are 404); generating a draft and saving a
version need ``Action.EDIT`` in the draft's office.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from caunoi.core import shown
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, authorize, can, visible_offices
from caunoi.documents.drafts import check_version, export_version, generate_draft, save_version
from caunoi.documents.exporters import RenderedDocument, get_exporter
from caunoi.documents.models import AnnualReportDraft, DraftVersion
from caunoi.vntext.checktext import Finding
from caunoi.web.views.common import flash_rule_errors, get_visible, rule_errors_to_form

ANNUAL = "annual"
DRAFT = "annual-draft"
FORMAT_LABELS = {
    "docx": gettext_lazy("Word (.docx)"),
    "pdf": gettext_lazy("PDF"),
    "md": gettext_lazy("Markdown (.md)"),
    "xlsx": gettext_lazy("Phụ lục Excel (.xlsx)"),
}
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2, "ok": 3}
SEVERITY_LABELS = {
    "error": gettext_lazy("Sai lệch"),
    "warning": gettext_lazy("Cảnh báo"),
    "info": gettext_lazy("Ghi chú"),
    "ok": gettext_lazy("Khớp"),
}
MIN_YEAR, MAX_YEAR = 1990, 2100


class DraftForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Nội dung dự thảo (Markdown)"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 28, "cols": 100, "spellcheck": "true", "lang": "vi"}),
    )
    note = forms.CharField(
        label=gettext_lazy("Ghi chú cho phiên bản này"),
        max_length=300,
        required=False,
        help_text=gettext_lazy("Ví dụ: “sửa phần phương hướng theo ý kiến lãnh đạo”."),
    )


def _year(text: str | None) -> int | None:
    text = (text or "").strip()
    if not text.isdigit():
        return None
    year = int(text)
    return year if MIN_YEAR <= year <= MAX_YEAR else None


def _office(request: HttpRequest, code: str | None) -> Office:
    """The named office if the user sees it; a code of an office they cannot see does not exist (404)."""
    office = visible_offices(request.user).filter(code=code or "").first()
    if office is None:
        raise Http404
    return office


def _index_url(office: Office | None, year: int | None) -> str:
    params = {k: v for k, v in (("office", office.code if office else ""), ("year", year or "")) if v}
    return reverse("web:documents") + ("?" + urlencode(params) if params else "")


def _download(document: RenderedDocument) -> HttpResponse:
    response = HttpResponse(document.content, content_type=document.media_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Content-Length"] = str(len(document.content))
    return response


@login_required
def documents_index(request: HttpRequest) -> HttpResponse:
    offices = visible_offices(request.user).order_by("code")
    default_year = timezone.localdate().year - 1
    year_text = request.GET.get("year")
    year = _year(year_text) if year_text not in (None, "") else default_year
    office = offices.filter(code=request.GET.get("office", "")).first() or offices.first()
    problems = []
    if year is None:
        problems.append(
            _("Năm “%(year)s” không hợp lệ (từ %(first)s đến %(last)s).")
            % {"year": year_text, "first": MIN_YEAR, "last": MAX_YEAR}
        )
    drafts: list[AnnualReportDraft] = []
    current = None
    if office is not None:
        drafts = list(
            AnnualReportDraft.objects.filter(office=office)
            .annotate(version_count=Count("versions"), last_number=Max("versions__number"))
            .annotate(last_saved=Max("versions__created_at"))
            .order_by("-year")
        )
        current = next((d for d in drafts if d.year == year), None)
    downloads = []
    if office is not None and year is not None:
        for fmt in get_exporter(ANNUAL).formats:
            query = urlencode({"office": office.code, "year": year, "format": fmt})
            downloads.append(
                {
                    "format": fmt,
                    "label": FORMAT_LABELS[fmt],
                    "url": reverse("web:documents-annual") + "?" + query,
                }
            )
    context = {
        "title": _("Văn bản"),
        "breadcrumbs": [(_("Văn bản"), None)],
        "offices": offices,
        "office": office,
        "year": year if year is not None else year_text,
        "year_valid": year is not None,
        "problems": problems,
        "downloads": downloads,
        "drafts": drafts,
        "current": current,
        "can_edit": office is not None and can(request.user, Action.EDIT, office),
    }
    return render(request, "web/documents/index.html", context)


@login_required
def annual_download(request: HttpRequest) -> HttpResponse:
    """The annual report (docx, pdf, md) or its annexes (xlsx), rendered by the `annual` exporter."""
    office = _office(request, request.GET.get("office"))
    year = _year(request.GET.get("year"))
    fmt = request.GET.get("format", "docx")
    if year is None:
        messages.error(
            request, _("Chọn một năm từ %(first)s đến %(last)s.") % {"first": MIN_YEAR, "last": MAX_YEAR}
        )
        return redirect(_index_url(office, None))
    if fmt not in get_exporter(ANNUAL).formats:
        messages.error(request, _("Không có định dạng “%(format)s”.") % {"format": fmt[:20]})
        return redirect(_index_url(office, year))
    try:
        document = get_exporter(ANNUAL).render({"office": office, "year": year, "format": fmt})
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect(_index_url(office, year))
    return _download(document)


@login_required
@require_POST
def draft_generate(request: HttpRequest) -> HttpResponse:
    office = _office(request, request.POST.get("office"))
    year = _year(request.POST.get("year"))
    if year is None:
        messages.error(
            request, _("Chọn một năm từ %(first)s đến %(last)s.") % {"first": MIN_YEAR, "last": MAX_YEAR}
        )
        return redirect(_index_url(office, None))
    try:
        authorize(request.user, Action.EDIT, office)
        try:
            version = generate_draft(office, year, actor=request.user)
        except IntegrityError:  # two people created the year's first draft at once: add to theirs
            version = generate_draft(office, year, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect(_index_url(office, year))
    messages.success(
        request,
        _("Đã tạo phiên bản %(number)s của dự thảo báo cáo năm %(year)s từ dữ liệu.")
        % {"number": version.number, "year": year},
    )
    return redirect("web:documents-draft", pk=version.draft_id)


@dataclass
class FindingRow:
    severity: str
    label: str
    line: int
    message: str
    stated: str
    computed: str
    difference: str
    against: str
    before: str
    figure: str
    after: str


def _amount(value: Decimal | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit and re.fullmatch(r"[A-Z]{3}", unit):
        return shown.money(value, unit)
    number = shown.number(Decimal(str(value)).normalize())
    if unit == "percent":
        return f"{number} %"
    return f"{number} {unit}" if unit else number


def _excerpt(body: str, finding: Finding) -> tuple[str, str, str]:
    """The stated figure with a little of the text around it, so staff can find it in the textarea."""
    figure = finding.figure
    if figure is None or figure.end > len(body):
        return "", "", ""
    start = max(0, figure.start - 60)
    end = min(len(body), figure.end + 30)
    before = body[start : figure.start].split("\n")[-1]
    after = body[figure.end : end].split("\n")[0]
    return (
        ("…" if start and before else "") + before,
        body[figure.start : figure.end],
        after + ("…" if end < len(body) and after else ""),
    )


def finding_rows(findings: list[Finding], body: str) -> list[FindingRow]:
    lang = "vi" if (translation.get_language() or "vi").startswith("vi") else "en"
    rows = []
    for finding in sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.severity, 9), f.line)):
        against = _("Hồ sơ") if finding.code.startswith("record") else _("Cộng các phần")
        before, figure, after = _excerpt(body, finding)
        rows.append(
            FindingRow(
                severity=finding.severity,
                label=str(SEVERITY_LABELS.get(finding.severity, finding.severity)),
                line=finding.line,
                message=finding.message(lang),
                stated=_amount(finding.stated, finding.unit),
                computed=_amount(finding.computed, finding.unit),
                difference=_amount(abs(finding.difference), finding.unit) if finding.difference else "",
                against=against,
                before=before,
                figure=figure,
                after=after,
            )
        )
    return rows


def _versions(draft: AnnualReportDraft) -> list[DraftVersion]:
    return list(draft.versions.select_related("created_by").defer("body").order_by("-number"))


@login_required
def draft_detail(request: HttpRequest, pk: int) -> HttpResponse:
    draft = get_visible(AnnualReportDraft.objects.select_related("office"), request, pk)
    can_edit = can(request.user, Action.EDIT, draft.office)
    versions = _versions(draft)
    latest = versions[0] if versions else None
    shown_number = latest.number if latest else None
    requested = request.GET.get("v")
    if requested not in (None, ""):
        numbers = {v.number for v in versions}
        if requested.isdigit() and int(requested) in numbers:
            shown_number = int(requested)
        else:
            messages.error(
                request,
                _("Không có phiên bản “%(v)s”; đang hiện phiên bản mới nhất.") % {"v": requested[:20]},
            )
    shown = draft.versions.select_related("created_by").get(number=shown_number) if shown_number else None
    form = DraftForm(initial={"body": shown.body if shown else ""})
    status = 200
    if request.method == "POST":
        form = DraftForm(request.POST)
        try:
            authorize(request.user, Action.EDIT, draft.office)
        except RuleErrors as error:
            flash_rule_errors(request, error)
            status = 403
        else:
            if form.is_valid():
                try:
                    version = save_version(
                        draft, form.cleaned_data["body"], actor=request.user, note=form.cleaned_data["note"]
                    )
                except RuleErrors as error:
                    rule_errors_to_form(form, error)
                else:
                    messages.success(request, _("Đã lưu phiên bản %(number)s.") % {"number": version.number})
                    return HttpResponseRedirect(reverse("web:documents-draft", args=[draft.pk]))
            status = 400
    findings: list[FindingRow] = []
    check_problems: list[str] = []
    if shown is not None:
        try:
            findings = finding_rows(check_version(shown), shown.body)
        except RuleErrors as error:
            check_problems = [p.text() for p in error.problems]
    counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_ORDER}
    title = _("Dự thảo báo cáo năm %(year)s") % {"year": draft.year}
    context: dict[str, Any] = {
        "title": f"{title} — {draft.office.name}",
        "heading": title,
        "breadcrumbs": [
            (_("Văn bản"), _index_url(draft.office, draft.year)),
            (title, None),
        ],
        "draft": draft,
        "versions": versions,
        "shown": shown,
        "is_latest": shown is not None and latest is not None and shown.number == latest.number,
        "form": form if can_edit else None,
        "can_edit": can_edit,
        "findings": findings,
        "counts": counts,
        "check_problems": check_problems,
        "formats": [(fmt, FORMAT_LABELS[fmt]) for fmt in get_exporter(DRAFT).formats],
    }
    return render(request, "web/documents/draft.html", context, status=status)


@login_required
def draft_export(request: HttpRequest, pk: int, number: int, fmt: str) -> HttpResponse:
    draft = get_visible(AnnualReportDraft.objects.select_related("office"), request, pk)
    version = draft.versions.filter(number=number).first()
    if version is None or fmt not in get_exporter(DRAFT).formats:
        raise Http404
    version.draft = draft
    try:
        document = export_version(version, fmt)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect(reverse("web:documents-draft", args=[draft.pk]) + f"?v={version.number}")
    return _download(document)
