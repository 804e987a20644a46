"""A report text's figures against the ledger: what `caunoi check-text --office CODE --year YYYY` compares.

The figures are those the document drafts compare (:func:`caunoi.documents.draft_checks.expected_from_records`:
the count of items approved in the year, the committed USD total, each sector's count and amount), and two
more a text often states: the amount disbursed in the year (the first USD amount in a sentence about
disbursement) and the number of NGOs (the first count of organisations), against the year's donors.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Final

from caunoi.core.models import Office
from caunoi.core.permissions import Action, authorize
from caunoi.documents.draft_checks import _missing_sector, expected_from_records
from caunoi.reports.aid import AidSummary, Line, aid_summary
from caunoi.vntext.checktext import check_text
from caunoi.vntext.figures import Figure
from caunoi.vntext.findings import Expected, Finding
from caunoi.vntext.reading import TextLang, family, read_figures

__all__ = ["check_text_against_records"]

_DISBURSED: Final = re.compile(r"giải\s+ngân|disburs", re.I)
_SENTENCE_END: Final = re.compile(r"[.;!?]\s|\n\s*\n")


def _occurrence(figures: list[Figure], target: Figure) -> int:
    pool = [
        f for f in figures if f.kind == target.kind and (f.unit == target.unit or target.unit in f.unit_group)
    ]
    return next(index for index, f in enumerate(pool, start=1) if f.start == target.start)


def _sentence_around(text: str, figure: Figure) -> str:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, figure.start)]
    start = starts[-1] if starts else 0
    end_match = _SENTENCE_END.search(text, figure.end)
    return text[start : end_match.start() if end_match else len(text)]


def _more_expected(text: str, summary: AidSummary, lang: TextLang) -> dict[str, Expected]:
    figures = [f for f in read_figures(text, lang) if f.arithmetic]
    expected: dict[str, Expected] = {}
    disbursed = next(
        (
            f
            for f in figures
            if f.kind == "money" and f.unit == "USD" and _DISBURSED.search(_sentence_around(text, f))
        ),
        None,
    )
    if disbursed is not None:
        expected["aid.disbursed_usd"] = Expected(
            summary.disbursed.usd, "USD", "figure", _occurrence(figures, disbursed)
        )
    ngos = next((f for f in figures if f.kind == "count" and family(f.unit) == "organisation"), None)
    if ngos is not None and ngos.unit:
        expected["aid.ngos"] = Expected(
            len(summary.by_donor), ngos.unit, "figure", _occurrence(figures, ngos)
        )
    return expected


def check_text_against_records(
    text: str, office: Office, year: int, *, actor: Any, text_lang: TextLang = "vi"
) -> list[Finding]:
    """The text's own checks, then its ledger figures against ``office``'s records of ``year``, read as
    ``actor`` (who must be allowed to view the office)."""
    authorize(actor, Action.VIEW, office)
    summary = aid_summary(office, year)
    text = unicodedata.normalize("NFC", text)
    missing: list[Line] = []
    if text_lang == "vi":
        expected, missing = expected_from_records(text, summary)
    else:
        expected = {
            "aid.count": Expected(summary.count, "project", "total"),
            "aid.committed_usd": Expected(summary.committed.usd, "USD", "total"),
        }
    expected.update(_more_expected(text, summary, text_lang))
    return check_text(text, expected, text_lang=text_lang) + [_missing_sector(line) for line in missing]
