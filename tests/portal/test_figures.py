"""The portal's totals for 2022 are the aid report's (`caunoi.reports.aid.aid_summary`) for the same items."""

import csv
import io
from decimal import Decimal

import pytest

from caunoi.portal.public import Filters, public_items
from caunoi.portal.totals import totals
from caunoi.reports.aid import _money, aid_summary

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]


def test_the_2022_totals_equal_the_aid_report_with_every_item_public(yen_bai, all_public):
    summary = aid_summary(yen_bai, 2022)
    filters = Filters(year=2022)
    found = totals(yen_bai, filters.apply(yen_bai, public_items(yen_bai)), filters)
    assert summary.count > 0
    assert found.count == summary.count
    assert _money(found.committed) == summary.committed
    assert _money(found.disbursed) == summary.disbursed
    by_sector = {line.name: line.committed.usd for line in summary.by_sector if line.count}
    assert {s.name: s.usd for s in found.by_sector} == by_sector


def test_the_csv_download_adds_up_to_the_report(client, yen_bai, all_public):
    summary = aid_summary(yen_bai, 2022)
    response = client.get("/cong-khai/yen-bai/tai-ve.csv", {"year": "2022"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == summary.count
    assert sum(Decimal(r["committed_usd"]) for r in rows) == summary.committed.usd


def test_the_page_prints_the_report_total(client, yen_bai, all_public):
    from caunoi.vntext.numbers import format_money

    summary = aid_summary(yen_bai, 2022)
    page = client.get("/cong-khai/yen-bai/", {"year": "2022"}).content.decode()
    assert f'<dd id="total-count">{summary.count}</dd>' in page
    assert format_money(summary.committed.usd, "USD") in page
