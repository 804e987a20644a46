"""Aid spreadsheets in the browser: upload (.xlsx or .csv) → preview of what each item of the file does
(new, changed with each cell before → after, unchanged, invalid with its rule messages) → confirm → result,
with the left-out rows as a file to fix; the template and the office's items in the same layout.

The preview and the import are the same function (`run_import`), the preview rolled back. The upload is kept
under the data folder between them (`kept_uploads`), bound to the user and office; a confirmation whose
outcome differs from the preview (the records changed meanwhile) saves nothing and shows the new preview.
Only those who may write in an office import into it; a viewer gets the refusal page.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from caunoi.aid.itemspec import prefetch_for_specs
from caunoi.aid.models import AidItem
from caunoi.aid.spreadsheet import export_specs, write_table
from caunoi.aid.spreadsheet_import import ImportReport, run_import
from caunoi.aid.spreadsheet_leftout import write_left_out
from caunoi.aid.spreadsheet_template import write_template
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.web import kept_uploads
from caunoi.web.views.common import edit_page

KIND = "aid-import"
EXTENSIONS = (".xlsx", ".csv")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AidImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Bảng tính (.xlsx hoặc .csv)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    office = forms.ModelChoiceField(
        label=gettext_lazy("Nhập vào cơ quan"), queryset=Office.objects.none(), to_field_name="code"
    )
    reason = forms.CharField(
        label=gettext_lazy("Lý do sửa"),
        required=False,
        max_length=100,
        help_text=gettext_lazy(
            "Ghi vào lịch sử của mỗi thay đổi; cần khi tệp sửa lĩnh vực hoặc địa bàn của khoản đã phê duyệt."
        ),
    )

    def __init__(self, *args: Any, offices: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["office"].queryset = offices
        fields["file"].help_text = _("Tối đa %(mb)s MB.") % {"mb": settings.MAX_UPLOAD_MB}
        if len(offices) == 1:
            fields["office"].initial = offices[0].code

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not (upload.name or "").lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx hoặc .csv."))
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(
                _("Tệp lớn hơn %(mb)s MB; hãy chia nhỏ, hoặc nhập bằng lệnh `caunoi import aid`.")
                % {"mb": settings.MAX_UPLOAD_MB}
            )
        return upload


def _editable(request: HttpRequest) -> Any:
    codes = [o.pk for o in visible_offices(request.user) if can(request.user, Action.EDIT, o)]
    return Office.objects.filter(pk__in=codes).order_by("code")


def _summary(report: ImportReport) -> dict[str, Any]:
    """What the pages show of a report, as JSON (kept beside the upload between preview and confirmation)."""
    items = [
        {
            "code": i.code,
            "rows": i.rows,
            "outcome": i.outcome,
            "changes": [[c.column, c.before, c.after, c.row] for c in i.changes],
            "problems": [[p.row, p.column or "", p.vi, p.en] for p in i.problems],
        }
        for i in report.items
    ]
    return {
        "rows": report.rows,
        "counts": {k: report.counts[k] for k in ("new", "changed", "unchanged", "invalid")},
        "items": items,
        "hidden": report.items_hidden,
        "organisations": report.organisations_created,
        "broken": report.broken,
        "problems": [[p.row, p.column or "", p.vi, p.en] for p in report.problems.kept if p.row is None],
        "saved": report.saved,
    }


def _fingerprint(summary: dict[str, Any]) -> str:
    body = {k: summary[k] for k in ("counts", "items", "organisations")}
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _run(kept: kept_uploads.Kept, office: Office, request: HttpRequest, **options: Any) -> ImportReport:
    return run_import(
        office,
        kept.file(kept.meta["name"]),
        actor=request.user,
        update=True,
        reason=kept.meta.get("reason", ""),
        keep_left_out=True,
        **options,
    )


def _leave_out(kept: kept_uploads.Kept, report: ImportReport) -> None:
    source = kept.file(kept.meta["name"])
    out = kept.file("left-out" + source.suffix)
    out.unlink(missing_ok=True)
    if report.left_out:
        write_left_out(source, report.left_out, out, get_language() or "vi")


@login_required
@edit_page()
def aid_import(request: HttpRequest) -> HttpResponse:
    kept_uploads.sweep(KIND)
    offices = _editable(request)
    form = AidImportForm(offices=offices)
    status = 200
    if request.method == "POST":
        form = AidImportForm(request.POST, request.FILES, offices=offices)
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            suffix = Path(data["file"].name).suffix.lower()
            kept = kept_uploads.keep(
                KIND,
                data["file"],
                "upload" + suffix,
                user_id=int(request.user.pk or 0),
                office_id=data["office"].pk,
                original=Path(data["file"].name).name[-120:],
                reason=data["reason"].strip(),
            )
            try:
                report = _run(kept, data["office"], request, save=False)
            except RuleErrors as error:  # the file as a whole: unreadable, its columns wrong, empty
                kept_uploads.discard(kept)
                for problem in error.problems:
                    where = _("dòng %(row)s") % {"row": problem.row} if problem.row else ""
                    form.add_error("file", f"{where + ': ' if where else ''}{problem.text()}")
            else:
                _leave_out(kept, report)
                kept.meta["preview"] = _summary(report)
                kept.meta["fingerprint"] = _fingerprint(kept.meta["preview"])
                kept.save()
                return redirect("web:aid-import-preview", token=kept.token)
    context = {
        "title": _("Nhập khoản viện trợ từ bảng tính"),
        "breadcrumbs": [(_("Khoản viện trợ"), reverse("web:aid-list")), (_("Nhập bảng tính"), None)],
        "form": form,
        "offices": offices,
        "max_mb": settings.MAX_UPLOAD_MB,
    }
    return render(request, "web/aid/import.html", context, status=status)


def _kept(request: HttpRequest, token: str) -> tuple[kept_uploads.Kept, Office]:
    kept = kept_uploads.find(KIND, token, user_id=int(request.user.pk or 0))
    office = _editable(request).filter(pk=kept.meta["office"]).first() if kept else None
    if kept is None or office is None:
        raise Http404
    return kept, office


@login_required
@edit_page()
def aid_import_preview(request: HttpRequest, token: str) -> HttpResponse:
    kept, office = _kept(request, token)
    stale = False
    if request.method == "POST" and "result" not in kept.meta:
        valid_only = request.POST.get("mode") == "valid-only"
        with transaction.atomic():
            report = _run(kept, office, request, valid_only=valid_only, save=True)
            summary = _summary(report)
            stale = _fingerprint(summary) != kept.meta["fingerprint"]
            if stale:  # the records changed since the preview: show what the file would do now
                transaction.set_rollback(True)
        if stale:
            summary["saved"] = False
            kept.meta["preview"], kept.meta["fingerprint"] = summary, _fingerprint(summary)
            _leave_out(kept, report)
        else:
            kept.meta["result"] = {**summary, "valid_only": valid_only}
            kept.file(kept.meta["name"]).unlink(missing_ok=True)  # only the left-out rows are kept
        kept.save()
        if not stale:
            return redirect("web:aid-import-preview", token=kept.token)
    result = kept.meta.get("result")
    shown = result or kept.meta["preview"]
    context = {
        "title": _("Kết quả nhập bảng tính") if result else _("Xem trước khi nhập"),
        "breadcrumbs": [
            (_("Khoản viện trợ"), reverse("web:aid-list")),
            (_("Nhập bảng tính"), reverse("web:aid-import")),
            (_("Kết quả") if result else _("Xem trước"), None),
        ],
        "kept": kept,
        "office": office,
        "report": shown,
        "result": result,
        "stale": stale,
        "english": not (get_language() or "vi").startswith("vi"),
        "has_left_out": any(p.name.startswith("left-out") for p in kept.folder.iterdir()),
        "can_save": shown["counts"]["new"] + shown["counts"]["changed"] > 0,
    }
    return render(request, "web/aid/import_preview.html", context)


@login_required
@edit_page()
def aid_import_left_out(request: HttpRequest, token: str) -> HttpResponse:
    kept, _office = _kept(request, token)
    found = [p for p in kept.folder.iterdir() if p.name.startswith("left-out")]
    if not found:
        raise Http404
    original = Path(kept.meta.get("original", "bang-tinh")).stem
    content_type = "text/csv; charset=utf-8" if found[0].suffix == ".csv" else XLSX
    response = HttpResponse(found[0].read_bytes(), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{original}-chua-nhap{found[0].suffix}"'
    return response


@login_required
@edit_page()
def aid_import_template(request: HttpRequest) -> HttpResponse:
    """The empty layout with its column dictionary and the office's lists in the cells."""
    office = (
        _editable(request).filter(code=request.GET.get("office", "")).first() or _editable(request).first()
    )
    if office is None:
        raise Http404
    with tempfile.TemporaryDirectory(prefix="caunoi-template-") as folder:
        path = Path(folder) / f"mau-khoan-vien-tro-{office.code}.xlsx"
        write_template(office, path)
        content = path.read_bytes()
    return _xlsx(content, path.name)


@login_required
def aid_import_export(request: HttpRequest) -> HttpResponse:
    """The office's items in the import layout, to change in Excel and upload again."""
    office = visible_offices(request.user).filter(code=request.GET.get("office", "")).first()
    if office is None:
        raise Http404
    items = AidItem.objects.filter(office=office, archived_at__isnull=True).order_by("code")
    with tempfile.TemporaryDirectory(prefix="caunoi-export-") as folder:
        path = Path(folder) / f"khoan-vien-tro-{office.code}.xlsx"
        write_table(export_specs(prefetch_for_specs(items)), path)
        content = path.read_bytes()
    return _xlsx(content, path.name)


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
