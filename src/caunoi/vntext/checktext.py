"""Check a report's own arithmetic as a careful reader does, and its figures against records.

The text is read once (:mod:`caunoi.vntext.reading`: Vietnamese or English figures, number words, paragraphs
and sentences); then each kind of check reads it (:mod:`caunoi.vntext.checks`):

- totals and their parts, counts made of kinds, partial lists (:mod:`.checks.sums`);
- shares that make a whole (:mod:`.checks.shares`);
- ratios ("đạt 26 %", "bằng 80 % so với") and growth ("tăng 23,2 % so với") (:mod:`.checks.ratios`,
  :mod:`.checks.growth`);
- figures against records (:mod:`.checks.records`).

A figure taken by one check is not taken again by a later one. Qualifiers (*gần, hơn, trên, khoảng, xấp xỉ*)
widen the tolerance as a reader would (:func:`caunoi.vntext.checks.base.fits`); otherwise a figure is
compared within the rounding of its written precision. Each finding names the sentence, the numbers, the
arithmetic and the gap.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Final, Literal

from caunoi.vntext.checks.averages import check_averages
from caunoi.vntext.checks.base import read
from caunoi.vntext.checks.growth import check_growth, check_multiples
from caunoi.vntext.checks.products import check_products
from caunoi.vntext.checks.ratios import check_ratios
from caunoi.vntext.checks.records import record_finding
from caunoi.vntext.checks.shares import check_loose_shares
from caunoi.vntext.checks.sums import check_sums, is_rate
from caunoi.vntext.findings import Expected, Finding, Severity
from caunoi.vntext.numbers import format_number
from caunoi.vntext.reading import TextLang

__all__ = ["Expected", "Finding", "Severity", "check_text", "format_findings", "main_check_text"]

Lang = Literal["vi", "en"]

_SEVERITY_LABELS: Final[dict[str, dict[Severity, str]]] = {
    "vi": {"error": "LỖI", "warning": "CẢNH BÁO", "ok": "ĐÚNG", "info": "GHI CHÚ"},
    "en": {"error": "ERROR", "warning": "WARNING", "ok": "OK", "info": "NOTE"},
}
_TOTAL_KINDS: Final = frozenset({"total-of-parts", "count-of-kinds", "partial-list"})
_SENTENCE_SHOWN: Final = 200  # characters of a finding's sentence shown under an error


def _lang(lang: str) -> Lang:
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise ValueError(f"lang must be 'vi' or 'en', got {lang!r}")


def check_text(
    text: str, expected: Mapping[str, Expected] | None = None, *, text_lang: str = "vi"
) -> list[Finding]:
    """Every check's findings on ``text`` (written in ``text_lang``) in text order, then those of
    ``expected`` in its order. A text with nothing to check gives no finding."""
    language: TextLang = _lang(text_lang)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    reading = read(text, language)
    findings = check_sums(reading)
    findings += check_loose_shares(reading, is_rate)
    findings += check_growth(reading) + check_ratios(reading) + check_products(reading)
    findings += check_averages(reading) + check_multiples(reading)
    findings.sort(key=_position)
    totals = [f.figure for f in findings if f.kind in _TOTAL_KINDS and f.figure is not None]
    figures = [figure for paragraph in reading.paragraphs for figure in paragraph.figures]
    for label, wanted in (expected or {}).items():
        findings.append(replace(record_finding(label, wanted, figures, totals), kind="record"))
    return findings


def _position(finding: Finding) -> int:
    if finding.figure is not None:
        return finding.figure.start
    return finding.part_figures[0].start if finding.part_figures else 0


def format_findings(findings: Sequence[Finding], lang: str = "vi", *, verbose: bool = True) -> str:
    """A printable report: one line per finding (correct checks only when ``verbose``; under an error, the
    sentence it is about), then a count by severity."""
    language = _lang(lang)
    labels = _SEVERITY_LABELS[language]
    lines: list[str] = []
    for finding in findings:
        if finding.severity == "ok" and not verbose:
            continue
        where = ("dòng" if language == "vi" else "line") + f" {finding.line}: " if finding.line else ""
        lines.append(f"{where}{labels[finding.severity]}: {finding.message(language)}")
        if finding.severity == "error" and finding.sentence:
            sentence = finding.sentence
            if len(sentence) > _SENTENCE_SHOWN:
                sentence = sentence[: _SENTENCE_SHOWN - 1] + "…"
            lines.append(f"    {'câu' if language == 'vi' else 'sentence'}: “{sentence}”")
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


def read_text_file(path: str, max_bytes: int = 5 * 1024 * 1024) -> tuple[str | None, str]:
    """The text of the UTF-8 file at ``path`` (NFC, with "\\n" line ends) and "", or None and a bilingual
    message saying why it cannot be checked: missing or unreadable, a directory, over ``max_bytes``, binary
    or not UTF-8. At most ``max_bytes + 1`` bytes are read, so an endless device (/dev/zero) is refused like
    a big file."""
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        return None, f"Không tìm thấy tệp: {path} / File not found: {path}"
    except IsADirectoryError:
        return None, f"Đây là thư mục, không phải tệp: {path} / This is a directory, not a file: {path}"
    except OSError as exc:
        return None, f"Không đọc được tệp {path}: {exc.strerror} / Cannot read file {path}: {exc.strerror}"
    if len(raw) > max_bytes:
        megabytes = Decimal(max_bytes) / (1024 * 1024)
        limit, limit_en = format_number(megabytes), format_number(megabytes, locale="en")
        return None, (
            f"Tệp {path} lớn hơn {limit} MB, giới hạn kiểm tra (CAUNOI_CHECK_TEXT_MAX_MB); hãy tách văn bản / "
            f"File {path} is larger than the {limit_en} MB check limit "
            "(CAUNOI_CHECK_TEXT_MAX_MB); split the text"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, (
            f"Tệp {path} không phải văn bản UTF-8 (byte {exc.start}) / "
            f"File {path} is not UTF-8 text (byte {exc.start})"
        )
    if "\x00" in text:
        return None, f"Tệp {path} là tệp nhị phân, không phải văn bản / File {path} is binary, not text"
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")), ""


def main_check_text(
    path: str,
    lang: str = "vi",
    max_bytes: int = 5 * 1024 * 1024,
    *,
    text_lang: str = "vi",
    verbose: bool = True,
    checker: Callable[[str], list[Finding]] | None = None,
) -> tuple[str, int]:
    """Check the UTF-8 text file at ``path`` for the ``caunoi check-text`` command.

    Returns the printable report (in ``lang``) and the exit code: 1 if any finding is an error, else 0.
    ``text_lang`` is the language the text is written in; ``checker`` replaces :func:`check_text` (the
    command passes one that also compares with records). Unusable input (see :func:`read_text_file`) or an
    unknown language gives a bilingual message and exit code 2; this never raises for them.
    """
    for value in (lang, text_lang):
        if value not in ("vi", "en"):
            return (
                f"Ngôn ngữ không hỗ trợ: {value!r} (chỉ 'vi' hoặc 'en') / "
                f"Unsupported language: {value!r} (use 'vi' or 'en')",
                2,
            )
    text, problem = read_text_file(path, max_bytes)
    if text is None:
        return problem, 2
    findings = checker(text) if checker is not None else check_text(text, text_lang=text_lang)
    report = format_findings(findings, lang, verbose=verbose)
    return report, 1 if any(finding.severity == "error" for finding in findings) else 0
