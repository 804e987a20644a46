from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from caunoi.aid.models import AidItem
from caunoi.core.permissions import visible_offices
from caunoi.core.reminders import all_reminders


@login_required
def home(request: HttpRequest) -> HttpResponse:
    offices = visible_offices(request.user)
    today = timezone.localdate()
    by_status = (
        AidItem.objects.filter(office__in=offices, archived_at__isnull=True)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    labels = dict(AidItem._meta.get_field("status").choices)  # type: ignore[arg-type]
    return render(
        request,
        "web/home.html",
        {
            "title": _("Trang chủ"),
            "offices": offices,
            "reminders": all_reminders(offices, today)[:10],
            "by_status": [(labels[row["status"]], row["n"], row["status"]) for row in by_status],
            "item_count": sum(row["n"] for row in by_status),
        },
    )


@login_required
def reminders(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/reminders.html",
        {
            "title": _("Nhắc việc"),
            "reminders": all_reminders(visible_offices(request.user), timezone.localdate()),
        },
    )
