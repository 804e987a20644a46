"""Small checks shared by the publishing services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import timezone

from caunoi.core.errors import Text
from caunoi.core.text import nfc
from caunoi.publishing import messages as m
from caunoi.relations.dates import vn_date

URLS = URLValidator(schemes=["http", "https"])


def today() -> dt.date:
    return timezone.localdate()


def required_text(value: str | None, what: Text, field: str) -> str:
    text = nfc(value)
    if not text:
        raise m.REQUIRED(field=field, what=what)
    return text


def clean_url(value: str | None, field: str = "url") -> str:
    url = (value or "").strip()
    if url:
        try:
            URLS(url)
        except ValidationError:
            raise m.URL_INVALID(field=field, value=url) from None
    return url


def not_in_future(day: dt.date, field: str) -> None:
    if day > today():
        raise m.DATE_IN_FUTURE(field=field, on=vn_date(day))


def not_archived(obj: Any) -> None:
    if getattr(obj, "archived_at", None):
        raise m.ARCHIVED(what=str(obj))
