"""Finding offices by code, and which offices a user may read."""

from __future__ import annotations

import datetime as dt

from caunoi.core.messages import OFFICE_NONE, OFFICE_REQUIRED, OFFICE_UNKNOWN
from caunoi.core.models import Office


def office_by_code(code: str | None) -> Office:
    """The office named by `code`; with no code, the only active office there is."""
    if code:
        office = Office.objects.filter(code=code).first()
        if office is None:
            raise OFFICE_UNKNOWN(field="office", code=code)
        return office
    active = list(Office.objects.filter(successor__isnull=True, archived_at__isnull=True)[:2])
    if len(active) == 1:
        return active[0]
    codes = ", ".join(Office.objects.values_list("code", flat=True))
    if not codes:
        raise OFFICE_NONE(field="office")
    raise OFFICE_REQUIRED(field="office", codes=codes)


def office_for_year(code: str | None, year: int) -> Office:
    """The office a report of `year` is about: the named one, or the only office working that year."""
    if code:
        return office_by_code(code)
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    working = [o for o in Office.objects.filter(archived_at__isnull=True) if o.is_active_during(first, last)]
    if len(working) == 1:
        return working[0]
    codes = (
        ", ".join(o.code for o in working) or ", ".join(Office.objects.values_list("code", flat=True)) or "—"
    )
    raise OFFICE_REQUIRED(field="office", codes=codes)
