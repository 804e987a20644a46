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

from caunoi.core.errors import Problem, Worded
from caunoi.vntext import messages as m
from caunoi.vntext.checks.base import fmt as _fmt
from caunoi.vntext.checks.base import unit_text as _unit_text
from caunoi.vntext.checks.base import value as _value
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Expected, Finding

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
    if len(matching) < expected.occurrence or expected.occurrence < 1:
        return Finding(
            severity="warning",
            code="record-missing",
            line=0,
            text=Problem(
                m.RECORD_TOTAL_MISSING if expected.role == "total" else m.RECORD_FIGURE_MISSING,
                {"label": label, "occurrence": expected.occurrence, "unit": expected.unit, "record": record},
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
        unit=figure.unit,
        stated=stated,
        computed=record,
        difference=difference,
        label=label,
        figure=figure,
    )
    quoted = figure.text
    unit = Worded({lang: _unit_text(figure, lang) for lang in ("vi", "en")})
    shown = Worded({lang: _fmt(record, lang) for lang in ("vi", "en")})
    if figure.qualifier is not None:
        if _approximately_consistent(figure.qualifier, stated, record):
            return replace(
                base,
                severity="ok",
                code="record-approximate-ok",
                text=Problem(m.RECORD_APPROXIMATE_OK, {"label": label, "quoted": quoted, "record": shown}),
            )
        return replace(
            base,
            severity="warning",
            code="record-approximate-mismatch",
            text=Problem(m.RECORD_APPROXIMATE_MISMATCH, {"label": label, "quoted": quoted, "record": shown}),
        )
    if difference == 0:
        return replace(
            base,
            severity="ok",
            code="record-ok",
            text=Problem(m.RECORD_OK, {"label": label, "quoted": quoted}),
        )
    return replace(
        base,
        severity="error",
        code="record-mismatch",
        text=Problem(
            m.RECORD_MISMATCH,
            {
                "label": label,
                "quoted": quoted,
                "record": shown,
                "unit": unit,
                "difference": Worded({lang: _fmt(abs(difference), lang) for lang in ("vi", "en")}),
            },
        ),
    )


def _approximately_consistent(qualifier: str, stated: Decimal, record: Decimal) -> bool:
    if qualifier in ("trên", "hơn"):
        return record >= stated
    if qualifier == "dưới":
        return record <= stated
    assert qualifier in _APPROX_NEAR, qualifier
    return abs(record - stated) <= abs(stated) * _APPROX_TOLERANCE
