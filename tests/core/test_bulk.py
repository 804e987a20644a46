from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from caunoi.core import bulk
from caunoi.geography.models import AdminUnit


def test_rows_come_in_one_query_per_chunk(db, monkeypatch):
    ids = list(AdminUnit.objects.order_by("pk").values_list("pk", flat=True)[:2500])
    with CaptureQueriesContext(connection) as queries:
        found = bulk.rows_by_pk(AdminUnit.objects.all(), [*ids, None, ids[0]])
    assert len(queries.captured_queries) == 1  # in_bulk would take 3 on SQLite
    assert sorted(found) == ids and all(found[pk].pk == pk for pk in ids)
    monkeypatch.setattr(bulk, "CHUNK", 1000)
    with CaptureQueriesContext(connection) as queries:
        assert sorted(bulk.rows_by_pk(AdminUnit.objects.all(), ids)) == ids
    assert len(queries.captured_queries) == 3
