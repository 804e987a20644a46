"""Closing a reported year: once an office's annual report of a year is sent, its administrator locks that
year's figures (a period lock), and money dated in it is neither recorded, corrected nor reversed until the
year is reopened — with a reason, kept with who reopened it."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from caunoi.aid import messages as m
from caunoi.aid.models import ClosedYear
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.core.text import nfc


def closed_years(office: Office) -> set[int]:
    return set(
        ClosedYear.objects.filter(office=office, reopened_at__isnull=True).values_list("year", flat=True)
    )


def check_open(office: Office, *days: dt.date) -> None:
    """Refuse money dated in a locked year of the office (each of `days`: the old and the new date)."""
    closed = closed_years(office)
    for day in days:
        if day.year in closed:
            raise m.YEAR_CLOSED(
                field="value_date", year=day.year, office=office.code, on=day.strftime("%d/%m/%Y")
            )


@transaction.atomic
def close_year(office: Office, year: int, *, actor: Actor) -> ClosedYear:
    authorize(actor, Action.CLOSE_YEAR, office)
    if year >= timezone.localdate().year:
        raise m.YEAR_NOT_ENDED(field="year", year=year)
    lock = ClosedYear.objects.select_for_update().filter(office=office, year=year).first()
    if lock is not None and lock.is_closed:
        raise m.YEAR_ALREADY_CLOSED(field="year", year=year)
    lock = lock or ClosedYear(office=office, year=year)
    lock.closed_at, lock.closed_by = timezone.now(), history_user(actor)
    lock.reopened_at = lock.reopened_by = None
    lock.reason = ""
    audit.save(lock, actor)
    return lock


@transaction.atomic
def reopen_year(office: Office, year: int, *, actor: Actor, reason: str) -> ClosedYear:
    authorize(actor, Action.CLOSE_YEAR, office)
    lock = ClosedYear.objects.select_for_update().filter(office=office, year=year).first()
    if lock is None or not lock.is_closed:
        raise m.YEAR_NOT_CLOSED(field="year", year=year)
    reason = nfc(reason).strip()
    if not reason:
        raise m.REASON_REQUIRED(field="reason", what=gettext_lazy("mở lại năm"))
    lock.reopened_at, lock.reopened_by, lock.reason = timezone.now(), history_user(actor), reason
    audit.save(lock, actor, reason=reason)
    return lock
