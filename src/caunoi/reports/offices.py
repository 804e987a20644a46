from __future__ import annotations

import datetime as dt

from caunoi.core.messages import OFFICE_REQUIRED
from caunoi.core.models import Office
from caunoi.core.offices import office_by_code


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
