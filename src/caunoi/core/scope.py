from __future__ import annotations

from typing import Any

from caunoi.core.messages import OFFICE_MISMATCH
from caunoi.core.models import Office


def ensure_same_office(obj: Any, office: Office, what: str) -> None:
    """Refuse to link a record of another office (a foreign record is never silently borrowed)."""
    if obj is not None and obj.office_id != office.pk:
        raise OFFICE_MISMATCH(field=what, what=str(obj), other=obj.office.code, office=office.code)
