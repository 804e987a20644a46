"""Reading and writing the cells of the aid spreadsheet: dates, numbers, choices, "Name (60%)" lists."""

from __future__ import annotations

import datetime as dt
import functools
import re
from decimal import Decimal
from typing import Any

from django.db.models import TextChoices
from django.utils import translation

from caunoi.aid import messages as m
from caunoi.core.errors import joined
from caunoi.core.text import fold, nfc
from caunoi.vntext.numbers import format_number, parse_entered

SHARE_ENTRY = re.compile(r"^(?P<name>.+?)\s*\((?P<share>[\d.,]+)\s*%\)$")


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value))


def parse_date(value: Any, field: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise m.CELL_DATE(field=field, value=raw)


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def parse_decimal(value: Any, field: str) -> Decimal | None:
    """Numbers as staff write them: 1.404.175 or 8612,50 (Vietnamese), or a number cell of a workbook."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise m.CELL_NUMBER(field=field, value=value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    raw = text(value)
    try:
        return parse_entered(raw)
    except ValueError:
        raise m.CELL_NUMBER(field=field, value=raw.replace("\u00a0", "").replace(" ", "")) from None


def format_decimal(value: Decimal | None) -> str:
    return format_number(value.normalize()) if value is not None else ""


def parse_int(value: Any, field: str) -> int | None:
    number = parse_decimal(value, field)
    if number is None:
        return None
    if number != number.to_integral_value():
        raise m.CELL_NUMBER(field=field, value=text(value))
    return int(number)


def _name_key(name: str) -> str:
    # "non-project", "non_project" and "non project" are one name
    return fold(name.replace("-", " ").replace("_", " "))


@functools.cache
def _choice_names(choices: type[TextChoices]) -> dict[str, str]:
    """Every name a cell may give a choice by: its label in Vietnamese and in English, its code, its name
    (cached: the catalogs do not change while the server runs)."""
    names: dict[str, str] = {}
    for choice in choices:
        keys = {choice.value, choice.name}
        for language in ("vi", "en"):
            with translation.override(language):
                keys.add(str(choice.label))
        names.update((_name_key(key), str(choice.value)) for key in keys)
    return names


def parse_choice(value: Any, choices: type[TextChoices], field: str) -> str:
    """A choice by its label in either language, its code or its name, with or without diacritics."""
    found = _choice_names(choices).get(_name_key(text(value)))
    if found is None:
        labels = joined([c.label for c in choices], ", ")
        raise m.CELL_CHOICE(field=field, value=text(value), choices=labels)
    return found


def parse_bool(value: Any, field: str) -> bool:
    wanted = fold(text(value))
    if wanted in ("", "khong", "no", "0", "false"):
        return False
    if wanted in ("co", "yes", "1", "true", "x"):
        return True
    raise m.CELL_CHOICE(field=field, value=text(value), choices="có, không")


def parse_shares(value: Any, field: str) -> list[tuple[str, Decimal]]:
    """ "Y tế (60%); Giáo dục và đào tạo (40%)" → [("Y tế", 60), …]; one entry may omit its 100%."""
    raw = text(value)
    if not raw:
        return []
    parts = [p.strip() for p in raw.split(";") if p.strip()]
    result = []
    for part in parts:
        match = SHARE_ENTRY.match(part)
        if match:
            share = parse_decimal(match.group("share"), field)
            assert share is not None
            result.append((match.group("name").strip(), share))
        elif len(parts) == 1:
            result.append((part, Decimal(100)))
        else:
            raise m.CELL_SHARES(field=field, value=raw)
    return result


def format_shares(pairs: list[tuple[str, Decimal]]) -> str:
    return "; ".join(f"{name} ({format_number(share.normalize())}%)" for name, share in pairs)


def parse_names(value: Any) -> list[str]:
    return [nfc(p) for p in text(value).split(";") if p.strip()]
