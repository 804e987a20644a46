"""What needs attention on a day: agreements ending within 90 days or expired with nothing renewing them,
and international workshops whose Decision 06/2020 permission or result report is due or late.

An office is alerted to its predecessors' agreements too: the union that inherits a province's partners
inherits their agreements (Lào Cai's union, since 1 July 2025, Yên Bái's).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from caunoi.core.models import Office
from caunoi.relations.dates import vn_date
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
    vi: str
    en: str
    record_id: int
    is_illustrative: bool = False

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
        end = vn_date(agreement.period_end)
        partners = _partners(agreement)
        draft_vi = f" Đang chuẩn bị: “{draft.title}” (chưa ký)." if draft else ""
        draft_en = f" In preparation: “{draft.title}” (not signed)." if draft else ""
        if status == AgreementStatus.EXPIRING:
            vi = f"“{agreement.title}” ({partners}) hết hạn ngày {end}, còn {days} ngày; cần chuẩn bị gia hạn.{draft_vi}"
            en = f"“{agreement.title}” ({partners}) ends on {end}, in {days} days; prepare its renewal.{draft_en}"
            kind = "agreement_expiring"
        else:
            vi = (
                f"“{agreement.title}” ({partners}) đã hết hạn từ ngày {end} ({-days} ngày trước) và chưa có "
                f"thỏa thuận gia hạn.{draft_vi}"
            )
            en = (
                f"“{agreement.title}” ({partners}) expired on {end} ({-days} days ago) and nothing renews it."
                f"{draft_en}"
            )
            kind = "agreement_expired"
        alerts.append(
            Alert(
                kind,
                agreement.office.code,
                agreement.title,
                agreement.period_end,
                days,
                vi,
                en,
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
                when = vn_date(due.permission_due)
                alerts.append(
                    Alert(
                        "workshop_permission",
                        event.office.code,
                        event.title,
                        due.permission_due,
                        days,
                        f"“{event.title}” khai mạc ngày {vn_date(event.start_on)}: phải xin phép theo Quyết định "
                        f"06/2020/QĐ-TTg chậm nhất ngày {when}" + (" — đã quá hạn." if days < 0 else "."),
                        f"“{event.title}” opens on {vn_date(event.start_on)}: permission under Decision "
                        f"06/2020/QĐ-TTg must be asked by {when}" + (" — it is late." if days < 0 else "."),
                        event.pk,
                        event.is_illustrative,
                    )
                )
        if event.result_reported_on is None and event.end_on < on:
            days = (due.result_report_due - on).days
            when = vn_date(due.result_report_due)
            alerts.append(
                Alert(
                    "workshop_report",
                    event.office.code,
                    event.title,
                    due.result_report_due,
                    days,
                    f"“{event.title}” đã kết thúc: báo cáo kết quả hạn ngày {when}"
                    + (" — đã quá hạn." if days < 0 else "."),
                    f"“{event.title}” has ended: its result report is due on {when}"
                    + (" — it is late." if days < 0 else "."),
                    event.pk,
                    event.is_illustrative,
                )
            )
    return alerts
