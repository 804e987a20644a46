"""An agreement's status as of a day, from its dates: never stored, so it cannot go stale.

A date known only to the month or year is stored as its first day, so an agreement signed "in September
2022" counts as signed from 1 September 2022.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from caunoi.relations.models import Agreement

EXPIRY_WARNING_DAYS = 90


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo, chưa ký")
    SIGNED = "signed", _("Đã ký, chưa đến thời hạn hiệu lực")
    IN_FORCE = "in_force", _("Đang có hiệu lực")
    EXPIRING = "expiring", _("Sắp hết hạn")
    EXPIRED = "expired", _("Đã hết hạn")
    TERMINATED = "terminated", _("Đã chấm dứt")


def agreement_status(agreement: Agreement, on: dt.date) -> AgreementStatus:
    if agreement.signed_on is None or agreement.signed_on > on:
        return AgreementStatus.DRAFT
    if agreement.terminated_on and agreement.terminated_on <= on:
        return AgreementStatus.TERMINATED
    if agreement.period_start and on < agreement.period_start:
        return AgreementStatus.SIGNED
    if agreement.period_end is None:
        return AgreementStatus.IN_FORCE
    if agreement.period_end < on:
        return AgreementStatus.EXPIRED
    if (agreement.period_end - on).days <= EXPIRY_WARNING_DAYS:
        return AgreementStatus.EXPIRING
    return AgreementStatus.IN_FORCE
