"""What needs attention on a day: agreements ending within 90 days or expired with nothing renewing them,
and international workshops whose Decision 06/2020 permission or result report is due or late.

An office is alerted to its predecessors' agreements too: the union that inherits a province's partners
inherits their agreements (Lào Cai's union, since 1 July 2025, Yên Bái's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy, gettext_noop

from caunoi.core.errors import Text, phrase
from caunoi.core.models import Office
from caunoi.relations.models import Agreement, Event, EventKind, Side
from caunoi.relations.services.events import workshop_deadlines
from caunoi.relations.status import AgreementStatus, agreement_status

PERMISSION_WARNING_DAYS = 30


@dataclass
class Alert:
    kind: str  # agreement_expiring, agreement_expired, workshop_permission, workshop_report
    office: str
    title: str
    due: dt.date
    days: int  # until `due` (negative when past)
    text: str  # lazy: renders in the language it is shown in
    record_id: int
    is_illustrative: bool = False

    @property
    def vi(self) -> str:
        with translation.override("vi"):
            return str(self.text)

    @property
    def en(self) -> str:
        with translation.override("en"):
            return str(self.text)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "office": self.office,
            "title": self.title,
            "due": self.due.isoformat(),
            "days": self.days,
            "vi": self.vi,
            "en": self.en,
            "record_id": self.record_id,
            "illustrative": self.is_illustrative,
        }


def _late(days: int) -> Text:
    return gettext_lazy(" — đã quá hạn.") if days < 0 else "."


def _partners(agreement: Agreement) -> str:
    return ", ".join(r.organisation.name for r in agreement.party_rows.all() if r.side == Side.THEIRS)


def _renewed(agreement: Agreement, on: dt.date) -> tuple[bool, Agreement | None]:
    """(renewed by a signed agreement as of `on`, a draft renewal in preparation if any)."""
    draft = None
    for renewal in agreement.renewed_by.all():
        if renewal.archived_at:
            continue
        status = agreement_status(renewal, on)
        if status == AgreementStatus.DRAFT:
            draft = renewal
        elif status != AgreementStatus.TERMINATED:
            return True, None
    return False, draft


def agreement_alerts(office: Office, on: dt.date) -> list[Alert]:
    alerts = []
    agreements = (
        Agreement.objects.filter(office__in=office.lineage(), archived_at__isnull=True)
        .select_related("office")
        .prefetch_related("party_rows__organisation", "renewed_by")
        .order_by("period_end", "id")
    )
    for agreement in agreements:
        status = agreement_status(agreement, on)
        if status not in (AgreementStatus.EXPIRING, AgreementStatus.EXPIRED):
            continue
        assert agreement.period_end is not None
        renewed, draft = _renewed(agreement, on)
        if renewed or (status == AgreementStatus.EXPIRED and agreement.no_renewal_reason):
            continue
        days = (agreement.period_end - on).days
        end = agreement.period_end
        partners = _partners(agreement)
        preparing = (
            phrase(gettext_noop(" Đang chuẩn bị: “{title}” (chưa ký)."), title=draft.title) if draft else ""
        )
        said = {"title": agreement.title, "partners": partners, "end": end, "draft": preparing}
        if status == AgreementStatus.EXPIRING:
            template = gettext_noop(
                "“{title}” ({partners}) hết hạn ngày {end}, còn {days} ngày; cần chuẩn bị gia hạn.{draft}"
            )
            text = phrase(template, days=days, **said)
            kind = "agreement_expiring"
        else:
            template = gettext_noop(
                "“{title}” ({partners}) đã hết hạn từ ngày {end} ({days} ngày trước) và chưa có thỏa thuận gia hạn."
                "{draft}"
            )
            text = phrase(template, days=-days, **said)
            kind = "agreement_expired"
        alerts.append(
            Alert(
                kind,
                agreement.office.code,
                agreement.title,
                agreement.period_end,
                days,
                text,
                agreement.pk,
                agreement.is_illustrative,
            )
        )
    return alerts


def workshop_alerts(office: Office, on: dt.date) -> list[Alert]:
    """Permission to ask (within 30 days of its deadline, or late) and result reports not yet sent."""
    alerts = []
    workshops = Event.objects.filter(office=office, kind=EventKind.WORKSHOP, archived_at__isnull=True)
    for event in workshops.select_related("office").order_by("start_on"):
        due = workshop_deadlines(event)
        if event.permission_requested_on is None and event.start_on > on:
            days = (due.permission_due - on).days
            if days <= PERMISSION_WARNING_DAYS:
                when = due.permission_due
                alerts.append(
                    Alert(
                        "workshop_permission",
                        event.office.code,
                        event.title,
                        due.permission_due,
                        days,
                        phrase(
                            gettext_noop(
                                "“{title}” khai mạc ngày {start}: phải xin phép theo Quyết định 06/2020/QĐ-TTg chậm "
                                "nhất ngày {when}{late}"
                            ),
                            title=event.title,
                            start=event.start_on,
                            when=when,
                            late=_late(days),
                        ),
                        event.pk,
                        event.is_illustrative,
                    )
                )
        if event.result_reported_on is None and event.end_on < on:
            days = (due.result_report_due - on).days
            when = due.result_report_due
            alerts.append(
                Alert(
                    "workshop_report",
                    event.office.code,
                    event.title,
                    due.result_report_due,
                    days,
                    phrase(
                        gettext_noop("“{title}” đã kết thúc: báo cáo kết quả hạn ngày {when}{late}"),
                        title=event.title,
                        when=when,
                        late=_late(days),
                    ),
                    event.pk,
                    event.is_illustrative,
                )
            )
    return alerts
