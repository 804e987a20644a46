"""After the 2025 merger the successor's portal (Lào Cai) lists its predecessor's (Yên Bái's) public items too,
each under its own office and linked to its own page; never an item that is not public, and never the other
way round. The national table and the sitemap still count and list each item once, under its own office."""

import re

import pytest

from caunoi.aid import services
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]


@pytest.fixture
def lao_cai(db):  # type: ignore[no-untyped-def]
    return Office.objects.get(code="lao-cai")


def _codes(text: str) -> list[str]:
    table = text.split('<section aria-labelledby="items-h">', 1)[1].split("</section>", 1)[0]
    return re.findall(r"<tr><td>([^<]+)</td><td><a ", table)


def test_the_successor_lists_the_predecessors_public_items(
    client, yen_bai, lao_cai, all_public, make_item, approval
):
    hidden = make_item(
        office=yen_bai, code="YB-AN", title="KHONG-CONG-KHAI", status="approved", decision=approval
    )
    own = sorted(i.code for i in all_public)
    assert lao_cai.lineage() and yen_bai in lao_cai.lineage()
    text = client.get("/cong-khai/lao-cai/").content.decode()
    assert sorted(_codes(text)) == own
    first = all_public[0]
    assert f'<a href="/cong-khai/yen-bai/khoan/{first.pk}/">' in text
    assert f'<dd id="total-count">{len(own)}</dd>' in text
    assert "KHONG-CONG-KHAI" not in text and hidden.code not in _codes(text)
    # The item's page answers under the successor too, and names its own page as canonical.
    page = client.get(f"/cong-khai/lao-cai/khoan/{first.pk}/").content.decode()
    assert f"http://testserver/cong-khai/yen-bai/khoan/{first.pk}/" in page
    csv = client.get("/cong-khai/lao-cai/tai-ve.csv").content.decode("utf-8-sig")
    assert csv.count(",yen-bai,") == len(own)
    xml = client.get("/cong-khai/lao-cai/tai-ve.xml")
    assert xml.status_code == 200 and xml.content.count(b"<iati-activity ") == len(own)


def test_the_year_filter_reaches_the_predecessors_items(client, all_public):
    expected = sorted(i.code for i in all_public if i.approved_on and i.approved_on.year == 2022)
    assert expected
    assert sorted(_codes(client.get("/cong-khai/lao-cai/?year=2022").content.decode())) == expected


def test_the_predecessor_does_not_list_the_successors_items(client, lao_cai, all_public, make_item, approval):
    item = make_item(
        office=lao_cai, code="LC-1", title="Dự án của Lào Cai", status="approved", decision=approval
    )
    services.set_public(item, True, actor=SYSTEM)
    assert "LC-1" in _codes(client.get("/cong-khai/lao-cai/").content.decode())
    assert "LC-1" not in _codes(client.get("/cong-khai/yen-bai/").content.decode())


def test_national_counts_and_sitemap_keep_each_item_once(client, all_public):
    national = client.get("/cong-khai/").content.decode()
    counts = dict(
        re.findall(r'<a href="/cong-khai/([\w-]+)/">[^<]+</a></td><td class="num">(\d+)</td>', national)
    )
    assert counts["yen-bai"] == str(len(all_public)) and counts["lao-cai"] == "0"
    sitemap = client.get("/cong-khai/sitemap.xml").content.decode()
    assert all(f"/cong-khai/yen-bai/khoan/{i.pk}/<" in sitemap for i in all_public)
    assert "/cong-khai/lao-cai/khoan/" not in sitemap


def test_the_successors_iati_file_reports_each_item_by_its_own_office(client, yen_bai, lao_cai, all_public):
    from lxml import etree

    from caunoi.iati.exporter import union_ref

    root = etree.fromstring(client.get("/cong-khai/lao-cai/tai-ve.xml").content)
    reporters = {a.find("reporting-org").get("ref") for a in root.findall("iati-activity")}

    assert len(root.findall("iati-activity")) == len(all_public)
    assert reporters == {union_ref(yen_bai)}
    assert union_ref(yen_bai) != union_ref(lao_cai)
