"""Dates known only to the year or the month: the report often says "năm 2019" or "tháng 9 năm 2022".

A partial date is stored as its first day (1 January, or the 1st of the month) with its precision beside it,
so that it sorts and compares like any date, and is written back only as precisely as it is known.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    YEAR = "year", _("Năm")
    MONTH = "month", _("Tháng")
    DAY = "day", _("Ngày")


def first_day(day: dt.date, precision: str) -> dt.date:
    """The stored form of a partial date."""
    if precision == Precision.YEAR:
        return dt.date(day.year, 1, 1)
    if precision == Precision.MONTH:
        return dt.date(day.year, day.month, 1)
    return day


def last_day(day: dt.date, precision: str) -> dt.date:
    """The last day a partial date can mean (for "ended by" comparisons)."""
    if precision == Precision.YEAR:
        return dt.date(day.year, 12, 31)
    if precision == Precision.MONTH:
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return day


def vn_date(day: dt.date | None, precision: str = Precision.DAY) -> str:
    """`05/01/2022`, `09/2022` or `2019`, as precisely as known; an em dash when unknown."""
    if day is None:
        return "—"
    if precision == Precision.YEAR:
        return str(day.year)
    if precision == Precision.MONTH:
        return f"{day.month:02d}/{day.year}"
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def vn_date_prose(day: dt.date | None, precision: str = Precision.DAY) -> str:
    """`ngày 05/01/2022`, `tháng 9 năm 2022` or `năm 2019`, for running text."""
    if day is None:
        return "chưa rõ ngày"
    if precision == Precision.YEAR:
        return f"năm {day.year}"
    if precision == Precision.MONTH:
        return f"tháng {day.month} năm {day.year}"
    return f"ngày {vn_date(day)}"


def iso_partial(day: dt.date | None, precision: str = Precision.DAY) -> str | None:
    """`2022-01-05`, `2022-09` or `2019` for JSON."""
    if day is None:
        return None
    if precision == Precision.YEAR:
        return f"{day.year:04d}"
    if precision == Precision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
