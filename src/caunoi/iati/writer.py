"""Writing planned activities to the database.

New activities go through `bulk.Table`s (rows with their history rows, ids allocated up front) and are
flushed `BATCH` activities at a time: organisations, items, IATI activities, then what hangs off them.
An activity already imported whose content changed is rewritten in place by `replace`, one at a time
(updates are rare): the item and its ledger rows are saved through the ORM with history, so the history
shows field by field what changed; the activity's details document (iati.details) is replaced whole.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from typing import Any

from caunoi.aid.converted import fill_converted
from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Participation, Role, StatusChange, Transaction
from caunoi.aid.services import primary_sector, search_text
from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Actor
from caunoi.core.text import fold
from caunoi.directory.models import Organisation
from caunoi.iati import details
from caunoi.iati import models as im
from caunoi.iati.activity import ActivityData, Tx
from caunoi.iati.bulk import Table
from caunoi.iati.ledger import Plan
from caunoi.iati.orgs import Directory

BATCH = 500
ROLE_BY_IATI = {"1": Role.FUNDING, "2": Role.ACCOUNTABLE, "3": Role.EXTENDING, "4": Role.IMPLEMENTING}
TRANSACTION_FIELDS = (
    "kind",
    "amount",
    "currency",
    "value_date",
    "provider_id",
    "provider_name",
    "receiver_id",
    "receiver_name",
    "reference",
    "description",
)


class Tables:
    def __init__(self, user_id: int | None) -> None:
        # The historical rows name the importing user (none for the system).
        self.orgs = Table(Organisation, history=True, history_user_id=user_id)
        self.items = Table(AidItem, history=True, history_user_id=user_id)
        self.activities = Table(im.IatiActivity, history=True, history_user_id=user_id)
        self.changes = Table(StatusChange)
        self.participations = Table(Participation, history=True, history_user_id=user_id)
        self.sectors = Table(ItemSector, history=True, history_user_id=user_id)
        self.places = Table(ItemPlace, history=True, history_user_id=user_id)
        self.transactions = Table(Transaction, history=True, history_user_id=user_id)
        # Parents before children: the foreign keys are checked at each insert on PostgreSQL.
        self.in_order = list(self.__dict__.values())
        # The appenders of the many rows per activity (positional values, in these fields' order).
        self.change = self.changes.appender(
            "item_id",
            "from_status",
            "to_status",
            "on",
            "actor_id",
            "decision_number",
            "decision_date",
            "authority",
            "note",
        )
        self.participation = self.participations.appender("item_id", "organisation_id", "role")
        self.sector = self.sectors.appender("item_id", "sector_id", "share")
        self.place = self.places.appender("item_id", "unit_id", "share")
        self.transaction = self.transactions.appender("office_id", "item_id", *TRANSACTION_FIELDS)

    def flush(self, reason: str) -> None:
        ids = [row[0] for row in self.transactions.rows]
        for table in self.in_order:
            table.flush(reason)
        if ids:  # rows written in bulk call no save(): their converted values here
            fill_converted(Transaction.objects.filter(pk__gte=min(ids), pk__lte=max(ids)))

    def resync(self) -> None:
        """After rows were saved through the ORM (SQLite: ids continue after them)."""
        for table in self.in_order:
            table.ids.resync()


def _clip(text: str, length: int) -> str:
    # Stripped again after cutting, as the text would be on its way back in (nfc strips).
    return text[:length].strip()


class Writer:
    def __init__(self, office: Office, reason: str, *, actor: Actor):
        self.office = office
        self.actor = actor
        self.reason = reason
        self.directory = Directory(office)
        self.now_user = getattr(actor, "pk", None)
        self.tables = Tables(self.now_user)
        self.pending = 0
        self.organisations_created = 0
        self.seconds = 0.0  # spent writing (flush)

    def _org_id(self, org: Organisation | None) -> int | None:
        if org is None:
            return None
        if org.id is None:
            org.id = self.tables.orgs.add(
                office_id=self.office.pk,
                kind=org.kind,
                name=org.name,
                name_original=org.name_original,
                iati_ref=org.iati_ref,
                iati_type=org.iati_type,
                search_text=org.search_text,
                name_key=fold(org.name),
            )
            self.organisations_created += 1
        return org.id

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
        primary = primary_sector(plan.sectors)
        fields = plan.fields
        orgs = [org for _, org in roles]
        text = search_text(
            fields["code"], fields["title"], fields["title_en"], orgs, [u for u, _ in plan.places]
        )
        return {
            **fields,
            "status": plan.status,
            "approved_on": plan.approved_on,
            "actual_start": plan.actual_start,
            "actual_end": plan.actual_end,
            "ended_on": plan.ended_on,
            "primary_sector_id": primary.pk if primary else None,
            "search_text": text,
        }

    # ---- new activities ----

    def add(self, data: ActivityData, plan: Plan, source: str, digest: str) -> None:
        t = self.tables
        reporting, roles = self._orgs_of(data)
        reporting_id = self._org_id(reporting)
        role_ids = [(role, self._org_id(org)) for role, org in roles]
        item_id = t.items.add(office_id=self.office.pk, **self.item_values(plan, roles))
        t.activities.add(
            office_id=self.office.pk,
            item_id=item_id,
            details=_json(self._details(data, plan)),
            **self._activity(data, reporting_id, source, digest),
        )
        self._ledger_rows(item_id, plan, role_ids)
        self.pending += 1
        if self.pending >= BATCH:
            self.flush()

    def flush(self) -> None:
        start = time.process_time()
        self.tables.flush(self.reason)
        self.pending = 0
        self.seconds += time.process_time() - start

    def discard(self) -> None:
        self.tables = Tables(self.now_user)
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
        participation, sector, place = t.participation, t.sector, t.place
        for role, org_id in role_ids:
            participation(item_id, org_id, role)
        for s, share in plan.sectors:
            sector(item_id, s.id, share)
        for unit, share in plan.places:
            place(item_id, unit.id, share)
        transaction, office_id = t.transaction, self.office.pk
        for values in self._transaction_rows(plan):
            transaction(office_id, item_id, *values)

    def _changes(self, item_id: int, plan: Plan) -> None:
        decision = plan.decision
        change, user = self.tables.change, self.now_user
        if decision is not None:
            change(
                item_id,
                "",
                plan.entry_status,
                plan.entered_on,
                user,
                decision.number,
                decision.date,
                decision.authority,
                "",
            )
        else:
            change(item_id, "", plan.entry_status, plan.entered_on, user, "", None, "", "")
        previous = plan.entry_status
        for to_status, on in plan.steps:
            change(item_id, previous, to_status, on, user, "", None, "", "")
            previous = to_status

    def _transaction_rows(self, plan: Plan) -> list[tuple[Any, ...]]:
        """As services.record_transaction fills a Transaction (names default to the organisation's): the
        values of TRANSACTION_FIELDS."""
        out = []
        known, org_id = self.directory.known, self._org_id
        for tx, value, currency in plan.ledger:
            provider, receiver = tx.provider, tx.receiver
            provider_org = known(provider) if provider is not None else None
            receiver_org = known(receiver) if receiver is not None else None
            out.append(
                (
                    tx.kind,
                    value,
                    currency,
                    tx.value_date,
                    org_id(provider_org),
                    _clip(
                        (provider.name if provider else "") or (provider_org.name if provider_org else ""),
                        300,
                    ),
                    org_id(receiver_org),
                    _clip(
                        (receiver.name if receiver else "") or (receiver_org.name if receiver_org else ""),
                        300,
                    ),
                    _clip(tx.reference, 120),
                    _clip(tx.description, 500),
                )
            )
        return out

    def _transactions(self, plan: Plan) -> list[dict[str, Any]]:
        return [dict(zip(TRANSACTION_FIELDS, values, strict=True)) for values in self._transaction_rows(plan)]

    def _details(self, data: ActivityData, plan: Plan) -> dict[str, Any]:
        return details.document(
            titles=data.titles,
            descriptions=data.descriptions,
            dates=data.dates,
            recipients=data.recipients,
            sectors=data.sectors,
            locations=[
                (*location, unit.id if unit is not None else None)
                for location, unit in zip(data.locations, plan.location_units, strict=True)
            ],
            budgets=data.budgets,
            others=[self._other(tx, reason) for tx, reason in plan.outside],
            results=[
                (
                    r.kind,
                    r.aggregation_status,
                    r.title,
                    [
                        (i.measure, i.ascending, i.title, i.baseline_year, i.baseline_value, i.periods)
                        for i in r.indicators
                    ],
                )
                for r in data.results
            ],
        )

    def _other(self, tx: Tx, reason: Any) -> tuple[Any, ...]:
        provider, receiver = tx.provider, tx.receiver
        return (
            tx.kind,
            tx.value,
            tx.currency,
            tx.value_date,
            tx.transaction_date,
            tx.reference,
            provider.ref if provider else "",
            provider.name if provider else "",
            receiver.ref if receiver else "",
            receiver.name if receiver else "",
            reason.code if reason is not None else details.NOT_A_LEDGER_KIND,
        )

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
        activity.details = self._details(data, plan)
        activity._change_reason = self.reason  # type: ignore[attr-defined]
        audit.save(activity, self.actor)
        self.flush()
        self.tables.resync()  # the rows saved above took ids the bulk tables must not hand out again


def _json(doc: dict[str, Any]) -> str:
    """The database value of a JSONField, written in bulk (text: SQLite's column and PostgreSQL's jsonb
    input alike)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


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
