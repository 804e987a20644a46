"""What needs attention, by date: approvals not started within 6 months (revocable under Decree 80),
NGO registrations expiring within 60 days (renewal is due 60 days ahead, Decree 58), reports coming due."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils.translation import gettext as _

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem
from caunoi.core.models import Office
from caunoi.core.records import RecordRef
from caunoi.core.reminders import Reminder
from caunoi.directory.models import NgoRegistration

START_WITHIN_MONTHS = 6
REGISTRATION_LEAD_DAYS = 60
REPORT_LEAD_DAYS = 45


def _months_before(day: dt.date, months: int) -> dt.date:
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=min(day.day, 28))


def approvals_not_started(offices: Iterable[Office], today: dt.date) -> list[Reminder]:
    limit = _months_before(today, START_WITHIN_MONTHS)
    items = AidItem.objects.filter(
        office__in=offices, status=Status.APPROVED, approved_on__lte=limit, archived_at__isnull=True
    ).select_related("office")
    return [
        Reminder(
            "approval_not_started",
            item.office,
            _("%(code)s được phê duyệt ngày %(day)s nhưng chưa triển khai sau 6 tháng: có thể bị thu hồi.")
            % {"code": item.code, "day": item.approved_on.strftime("%d/%m/%Y")},
            _add_months(item.approved_on, START_WITHIN_MONTHS),
            record=RecordRef.of("aid_item", item.pk),
            overdue=True,
        )
        for item in items
        if item.approved_on
    ]


def registrations_expiring(offices: Iterable[Office], today: dt.date) -> list[Reminder]:
    soon = today + dt.timedelta(days=REGISTRATION_LEAD_DAYS)
    registrations = NgoRegistration.objects.filter(
        organisation__office__in=offices, expires_on__lte=soon, expires_on__gte=today
    ).select_related("organisation__office")
    return [
        Reminder(
            "registration_expiring",
            r.organisation.office,
            _("Giấy đăng ký %(number)s của %(org)s hết hạn ngày %(day)s; cần gia hạn ít nhất 60 ngày trước.")
            % {"number": r.number, "org": r.organisation.name, "day": r.expires_on.strftime("%d/%m/%Y")},
            r.expires_on,
            record=RecordRef.of("organisation", r.organisation_id),
        )
        for r in registrations
    ]


def reports_due(offices: Iterable[Office], today: dt.date) -> list[Reminder]:
    """The annual report on aid to the line agency is due by 15 January for the year before."""
    due = dt.date(today.year + (1 if today > dt.date(today.year, 1, 15) else 0), 1, 15)
    if (due - today).days > REPORT_LEAD_DAYS:
        return []
    return [
        Reminder(
            "report_due",
            office,
            _("Báo cáo năm %(year)s về tiếp nhận, vận động viện trợ phải gửi trước ngày %(day)s.")
            % {"year": due.year - 1, "day": due.strftime("%d/%m/%Y")},
            due,
            record=RecordRef.of("aid_report", f"{due.year - 1}:{office.code}"),
        )
        for office in offices
        if office.is_active_on(today)
    ]


def aid_reminders(offices: list[Office], today: dt.date) -> list[Reminder]:
    """Registered by the reports app (`caunoi.core.reminders`)."""
    return (
        approvals_not_started(offices, today)
        + registrations_expiring(offices, today)
        + reports_due(offices, today)
    )
