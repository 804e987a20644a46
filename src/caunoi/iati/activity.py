"""An IATI activity as plain Python values, read from its element with every problem located.

Reading checks what the XSD cannot: codes against the shipped codelists (closed lists only; a code
outside an open list such as Country or Language is accepted), percentages between 0 and 100 (never
negative), a currency for every value, exponent notation. It touches no database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from caunoi.core.errors import Msg
from caunoi.core.text import nfc
from caunoi.iati import messages as m
from caunoi.iati.codelists import XML_LANG, codes, is_complete
from caunoi.iati.report import IatiProblem, problem
from caunoi.iati.schema import line_of

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class OrgRef:
    ref: str
    kind: str  # IATI OrganisationType
    name: str


@dataclass
class Tx:
    kind: str
    value: Decimal
    text: str
    currency: str
    value_date: dt.date
    transaction_date: dt.date | None
    reference: str
    provider: OrgRef | None
    receiver: OrgRef | None
    description: str
    line: int


@dataclass
class Indicator:
    measure: str
    ascending: bool | None
    title: str
    baseline_year: int | None
    baseline_value: str
    periods: list[tuple[dt.date, dt.date, str, str]]


@dataclass
class Result:
    kind: str
    aggregation_status: bool | None
    title: str
    indicators: list[Indicator]


# An activity on its way from the reader process: (pickled `kept` tuples, line, transaction lines, countries).
Wire = tuple[bytes, int, tuple[int, ...], tuple[str, ...]]


@dataclass
class ActivityData:
    identifier: str
    line: int
    version: str
    default_currency: str = ""
    default_lang: str = ""
    last_updated: dt.datetime | None = None
    hierarchy: int | None = None
    reporting_org: OrgRef = OrgRef("", "", "")
    titles: list[tuple[str, str]] = field(default_factory=list)
    descriptions: list[tuple[str, str, str]] = field(default_factory=list)
    status_code: str = ""
    dates: list[tuple[str, dt.date]] = field(default_factory=list)
    participants: list[tuple[str, OrgRef]] = field(default_factory=list)
    recipients: list[tuple[bool, str, str, Decimal | None]] = field(default_factory=list)
    sectors: list[tuple[str, str, str, Decimal | None]] = field(default_factory=list)
    locations: list[tuple[str, str, Decimal | None, Decimal | None, str]] = field(default_factory=list)
    budgets: list[tuple[str, str, dt.date, dt.date, Decimal, str, dt.date]] = field(default_factory=list)
    transactions: list[Tx] = field(default_factory=list)
    results: list[Result] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)

    def content_hash(self) -> str:
        """A digest of everything caunoi keeps of the activity: equal digests mean nothing to update.

        Plain tuples are pickled (not the dataclasses: their pickling is several times slower); source
        lines and the recipient-country set are left out, as they are not kept."""
        return hashlib.sha256(pickle.dumps(self.kept(), protocol=5)).hexdigest()

    def to_wire(self) -> tuple[Wire, str]:
        """The activity as the reader process sends it, and its content_hash: the pickled `kept` tuples
        are both what the digest is computed from and what is sent (pickled once, and plain tuples are
        quicker to unpickle than the dataclasses), with what `kept` leaves out beside them."""
        body = pickle.dumps(self.kept(), protocol=5)
        lines = tuple(t.line for t in self.transactions)
        return (body, self.line, lines, tuple(self.countries)), hashlib.sha256(body).hexdigest()

    @classmethod
    def from_wire(cls, wire: Wire) -> ActivityData:
        """The activity `to_wire` sent: equal to the one read, field by field."""
        body, line, lines, countries = wire
        (
            identifier,
            version,
            default_currency,
            default_lang,
            last_updated,
            hierarchy,
            reporting_org,
            titles,
            descriptions,
            status_code,
            dates,
            participants,
            recipients,
            sectors,
            locations,
            budgets,
            transactions,
            results,
        ) = pickle.loads(body)
        return cls(
            identifier,
            line,
            version,
            default_currency,
            default_lang,
            last_updated,
            hierarchy,
            OrgRef(*reporting_org),
            list(titles),
            list(descriptions),
            status_code,
            list(dates),
            [(role, OrgRef(*org)) for role, org in participants],
            list(recipients),
            list(sectors),
            list(locations),
            list(budgets),
            [
                Tx(
                    kind,
                    value,
                    text,
                    currency,
                    value_date,
                    transaction_date,
                    reference,
                    None if provider is None else OrgRef(*provider),
                    None if receiver is None else OrgRef(*receiver),
                    description,
                    tx_line,
                )
                for (
                    kind,
                    value,
                    text,
                    currency,
                    value_date,
                    transaction_date,
                    reference,
                    provider,
                    receiver,
                    description,
                ), tx_line in zip(transactions, lines, strict=True)
            ],
            [
                Result(
                    kind,
                    aggregation,
                    title,
                    [
                        Indicator(m, asc, t, year, base, list(periods))
                        for m, asc, t, year, base, periods in indicators
                    ],
                )
                for kind, aggregation, title, indicators in results
            ],
            set(countries),
        )

    def legacy_content_hash(self) -> str:
        """The digest the first version of the import stored (the dataclasses pickled, slower): an activity
        imported by it and unchanged since is still recognised as unchanged."""
        body = {k: v for k, v in self.__dict__.items() if k not in ("line", "countries", "transactions")}
        body["transactions"] = [
            {k: v for k, v in t.__dict__.items() if k != "line"} for t in self.transactions
        ]
        return hashlib.sha256(pickle.dumps(sorted(body.items()), protocol=5)).hexdigest()

    def kept(self) -> tuple[Any, ...]:
        """Everything caunoi keeps of the activity, as plain nested tuples."""
        return (
            self.identifier,
            self.version,
            self.default_currency,
            self.default_lang,
            self.last_updated,
            self.hierarchy,
            _org(self.reporting_org),
            tuple(self.titles),
            tuple(self.descriptions),
            self.status_code,
            tuple(self.dates),
            tuple((role, _org(org)) for role, org in self.participants),
            tuple(self.recipients),
            tuple(self.sectors),
            tuple(self.locations),
            tuple(self.budgets),
            tuple(
                (
                    t.kind,
                    t.value,
                    t.text,
                    t.currency,
                    t.value_date,
                    t.transaction_date,
                    t.reference,
                    _org(t.provider),
                    _org(t.receiver),
                    t.description,
                )
                for t in self.transactions
            ),
            tuple(
                (
                    r.kind,
                    r.aggregation_status,
                    r.title,
                    tuple(
                        (i.measure, i.ascending, i.title, i.baseline_year, i.baseline_value, tuple(i.periods))
                        for i in r.indicators
                    ),
                )
                for r in self.results
            ),
        )

    def date_of(self, *kinds: str) -> dt.date | None:
        for kind in kinds:
            for found, on in self.dates:
                if found == kind:
                    return on
        return None

    def narrative(self, texts: list[tuple[str, str]], lang: str) -> str:
        return next((text for found, text in texts if found == lang), "")


def _firsts(element: etree._Element) -> dict[Any, etree._Element]:
    """The first child of each tag, as find(tag) gives it, in one pass (find parses its path each time)."""
    first: dict[Any, etree._Element] = {}
    for child in element:
        first.setdefault(child.tag, child)
    return first


def _org(org: OrgRef | None) -> tuple[str, str, str] | None:
    return None if org is None else (org.ref, org.kind, org.name)


class UnreadableDate(ValueError):
    """A date the XSD accepts but Python cannot hold (year 0 or below, or beyond 9999; 24:00:00)."""

    def __init__(self, text: str | None):
        super().__init__(text)
        self.text = text or ""


def _date(text: str | None) -> dt.date:
    try:
        return _fromisoformat((text or "").strip()[:10])
    except ValueError:
        raise UnreadableDate(text) from None


def _datetime(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise UnreadableDate(text) from None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _holding(element: etree._Element, text: str) -> tuple[etree._Element, str]:
    """The element (itself or a descendant) and attribute whose value is `text`: where a problem is."""
    for found in element.iter():
        for attribute, value in found.attrib.items():
            if value == text:
                return found, str(attribute)
    return element, ""


def _text(text: str | None) -> str:
    """core.text.nfc, without the normalisation call for ASCII text (NFC already: the same string)."""
    if not text:
        return ""
    text = text.strip()
    return text if text.isascii() else _normalize("NFC", text)


_fromisoformat = dt.date.fromisoformat
_normalize = unicodedata.normalize
_closed_lists: dict[str, frozenset[str] | None] = {}


def _closed(codelist: str) -> frozenset[str] | None:
    """The codes of a closed codelist (a code outside it is an error), None for an open one."""
    if codelist not in _closed_lists:
        allowed = codes(codelist)  # (raises KeyError for a list that does not exist, as before)
        _closed_lists[codelist] = allowed if is_complete(codelist) else None
    return _closed_lists[codelist]


class ActivityReader:
    """Reads one <iati-activity>; `problems` collects what is wrong with it."""

    def __init__(self, element: etree._Element, source: str, version: str):
        self.el = element
        self.source = source
        self.version = version
        self.problems: list[IatiProblem] = []
        self.default_currency = ""
        self.default_lang = ""
        identifier = next(element.iterchildren("iati-identifier"), None)  # quicker than findtext
        self.identifier = nfc(identifier.text if identifier is not None else None)

    def fail(self, msg: Msg, element: etree._Element, **params: Any) -> None:
        self.problems.append(
            problem(
                msg,
                source=self.source,
                activity=self.identifier or None,
                line=line_of(element),
                element=str(element.tag),
                **params,
            )
        )

    def code(self, element: etree._Element, attribute: str, codelist: str) -> str:
        value = element.get(attribute)
        if value is None:
            return ""
        value = value.strip()
        if value:
            try:
                allowed = _closed_lists[codelist]
            except KeyError:
                allowed = _closed(codelist)
            if allowed is not None and value not in allowed:
                self.fail(m.CODE_UNKNOWN, element, code=value, attribute=f"@{attribute}", codelist=codelist)
        return value

    def text(self, element: etree._Element | None) -> list[tuple[str, str]]:
        """(language, text) of each narrative, the language defaulting to the activity's."""
        if element is None:
            return []
        default = self.default_lang
        return [
            ((narrative.get(XML_LANG) or default).lower(), _text(narrative.text))
            for narrative in element.iterchildren("narrative")
        ]

    def first_text(self, element: etree._Element | None) -> str:
        if element is not None:
            for narrative in element.iterchildren("narrative"):
                return _text(narrative.text)
        return ""

    def percentage(self, element: etree._Element) -> Decimal | None:
        raw = element.get("percentage")
        if raw is None:
            return None
        try:
            value = Decimal(raw.strip())
        except InvalidOperation:
            return None  # the XSD has reported it
        if not value.is_finite() or value < 0 or value > HUNDRED:
            self.fail(m.PERCENT_RANGE, element, value=raw.strip())
        return value

    def value(self, element: etree._Element | None) -> tuple[Decimal, str, str, dt.date] | None:
        """(amount, text, currency, value-date) of a <value>; the XSD has checked its form."""
        if element is None:
            return None
        text = element.text
        text = text.strip() if text else ""
        try:
            amount = Decimal(text)
        except InvalidOperation:
            return None
        currency = self.code(element, "currency", "Currency") or self.default_currency
        if not currency:
            self.fail(m.NO_CURRENCY, element)
        return amount, text, currency.upper(), _date(element.get("value-date"))

    def org(self, element: etree._Element, type_attribute: str = "type") -> OrgRef:
        return OrgRef(
            _text(element.get("ref")),
            self.code(element, type_attribute, "OrganisationType"),
            self.first_text(element),
        )

    def read(self) -> ActivityData:
        el = self.el
        self.default_currency = self.code(el, "default-currency", "Currency")
        self.default_lang = (el.get(XML_LANG) or "").lower()
        data = ActivityData(self.identifier, line_of(el) or 0, self.version)
        data.default_currency, data.default_lang = self.default_currency, self.default_lang
        if el.get("last-updated-datetime"):
            try:
                data.last_updated = _datetime(el.get("last-updated-datetime", ""))
            except UnreadableDate as bad:
                self.unreadable_date(el, bad)
        if el.get("hierarchy"):
            data.hierarchy = int(el.get("hierarchy", "1"))
        handlers = _HANDLERS
        for child in el.iterchildren(*handlers):
            try:
                handlers[child.tag](self, child, data)
            except UnreadableDate as bad:
                self.unreadable_date(child, bad)
        return data

    def unreadable_date(self, element: etree._Element, bad: UnreadableDate) -> None:
        found, attribute = _holding(element, bad.text)
        self.fail(m.DATE_OUT_OF_RANGE, found, value=bad.text.strip(), attribute=f"@{attribute}")

    # ---- element handlers: each reads one kind of direct child of <iati-activity> ----

    def reporting_org(self, el: etree._Element, data: ActivityData) -> None:
        data.reporting_org = self.org(el)

    def title(self, el: etree._Element, data: ActivityData) -> None:
        data.titles = self.text(el)

    def description(self, el: etree._Element, data: ActivityData) -> None:
        kind = self.code(el, "type", "DescriptionType")
        data.descriptions += [(kind, lang, text) for lang, text in self.text(el)]

    def participating_org(self, el: etree._Element, data: ActivityData) -> None:
        data.participants.append((self.code(el, "role", "OrganisationRole"), self.org(el)))

    def activity_status(self, el: etree._Element, data: ActivityData) -> None:
        data.status_code = self.code(el, "code", "ActivityStatus")

    def activity_date(self, el: etree._Element, data: ActivityData) -> None:
        data.dates.append((self.code(el, "type", "ActivityDateType"), _date(el.get("iso-date"))))

    def recipient_country(self, el: etree._Element, data: ActivityData) -> None:
        code = (el.get("code") or "").strip().upper()
        data.countries.add(code)
        data.recipients.append((False, code, "", self.percentage(el)))

    def recipient_region(self, el: etree._Element, data: ActivityData) -> None:
        vocabulary = self.code(el, "vocabulary", "RegionVocabulary") or "1"
        code = (el.get("code") or "").strip()
        if vocabulary == "1" and code not in codes("Region"):
            self.fail(m.CODE_UNKNOWN, el, code=code, attribute="@code", codelist="Region")
        data.recipients.append((True, code, vocabulary, self.percentage(el)))

    def sector(self, el: etree._Element, data: ActivityData) -> None:
        vocabulary = self.code(el, "vocabulary", "SectorVocabulary") or "1"
        code = (el.get("code") or "").strip()
        listname = _SECTOR_LISTS.get(vocabulary)
        if listname and code not in codes(listname):
            self.fail(m.CODE_UNKNOWN, el, code=code, attribute="@code", codelist=listname)
        data.sectors.append((vocabulary, _text(el.get("vocabulary-uri")), code, self.percentage(el)))

    def capital_spend(self, el: etree._Element, data: ActivityData) -> None:
        self.percentage(el)

    def collaboration_type(self, el: etree._Element, data: ActivityData) -> None:
        self.code(el, "code", "CollaborationType")

    def default_flow_type(self, el: etree._Element, data: ActivityData) -> None:
        self.code(el, "code", "FlowType")

    def default_finance_type(self, el: etree._Element, data: ActivityData) -> None:
        self.code(el, "code", "FinanceType")

    def default_tied_status(self, el: etree._Element, data: ActivityData) -> None:
        self.code(el, "code", "TiedStatus")

    def activity_scope(self, el: etree._Element, data: ActivityData) -> None:
        self.code(el, "code", "ActivityScope")

    def location(self, el: etree._Element, data: ActivityData) -> None:
        lat = lon = None
        first = _firsts(el)
        point = first.get("point")
        pos_el = next(point.iterchildren("pos"), None) if point is not None else None
        pos = pos_el.text if pos_el is not None else None
        if pos:
            parts = pos.split()
            try:
                lat, lon = Decimal(parts[0]), Decimal(parts[1])
            except (InvalidOperation, IndexError):
                lat = lon = None
        admin = " | ".join(
            f"{a.get('vocabulary', '')}/{a.get('level', '')}/{a.get('code', '')}"
            for a in el.iterchildren("administrative")
        )
        name = self.first_text(first.get("name"))
        data.locations.append((_text(el.get("ref")), name, lat, lon, admin))

    def budget(self, el: etree._Element, data: ActivityData) -> None:
        first = _firsts(el)
        value = self.value(first.get("value"))
        if value is None:
            return
        data.budgets.append(
            (
                self.code(el, "type", "BudgetType"),
                self.code(el, "status", "BudgetStatus"),
                _date(first["period-start"].get("iso-date")),
                _date(first["period-end"].get("iso-date")),
                value[0],
                value[2],
                value[3],
            )
        )

    def transaction(self, el: etree._Element, data: ActivityData) -> None:
        # One pass over the children (the first of each kind counts, as find() would take it).
        first: dict[Any, etree._Element] = {}
        countries = []
        for child in el:
            if child.tag == "recipient-country":
                countries.append(child)
            else:
                first.setdefault(child.tag, child)
        kind_el, value_el, date_el = (
            first.get("transaction-type"),
            first.get("value"),
            first.get("transaction-date"),
        )
        provider, receiver = first.get("provider-org"), first.get("receiver-org")
        description = first.get("description")
        value = self.value(value_el)
        if kind_el is None or value is None:
            return
        for country in countries:
            data.countries.add((country.get("code") or "").strip().upper())
        data.transactions.append(
            Tx(
                self.code(kind_el, "code", "TransactionType"),
                value[0],
                value[1],
                value[2],
                value[3],
                _date(date_el.get("iso-date")) if date_el is not None else None,
                _text(el.get("ref")),
                self.org(provider) if provider is not None else None,
                self.org(receiver) if receiver is not None else None,
                self.first_text(description),
                line_of(el) or 0,
            )
        )

    def result(self, el: etree._Element, data: ActivityData) -> None:
        aggregation = el.get("aggregation-status")
        indicators = []
        for ind in el.iterchildren("indicator"):
            parts = _firsts(ind)
            baseline = parts.get("baseline")
            year = baseline.get("year") if baseline is not None else None
            periods = []
            for period in ind.iterchildren("period"):
                of_period = _firsts(period)
                start, end = of_period.get("period-start"), of_period.get("period-end")
                if start is None or end is None:
                    continue
                target, actual = of_period.get("target"), of_period.get("actual")
                periods.append(
                    (
                        _date(start.get("iso-date")),
                        _date(end.get("iso-date")),
                        _text(target.get("value")) if target is not None else "",
                        _text(actual.get("value")) if actual is not None else "",
                    )
                )
            ascending = ind.get("ascending")
            indicators.append(
                Indicator(
                    measure=self.code(ind, "measure", "IndicatorMeasure"),
                    ascending=None if ascending is None else ascending in ("1", "true"),
                    title=self.first_text(parts.get("title")),
                    baseline_year=int(year) if year and year.strip().isdigit() else None,
                    baseline_value=_text(baseline.get("value")) if baseline is not None else "",
                    periods=periods,
                )
            )
        data.results.append(
            Result(
                kind=self.code(el, "type", "ResultType"),
                aggregation_status=None if aggregation is None else aggregation in ("1", "true"),
                title=self.first_text(next(el.iterchildren("title"), None)),
                indicators=indicators,
            )
        )


_SECTOR_LISTS = {"1": "Sector", "2": "SectorCategory"}
_HANDLERS = {
    "reporting-org": ActivityReader.reporting_org,
    "title": ActivityReader.title,
    "description": ActivityReader.description,
    "participating-org": ActivityReader.participating_org,
    "activity-status": ActivityReader.activity_status,
    "activity-date": ActivityReader.activity_date,
    "recipient-country": ActivityReader.recipient_country,
    "recipient-region": ActivityReader.recipient_region,
    "sector": ActivityReader.sector,
    "capital-spend": ActivityReader.capital_spend,
    "collaboration-type": ActivityReader.collaboration_type,
    "default-flow-type": ActivityReader.default_flow_type,
    "default-finance-type": ActivityReader.default_finance_type,
    "default-tied-status": ActivityReader.default_tied_status,
    "activity-scope": ActivityReader.activity_scope,
    "location": ActivityReader.location,
    "budget": ActivityReader.budget,
    "transaction": ActivityReader.transaction,
    "result": ActivityReader.result,
}
