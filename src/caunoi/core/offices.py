"""Finding offices by code, and which offices a user may read."""

from __future__ import annotations

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
