"""Reports computed from records, in the browser: the same services as `caunoi report`."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.reports.aid import AidSummary, aid_summary
from caunoi.reports.aid_text import render_aid_text


def _unconverted(summary: AidSummary) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """Per currency, the commitments and the year's disbursements that no rate converted yet."""
    committed, disbursed = summary.committed.unconverted, summary.disbursed.unconverted
    return [(c, committed.get(c), disbursed.get(c)) for c in sorted({*committed, *disbursed})]


@login_required
def aid_report(request: HttpRequest) -> HttpResponse:
    offices = visible_offices(request.user)
    year_text = request.GET.get("year", str(timezone.localdate().year - 1))
    year = int(year_text) if year_text.isdigit() and 1990 <= int(year_text) <= 2100 else None
    office = offices.filter(code=request.GET.get("office", "")).first() or offices.order_by("code").first()
    context: dict[str, Any] = {
        "title": _("Báo cáo vận động viện trợ"),
        "offices": offices,
        "office": office,
        "year": year,
    }
    if year is None:
        context["problems"] = [_("Năm không hợp lệ.")]
    elif office is not None:
        try:
            summary = aid_summary(office, year, include_predecessors=request.GET.get("predecessors") == "1")
        except RuleErrors as error:
            context["problems"] = [p.text() for p in error.problems]
        else:
            if request.GET.get("format") == "json":
                return JsonResponse(summary.as_dict(), json_dumps_params={"ensure_ascii": False})
            context.update(
                summary=summary,
                unconverted=_unconverted(summary),
                may_enter_rates=can(request.user, Action.EDIT, office),
                text=render_aid_text(summary),
                data=json.dumps(summary.as_dict(), ensure_ascii=False),
            )
    return render(request, "web/aid_report.html", context)
