"""Check a Vietnamese report's own arithmetic, and its figures against records.

**Totals and their parts.** A report states a total and then enumerates its parts::

    ... 21 chương trình, dự án, phi dự án ... là 1.404.155 USD. ... Các lĩnh vực chủ yếu được tài trợ như sau:
    06 dự án ... 457.250 USD; 04 dự án ... 81.725 USD; ... và 07 dự án ... 743.075 USD.

The rule, kept narrow so that it raises no false alarms:

1. Paragraphs are separated by blank lines. Everything below happens inside one paragraph.
2. An enumeration starts at a colon announced by a cue — *như sau, gồm, bao gồm, cụ thể (là), chia ra, chi
   tiết, phân theo …, theo (từng) lĩnh vực* — and runs to the end of that sentence. A colon without a cue
   ("các lĩnh vực: y tế, giáo dục") and *trong đó* (which often introduces only some of the parts) start no
   enumeration.
3. The parts are the enumeration's money, percent and count figures; they are grouped by currency, by
   ``percent``, or — for counts — by the nouns of the total ("21 chương trình, dự án, phi dự án" takes parts
   counted in any of those nouns).
4. The stated total of a group is the nearest figure of the same kind and unit before the cue in the
   paragraph, not already used as a part. A group needs a stated total and at least two parts.
5. If the total or any part is approximate (*gần, hơn, trên, khoảng, ...*) nothing is computed exactly: the
   finding is ``info``. Otherwise the sum of the parts either equals the total (``ok``) or not (``error``).

**Figures against records.** ``expected`` maps a label of the caller's choosing (such as
``"aid.committed_usd"``) to an :class:`Expected`: the value from records, the unit of the stated figure
(an ISO currency code, ``"percent"``, or a counted noun — which matches a count whose nouns include it),
the ``role`` of the figure in the text, and which ``occurrence`` of that role and unit is meant (1 =
first):

- ``role="total"``: the stated total of an enumeration as found by the rule above;
- ``role="figure"``: any money/percent/count figure with that unit, in text order.

An exact stated figure that differs from the record is an ``error``, an equal one ``ok``. An approximate
stated figure is compared by its qualifier: *gần, khoảng, xấp xỉ, chừng, ước (tính), trên dưới, gần như*
must lie within 10% of the record; *trên, hơn* must not exceed it; *dưới* must not be below it; otherwise
``warning``. A label whose figure is not in the text gives a ``warning``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from caunoi.vntext.figures import Figure, find_figures
from caunoi.vntext.numbers import format_number

__all__ = ["Expected", "Finding", "Severity", "check_text", "format_findings", "main_check_text"]

Severity = Literal["error", "warning", "ok", "info"]
Role = Literal["total", "figure"]
Lang = Literal["vi", "en"]

_SEVERITY_LABELS: Final[dict[str, dict[Severity, str]]] = {
    "vi": {"error": "LỖI", "warning": "CẢNH BÁO", "ok": "ĐÚNG", "info": "GHI CHÚ"},
    "en": {"error": "ERROR", "warning": "WARNING", "ok": "OK", "info": "NOTE"},
}
_APPROX_NEAR: Final = frozenset(
    {"gần", "khoảng", "xấp xỉ", "chừng", "ước", "ước tính", "trên dưới", "gần như"}
)
_APPROX_TOLERANCE: Final = Decimal("0.10")

_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t\r\u00a0\u200b]*\n")
_CUE: Final = re.compile(
    r"(?<!\w)(?:như\s+sau|bao\s+gồm|gồm|cụ\s+thể(?:\s+là)?|chia\s+ra|chi\s+tiết|phân\s+theo[^:.;\n]{0,40}"
    r"|theo\s+(?:từng\s+)?lĩnh\s+vực)\s*:",
    re.IGNORECASE,
)
_SENTENCE_PUNCT: Final = re.compile(r"\./\.|[.!?…]+(?=\s|$)")
_NEXT_WORD: Final = re.compile(r"\s*(\S?)")
# An enumeration's parts are among the first _MAX_PARTS figures after its cue, and its totals among the
# _MAX_LOOKBACK figures before it: a report's enumeration has a dozen, and the bounds keep the check linear
# in the text's length whatever the text (a paragraph of thousands of cues and figures was quadratic).
_MAX_PARTS: Final = 60
_MAX_LOOKBACK: Final = 60


@dataclass(frozen=True, slots=True)
class Expected:
    """A figure the text should state, as records have it (see the module docstring)."""

    value: Decimal | int
    unit: str
    role: Role = "total"
    occurrence: int = 1


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one check, with its messages in Vietnamese and English.

    ``stated`` is the figure as written, ``computed`` the sum of ``parts`` (or the record's value, for checks
    against records), ``difference`` is ``computed - stated``. ``line`` is the stated figure's line (1-based).
    """

    severity: Severity
    code: str
    line: int
    message_vi: str
    message_en: str
    unit: str | None = None
    stated: Decimal | None = None
    computed: Decimal | None = None
    parts: tuple[Decimal, ...] = ()
    difference: Decimal | None = None
    label: str | None = None
    figure: Figure | None = None
    part_figures: tuple[Figure, ...] = field(default=(), repr=False)

    def message(self, lang: str = "vi") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``)."""
        return self.message_vi if _lang(lang) == "vi" else self.message_en


@dataclass(frozen=True, slots=True)
class _Total:
    figure: Figure
    parts: tuple[Figure, ...]


def _lang(lang: str) -> Lang:
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _sentence_ends(text: str, start: int, stop: int) -> list[int]:
    """Offsets where sentences of ``text[start:stop]`` end: a full stop before a non-lower-case word, or "./."."""
    ends = []
    for match in _SENTENCE_PUNCT.finditer(text, start, stop):
        following = _NEXT_WORD.match(text, match.end(), stop)
        rest = following.group(1) if following else ""
        if match.group() == "./." or not rest or not rest.islower():
            ends.append(match.start())
    return ends


def _unit_key(figure: Figure) -> str:
    return figure.unit or ""


def _compatible(total: Figure, part: Figure) -> bool:
    if total.kind != part.kind:
        return False
    if total.kind == "count":
        return part.unit in (total.unit_group or (total.unit,))
    return total.unit == part.unit


def _find_totals(text: str, figures: Sequence[Figure]) -> list[_Total]:
    quantities = sorted((figure for figure in figures if figure.arithmetic), key=lambda figure: figure.start)
    starts = [figure.start for figure in quantities]
    totals: list[_Total] = []
    for para_start, para_end in _paragraphs(text):
        cues = list(_CUE.finditer(text, para_start, para_end))
        if not cues:
            continue
        ends = _sentence_ends(text, para_start, para_end)
        low, high = bisect_left(starts, para_start), bisect_left(starts, para_end)
        used: set[int] = set()  # start offsets of the figures already taken as totals or parts
        for cue in cues:
            following = bisect_left(ends, cue.end())
            end = ends[following] if following < len(ends) else para_end
            first_part = bisect_left(starts, cue.end(), low, high)
            parts = [
                figure
                for figure in quantities[first_part : min(first_part + _MAX_PARTS, high)]
                if figure.start < end and figure.start not in used
            ]
            first_after = bisect_left(starts, cue.start(), low, high)
            before = [
                figure
                for figure in quantities[max(low, first_after - _MAX_LOOKBACK) : first_after]
                if figure.end <= cue.start() and figure.start not in used
            ]
            _take_totals(parts, before, used, totals)
    totals.sort(key=lambda total: total.figure.start)
    return totals


def _take_totals(parts: list[Figure], before: list[Figure], used: set[int], totals: list[_Total]) -> None:
    """Pair the enumeration's ``parts`` with the nearest compatible stated totals in ``before`` (rule 4)."""
    remaining = list(parts)
    while remaining:
        first = remaining[0]
        candidates = [total for total in reversed(before) if _compatible(total, first)]
        chosen: _Total | None = None
        for total in candidates:
            group = tuple(part for part in remaining if _compatible(total, part))
            if len(group) >= 2:
                chosen = _Total(total, group)
                break
        if chosen is None:
            remaining = [part for part in remaining if _unit_key(part) != _unit_key(first)]
            continue
        totals.append(chosen)
        used.add(chosen.figure.start)
        used.update(part.start for part in chosen.parts)
        before = [figure for figure in before if figure is not chosen.figure]
        remaining = [part for part in remaining if part not in chosen.parts]


def _unit_text(figure: Figure, lang: Lang) -> str:
    if figure.kind == "money":
        return "đồng" if figure.unit == "VND" and lang == "vi" else str(figure.unit)
    if figure.kind == "percent":
        return "điểm phần trăm" if lang == "vi" else "percentage points"
    return str(figure.unit)


def _fmt(value: Decimal, lang: Lang) -> str:
    return format_number(value, locale="vi" if lang == "vi" else "en")


def _value(figure: Figure) -> Decimal:
    assert figure.value is not None  # arithmetic figures always carry a value
    return figure.value


def _sum_finding(total: _Total) -> Finding:
    stated = _value(total.figure)
    parts = tuple(_value(part) for part in total.parts)
    computed = sum(parts, Decimal(0))
    difference = computed - stated
    sums = {
        lang: " + ".join(_fmt(part, lang) for part in parts) + " = " + _fmt(computed, lang)
        for lang in ("vi", "en")
    }
    quoted = total.figure.text
    base = Finding(
        severity="ok",
        code="",
        line=total.figure.line,
        message_vi="",
        message_en="",
        unit=total.figure.unit,
        stated=stated,
        computed=computed,
        parts=parts,
        difference=difference,
        figure=total.figure,
        part_figures=total.parts,
    )
    approximate = [figure.text for figure in (total.figure, *total.parts) if figure.approximate]
    if approximate:
        listed = ", ".join(f"“{text}”" for text in approximate)
        return replace(
            base,
            severity="info",
            code="sum-approximate",
            message_vi=f"{sums['vi']}; không so sánh chính xác với “{quoted}” vì có số ước lượng ({listed})",
            message_en=f"{sums['en']}; not compared exactly with “{quoted}”: approximate figures ({listed})",
        )
    if difference == 0:
        return replace(
            base,
            severity="ok",
            code="sum-ok",
            message_vi=f"{sums['vi']}, khớp với số đã ghi “{quoted}”",
            message_en=f"{sums['en']}, matching the stated “{quoted}”",
        )
    gap = abs(difference)
    return replace(
        base,
        severity="error",
        code="sum-mismatch",
        message_vi=(
            f"{sums['vi']}, không phải {_fmt(stated, 'vi')} như đã ghi "
            f"(chênh lệch {_fmt(gap, 'vi')} {_unit_text(total.figure, 'vi')})"
        ),
        message_en=(
            f"{sums['en']}, not {_fmt(stated, 'en')} as stated "
            f"(difference {_fmt(gap, 'en')} {_unit_text(total.figure, 'en')})"
        ),
    )


def _matches_unit(figure: Figure, unit: str) -> bool:
    if figure.kind == "money":
        return figure.unit == unit.strip().upper()
    if figure.kind == "percent":
        return unit.strip().lower() in ("percent", "%")
    wanted = " ".join(unit.lower().split())
    return wanted in (figure.unit_group or (figure.unit,))


def _record_finding(
    label: str, expected: Expected, figures: Sequence[Figure], totals: Sequence[_Total]
) -> Finding:
    if not isinstance(expected, Expected):
        raise TypeError(
            f"expected[{label!r}] must be an Expected(value, unit, role, occurrence), "
            f"got {type(expected).__name__}"
        )
    if expected.role not in ("total", "figure"):
        raise ValueError(f"expected[{label!r}].role must be 'total' or 'figure', got {expected.role!r}")
    record = Decimal(expected.value)
    pool = (
        [total.figure for total in totals]
        if expected.role == "total"
        else [f for f in figures if f.arithmetic]
    )
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


def check_text(text: str, expected: Mapping[str, Expected] | None = None) -> list[Finding]:
    """Check a text's stated totals against their enumerated parts, and figures against ``expected``.

    Returns the findings of the sums in text order, then those of ``expected`` in its order. See the module
    docstring for the rules; a text with no enumerated totals gives no finding.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    figures = find_figures(text)
    totals = _find_totals(text, figures)
    findings = [_sum_finding(total) for total in totals]
    for label, wanted in (expected or {}).items():
        findings.append(_record_finding(label, wanted, figures, totals))
    return findings


def format_findings(findings: Sequence[Finding], lang: str = "vi") -> str:
    """A printable report: one line per finding, then a count by severity."""
    language = _lang(lang)
    labels = _SEVERITY_LABELS[language]
    lines: list[str] = []
    for finding in findings:
        where = ("dòng" if language == "vi" else "line") + f" {finding.line}: " if finding.line else ""
        lines.append(f"{where}{labels[finding.severity]}: {finding.message(language)}")
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in labels}
    if language == "vi":
        if not findings:
            lines.append("Không tìm thấy tổng số nào có liệt kê các phần để kiểm tra.")
        lines.append(
            f"Tổng hợp: {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['ok']} đúng, "
            f"{counts['info']} ghi chú."
        )
    else:
        if not findings:
            lines.append("No stated total with enumerated parts was found to check.")
        lines.append(
            f"Summary: {counts['error']} error(s), {counts['warning']} warning(s), {counts['ok']} ok, "
            f"{counts['info']} note(s)."
        )
    return "\n".join(lines)


def main_check_text(path: str, lang: str = "vi", max_bytes: int = 5 * 1024 * 1024) -> tuple[str, int]:
    """Check the UTF-8 text file at ``path`` for the ``caunoi check-text`` command.

    Returns the printable report and the exit code: 1 if any finding is an error, else 0. Unusable input —
    a missing or unreadable file, a directory, a file over ``max_bytes``, binary or non-UTF-8 content, an
    unknown ``lang`` — gives a bilingual message and exit code 2; this never raises for them. At most
    ``max_bytes + 1`` bytes are read, so an endless device (/dev/zero) is refused like a big file.
    """
    if lang not in ("vi", "en"):
        return (
            f"Ngôn ngữ không hỗ trợ: {lang!r} (chỉ 'vi' hoặc 'en') / "
            f"Unsupported language: {lang!r} (use 'vi' or 'en')",
            2,
        )
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return (f"Không tìm thấy tệp: {path} / File not found: {path}", 2)
    except IsADirectoryError:
        return (f"Đây là thư mục, không phải tệp: {path} / This is a directory, not a file: {path}", 2)
    except OSError as exc:
        return (f"Không đọc được tệp {path}: {exc.strerror} / Cannot read file {path}: {exc.strerror}", 2)
    if len(raw) > max_bytes:
        megabytes = Decimal(max_bytes) / (1024 * 1024)
        limit, limit_en = format_number(megabytes), format_number(megabytes, locale="en")
        return (
            f"Tệp {path} lớn hơn {limit} MB, giới hạn kiểm tra (CAUNOI_CHECK_TEXT_MAX_MB); hãy tách văn bản / "
            f"File {path} is larger than the {limit_en} MB check limit "
            "(CAUNOI_CHECK_TEXT_MAX_MB); split the text",
            2,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return (
            f"Tệp {path} không phải văn bản UTF-8 (byte {exc.start}) / "
            f"File {path} is not UTF-8 text (byte {exc.start})",
            2,
        )
    if "\x00" in text:
        return (
            f"Tệp {path} là tệp nhị phân, không phải văn bản / File {path} is binary, not text",
            2,
        )
    findings = check_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    report = format_findings(findings, lang)
    return report, 1 if any(finding.severity == "error" for finding in findings) else 0
