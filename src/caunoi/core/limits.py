"""The limits of the columns, checked before the database sees a value.

Left to the databases, the same value is kept on one and refused on the other, or breaks a page: SQLite
stores a 2 MB text in a 200-character column where PostgreSQL raises DataError; an integer beyond 64 bits is
an OverflowError on SQLite, a 25-digit count "integer out of range" on PostgreSQL. Here every text is held to
its column's max_length, every integer to the narrower of the two databases' ranges (PostgreSQL's: SQLite
keeps 64 bits in any integer column) and every decimal to its max_digits and decimal_places, each refusal a
Problem naming the field, in Vietnamese and English. `audit.save` calls `ensure` on every record a service
saves; the IATI import, which writes rows in bulk, calls `check` on the values first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations

from caunoi.core import messages as m
from caunoi.core.errors import Problem, RuleError, RuleErrors

# Django's own table of the integer ranges, which are PostgreSQL's (SQLite's integers are all 64 bits).
INTEGER_RANGES: Mapping[str, tuple[int, int]] = BaseDatabaseOperations.integer_field_ranges
SHOWN = 40  # characters of a refused value repeated in its message


def _labels(field: models.Field[Any, Any]) -> dict[str, Any]:
    return {"label": field.verbose_name}  # lazy: the message shows it in its own language


def _shown(value: Any) -> str:
    text = str(value)
    return text if len(text) <= SHOWN else text[:SHOWN] + "…"


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            return None  # not a number at all: the service's own rules say so
    return None


def field_problem(field: models.Field[Any, Any], value: Any) -> Problem | None:
    """What is wrong with `value` for `field`'s column, or None."""
    if value is None:
        return None
    if isinstance(field, models.CharField | models.TextField):
        limit = field.max_length or settings.MAX_TEXT_CHARS
        length = len(value) if isinstance(value, str) else len(str(value))
        if length > limit:
            params = {"length": Decimal(length), "limit": Decimal(limit)}
            return Problem(m.TEXT_TOO_LONG, {**_labels(field), **params}, field=field.name)
        return None
    if isinstance(field, models.IntegerField) and not isinstance(field, models.AutoField):
        low, high = INTEGER_RANGES.get(field.get_internal_type(), INTEGER_RANGES["BigIntegerField"])
        if isinstance(value, int) and not low <= value <= high:
            bounds = {"low": Decimal(low), "high": Decimal(high)}
            return Problem(
                m.NUMBER_OUT_OF_RANGE, {**_labels(field), **bounds, "value": _shown(value)}, field=field.name
            )
        return None
    if isinstance(field, models.DecimalField):
        return _decimal_problem(field, value)
    return None


def _decimal_problem(field: models.DecimalField[Any, Any], value: Any) -> Problem | None:
    number = _decimal(value)
    if number is None:
        return None
    params = {**_labels(field), "value": _shown(value)}
    if not number.is_finite():
        return Problem(m.NOT_A_NUMBER, params, field=field.name)
    # Exact comparisons (no rounding context): a 40-digit value is refused, not an InvalidOperation.
    limit = Decimal(10) ** (field.max_digits - field.decimal_places)
    if abs(number) >= limit:
        return Problem(m.DECIMAL_TOO_LARGE, {**params, "limit": limit}, field=field.name)
    step = Decimal(1).scaleb(-field.decimal_places)
    if number != number.quantize(step):  # (safe now: the value has at most max_digits integer digits)
        return Problem(m.DECIMAL_TOO_PRECISE, {**params, "places": field.decimal_places}, field=field.name)
    return None


def _fields(model: type[models.Model]) -> dict[str, models.Field[Any, Any]]:
    fields: dict[str, models.Field[Any, Any]] = {}
    for field in model._meta.concrete_fields:
        fields[field.name] = field
        fields[field.attname] = field
    return fields


def check(model: type[models.Model], values: Mapping[str, Any]) -> list[Problem]:
    """The problems of `values` (field name → value) for `model`'s columns; names that are not fields of it
    are left to the caller."""
    fields = _fields(model)
    found = (field_problem(fields[name], value) for name, value in values.items() if name in fields)
    return [p for p in found if p is not None]


def instance_problems(instance: models.Model, names: Iterable[str] | None = None) -> list[Problem]:
    """The problems of a record's field values (of `names`, or all of them)."""
    wanted = set(names) if names is not None else None
    problems = []
    for field in instance._meta.concrete_fields:
        if wanted is not None and field.name not in wanted and field.attname not in wanted:
            continue
        found = field_problem(field, getattr(instance, field.attname))
        if found is not None:
            problems.append(found)
    return problems


def ensure(instance: models.Model, names: Iterable[str] | None = None) -> None:
    """Refuse a record with any value its columns cannot hold: one problem as the RuleError every other
    single rule raises, several together."""
    problems = instance_problems(instance, names)
    if len(problems) == 1:
        raise RuleError(problems[0].msg, problems[0].field, problems[0].params)
    if problems:
        raise RuleErrors(problems)
