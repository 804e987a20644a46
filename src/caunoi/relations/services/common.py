"""Small checks shared by the services, and archiving.

Every write function of the relations services calls `caunoi.core.permissions.authorize(actor, action, office)`
itself, before anything else: EDIT to create or change, ARCHIVE and RESTORE here. The CLI and the demo
loader pass `actor=SYSTEM`, always allowed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from caunoi.core import audit
from caunoi.core.errors import Text
from caunoi.core.permissions import Action, authorize
from caunoi.core.text import nfc
from caunoi.relations import messages as m
from caunoi.relations.dates import Precision, first_day


def today() -> dt.date:
    return timezone.localdate()


def check_choice(value: str, choices: type[models.TextChoices], what: Text, field: str) -> str:
    """`what` (a lazy translation) names the field in the message."""
    if value not in choices.values:
        raise m.CHOICE_UNKNOWN(field=field, value=value, what=what, choices=", ".join(choices.values))
    return value


def required_text(value: str | None, what: Text, field: str) -> str:
    text = nfc(value)
    if not text:
        raise m.REQUIRED(field=field, what=what)
    return text


def check_order(
    start: dt.date | None,
    end: dt.date | None,
    *,
    field: str,
    start_what: Text,
    end_what: Text,
) -> None:
    """End on or after start (either may be unknown); the names of the two dates are lazy translations."""
    if start and end and end < start:
        raise m.DATES_ORDER(
            field=field,
            start=start,
            end=end,
            start_what=start_what,
            end_what=end_what,
        )


def not_in_future(day: dt.date | None, field: str) -> None:
    if day and day > today():
        raise m.DATE_IN_FUTURE(field=field, on=day)


def partial(day: dt.date | None, precision: str, field: str) -> dt.date | None:
    """Store a partial date as its first day, after checking the precision is known."""
    check_choice(precision, Precision, _("độ chính xác của ngày"), field)
    return first_day(day, precision) if day else None


def not_archived(obj: Any) -> None:
    if getattr(obj, "archived_at", None):
        raise m.ARCHIVED(what=str(obj))


def apply(obj: Any, fields: dict[str, Any], actor: Any) -> None:
    authorize(actor, Action.EDIT, obj.office)
    for name, value in fields.items():
        setattr(obj, name, value)
    audit.save(obj, actor)
