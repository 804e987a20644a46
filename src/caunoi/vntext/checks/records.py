"""Figures against records: ``expected`` maps a label of the caller's choosing (such as ``"aid.committed_usd"``)
to an :class:`~caunoi.vntext.findings.Expected`: the value from records, the unit of the stated figure (an ISO
currency code, ``"percent"``, or a counted noun — which matches a count whose nouns include it), the ``role``
of the figure in the text, and which ``occurrence`` of that role and unit is meant (1 = first):

- ``role="total"``: the stated total of a breakdown (:mod:`.sums`);
- ``role="figure"``: any money/percent/count figure with that unit, in text order.

An exact stated figure that differs from the record is an ``error``, an equal one ``ok``. An approximate
stated figure is compared by its qualifier: *gần, khoảng, xấp xỉ, chừng, ước (tính), trên dưới, gần như*
must lie within 10% of the record; *trên, hơn* must not exceed it; *dưới* must not be below it; otherwise
``warning``. A label whose figure is not in the text gives a ``warning``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Final

from caunoi.vntext.checks.base import fmt as _fmt
from caunoi.vntext.checks.base import unit_text as _unit_text
from caunoi.vntext.checks.base import value as _value
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Expected, Finding
from caunoi.vntext.numbers import format_number

__all__ = ["record_finding"]

_APPROX_NEAR: Final = frozenset(
    {"gần", "khoảng", "xấp xỉ", "chừng", "ước", "ước tính", "trên dưới", "gần như"}
)
_APPROX_TOLERANCE: Final = Decimal("0.10")


def _matches_unit(figure: Figure, unit: str) -> bool:
    if figure.kind == "money":
        return figure.unit == unit.strip().upper()
    if figure.kind == "percent":
        return unit.strip().lower() in ("percent", "%")
    wanted = " ".join(unit.lower().split())
    return wanted in (figure.unit_group or (figure.unit,))


def record_finding(
    label: str, expected: Expected, figures: Sequence[Figure], totals: Sequence[Figure]
) -> Finding:
    if not isinstance(expected, Expected):
        raise TypeError(
            f"expected[{label!r}] must be an Expected(value, unit, role, occurrence), "
            f"got {type(expected).__name__}"
        )
    if expected.role not in ("total", "figure"):
        raise ValueError(f"expected[{label!r}].role must be 'total' or 'figure', got {expected.role!r}")
    record = Decimal(expected.value)
    pool = list(totals) if expected.role == "total" else [f for f in figures if f.arithmetic]
    matching = [figure for figure in pool if _matches_unit(figure, expected.unit)]
    role_vi = "tổng" if expected.role == "total" else "số liệu"
    if len(matching) < expected.occurrence or expected.occurrence < 1:
        return Finding(
            severity="warning",
            code="record-missing",
            line=0,
            message_vi=(
                f"[{label}] không tìm thấy {role_vi} thứ {expected.occurrence} có đơn vị "
                f"“{expected.unit}” trong văn bản để so với hồ sơ ({format_number(record)})"
            ),
            message_en=(
                f"[{label}] no {expected.role} no. {expected.occurrence} with unit “{expected.unit}” "
                f"found in the text to compare with the records ({format_number(record, locale='en')})"
            ),
            unit=expected.unit,
            computed=record,
            label=label,
        )
    figure = matching[expected.occurrence - 1]
    stated = _value(figure)
    difference = record - stated
    base = Finding(
        severity="ok",
        code="",
        line=figure.line,
        message_vi="",
        message_en="",
        unit=figure.unit,
        stated=stated,
        computed=record,
        difference=difference,
        label=label,
        figure=figure,
    )
    quoted = figure.text
    unit_vi, unit_en = _unit_text(figure, "vi"), _unit_text(figure, "en")
    if figure.qualifier is not None:
        if _approximately_consistent(figure.qualifier, stated, record):
            return replace(
                base,
                severity="ok",
                code="record-approximate-ok",
                message_vi=f"[{label}] “{quoted}” phù hợp với hồ sơ ({format_number(record)})",
                message_en=f"[{label}] “{quoted}” is consistent with the records ({_fmt(record, 'en')})",
            )
        return replace(
            base,
            severity="warning",
            code="record-approximate-mismatch",
            message_vi=f"[{label}] “{quoted}” không phù hợp với hồ sơ ({format_number(record)})",
            message_en=f"[{label}] “{quoted}” does not fit the records ({_fmt(record, 'en')})",
        )
    if difference == 0:
        return replace(
            base,
            severity="ok",
            code="record-ok",
            message_vi=f"[{label}] “{quoted}” khớp với hồ sơ",
            message_en=f"[{label}] “{quoted}” matches the records",
        )
    return replace(
        base,
        severity="error",
        code="record-mismatch",
        message_vi=(
            f"[{label}] văn bản ghi “{quoted}” nhưng hồ sơ là {_fmt(record, 'vi')} {unit_vi} "
            f"(chênh lệch {_fmt(abs(difference), 'vi')} {unit_vi})"
        ),
        message_en=(
            f"[{label}] the text states “{quoted}” but the records say {_fmt(record, 'en')} {unit_en} "
            f"(difference {_fmt(abs(difference), 'en')} {unit_en})"
        ),
    )


def _approximately_consistent(qualifier: str, stated: Decimal, record: Decimal) -> bool:
    if qualifier in ("trên", "hơn"):
        return record >= stated
    if qualifier == "dưới":
        return record <= stated
    assert qualifier in _APPROX_NEAR, qualifier
    return abs(record - stated) <= abs(stated) * _APPROX_TOLERANCE
