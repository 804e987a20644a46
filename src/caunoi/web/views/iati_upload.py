"""IATI in the browser: upload a file and import it with the same function as `caunoi iati import`, showing
the same report (counts and every problem located by file, activity, line and element); export the office's
aid as IATI 2.03 XML with the same function as `caunoi iati export`.

The IATI importer does not check permissions (the command line runs as the server's operator): these views
do. Importing needs ``Action.EDIT`` in the chosen office; exporting needs the office to be visible (404
otherwise).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, authorize, can, visible_offices
from caunoi.iati.exporter import export_office
from caunoi.iati.importer import import_paths
from caunoi.iati.report import IatiProblem, Summary
from caunoi.web.views.common import flash_rule_errors

IATI_EXTENSIONS = (".xml", ".xml.gz")
# Problems shown on the page; a file with more gets the rest counted (the command line lists them all).
MAX_PROBLEMS_SHOWN = 2000


def iati_max_upload_mb() -> int:
    """The IATI upload limit: ``IATI_MAX_UPLOAD_MB`` if the settings define it, else ``MAX_UPLOAD_MB``.

    Published IATI files are larger than office documents, but a .xml.gz of the general limit already holds
    several thousand activities; bigger files go through `caunoi iati import`."""
    return int(getattr(settings, "IATI_MAX_UPLOAD_MB", settings.MAX_UPLOAD_MB))


class IatiUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp IATI (.xml hoặc .xml.gz)"),
        widget=forms.ClearableFileInput(
            attrs={"accept": ".xml,.gz,application/xml,text/xml,application/gzip"}
        ),
    )
    office = forms.ModelChoiceField(
        label=gettext_lazy("Nhập vào cơ quan"), queryset=Office.objects.none(), to_field_name="code"
    )
    recipient_country = forms.CharField(
        label=gettext_lazy("Chỉ nhập hoạt động cho nước (mã ISO, vd. VN)"),
        max_length=2,
        required=False,
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Chạy thử: kiểm tra và báo cáo, không lưu gì"), required=False
    )
    skip_invalid = forms.BooleanField(
        label=gettext_lazy("Bỏ qua hoạt động lỗi, chỉ nhập các hoạt động hợp lệ"),
        required=False,
        help_text=gettext_lazy("Không chọn: chỉ cần một hoạt động lỗi là không nhập gì cả."),
    )

    def __init__(self, *args: Any, offices: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["office"].queryset = offices
        fields["file"].help_text = _("Tối đa %(mb)s MB.") % {"mb": iati_max_upload_mb()}
        if len(offices) == 1:
            fields["office"].initial = offices[0].code

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = (upload.name or "").lower()
        if not name.endswith(IATI_EXTENSIONS):
            raise forms.ValidationError(_("Chỉ nhận tệp .xml hoặc .xml.gz."))
        limit = iati_max_upload_mb()
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                _(
                    "Tệp lớn hơn %(mb)s MB; tệp lớn hãy nén thành .xml.gz hoặc nhập bằng lệnh `caunoi iati import`."
                )
                % {"mb": limit}
            )
        return upload

    def clean_recipient_country(self) -> str:
        code = (self.cleaned_data.get("recipient_country") or "").strip().upper()
        if code and not re.fullmatch(r"[A-Z]{2}", code):
            raise forms.ValidationError(_("Mã nước gồm 2 chữ cái (ISO 3166-1), vd. VN."))
        return code


def safe_name(name: str) -> str:
    """The uploaded file's own name (the report names it), without folders or odd characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[^\w.\-]+", "_", base).lstrip(".") or "upload.xml"
    return base[-120:]


def problem_row(problem: IatiProblem) -> dict[str, Any]:
    return {
        "file": problem.source or "",
        "activity": problem.activity or "",
        "line": problem.row,
        "element": problem.column or "",
        "reason": problem.text(),
        "code": problem.code,
    }


def report_context(summary: Summary) -> dict[str, Any]:
    errors, notices = summary.errors, summary.notices
    return {
        "summary": summary,
        "counts": summary.counts(),
        "errors": [problem_row(p) for p in errors[:MAX_PROBLEMS_SHOWN]],
        "errors_hidden": max(0, len(errors) - MAX_PROBLEMS_SHOWN),
        "error_count": len(errors),
        "file_problem": any(not p.activity for p in errors),
        "notices": [problem_row(p) for p in notices[:MAX_PROBLEMS_SHOWN]],
        "notices_hidden": max(0, len(notices) - MAX_PROBLEMS_SHOWN),
        "notice_count": len(notices),
    }


def _editable(request: HttpRequest) -> list[Office]:
    return [o for o in visible_offices(request.user).order_by("code") if can(request.user, Action.EDIT, o)]


def _refusal(request: HttpRequest) -> HttpResponse:
    reason = _(
        "Bạn chỉ có quyền xem: chỉ cán bộ nhập liệu, lãnh đạo duyệt và quản trị viên cơ quan mới nhập được tệp "
        "IATI; không có gì được nhập. Xuất tệp IATI ở trang IATI."
    )
    return render(request, "403.html", {"reason": reason}, status=403)


@login_required
def iati_home(request: HttpRequest) -> HttpResponse:
    """Export for every reader; the way to the upload for those who may import."""
    context: dict[str, Any] = {
        "title": _("IATI"),
        "breadcrumbs": [(_("IATI"), None)],
        "can_import": bool(_editable(request)),
        "export_offices": visible_offices(request.user).order_by("code"),
    }
    return render(request, "web/iati/index.html", context)


@login_required
def iati_upload(request: HttpRequest) -> HttpResponse:
    editable = _editable(request)
    if not editable:
        # A viewer gets the refusal, not a form whose submit would fail.
        return _refusal(request)
    offices = Office.objects.filter(pk__in=[o.pk for o in editable]).order_by("code")
    form = IatiUploadForm(offices=offices)
    context: dict[str, Any] = {
        "title": _("Nhập dữ liệu IATI"),
        "breadcrumbs": [(_("IATI"), reverse("web:iati")), (_("Nhập tệp"), None)],
        "max_mb": iati_max_upload_mb(),
    }
    status = 200
    if request.method == "POST":
        form = IatiUploadForm(request.POST, request.FILES, offices=offices)
        if form.is_valid():
            data = form.cleaned_data
            try:
                authorize(request.user, Action.EDIT, data["office"])
                summary = _run_import(request, data)
            except RuleErrors as error:
                flash_rule_errors(request, error)
                status = 403
            else:
                context.update(report_context(summary))
                context["imported_into"] = data["office"]
                context["uploaded_name"] = safe_name(data["file"].name)
        else:
            status = 400
    context["form"] = form
    return render(request, "web/iati/upload.html", context, status=status)


def _run_import(request: HttpRequest, data: dict[str, Any]) -> Summary:
    """Save the upload under its own name in a private folder and import it like the command line does."""
    upload = data["file"]
    with tempfile.TemporaryDirectory(prefix="caunoi-iati-") as folder:
        path = Path(folder) / safe_name(upload.name)
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return import_paths(
            [path],
            data["office"],
            recipient_country=data["recipient_country"] or None,
            dry_run=data["dry_run"],
            skip_invalid=data["skip_invalid"],
            progress=False,
            actor=request.user,
        )


@login_required
def iati_export(request: HttpRequest) -> HttpResponse:
    """The office's aid items as an IATI 2.03 activity file, validated before it is sent."""
    office = visible_offices(request.user).filter(code=request.GET.get("office", "")).first()
    if office is None:
        raise Http404
    years: list[int] = []
    for text in request.GET.getlist("year"):
        text = text.strip()
        if not text:
            continue
        if not text.isdigit() or not 1990 <= int(text) <= 2100:
            messages.error(
                request, _("Năm “%(year)s” không hợp lệ (từ 1990 đến 2100).") % {"year": text[:20]}
            )
            return redirect("web:iati")
        years.append(int(text))
    with tempfile.TemporaryDirectory(prefix="caunoi-iati-") as folder:
        name = f"iati-activities-{office.code}" + "".join(f"-{y}" for y in years) + ".xml"
        path = Path(folder) / name
        try:
            export_office(office, path, years=years or None)
        except RuleErrors as error:
            flash_rule_errors(request, error)
            return redirect("web:iati")
        content = path.read_bytes()
    response = HttpResponse(content, content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
