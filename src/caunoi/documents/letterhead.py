"""What the top and the foot of an official document say for an office: its DocumentSettings, with every blank
field derived from the office (Decree 30/2020/NĐ-CP, Appendix I, layout of a Báo cáo); the office's
administrator sets them (`update_letterhead`, also called by `caunoi setup`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.documents.models import DocumentSettings

DEFAULT_SYMBOL = "LHHN"
DEFAULT_SIGNER_ON_BEHALF = "TM. BAN THƯỜNG VỤ"
DEFAULT_SIGNER_TITLE = "CHỦ TỊCH"
# The usual recipients of a provincial union's annual report; "Lưu: VT" (the archive) always comes last.
DEFAULT_RECIPIENTS = (
    "Liên hiệp các tổ chức hữu nghị Việt Nam",
    "Thường trực Tỉnh ủy",
    "Ủy ban nhân dân tỉnh",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    "Sở Ngoại vụ",
    "Lưu: VT",
)
MOTTO_COUNTRY = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Letterhead:
    parent_body: str
    issuing_body: str
    symbol: str
    place_name: str
    signer_on_behalf: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]

    def number_line(self, kind: str, number: str | None) -> str:
        """ "Số: 05/BC-LHHN"; without a number the clerk fills it in when registering, so room is left."""
        return f"Số: {number or '     '}/{kind}-{self.symbol}"

    def place_date(self, day: dt.date) -> str:
        """ "Yên Bái, ngày 05 tháng 01 năm 2023": day and month with leading zeros, as Decree 30 asks."""
        return f"{self.place_name}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def _province_name(office: Office) -> str:
    province = office.home_province
    return province.short_name if province is not None else ""


def letterhead_for(office: Office) -> Letterhead:
    saved = DocumentSettings.objects.filter(office=office).first() or DocumentSettings(office=office)
    recipients = tuple(line.strip(" -;.") for line in saved.recipients.splitlines() if line.strip(" -;."))
    return Letterhead(
        parent_body=saved.parent_body.upper(),
        issuing_body=(saved.issuing_body or office.name).upper(),
        symbol=saved.symbol or office.abbreviation or DEFAULT_SYMBOL,
        place_name=saved.place_name or _province_name(office),
        signer_on_behalf=saved.signer_on_behalf or DEFAULT_SIGNER_ON_BEHALF,
        signer_title=(saved.signer_title or DEFAULT_SIGNER_TITLE).upper(),
        signer_name=saved.signer_name,
        recipients=recipients or DEFAULT_RECIPIENTS,
    )


LETTERHEAD_FIELDS = (
    "parent_body",
    "issuing_body",
    "symbol",
    "place_name",
    "signer_on_behalf",
    "signer_title",
    "signer_name",
    "recipients",
)


@transaction.atomic
def update_letterhead(office: Office, *, actor: Actor, **fields: Any) -> DocumentSettings:
    """Save what the office's documents print; a field left blank is derived again from the office."""
    authorize(actor, Action.EDIT_OFFICE, office)
    saved = DocumentSettings.objects.filter(office=office).first() or DocumentSettings(office=office)
    for name, value in fields.items():
        if name not in LETTERHEAD_FIELDS:
            raise TypeError(f"update_letterhead() got an unexpected field {name!r}")
        setattr(saved, name, (value or "").strip())
    audit.save(saved, actor)
    return saved


def default_report_date(year: int, today: dt.date) -> dt.date:
    """The date an annual report of ``year`` is signed, when none is given: today while the report is still
    due (it is sent by 15 January of the next year), else that deadline — a report printed years later for
    the archive keeps a date in its own season."""
    due = dt.date(year + 1, 1, 15)
    return today if today <= due else due
