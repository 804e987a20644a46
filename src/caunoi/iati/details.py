"""The rest of a publisher's record: what an IATI activity carries beyond the aid ledger, kept as one JSON
document on its IatiActivity (`details`) so that an export gives back what was imported.

The document is a snapshot, read whole (by the exporter) and replaced whole (by an update): one value per
activity, not a dozen rows in ten tables (an import of 7.300 activities wrote 115.000 such rows; with
their indexes and foreign-key checks they cost more than the whole aid ledger). Its sections hold
positional lists, in the order of the NamedTuples below (dates as ISO text, amounts and percentages as
decimal text, exact):

    {"v": 1,
     "titles": [[lang, text]], "descriptions": [[type, lang, text]], "dates": [[type, iso-date]],
     "recipients": [[is_region, code, vocabulary, percentage]],
     "sectors": [[vocabulary, vocabulary_uri, code, percentage]],
     "locations": [[ref, name, latitude, longitude, admin_codes, unit_id]],
     "budgets": [[type, status, period_start, period_end, value, currency, value_date]],
     "others": [[type, value, currency, value_date, transaction_date, reference,
                 provider_ref, provider_name, receiver_ref, receiver_name, reason]],
     "results": [[type, aggregation_status, title,
                  [[measure, ascending, title, baseline_year, baseline_value,
                    [[period_start, period_end, target, actual]]]]]]}

`others` are the transactions kept outside the ledger: a type the ledger has no kind for (5 interest, 6
loan repayment, 11 incoming commitment, …) or one whose amount or date a ledger rule refuses; `reason`
is that rule's code. `admin_codes` is "vocabulary/level/code" of each <administrative>, joined by " | ";
`unit_id` the caunoi unit a Viet Nam location's name matched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NamedTuple

VERSION = 1
NOT_A_LEDGER_KIND = "iati.not_a_ledger_kind"


class Recipient(NamedTuple):
    is_region: bool
    code: str
    vocabulary: str
    percentage: Decimal | None


class RawSector(NamedTuple):
    vocabulary: str
    vocabulary_uri: str
    code: str
    percentage: Decimal | None


class Location(NamedTuple):
    ref: str
    name: str
    latitude: Decimal | None
    longitude: Decimal | None
    admin_codes: str
    unit_id: int | None


class Budget(NamedTuple):
    kind: str
    status: str
    period_start: dt.date
    period_end: dt.date
    value: Decimal
    currency: str
    value_date: dt.date


class OtherTransaction(NamedTuple):
    kind: str
    value: Decimal
    currency: str
    value_date: dt.date
    transaction_date: dt.date | None
    reference: str
    provider_ref: str
    provider_name: str
    receiver_ref: str
    receiver_name: str
    reason: str


class Period(NamedTuple):
    period_start: dt.date
    period_end: dt.date
    target: str
    actual: str


class Indicator(NamedTuple):
    measure: str
    ascending: bool | None
    title: str
    baseline_year: int | None
    baseline_value: str
    periods: list[Period]


class Result(NamedTuple):
    kind: str
    aggregation_status: bool | None
    title: str
    indicators: list[Indicator]


# ---- writing: plain values to JSON-ready lists ----


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _day(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def document(
    *,
    titles: Sequence[tuple[str, str]],
    descriptions: Sequence[tuple[str, str, str]],
    dates: Sequence[tuple[str, dt.date]],
    recipients: Sequence[tuple[bool, str, str, Decimal | None]],
    sectors: Sequence[tuple[str, str, str, Decimal | None]],
    locations: Sequence[tuple[str, str, Decimal | None, Decimal | None, str, int | None]],
    budgets: Sequence[tuple[str, str, dt.date, dt.date, Decimal, str, dt.date]],
    others: Sequence[Sequence[Any]],
    results: Sequence[tuple[str, bool | None, str, Sequence[Sequence[Any]]]],
) -> dict[str, Any]:
    """The document of these sections (values as the NamedTuples above hold them)."""
    return {
        "v": VERSION,
        "titles": [[lang, text] for lang, text in titles],
        "descriptions": [[kind, lang, text] for kind, lang, text in descriptions],
        "dates": [[kind, on.isoformat()] for kind, on in dates],
        "recipients": [[region, code, vocabulary, _dec(pct)] for region, code, vocabulary, pct in recipients],
        "sectors": [[vocabulary, uri, code, _dec(pct)] for vocabulary, uri, code, pct in sectors],
        "locations": [
            [ref, name, _dec(lat), _dec(lon), admin, unit] for ref, name, lat, lon, admin, unit in locations
        ],
        "budgets": [
            [kind, status, start.isoformat(), end.isoformat(), str(value), currency, value_date.isoformat()]
            for kind, status, start, end, value, currency, value_date in budgets
        ],
        "others": [[o[0], str(o[1]), o[2], o[3].isoformat(), _day(o[4]), *o[5:]] for o in others],
        "results": [
            [
                kind,
                aggregation,
                title,
                [
                    [
                        measure,
                        ascending,
                        ind_title,
                        year,
                        baseline,
                        [[_day(start), _day(end), target, actual] for start, end, target, actual in periods],
                    ]
                    for measure, ascending, ind_title, year, baseline, periods in indicators
                ],
            ]
            for kind, aggregation, title, indicators in results
        ],
    }


# ---- reading: the document back as typed values ----


def _num(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


class Details:
    """A stored document, read back (a document of another version, or none, reads as empty)."""

    def __init__(self, doc: dict[str, Any] | None):
        doc = doc if doc and doc.get("v") == VERSION else {}
        self.titles: list[tuple[str, str]] = [(lang, text) for lang, text in doc.get("titles", [])]
        self.descriptions: list[tuple[str, str, str]] = [
            (kind, lang, text) for kind, lang, text in doc.get("descriptions", [])
        ]
        self.dates: list[tuple[str, dt.date]] = [(kind, _date(on)) for kind, on in doc.get("dates", [])]
        self.recipients = [Recipient(r, c, v, _num(p)) for r, c, v, p in doc.get("recipients", [])]
        self.sectors = [RawSector(v, uri, c, _num(p)) for v, uri, c, p in doc.get("sectors", [])]
        self.locations = [
            Location(ref, name, _num(lat), _num(lon), admin, unit)
            for ref, name, lat, lon, admin, unit in doc.get("locations", [])
        ]
        self.budgets = [
            Budget(kind, status, _date(start), _date(end), Decimal(value), currency, _date(value_date))
            for kind, status, start, end, value, currency, value_date in doc.get("budgets", [])
        ]
        self.others = [
            OtherTransaction(
                o[0], Decimal(o[1]), o[2], _date(o[3]), None if o[4] is None else _date(o[4]), *o[5:]
            )
            for o in doc.get("others", [])
        ]
        self.results = [
            Result(
                kind,
                aggregation,
                title,
                [
                    Indicator(
                        measure,
                        ascending,
                        ind_title,
                        year,
                        baseline,
                        [Period(_date(s), _date(e), target, actual) for s, e, target, actual in periods],
                    )
                    for measure, ascending, ind_title, year, baseline, periods in indicators
                ],
            )
            for kind, aggregation, title, indicators in doc.get("results", [])
        ]
