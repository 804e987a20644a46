"""Which items a year counts: those whose approval decision is dated in the year and which had not been
revoked or cancelled by the year's end — "chương trình, dự án được phê duyệt, tiếp nhận mới" of the annual
report. The aid report, the dashboard, the annual document and the export all count by this one rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, StatusChange
from caunoi.core.models import Office

ENDED = (Status.APPROVAL_REVOKED, Status.CANCELLED)


def items_of_years(offices: Iterable[Office], first: int, last: int) -> QuerySet[AidItem]:
    """The items of the years `first`–`last`, each counted in its approval year."""
    ended_by: dict[str, Any] = (
        # One year: a plain date bound, which an index on the change's date serves.
        {"on__lte": dt.date(last, 12, 31)}
        if first == last
        else {"on__year__lte": OuterRef("approved_on__year")}
    )
    ended = StatusChange.objects.filter(item=OuterRef("pk"), to_status__in=ENDED, **ended_by)
    return (
        AidItem.objects.filter(
            office__in=offices,
            archived_at__isnull=True,
            approved_on__gte=dt.date(first, 1, 1),
            approved_on__lte=dt.date(last, 12, 31),
        )
        .annotate(ended=Exists(ended))
        .filter(ended=False)
    )


def items_of_year(offices: Iterable[Office], year: int) -> QuerySet[AidItem]:
    return items_of_years(offices, year, year)
