"""Migration iati 0003 moves the ten detail tables into IatiActivity.details and back: imported
activities keep exactly the same document through a reverse and a forward migration."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from caunoi.core.permissions import SYSTEM
from caunoi.iati import models as im
from caunoi.iati.details import Details
from caunoi.iati.importer import import_paths
from tests.iati.conftest import sample

BEFORE = ("iati", "0002_alter_historicaliatiactivity_item_and_more")
AFTER = ("iati", "0003_details_document")


def _places(value: Decimal | None, places: int) -> Decimal | None:
    return None if value is None else value.quantize(Decimal(1).scaleb(-places))


def _as_columns(doc: dict[str, Any]) -> dict[str, Any]:
    """The document's values as the old tables' decimal columns held them (percentages to 6 places,
    coordinates to 10, amounts to 8, which SQLite kept as floating point: about 15 significant digits,
    so amounts are compared to 6 places): what a reverse migration can give back."""
    d = Details(doc)
    d.recipients = [r._replace(percentage=_places(r.percentage, 6)) for r in d.recipients]
    d.sectors = [s._replace(percentage=_places(s.percentage, 6)) for s in d.sectors]
    d.locations = [
        loc._replace(latitude=_places(loc.latitude, 10), longitude=_places(loc.longitude, 10))
        for loc in d.locations
    ]
    d.budgets = [b._replace(value=_places(b.value, 6)) for b in d.budgets]
    d.others = [o._replace(value=_places(o.value, 6)) for o in d.others]
    return vars(d)


def _migrate(target: tuple[str, str]) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate([target])
    return MigrationExecutor(connection)  # its loader sees the state reached


@pytest.mark.django_db(transaction=True)
def test_documents_survive_a_reverse_and_forward_migration(office):
    import_paths(
        [sample("valid/dportal-covid-2021_page105_100acts_9VN.xml"), sample("vn/vn_activities_valid.xml")],
        office,
        skip_invalid=True,
        actor=SYSTEM,
    )
    documents = dict(im.IatiActivity.objects.values_list("pk", "details"))
    sections = ("titles", "descriptions", "dates", "recipients", "sectors", "locations", "budgets", "others")
    totals = {name: sum(len(doc[name]) for doc in documents.values()) for name in sections}
    periods = sum(len(i[5]) for doc in documents.values() for r in doc["results"] for i in r[3])
    assert all(totals.values()) and periods, totals  # every kind of row is exercised

    try:
        old = _migrate(BEFORE).loader.project_state([BEFORE]).apps
        rows = {
            "titles": old.get_model("iati", "Narrative").objects.filter(element="title").count(),
            "descriptions": old.get_model("iati", "Narrative").objects.filter(element="description").count(),
            "dates": old.get_model("iati", "ActivityDate").objects.count(),
            "recipients": old.get_model("iati", "Recipient").objects.count(),
            "sectors": old.get_model("iati", "RawSector").objects.count(),
            "locations": old.get_model("iati", "Location").objects.count(),
            "budgets": old.get_model("iati", "Budget").objects.count(),
            "others": old.get_model("iati", "OtherTransaction").objects.count(),
        }
        assert rows == totals
        assert old.get_model("iati", "IndicatorPeriod").objects.count() == periods
        _migrate(AFTER)
        after = dict(im.IatiActivity.objects.values_list("pk", "details"))
        assert {pk: _as_columns(doc) for pk, doc in after.items()} == {
            pk: _as_columns(doc) for pk, doc in documents.items()
        }
    finally:
        call_command("migrate", "iati", verbosity=0)
