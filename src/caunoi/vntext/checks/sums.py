"""Totals and their parts, as a careful reader adds them up.

A breakdown starts at a cue and the stated total is the nearest figure of the same kind before it in the
paragraph (money of one currency, percent, or counts of nouns of one group — "21 chương trình, dự án" is
made of "dự án" and "phi dự án"). Cues:

- a list cue, with or without a colon: *như sau, gồm, bao gồm, cụ thể, chia ra, chi tiết, phân theo …, theo
  lĩnh vực*; English *including, of which, comprising, as follows, by sector*. The parts run to the end of the
  sentence, and on through the next sentences of the paragraph (at most three) when the first does not make
  the total ("Phân theo lĩnh vực, giáo dục … 960.000 USD. Tiếp đến là y tế với 650.000 USD. …");
- *trong đó* (and English *of which*), *trong tổng số*, *of the*: a list that may give only some parts;
- a parenthesis: "34 tổ chức (21 tổ chức … và 13 tổ chức …)";
- *tổng cộng*, *in total* after the parts: the parts are the figures before it in the sentence.

A list is partial when it says so (*khác, một số, còn lại, …*, *the rest, others*) or is announced by *trong
đó* — then the parts must not exceed the total — unless another of its groups adds up exactly, which shows
the list is complete ("12 dự án … 3 + 5 + 4 dự án" makes the amounts of the same list a complete sum too).
Percent parts with no percent total are shares of a whole (:mod:`.shares`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from caunoi.core.errors import Problem, Worded
from caunoi.vntext import messages as m
from caunoi.vntext.checks.base import Paragraph, Reading, fits, fmt, unit_text, value
from caunoi.vntext.checks.shares import check_shares
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Finding
from caunoi.vntext.reading import compatible, half_unit

__all__ = ["check_sums", "is_rate"]

_LIST_CUE: Final = re.compile(
    r"(?<!\w)(?:(?P<partial>trong\s+đó(?:\s+có)?|of\s+which)|(?P<single>riêng)"
    r"|như\s+sau|bao\s+gồm|gồm\s+có|gồm|cụ\s+thể(?:\s+là)?|chia\s+ra|chi\s+tiết|phân\s+theo(?:\s+[^\W\d]+){0,3}"
    r"|theo\s+(?:từng\s+)?lĩnh\s+vực|including|includes?|included|compris(?:e|es|ed|ing)|consisting\s+of"
    r"|as\s+follows|by\s+sector|broken\s+down(?:\s+by\s+\w+)?|namely|phân\s+bổ\s+cho|chia\s+cho"
    r"|split\s+between|(?:divided|distributed|shared)\s+(?:between|among))(?!\w)\s*:?"
    r"|(?:cơ\s+cấu|phân\s+bổ|allocated|breakdown)(?!\w)[^:.;\n]{0,60}:"
    r"|(?P<paren>\()"
    r"|(?P<pre>(?<!\w)(?:trong\s+tổng(?:\s+số)?|trong\s+số|(?:of|among|out\s+of)\s+the|(?-i:Of)(?=\s+(?:USD|US\$|\$|€|£|\d)))(?!\w))"
    r"|(?P<post>(?<!\w)(?:tổng\s+cộng|tổng\s+số|in\s+total|totall?ing|a\s+total\s+of)\s*(?:là|:|of)?\s*(?=\d))",
    re.I,
)
_PARTIAL_MARK: Final = re.compile(
    r"(?<!\w)(?:khác|một\s+số|còn\s+lại|v\.v|the\s+rest|others|other\s+\w+|among\s+others|etc)(?!\w)|…|\.\.\.",
    re.I,
)
# A percent right after these is a rate (ratio or growth), not a share of a breakdown; any figure right after
# "tăng/giảm" is a change ("tăng 9 dự án so với năm 2022"), neither a total nor a part.
_RATE_BEFORE: Final = re.compile(r"(?:đạt|bằng|so\s+với|reached|reaching|xuống\s+còn|lên)\s*$", re.I)
_CHANGE_BEFORE: Final = re.compile(
    r"(?:tăng|giảm|vượt|up|down|increase\s+of|rise\s+of|fall\s+of|decrease\s+of)\s*$", re.I
)
_MAX_FIGURES: Final = 60  # bounds that keep the check linear whatever the text
_MAX_MORE_SENTENCES: Final = 3


@dataclass(slots=True)
class _Cue:
    start: int
    end: int
    partial: bool
    kind: str  # "list", "paren", "pre", "post"
    stop: int | None = None  # a parenthesis ends at its ")"
    single: bool = False  # "riêng …" singles out one part of each kind, never a list


def _cues(reading: Reading, paragraph: Paragraph) -> list[_Cue]:
    text = reading.text
    cues = []
    for match in _LIST_CUE.finditer(text, paragraph.start, paragraph.end):
        if match["paren"]:
            close = text.find(")", match.end(), min(paragraph.end, match.end() + 600))
            if close < 0:
                continue
            cues.append(_Cue(match.start(), match.end(), False, "paren", close))
        elif match["pre"]:
            cues.append(_Cue(match.start(), match.end(), True, "pre"))
        elif match["post"]:
            cues.append(_Cue(match.start(), match.end(), False, "post"))
        else:
            single = bool(match["single"])
            cues.append(
                _Cue(match.start(), match.end(), bool(match["partial"]) or single, "list", single=single)
            )
    return cues


def is_rate(reading: Reading, figure: Figure) -> bool:
    before = reading.text[max(0, figure.start - 14) : figure.start]
    if _CHANGE_BEFORE.search(before):
        return True
    return figure.kind == "percent" and bool(_RATE_BEFORE.search(before))


def check_sums(reading: Reading) -> list[Finding]:
    findings: list[Finding] = []
    for paragraph in reading.paragraphs:
        if not paragraph.figures or len(paragraph.figures) + len(paragraph.bare) < 2:
            continue
        eligible = _eligible(reading, paragraph)
        cues = _cues(reading, paragraph)
        cue_starts = [cue.start for cue in cues]
        for cue in cues:
            if cue.kind == "post":
                findings.extend(_post(reading, paragraph, eligible, cue))
            elif cue.kind == "pre":
                findings.extend(_pre(reading, paragraph, eligible, cue))
            else:
                findings.extend(_listed(reading, paragraph, eligible, cue, cue_starts))
    findings.sort(
        key=lambda finding: finding.figure.start if finding.figure else finding.part_figures[0].start
    )
    return findings


_PER_UNIT_AFTER: Final = re.compile(r"\s*/\s*[^\W\d]|\s+(?:each|per|mỗi|một)\s", re.I)
_PER_UNIT_BEFORE: Final = re.compile(r"(?<!\w)mỗi(?!\w)[^,.;\d]{0,30}$", re.I)


def _priced(reading: Reading, parts: list[Figure]) -> list[Figure]:
    """A part priced per unit ("800 suất quà trị giá 500.000 đồng/suất") counts as the count times the price;
    a price without its count is no part at all."""
    text = reading.text
    priced: list[Figure] = []
    for index, part in enumerate(parts):
        per_unit = part.kind == "money" and (
            _PER_UNIT_AFTER.match(text, part.end)
            or _PER_UNIT_BEFORE.search(text, max(0, part.start - 40), part.start)
        )
        if not per_unit:
            priced.append(part)
            continue
        count = next((f for f in reversed(priced) if f.kind == "count"), None)
        if count is None or (index and parts[index - 1] is not count):
            continue
        priced.remove(count)
        priced.append(replace(part, value=value(count) * value(part), text=f"{count.text} × {part.text}"))
    return priced


@dataclass(slots=True)
class _Eligible:
    """A paragraph's figures that can be totals or parts (no rates; prices per unit taken with their count),
    worked out once: per cue only the taken ones are left out (a text of many cues stays linear and quick)."""

    figures: list[Figure]
    starts: list[int]

    def head(self, start: int, end: int) -> list[Figure]:
        """The first _MAX_FIGURES figures that start in [start, end)."""
        low = bisect_left(self.starts, start)
        return self.figures[low : min(bisect_left(self.starts, end), low + _MAX_FIGURES)]

    def tail(self, start: int, end: int) -> list[Figure]:
        """The last _MAX_FIGURES figures that start in [start, end)."""
        high = bisect_left(self.starts, end)
        return self.figures[max(bisect_left(self.starts, start), high - _MAX_FIGURES) : high]


def _eligible(reading: Reading, paragraph: Paragraph) -> _Eligible:
    figures = _priced(reading, [figure for figure in paragraph.figures if not is_rate(reading, figure)])
    return _Eligible(figures, [figure.start for figure in figures])


def _untaken(reading: Reading, figures: list[Figure]) -> list[Figure]:
    return [figure for figure in figures if figure.start not in reading.used]


def _extents(reading: Reading, paragraph: Paragraph, cue: _Cue, cue_starts: list[int]) -> list[int]:
    """Where the parts may end: the cue's sentence end, then the ends of up to three more sentences without
    a cue of their own."""
    if cue.stop is not None:
        return [cue.stop]
    _start, end = paragraph.sentence_of(cue.end)
    extents = [end]
    if cue.partial:
        return extents
    for _ in range(_MAX_MORE_SENTENCES):
        if end >= paragraph.end:
            break
        _next_start, next_end = paragraph.sentence_of(end + 1)
        following = bisect_right(cue_starts, end)
        if next_end <= end or (following < len(cue_starts) and cue_starts[following] < next_end):
            break
        end = next_end
        extents.append(end)
    return extents


def _listed(
    reading: Reading, paragraph: Paragraph, eligible: _Eligible, cue: _Cue, cue_starts: list[int]
) -> list[Finding]:
    extents = _extents(reading, paragraph, cue, cue_starts)
    parts = _untaken(reading, eligible.head(cue.end, extents[-1]))
    # "Trong đó" may name a single part, which must not exceed the total; a full list has two parts or more.
    fewest = 1 if cue.partial else 2
    bare = _bare_parts(reading, paragraph, cue.end, extents[0])
    if len(parts) < fewest and len(bare) < 2:
        return []
    before = _untaken(reading, eligible.tail(paragraph.start, cue.start))
    # Searched only as far as the parts go (plus a phrase): the rest of a long sentence is not this list's.
    last = max([figure.end for figure in parts] + [figure.end for figure in bare] + [cue.end])
    partial = cue.partial or bool(_PARTIAL_MARK.search(reading.text, cue.end, min(extents[-1], last + 120)))
    groups = _groups(parts, before)
    if len(bare) >= 2 and not any(total is not None and total.kind == "count" for total, _m in groups):
        counted = next((f for f in reversed(before) if f.kind == "count"), None)
        if counted is not None:
            groups.append((counted, bare))
    if not groups:
        return []
    chosen: list[tuple[Figure | None, list[Figure]]] = []
    for total, members in groups:
        taken = _shortest(reading, total, members, extents, partial)
        chosen.append((total, taken[:1] if cue.single else taken))
    if partial and any(
        total is not None
        and len(members) >= 2
        and fits(total, _sum(members), _slack(reading, members), reading.lang)
        for total, members in chosen
    ):
        partial = False  # one group adds up exactly: the list is complete
    findings = []
    for total, members in chosen:
        if len(members) < (1 if partial and total is not None else 2):
            continue
        if total is None:
            if members[0].kind == "percent":
                findings.append(check_shares(reading, members, partial))
                reading.used.update(member.start for member in members)
            continue
        findings.append(_sum_finding(reading, total, members, partial))
        reading.used.add(total.start)
        reading.used.update(member.start for member in members)
    return findings


_BARE_AFTER: Final = re.compile(r"\s+(?:in|for|on|from|are|were|work|về|cho|thuộc|ở|là|của)\s", re.I)


def _bare_parts(reading: Reading, paragraph: Paragraph, start: int, end: int) -> list[Figure]:
    """Plain numbers of a list that leaves its noun out ("19 projects comprise 11 in health, 5 in …")."""
    if not paragraph.bare:
        return []
    found = paragraph.bare_between(start, end)
    listed = [f for f in found if f.start not in reading.used and _BARE_AFTER.match(reading.text, f.end)]
    return listed if len(listed) == len(found) else []


def _groups(parts: list[Figure], before: list[Figure]) -> list[tuple[Figure | None, list[Figure]]]:
    """The parts grouped by their total: the nearest compatible figure before the cue (none for percents
    without a percent total: shares)."""
    groups: list[tuple[Figure | None, list[Figure]]] = []
    remaining = list(parts)
    taken: set[int] = set()
    while remaining:
        first = remaining[0]
        total = next(
            (f for f in reversed(before) if f.start not in taken and compatible(f, first)),
            None,
        )
        if total is None:
            members = [part for part in remaining if part.kind == first.kind and part.unit == first.unit]
            if first.kind == "percent":
                groups.append((None, members))
        else:
            members = [part for part in remaining if compatible(total, part)]
            groups.append((total, members))
            taken.add(total.start)
        grouped = {id(member) for member in members}
        remaining = [part for part in remaining if id(part) not in grouped]
    return groups


def _sum(members: list[Figure]) -> Decimal:
    return sum((value(member) for member in members), Decimal(0))


def _slack(reading: Reading, members: list[Figure]) -> Decimal:
    return sum((half_unit(member, reading.lang) for member in members), Decimal(0))


def _shortest(
    reading: Reading, total: Figure | None, members: list[Figure], extents: list[int], partial: bool
) -> list[Figure]:
    """The parts up to the first sentence end where they make the total, else all of them."""
    if total is None or partial or len(extents) == 1:
        return [member for member in members if member.start < extents[0]] if partial else members
    for end in extents:
        upto = [member for member in members if member.start < end]
        if len(upto) >= 2 and fits(total, _sum(upto), _slack(reading, upto), reading.lang):
            return upto
    return members


def _pre(reading: Reading, paragraph: Paragraph, eligible: _Eligible, cue: _Cue) -> list[Finding]:
    """ "Trong tổng số 27 dự án, …" / "Of the 32 NGOs, …": the total follows the cue, the parts follow it."""
    _start, end = paragraph.sentence_of(cue.end)
    following = _untaken(reading, eligible.head(cue.end, end))
    if not following or following[0].start - cue.end > 60:
        return []
    total, parts = following[0], following[1:]
    members = [part for part in parts if compatible(total, part)]
    if len(members) < 2 and total.kind == "count":
        members = _bare_parts(reading, paragraph, total.end, end) or members
    partial = True
    findings = []
    if len(members) >= 2:
        findings.append(_sum_finding(reading, total, members, partial))
        reading.used.add(total.start)
        reading.used.update(member.start for member in members)
    shares = [part for part in parts if part.kind == "percent" and part.start not in reading.used]
    if total.kind != "percent" and len(shares) >= 2:
        findings.append(check_shares(reading, shares, True))
        reading.used.update(share.start for share in shares)
    return findings


def _post(reading: Reading, paragraph: Paragraph, eligible: _Eligible, cue: _Cue) -> list[Finding]:
    """ "…, tổng cộng 1.690.000 USD" / "tổng cộng 16 khoản với 1.087.000 USD": the totals are the figures of
    the cue's clause, the parts of each are the compatible figures before the cue in its sentence."""
    start, end = paragraph.sentence_of(cue.start)
    clause = _CLAUSE_END.search(reading.text, cue.end, min(end, cue.end + 200))
    stop = clause.start() if clause else min(end, cue.end + 200)
    totals = [f for f in paragraph.between(cue.end, stop)[:3] if f.start not in reading.used]
    earlier = _untaken(reading, eligible.tail(start, cue.start))
    findings = []
    for total in totals[:3]:
        members = [f for f in earlier if compatible(total, f) and f.start not in reading.used]
        if len(members) < 2:
            continue
        reading.used.add(total.start)
        reading.used.update(member.start for member in members)
        findings.append(_sum_finding(reading, total, members, False))
    return findings


_CLAUSE_END: Final = re.compile(r"[;:]")


def _kind(total: Figure, members: list[Figure]) -> str:
    if total.kind == "count" and len({total.unit, *(member.unit for member in members)}) > 1:
        return "count-of-kinds"
    return "total-of-parts"


def _sum_finding(reading: Reading, total: Figure, members: list[Figure], partial: bool) -> Finding:
    reading.parts.update(member.start for member in members)
    stated = value(total)
    parts = tuple(value(member) for member in members)
    computed = sum(parts, Decimal(0))
    difference = computed - stated
    lang = reading.lang
    sums = {
        out: " + ".join(fmt(part, out) for part in parts) + " = " + fmt(computed, out) for out in ("vi", "en")
    }
    quoted = total.text
    gap = {out: f"{fmt(abs(difference), out)} {unit_text(total, out)}" for out in ("vi", "en")}
    base = {
        "line": total.line,
        "unit": total.unit,
        "stated": stated,
        "computed": computed,
        "parts": parts,
        "difference": difference,
        "figure": total,
        "part_figures": tuple(members),
        "sentence": reading.sentence(total),
    }
    slack = sum((half_unit(member, lang) for member in members), Decimal(0))
    if partial:
        limit = Decimal(stated) + half_unit(total, lang) + slack
        if total.qualifier in ("gần", "gần như", "dưới") or total.qualifier is None:
            over = computed > limit
        else:
            over = not fits(total, computed, slack, lang) and computed > stated
        if not over:
            return Finding(
                severity="ok",
                code="partial-ok",
                kind="partial-list",
                text=Problem(m.PARTIAL_OK, {"sums": Worded(sums), "quoted": quoted}),
                **base,  # type: ignore[arg-type]
            )
        return Finding(
            severity="error",
            code="partial-over",
            kind="partial-list",
            text=Problem(m.PARTIAL_OVER, {"sums": Worded(sums), "quoted": quoted, "gap": Worded(gap)}),
            **base,  # type: ignore[arg-type]
        )
    kind = _kind(total, members)
    if fits(total, computed, slack, lang):
        if total.qualifier is not None:
            said = m.SUM_APPROXIMATE_OK
        elif difference == 0:
            said = m.SUM_OK
        else:
            said = m.SUM_ROUNDED_OK
        return Finding(
            severity="ok",
            code="sum-ok",
            kind=kind,  # type: ignore[arg-type]
            text=Problem(said, {"sums": Worded(sums), "quoted": quoted}),
            **base,  # type: ignore[arg-type]
        )
    return Finding(
        severity="error",
        code="sum-mismatch",
        kind=kind,  # type: ignore[arg-type]
        text=Problem(
            m.SUM_MISMATCH,
            {
                "sums": Worded(sums),
                "stated": Worded({lang: fmt(stated, lang) for lang in ("vi", "en")}),
                "gap": Worded(gap),
            },
        )
        if total.qualifier is None
        else Problem(m.SUM_MISFIT, {"sums": Worded(sums), "quoted": quoted, "gap": Worded(gap)}),
        **base,  # type: ignore[arg-type]
    )
