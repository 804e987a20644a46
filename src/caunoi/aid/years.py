"""Which items a year counts: those whose approval decision is dated in the year and which had not been
revoked or cancelled by the year's end — "chương trình, dự án được phê duyệt, tiếp nhận mới" of the annual
report. The aid report, the dashboard, the annual document and the export all count by this one rule.

The day an item ended is stored on it (`AidItem.ended_on`, set by the lifecycle), so the rule reads one row
per item instead of searching its steps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import F, Q, QuerySet

from caunoi.aid.models import AidItem
from caunoi.core.models import Office


def items_of_years(offices: Iterable[Office], first: int, last: int) -> QuerySet[AidItem]:
    """The items of the years `first`–`last`, each counted in its approval year."""
    still_on = Q(ended_on__isnull=True) | (
        # One year: a plain date bound; several: the end after the approval's own year.
        Q(ended_on__gt=dt.date(last, 12, 31))
        if first == last
        else Q(ended_on__year__gt=F("approved_on__year"))
    )
    return AidItem.objects.filter(
        still_on,
        office__in=offices,
        archived_at__isnull=True,
        approved_on__gte=dt.date(first, 1, 1),
        approved_on__lte=dt.date(last, 12, 31),
    )


def items_of_year(offices: Iterable[Office], year: int) -> QuerySet[AidItem]:
    return items_of_years(offices, year, year)
