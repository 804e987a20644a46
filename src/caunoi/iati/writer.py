"""Writing planned activities to the database.

New activities go through `bulk.Table`s (rows with their history rows, ids allocated up front) and are
flushed `BATCH` activities at a time: organisations, items, IATI activities, then what hangs off them.
An activity already imported whose content changed is rewritten in place by `replace`, one at a time
(updates are rare): the item and its ledger rows are saved through the ORM with history, so the history
shows field by field what changed; the IATI detail rows are replaced whole.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Participation, Role, StatusChange, Transaction
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.text import fold
from caunoi.directory.models import Organisation
from caunoi.iati import models as im
from caunoi.iati.activity import ActivityData, Tx
from caunoi.iati.bulk import Table
from caunoi.iati.ledger import Plan
from caunoi.iati.orgs import Directory

BATCH = 500
ROLE_BY_IATI = {"1": Role.FUNDING, "2": Role.ACCOUNTABLE, "3": Role.EXTENDING, "4": Role.IMPLEMENTING}
DETAIL_MODELS = (
    im.Narrative,
    im.ActivityDate,
    im.Recipient,
    im.RawSector,
    im.Location,
    im.Budget,
    im.OtherTransaction,
    im.Result,
)


class Tables:
    def __init__(self) -> None:
        self.orgs = Table(Organisation, history=True)
        self.items = Table(AidItem, history=True)
        self.activities = Table(im.IatiActivity, history=True)
        self.changes = Table(StatusChange)
        self.participations = Table(Participation, history=True)
        self.sectors = Table(ItemSector, history=True)
        self.places = Table(ItemPlace, history=True)
        self.transactions = Table(Transaction, history=True)
        self.narratives = Table(im.Narrative)
        self.dates = Table(im.ActivityDate)
        self.recipients = Table(im.Recipient)
        self.raw_sectors = Table(im.RawSector)
        self.locations = Table(im.Location)
        self.budgets = Table(im.Budget)
        self.others = Table(im.OtherTransaction)
        self.results = Table(im.Result)
        self.indicators = Table(im.Indicator)
        self.periods = Table(im.IndicatorPeriod)

    def flush(self, reason: str) -> None:
        # Parents before children: the foreign keys are checked at each insert on PostgreSQL.
        for table in self.__dict__.values():
            table.flush(reason)


def _clip(text: str, length: int) -> str:
    # Stripped again after cutting, as the text would be on its way back in (nfc strips).
    return text[:length].strip()


class Writer:
    def __init__(self, office: Office, reason: str, actor: Any = None):
        self.office = office
        self.actor = actor
        self.reason = reason
        self.directory = Directory(office)
        self.tables = Tables()
        self.pending = 0
        self.organisations_created = 0
        self.now_user = getattr(actor, "pk", None)
        self.seconds = 0.0  # spent writing (flush)

    def _org_id(self, org: Organisation | None) -> int | None:
        if org is None:
            return None
        if org.pk is None:
            org.pk = self.tables.orgs.add(
                office_id=self.office.pk,
                kind=org.kind,
                name=org.name,
                name_original=org.name_original,
                iati_ref=org.iati_ref,
                iati_type=org.iati_type,
                search_text=org.search_text,
            )
            self.organisations_created += 1
        return org.pk

    def _orgs_of(self, data: ActivityData) -> tuple[Organisation | None, list[tuple[str, Organisation]]]:
        reporting = self.directory.get(data.reporting_org)
        roles: list[tuple[str, Organisation]] = []
        for role, ref in data.participants:
            org = self.directory.get(ref)
            if org is not None and role in ROLE_BY_IATI and (ROLE_BY_IATI[role], org) not in roles:
                roles.append((ROLE_BY_IATI[role], org))
        return reporting, roles

    def item_values(self, plan: Plan, roles: list[tuple[str, Organisation]]) -> dict[str, Any]:
        """The AidItem fields the ledger derives from a plan, as set_sectors and refresh_search_text do."""
        primary = (
            min(plan.sectors, key=lambda pair: (-pair[1], pair[0].order, pair[0].code))[0]
            if plan.sectors
            else None
        )
        fields = plan.fields
        parts = [fields["code"], fields["title"], fields["title_en"]]
        parts += [org.name for _, org in roles] + [org.acronym for _, org in roles]
        parts += [str(unit) for unit, _ in plan.places]
        return {
            **fields,
            "status": plan.status,
            "approved_on": plan.approved_on,
            "actual_start": plan.actual_start,
            "actual_end": plan.actual_end,
            "primary_sector_id": primary.pk if primary else None,
            "search_text": fold(" ".join(p for p in parts if p)),
        }

    # ---- new activities ----

    def add(self, data: ActivityData, plan: Plan, source: str, digest: str) -> None:
        t = self.tables
        reporting, roles = self._orgs_of(data)
        reporting_id = self._org_id(reporting)
        role_ids = [(role, self._org_id(org)) for role, org in roles]
        item_id = t.items.add(office_id=self.office.pk, **self.item_values(plan, roles))
        activity_id = t.activities.add(
            office_id=self.office.pk, item_id=item_id, **self._activity(data, reporting_id, source, digest)
        )
        self._ledger_rows(item_id, plan, role_ids)
        self._details(activity_id, data, plan)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()

    def flush(self) -> None:
        start = time.process_time()
        self.tables.flush(self.reason)
        self.pending = 0
        self.seconds += time.process_time() - start

    def discard(self) -> None:
        self.tables = Tables()
        self.directory = Directory(self.office)
        self.pending = 0

    def _activity(
        self, data: ActivityData, reporting_id: int | None, source: str, digest: str
    ) -> dict[str, Any]:
        return {
            "iati_identifier": data.identifier,
            "reporting_org_id": reporting_id,
            "reporting_org_ref": _clip(data.reporting_org.ref, 200),
            "reporting_org_type": _clip(data.reporting_org.kind, 3),
            "reporting_org_name": _clip(data.reporting_org.name, 500),
            "last_updated": data.last_updated,
            "default_currency": data.default_currency,
            "default_lang": _clip(data.default_lang, 8),
            "status_code": data.status_code,
            "hierarchy": data.hierarchy,
            "source_file": _clip(source, 500),
            "source_version": data.version,
            "content_hash": digest,
        }

    def _ledger_rows(self, item_id: int, plan: Plan, role_ids: list[tuple[str, int | None]]) -> None:
        t = self.tables
        self._changes(item_id, plan)
        for role, org_id in role_ids:
            t.participations.add(item_id=item_id, organisation_id=org_id, role=role)
        for sector, share in plan.sectors:
            t.sectors.add(item_id=item_id, sector_id=sector.pk, share=share)
        for unit, share in plan.places:
            t.places.add(item_id=item_id, unit_id=unit.pk, share=share)
        for values in self._transactions(plan):
            t.transactions.add(office_id=self.office.pk, item_id=item_id, **values)

    def _changes(self, item_id: int, plan: Plan) -> None:
        decision = plan.decision
        self.tables.changes.add(
            item_id=item_id,
            from_status="",
            to_status=plan.entry_status,
            on=plan.entered_on,
            actor_id=self.now_user,
            decision_number=decision.number if decision else "",
            decision_date=decision.date if decision else None,
            authority=decision.authority if decision else "",
            note="",
        )
        previous = plan.entry_status
        for to_status, on in plan.steps:
            self.tables.changes.add(
                item_id=item_id,
                from_status=previous,
                to_status=to_status,
                on=on,
                actor_id=self.now_user,
                note="",
            )
            previous = to_status

    def _transactions(self, plan: Plan) -> list[dict[str, Any]]:
        """As services.record_transaction fills a Transaction (names default to the organisation's)."""
        out = []
        for tx, value, currency in plan.ledger:
            provider = self.directory.known(tx.provider)
            receiver = self.directory.known(tx.receiver)
            out.append(
                {
                    "kind": tx.kind,
                    "amount": value,
                    "currency": currency,
                    "value_date": tx.value_date,
                    "provider_id": self._org_id(provider),
                    "provider_name": _clip(
                        (tx.provider.name if tx.provider else "") or (provider.name if provider else ""), 300
                    ),
                    "receiver_id": self._org_id(receiver),
                    "receiver_name": _clip(
                        (tx.receiver.name if tx.receiver else "") or (receiver.name if receiver else ""), 300
                    ),
                    "reference": _clip(tx.reference, 120),
                    "description": _clip(tx.description, 500),
                }
            )
        return out

    def _details(self, activity_id: int, data: ActivityData, plan: Plan) -> None:
        t = self.tables
        a = activity_id
        n = 0
        for lang, text in data.titles:
            t.narratives.add(activity_id=a, position=n, element="title", kind="", lang=lang[:8], text=text)
            n += 1
        for kind, lang, text in data.descriptions:
            t.narratives.add(
                activity_id=a, position=n, element="description", kind=kind, lang=lang[:8], text=text
            )
            n += 1
        for i, (kind, on) in enumerate(data.dates):
            t.dates.add(activity_id=a, position=i, kind=kind, on=on)
        for i, (region, code, vocabulary, pct) in enumerate(data.recipients):
            t.recipients.add(
                activity_id=a,
                position=i,
                is_region=region,
                code=code[:20],
                vocabulary=vocabulary,
                percentage=pct,
            )
        for i, (vocabulary, uri, code, pct) in enumerate(data.sectors):
            t.raw_sectors.add(
                activity_id=a,
                position=i,
                vocabulary=vocabulary,
                vocabulary_uri=uri[:500],
                code=code[:100],
                percentage=pct,
            )
        for i, (ref, name, lat, lon, admin) in enumerate(data.locations):
            unit = plan.location_units[i] if i < len(plan.location_units) else None
            t.locations.add(
                activity_id=a,
                position=i,
                ref=ref[:200],
                name=name[:500],
                latitude=lat,
                longitude=lon,
                admin_codes=admin[:500],
                unit_id=unit.pk if unit is not None else None,
            )
        for i, (kind, status, start, end, value, currency, value_date) in enumerate(data.budgets):
            t.budgets.add(
                activity_id=a,
                position=i,
                kind=kind,
                status=status,
                period_start=start,
                period_end=end,
                value=value,
                currency=currency,
                value_date=value_date,
            )
        for i, (tx, reason) in enumerate(plan.outside):
            t.others.add(activity_id=a, position=i, **self._other(tx, reason))
        for i, result in enumerate(data.results):
            result_id = t.results.add(
                activity_id=a,
                position=i,
                kind=result.kind,
                aggregation_status=result.aggregation_status,
                title=result.title,
            )
            for j, ind in enumerate(result.indicators):
                indicator_id = t.indicators.add(
                    result_id=result_id,
                    position=j,
                    measure=ind.measure,
                    ascending=ind.ascending,
                    title=ind.title,
                    baseline_year=ind.baseline_year,
                    baseline_value=ind.baseline_value[:100],
                )
                for k, (start, end, target, actual) in enumerate(ind.periods):
                    t.periods.add(
                        indicator_id=indicator_id,
                        position=k,
                        period_start=start,
                        period_end=end,
                        target=target[:100],
                        actual=actual[:100],
                    )

    def _other(self, tx: Tx, reason: Any) -> dict[str, Any]:
        return {
            "kind": tx.kind,
            "value": tx.value,
            "currency": tx.currency,
            "value_date": tx.value_date,
            "transaction_date": tx.transaction_date,
            "reference": tx.reference[:200],
            "provider_ref": (tx.provider.ref if tx.provider else "")[:200],
            "provider_name": (tx.provider.name if tx.provider else "")[:500],
            "receiver_ref": (tx.receiver.ref if tx.receiver else "")[:200],
            "receiver_name": (tx.receiver.name if tx.receiver else "")[:500],
            "reason": reason.code if reason is not None else "iati.not_a_ledger_kind",
        }

    # ---- an activity imported before, with other content ----

    def replace(self, pk: int, data: ActivityData, plan: Plan, source: str, digest: str) -> None:
        """Rewrite an imported activity in place; the ledger rows' history shows each change."""
        self.flush()
        activity = im.IatiActivity.objects.select_related("item").get(pk=pk)
        item = activity.item
        reporting, roles = self._orgs_of(data)
        reporting_id = self._org_id(reporting)
        role_ids = [(role, self._org_id(org)) for role, org in roles]
        self.flush()  # new organisations first
        values = self.item_values(plan, roles)
        changed = [name for name, value in values.items() if getattr(item, name) != value]
        for name in changed:
            setattr(item, name, values[name])
        if changed:
            item._change_reason = self.reason  # type: ignore[attr-defined]
            audit.save(item, self.actor)
        item.status_changes.all().delete()
        self._changes(item.pk, plan)
        _replace_rows(
            item.participations.all(),
            [Participation(item=item, organisation_id=o, role=r) for r, o in role_ids if o is not None],
            lambda p: (p.organisation_id, p.role),
            self.actor,
        )
        _replace_rows(
            item.sector_shares.all(),
            [ItemSector(item=item, sector=s, share=v) for s, v in plan.sectors],
            lambda r: r.sector_id,
            self.actor,
        )
        _replace_rows(
            item.place_shares.all(),
            [ItemPlace(item=item, unit=u, share=v) for u, v in plan.places],
            lambda r: r.unit_id,
            self.actor,
        )
        _replace_rows(
            item.transactions.all(),
            [Transaction(office=self.office, item=item, **v) for v in self._transactions(plan)],
            _tx_key,
            self.actor,
        )
        for name, value in self._activity(data, reporting_id, source, digest).items():
            setattr(activity, name, value)
        activity._change_reason = self.reason  # type: ignore[attr-defined]
        audit.save(activity, self.actor)
        for model in DETAIL_MODELS:
            model._default_manager.filter(activity=activity).delete()
        self._details(activity.pk, data, plan)
        self.flush()


def _tx_key(tx: Transaction) -> tuple[Any, ...]:
    return (
        tx.kind,
        tx.amount,
        tx.currency,
        tx.value_date,
        tx.provider_id,
        tx.provider_name,
        tx.receiver_id,
        tx.receiver_name,
        tx.reference,
        tx.description,
    )


def _replace_rows(existing: Iterable[Any], new: list[Any], key: Any, actor: Any) -> None:
    """Keep the rows that did not change, save the changed and new ones, delete the rest (with history)."""
    old = {key(o): o for o in existing}
    for row in new:
        current = old.pop(key(row), None)
        if current is None:
            audit.save(row, actor)
        elif getattr(current, "share", None) != getattr(row, "share", None):
            current.share = row.share
            audit.save(current, actor)
    for gone in old.values():
        audit.delete(gone, actor)
