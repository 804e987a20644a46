"""The figures of an edited report checked against its own arithmetic and against the records.

``check_text`` does the checking; this module says what the records expect — the item count, the committed
USD total, and each sector's count and amount — and where in the staff's text each sector's figures are: in
the clause (between ";", ":" or sentence ends) that names the sector, so that reordering or rewording the
sentence does not break the match.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left

from caunoi.core.errors import Problem, Worded
from caunoi.core.models import Office
from caunoi.core.text import fold
from caunoi.reports.aid import AidSummary, Line, aid_summary
from caunoi.vntext import messages as m
from caunoi.vntext.checktext import Expected, Finding, check_text
from caunoi.vntext.figures import Figure, find_figures
from caunoi.vntext.numbers import format_money

_CLAUSE_END = re.compile(r";|:|\.(?=\s|$)|\n\s*\n")


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _CLAUSE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _matches(figure: Figure, unit: str) -> bool:
    """Mirror of check_text's unit matching, to count the occurrence it will look up."""
    if figure.kind == "money":
        return figure.unit == unit
    if figure.kind == "count":
        return unit in (figure.unit_group or (figure.unit,))
    return False


def _occurrence(figures: list[Figure], target: Figure, unit: str) -> int:
    pool = [f for f in figures if f.arithmetic and _matches(f, unit)]
    return next(index for index, f in enumerate(pool, start=1) if f.start == target.start)


def _fold_chars(text: str) -> str:
    """Lower case without diacritics, one character for one, so that offsets stay those of ``text``."""
    out = []
    for char in text:
        lower = char.lower()
        base = "d" if lower == "đ" else unicodedata.normalize("NFD", lower)[:1] if len(lower) == 1 else char
        out.append(base or char)
    return "".join(out)


def _name_pattern(name: str) -> re.Pattern[str]:
    """A sector's name as staff write it: "Giáo dục và đào tạo", "Giáo dục - Đào tạo" and "Tài nguyên môi
    trường" all name a sector, whatever hyphen or "và" joins the words."""
    words = [word for word in fold(name).replace("-", " ").replace("–", " ").split() if word != "va"]
    joint = r"(?:\s*[-–]\s*|\s+va\s+|\s+)"
    return re.compile(r"(?<!\w)" + joint.join(re.escape(word) for word in words) + r"(?!\w)")


def _sector_figures(
    window: list[Figure], name_start: int, name_end: int
) -> tuple[Figure | None, Figure | None]:
    """The sector's count and USD amount around its name: the amount is the first after the name (else the
    last before); the count is one right after the name, before that amount ("y tế 02 dự án, 80.466 USD"),
    else the nearest before the name ("02 dự án y tế với ... 80.466 USD")."""
    usd = [f for f in window if f.kind == "money" and f.unit == "USD"]
    counts = [f for f in window if f.kind == "count"]
    money = next((f for f in usd if f.start >= name_end), usd[-1] if usd else None)
    limit = money.start if money is not None and money.start >= name_end else name_end
    after = [f for f in counts if name_end <= f.start <= limit]
    before = [f for f in counts if f.end <= name_start]
    count = after[0] if after else (before[-1] if before else None)
    return count, money


def _sector_expectations(
    text: str, folded: str, figures: list[Figure], lines: list[Line]
) -> dict[str, dict[str, Expected]]:
    """Per sector key, the Expected values of the first clause that names the sector with figures. Within a
    clause, a sector's figures are looked for only between the neighbouring sectors' names."""
    patterns = [(line, _name_pattern(line.name)) for line in lines]
    quantities = sorted((f for f in figures if f.arithmetic), key=lambda f: f.start)
    starts = [f.start for f in quantities]
    found: dict[str, dict[str, Expected]] = {}
    for start, end in _clauses(text):
        names = sorted(
            (match.start(), match.end(), index)
            for index, (line, pattern) in enumerate(patterns)
            if line.key not in found and (match := pattern.search(folded, start, end))
        )
        for position, (name_start, name_end, index) in enumerate(names):
            line = patterns[index][0]
            low = names[position - 1][1] if position else start
            high = names[position + 1][0] if position + 1 < len(names) else end
            # Bisected, not filtered: a long text has thousands of clauses naming sectors.
            window = quantities[bisect_left(starts, low) : bisect_left(starts, high)]
            count, money = _sector_figures(window, name_start, name_end)
            expected: dict[str, Expected] = {}
            if money is not None:
                expected[f"sector.{line.key}.usd"] = Expected(
                    line.committed.usd, "USD", "figure", _occurrence(figures, money, "USD")
                )
            if count is not None and count.unit is not None:
                expected[f"sector.{line.key}.count"] = Expected(
                    line.count, count.unit, "figure", _occurrence(figures, count, count.unit)
                )
            if expected:
                found[line.key] = expected
    return found


def expected_from_records(text: str, summary: AidSummary) -> tuple[dict[str, Expected], list[Line]]:
    """What the records say the text's figures should be, keyed by a label shown in the findings; and the
    sectors of the records whose figures the text does not give."""
    text = unicodedata.normalize("NFC", text)
    figures = find_figures(text)
    folded = _fold_chars(text)
    expected: dict[str, Expected] = {
        "aid.count": Expected(summary.count, "dự án", "total"),
        "aid.committed_usd": Expected(summary.committed.usd, "USD", "total"),
    }
    sectors = _sector_expectations(text, folded, figures, summary.by_sector)
    for values in sectors.values():
        expected.update(values)
    return expected, [line for line in summary.by_sector if line.key not in sectors]


def _missing_sector(line: Line) -> Finding:
    usd = format_money(line.committed.usd, "USD")
    return Finding(
        severity="warning",
        code="record-missing",
        line=0,
        # The amount stays as the Vietnamese report writes it, in both languages.
        text=Problem(
            m.SECTOR_MISSING,
            {
                "key": line.key,
                "name": Worded({"vi": line.name, "en": line.name_en}),
                "count": line.count,
                "amount": usd,
            },
        ),
        unit="USD",
        computed=line.committed.usd,
        label=f"sector.{line.key}",
    )


def check_report_text(
    office: Office, year: int, text: str, include_predecessors: bool = False
) -> list[Finding]:
    """Every finding on ``text``: its own sums, then each figure against the records of ``office``/``year``."""
    summary = aid_summary(office, year, include_predecessors=include_predecessors)
    text = unicodedata.normalize("NFC", text)
    expected, missing = expected_from_records(text, summary)
    return check_text(text, expected) + [_missing_sector(line) for line in missing]


def problems(findings: list[Finding]) -> list[Finding]:
    """The findings a person must look at (errors and warnings)."""
    return [f for f in findings if f.severity in ("error", "warning")]
