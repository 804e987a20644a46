"""An office administrator's download of all the office's records (caunoi.backup.office_export)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from caunoi.backup.office_export import export_office
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.web.views.common import flash_rule_errors


@login_required
def office_export(request: HttpRequest) -> HttpResponse:
    """The page listing the offices the user administers; with ?office=CODE, that office's zip."""
    code = request.GET.get("office")
    if code is None:
        offices = [o for o in visible_offices(request.user) if can(request.user, Action.EXPORT, o)]
        return render(
            request, "web/office_export.html", {"title": _("Xuất dữ liệu của cơ quan"), "offices": offices}
        )
    office = visible_offices(request.user).filter(code=code).first()
    if office is None:
        raise Http404
    try:
        content = export_office(office, actor=request.user)
    except RuleErrors as error:
        flash_rule_errors(request, error)
        return redirect("web:office-export")
    response = HttpResponse(content, content_type="application/zip")
    name = f"caunoi-{office.code}-{timezone.localdate():%Y%m%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
