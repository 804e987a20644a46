"""IATI 2.03 export of an office's aid items, validated activity by activity before the file is written.

An item imported from IATI is written back from what was kept of it (narratives, dates, recipients,
locations, sectors, budgets, results, transactions outside the ledger) together with its ledger rows;
an item entered in caunoi is described from the ledger: titles in Vietnamese and English (xml:lang),
recipient country VN, its places, its participants with their IATI roles, its transactions.

Sectors are given twice: in DAC codes (vocabulary 1/2 as published; for caunoi's own items the report
group's first DAC 3-digit category, vocabulary 2) and in the union's report groups. The groups are the
union's own list, so they use SectorVocabulary 99 ("Reporting Organisation") with a vocabulary-uri naming
the list; 98 ("Reporting Organisation 2") is meant for a second such list, which caunoi has not.

The document is streamed to a temporary file and moved into place only if every activity and the
root are valid against the shipped schema; otherwise nothing is written and RuleErrors says why.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db.models import Prefetch, Q
from django.utils import timezone
from lxml import etree

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import IATI_ROLE, AidItem, Participation, Role, Transaction
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.iati import messages as m
from caunoi.iati import models as im
from caunoi.iati.codelists import XML_LANG, codes
from caunoi.iati.details import Details
from caunoi.iati.report import problem
from caunoi.iati.schema import activity_schema, organisation_schema, schema_errors

UNION_VOCABULARY = "99"
UNION_VOCABULARY_URI = "urn:caunoi:sector-groups"
# The union is a state-funded people's organisation: IATI "Other Public Sector".
UNION_ORG_TYPE = "15"
WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"

STATUS_TO_IATI = {
    Status.PROPOSAL: "1",
    Status.MOBILISING: "1",
    Status.DOSSIER_SUBMITTED: "1",
    Status.IN_APPRAISAL: "1",
    Status.APPROVED: "1",
    Status.IMPLEMENTING: "2",
    Status.COMPLETED: "3",
    Status.CLOSED: "4",
    Status.DECLINED: "5",
    Status.CANCELLED: "5",
    Status.APPROVAL_REVOKED: "5",
    Status.SUSPENDED: "6",
}
IATI_TO_STATUS = {"1": Status.PROPOSAL, "2": Status.IMPLEMENTING, "3": Status.COMPLETED, "4": Status.CLOSED}
IATI_TO_STATUS |= {"5": Status.CANCELLED, "6": Status.SUSPENDED}


def union_ref(office: Office) -> str:
    """The union's registered IATI organisation identifier, or a caunoi placeholder until it registers."""
    return office.iati_ref or f"XI-IATI-CAUNOI-{office.code.upper()}"


def num(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _sub(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
    return etree.SubElement(
        parent, tag, {k.replace("_", "-"): v for k, v in attrs.items() if v not in (None, "")}
    )


def _narratives(parent: etree._Element, texts: Iterable[tuple[str, str]]) -> None:
    for lang, text in texts:
        narrative = _sub(parent, "narrative")
        if lang:
            narrative.set(XML_LANG, lang)
        narrative.text = text


@dataclass
class ExportResult:
    activities: int
    path: Path


def items_for(office: Office, years: list[int] | None, items: Any = None) -> Any:
    """The office's items to write (of `items` when given: the open aid portal's public ones)."""
    base = AidItem.objects.filter(office=office, archived_at__isnull=True) if items is None else items
    qs = base.select_related("iati")
    if years:
        qs = qs.filter(
            Q(approved_on__year__in=years) | Q(approved_on__isnull=True, planned_start__year__in=years)
        )
    return qs.order_by("code").prefetch_related(
        Prefetch("participations", queryset=Participation.objects.select_related("organisation")),
        "sector_shares__sector__dac_codes",
        "place_shares__unit__province",
        # Each transaction names its provider and receiver: read with it, not one query apiece.
        Prefetch("transactions", queryset=Transaction.objects.select_related("provider", "receiver")),
    )


class ActivityBuilder:
    def __init__(self, office: Office):
        self.office = office

    def build(self, item: AidItem) -> etree._Element:
        iati = getattr(item, "iati", None)
        act = etree.Element("iati-activity")
        if iati is not None:
            details = _Details(iati)
            act.set("last-updated-datetime", _iso(iati.last_updated or item.updated_at))
            if iati.default_lang:
                act.set(XML_LANG, iati.default_lang)
            if iati.default_currency:
                act.set("default-currency", iati.default_currency)
            if iati.hierarchy is not None:
                act.set("hierarchy", str(iati.hierarchy))
            _sub(act, "iati-identifier").text = iati.iati_identifier
            reporting = _sub(act, "reporting-org", ref=iati.reporting_org_ref, type=iati.reporting_org_type)
            _narratives(reporting, [("", iati.reporting_org_name)] if iati.reporting_org_name else [])
            _narratives(_sub(act, "title"), details.kept.titles)
            for kind, texts in details.descriptions():
                _narratives(_sub(act, "description", type=kind), texts)
        else:
            details = None
            act.set("last-updated-datetime", _iso(item.updated_at))
            act.set(XML_LANG, "vi")
            _sub(act, "iati-identifier").text = (
                item.iati_identifier or f"{union_ref(self.office)}-{item.code}"
            )
            reporting = _sub(act, "reporting-org", ref=union_ref(self.office), type=UNION_ORG_TYPE)
            _narratives(reporting, [("", self.office.name)])
            _narratives(
                _sub(act, "title"), [("vi", item.title)] + ([("en", item.title_en)] if item.title_en else [])
            )
            # IATI requires a description: without one, the title stands in.
            _narratives(_sub(act, "description", type="1"), [("vi", item.description or item.title)])
            if item.objectives:
                _narratives(_sub(act, "description", type="2"), [("vi", item.objectives)])
        self._participants(act, item)
        status = STATUS_TO_IATI[Status(item.status)]
        if iati is not None and IATI_TO_STATUS.get(iati.status_code) == item.status:
            status = iati.status_code
        _sub(act, "activity-status", code=status)
        dates = details.kept.dates if details else self._dates(item)
        for kind, on in dates:
            _sub(act, "activity-date", type=kind, iso_date=on.isoformat())
        if details:
            details.geography(act)
        else:
            _sub(act, "recipient-country", code="VN")
            for share in sorted(item.place_shares.all(), key=lambda s: s.unit.code):
                location = _sub(act, "location")
                _narratives(_sub(location, "name"), [("vi", str(share.unit))])
                if share.unit.latitude is not None and share.unit.longitude is not None:
                    point = _sub(location, "point", srsName=WGS84)
                    _sub(point, "pos").text = f"{share.unit.latitude:.6f} {share.unit.longitude:.6f}"
        self._sectors(act, item, details)
        if details:
            details.budgets(act)
        self._transactions(act, item, details)
        if details:
            details.results(act)
        return act

    def _participants(self, act: etree._Element, item: AidItem) -> None:
        rows = sorted(
            ((IATI_ROLE[Role(p.role)], p.organisation) for p in item.participations.all()),
            key=lambda pair: (pair[0], pair[1].name, pair[1].iati_ref),
        )
        seen = set()
        for role, org in rows:
            if (role, org.pk) in seen:
                continue
            seen.add((role, org.pk))
            element = _sub(act, "participating-org", ref=org.iati_ref, type=org.iati_type, role=role)
            _narratives(element, [("", org.name_original or org.name)])

    def _dates(self, item: AidItem) -> list[tuple[str, dt.date]]:
        found = [
            ("1", item.planned_start),
            ("2", item.actual_start),
            ("3", item.planned_end),
            ("4", item.actual_end),
        ]
        dates = [(kind, on) for kind, on in found if on is not None]
        if not dates:
            dates = [("1", item.approved_on or timezone.localtime(item.created_at).date())]
        return dates

    def _sectors(self, act: etree._Element, item: AidItem, details: _Details | None) -> None:
        shares = sorted(item.sector_shares.all(), key=lambda s: (s.sector.order, s.sector.code))
        if details:
            details.dac_sectors(act)
        else:
            categories = [(share, _dac_category(share.sector)) for share in shares]
            if categories and all(code for _, code in categories):
                for share, code in categories:
                    _sub(act, "sector", vocabulary="2", code=code, percentage=num(share.share))
        for share in shares:
            element = _sub(
                act,
                "sector",
                vocabulary=UNION_VOCABULARY,
                vocabulary_uri=UNION_VOCABULARY_URI,
                code=share.sector.code,
                percentage=num(share.share),
            )
            _narratives(element, [("vi", share.sector.name), ("en", share.sector.name_en)])

    def _transactions(self, act: etree._Element, item: AidItem, details: _Details | None) -> None:
        rows: list[tuple[tuple[Any, ...], etree._Element]] = []
        for tx in item.transactions.all():
            if not tx.counts:
                continue
            el = _transaction(
                tx.kind, tx.reference, tx.value_date, tx.value_date, tx.amount, tx.currency, tx.description
            )
            _org(el, "provider-org", tx.provider.iati_ref if tx.provider else "", tx.provider_name)
            _org(el, "receiver-org", tx.receiver.iati_ref if tx.receiver else "", tx.receiver_name)
            rows.append(((tx.value_date, int(tx.kind), tx.amount, tx.currency, tx.reference), el))
        if details:
            for other in details.kept.others:
                el = _transaction(
                    other.kind,
                    other.reference,
                    other.transaction_date or other.value_date,
                    other.value_date,
                    other.value,
                    other.currency,
                    "",
                )
                _org(el, "provider-org", other.provider_ref, other.provider_name)
                _org(el, "receiver-org", other.receiver_ref, other.receiver_name)
                key = (
                    other.transaction_date or other.value_date,
                    int(other.kind),
                    other.value,
                    other.currency,
                )
                rows.append(((*key, other.reference), el))
        for _, el in sorted(rows, key=lambda pair: pair[0]):
            act.append(el)


def _dac_category(sector: Any) -> str:
    dac = sorted(sector.dac_codes.all(), key=lambda d: (d.vocabulary != "2", d.code))
    if not dac:
        return ""
    code = dac[0].code if dac[0].vocabulary == "2" else dac[0].code[:3]
    return code if code in codes("SectorCategory") else ""


def _transaction(
    kind: str, ref: str, on: dt.date, value_date: dt.date, value: Decimal, currency: str, description: str
) -> etree._Element:
    el = etree.Element("transaction")
    if ref:
        el.set("ref", ref)
    _sub(el, "transaction-type", code=kind)
    _sub(el, "transaction-date", iso_date=on.isoformat())
    _sub(el, "value", currency=currency, value_date=value_date.isoformat()).text = num(value)
    if description:
        _narratives(_sub(el, "description"), [("", description)])
    return el


def _org(parent: etree._Element, tag: str, ref: str, name: str) -> None:
    if ref or name:
        _narratives(_sub(parent, tag, ref=ref), [("", name)] if name else [])


class _Details:
    """What was kept of one imported activity beyond the ledger (its details document)."""

    def __init__(self, iati: im.IatiActivity):
        self.kept = Details(iati.details)

    def descriptions(self) -> Iterator[tuple[str, list[tuple[str, str]]]]:
        groups: dict[str, list[tuple[str, str]]] = {}
        for kind, lang, text in self.kept.descriptions:
            groups.setdefault(kind, []).append((lang, text))
        yield from groups.items()

    def geography(self, act: etree._Element) -> None:
        for r in self.kept.recipients:
            if not r.is_region:
                _sub(act, "recipient-country", code=r.code, percentage=_pct(r.percentage))
        for r in self.kept.recipients:
            if r.is_region:
                _sub(
                    act,
                    "recipient-region",
                    code=r.code,
                    vocabulary=r.vocabulary,
                    percentage=_pct(r.percentage),
                )
        for loc in self.kept.locations:
            location = _sub(act, "location", ref=loc.ref)
            if loc.name:
                _narratives(_sub(location, "name"), [("", loc.name)])
            for admin in filter(None, loc.admin_codes.split(" | ")):
                vocabulary, level, code = ([*admin.split("/"), "", "", ""])[:3]
                _sub(location, "administrative", vocabulary=vocabulary, level=level, code=code)
            if loc.latitude is not None and loc.longitude is not None:
                point = _sub(location, "point", srsName=WGS84)
                _sub(point, "pos").text = f"{num(loc.latitude)} {num(loc.longitude)}"

    def dac_sectors(self, act: etree._Element) -> None:
        for s in self.kept.sectors:
            if s.vocabulary == UNION_VOCABULARY and s.vocabulary_uri == UNION_VOCABULARY_URI:
                continue  # written again from the ledger's groups
            _sub(
                act,
                "sector",
                vocabulary=s.vocabulary,
                vocabulary_uri=s.vocabulary_uri,
                code=s.code,
                percentage=_pct(s.percentage),
            )

    def budgets(self, act: etree._Element) -> None:
        for b in self.kept.budgets:
            budget = _sub(act, "budget", type=b.kind, status=b.status)
            _sub(budget, "period-start", iso_date=b.period_start.isoformat())
            _sub(budget, "period-end", iso_date=b.period_end.isoformat())
            _sub(budget, "value", currency=b.currency, value_date=b.value_date.isoformat()).text = num(
                b.value
            )

    def results(self, act: etree._Element) -> None:
        for r in self.kept.results:
            aggregation = None if r.aggregation_status is None else ("1" if r.aggregation_status else "0")
            result = _sub(act, "result", type=r.kind, aggregation_status=aggregation)
            _narratives(_sub(result, "title"), [("", r.title)])
            for ind in r.indicators:
                ascending = None if ind.ascending is None else ("1" if ind.ascending else "0")
                indicator = _sub(result, "indicator", measure=ind.measure, ascending=ascending)
                _narratives(_sub(indicator, "title"), [("", ind.title)])
                if ind.baseline_year is not None:
                    _sub(indicator, "baseline", year=str(ind.baseline_year), value=ind.baseline_value)
                for p in ind.periods:
                    period = _sub(indicator, "period")
                    _sub(period, "period-start", iso_date=p.period_start.isoformat())
                    _sub(period, "period-end", iso_date=p.period_end.isoformat())
                    if p.target:
                        _sub(period, "target", value=p.target)
                    if p.actual:
                        _sub(period, "actual", value=p.actual)


def _pct(value: Decimal | None) -> str | None:
    return None if value is None else num(value)


def _generated(generated: str | None) -> str:
    if generated:
        return generated
    return _iso(timezone.now())


def export_office(
    office: Office,
    path: Path,
    *,
    years: list[int] | None = None,
    organisation_file: Path | None = None,
    generated: str | None = None,
    items: Any = None,
    builder: ActivityBuilder | None = None,
) -> ExportResult:
    """Write the office's items as an IATI 2.03 activity file (and, if asked, the union's organisation
    file); nothing is written unless the whole document is valid. `items` and `builder` narrow what is
    written (the open aid portal: its public items, without the fields it keeps private)."""
    items = items_for(office, years, items)
    builder = builder or ActivityBuilder(office)
    stamp = _generated(generated)
    tmp = path.with_name(path.name + ".tmp")
    problems = []
    count = 0
    try:
        with etree.xmlfile(str(tmp), encoding="utf-8") as xf:
            xf.write_declaration()
            with xf.element("iati-activities", {"version": "2.03", "generated-datetime": stamp}):
                for item in items.iterator(chunk_size=200):
                    act = builder.build(item)
                    for line, name, message in schema_errors(activity_schema(), act):
                        problems.append(
                            problem(
                                m.EXPORT_INVALID,
                                source=path.name,
                                activity=item.code,
                                line=line,
                                element=name,
                                reason=message,
                            )
                        )
                    xf.write("\n")
                    xf.write(act, pretty_print=True)
                    count += 1
                xf.write("\n")
        if count == 0:
            raise m.EXPORT_EMPTY(office=office.code, year=f" ({', '.join(map(str, years))})" if years else "")
        if problems:
            raise RuleErrors(problems)
        if organisation_file is not None:
            write_organisation_file(office, organisation_file, stamp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return ExportResult(count, path)


def write_organisation_file(office: Office, path: Path, stamp: str) -> None:
    root = etree.Element("iati-organisations", {"version": "2.03", "generated-datetime": stamp})
    org = _sub(root, "iati-organisation", last_updated_datetime=stamp)
    org.set(XML_LANG, "vi")
    _sub(org, "organisation-identifier").text = union_ref(office)
    names = [("vi", office.name)] + ([("en", office.name_en)] if office.name_en else [])
    _narratives(_sub(org, "name"), names)
    reporting = _sub(org, "reporting-org", ref=union_ref(office), type=UNION_ORG_TYPE)
    _narratives(reporting, names)
    errors = schema_errors(organisation_schema(), root)
    if errors:
        raise RuleErrors(
            [
                problem(m.EXPORT_INVALID, source=path.name, line=line, element=name, reason=msg)
                for line, name, msg in errors
            ]
        )
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
    os.replace(tmp, path)
