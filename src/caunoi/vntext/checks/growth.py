"""Growth stated beside both figures: "đạt 3.120.000 USD, tăng 23,2 % so với năm 2022 (2.532.500 USD)",
"24 dự án, tăng 6 dự án so với năm 2022 (18 dự án)", "up 40% from 10 delegations".

A rate after *tăng/giảm* (*up/down, an increase of …*) followed by *so với* (*from, compared with, over*) is
checked against the current figure (the nearest before it) and the earlier one (the nearest after it, else
another before): (current − earlier) / earlier for a percent, current − earlier for an amount or a count,
within the rounding of the stated precision and its qualifier."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import chain
from typing import Final

from caunoi.core.errors import Worded, phrase
from caunoi.vntext import messages as m
from caunoi.vntext.checks.base import Reading, fmt, points, unit_text, value, verdict
from caunoi.vntext.checks.rates import candidates, pairs, rate_text, relative_slack, settle
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import compatible, half_unit

__all__ = ["check_growth", "check_multiples"]

_UP_DOWN: Final = re.compile(
    r"(?:(?P<up>tăng|vượt|up|exceeded\s+by|increase\s+of|rise\s+of|increased\s+by|rose\s+by)"
    r"|(?P<down>giảm|down|decrease\s+of|fall\s+of|decreased\s+by|fell\s+by))\s*$",
    re.I,
)
_COMPARED: Final = re.compile(r"[^.;]{0,30}?(?:so\s+với|from|compared|over|than)(?!\w)", re.I)
_COMPARED_BEFORE: Final = re.compile(
    r"(?<!\w)(?:so\s+với|compared\s+(?:with|to)|from|từ(?!\w)[^.;]{0,60}?(?<!\w)(?:lên|xuống))(?!\w)", re.I
)


def check_growth(reading: Reading) -> list[Finding]:
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        for rate in paragraph.figures:
            if rate.start in reading.used:
                continue
            direction = _UP_DOWN.search(text, max(paragraph.start, rate.start - 20), rate.start)
            if direction is None:
                continue
            # "tăng X % so với năm 2022 (…)", or "So với năm 2021 (12 dự án), … tăng 75 %, lên 21 dự án".
            sentence_start, _end = paragraph.sentence_of(rate.start)
            earlier_first = bool(
                _COMPARED_BEFORE.search(text, max(sentence_start, rate.start - 200), rate.start)
            )
            if not (earlier_first or _COMPARED.match(text, rate.end)):
                continue
            finding = _check(reading, rate, -1 if direction["down"] else 1, earlier_first)
            if finding is not None:
                findings.append(finding)
    return findings


_TIMES_BEFORE: Final = re.compile(r"(?:gấp|tăng\s+gấp)\s*$", re.I)
_TIMES_AFTER: Final = re.compile(r"\s*(?:lần|times)(?!\w)|-fold", re.I)


def check_multiples(reading: Reading) -> list[Finding]:
    """ "tăng gấp 1,5 lần so với năm 2023 (1,93 triệu USD)", "2.5 times": the later figure over the earlier."""
    findings = []
    text = reading.text
    for paragraph in reading.paragraphs:
        for times in paragraph.bare:
            if not (
                _TIMES_AFTER.match(text, times.end)
                and _TIMES_BEFORE.search(text, max(paragraph.start, times.start - 12), times.start)
            ):
                continue
            before, after = candidates(reading, paragraph, times)
            ordered = chain(
                ((new, old) for new in before for old in after if compatible(new, old) and value(old)),
                pairs(before, after),
            )

            def compute(first: Figure, second: Figure) -> tuple[Decimal, Decimal]:
                computed = value(first) / value(second)
                return computed, relative_slack(reading, computed, first, second)

            settled = settle(reading, times, ordered, compute)
            if settled is not None:
                findings.append(_times_finding(reading, times, *settled))
    return findings


def _times_finding(
    reading: Reading, times: Figure, first: Figure, second: Figure, computed: Decimal, ok: bool
) -> Finding:
    shown = phrase(
        m.TIMES,
        shown=Worded(
            {
                lang: f"{fmt(value(first), lang)} / {fmt(value(second), lang)} = {fmt(computed, lang, 2)}"
                for lang in ("vi", "en")
            }
        ),
    )
    finding = verdict(
        reading, ok, "growth", times, computed, (first, second), shown, quoted=f"gấp {times.text} lần"
    )
    return replace(finding, code=f"multiple-{'ok' if ok else 'mismatch'}")


def _computed(first: Figure, second: Figure, rate: Figure, sign: int) -> Decimal:
    if rate.kind == "percent":
        return (value(first) / value(second) - 1) * 100 * sign
    return (value(first) - value(second)) * sign


def _check(reading: Reading, rate: Figure, sign: int, earlier_first: bool) -> Finding | None:
    paragraph = reading.paragraph_of(rate.start)
    before, after = candidates(reading, paragraph, rate)
    ordered = pairs(before, after)
    if earlier_first:
        ordered = chain(
            ((new, old) for new in after for old in before if compatible(new, old) and value(old)), ordered
        )

    def compute(first: Figure, second: Figure) -> tuple[Decimal, Decimal] | None:
        if rate.kind != "percent" and (first.kind == "other" or not compatible(rate, first)):
            return None
        if rate.kind == "percent":
            slack = relative_slack(reading, value(first) / value(second) * 100, first, second)
        else:
            slack = half_unit(first, reading.lang) + half_unit(second, reading.lang)
        return _computed(first, second, rate, sign), slack

    settled = settle(reading, rate, ordered, compute)
    return _finding(reading, rate, *settled) if settled else None


def _finding(
    reading: Reading, rate: Figure, first: Figure, second: Figure, computed: Decimal, ok: bool
) -> Finding:
    reading.used.add(rate.start)
    if rate.kind == "percent":
        shown = {
            lang: f"({fmt(value(first), lang)} − {fmt(value(second), lang)}) / {fmt(value(second), lang)} = "
            f"{rate_text(computed, rate, lang)}"
            for lang in ("vi", "en")
        }
        gap = points(abs(computed - value(rate)), lambda number, lang: rate_text(number, rate, lang)[:-2])
    else:
        shown = {
            lang: f"{fmt(value(first), lang)} − {fmt(value(second), lang)} = {fmt(computed, lang)}"
            for lang in ("vi", "en")
        }
        gap = {
            lang: f"{fmt(abs(computed - value(rate)), lang)} {unit_text(rate, lang)}" for lang in ("vi", "en")
        }
    return verdict(
        reading, ok, "growth", rate, computed, (first, second), shown, gap, ok_msg=m.CHANGE_MATCHES
    )
