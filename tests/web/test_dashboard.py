"""The dashboard: its figures on the demo union, who sees what, the map before and after the 2025 reform,
the CSV and SVG downloads, bad query strings, and a number of queries that does not grow with the data."""

import csv
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.demo.data import PUBLISHED_2022
from caunoi.geography.mapping import current_units, principal_current_unit
from caunoi.geography.models import AdminUnit, Era, Level
from caunoi.geography.successions import load_successions, successors
from caunoi.reports.aid import aid_summary
from caunoi.reports.dashboard import Split, dashboard

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("drawn_pages")]
URL = "/dashboard/"
TOTAL_2022 = Decimal("1404175")
MU_CANG_CHAI = Decimal("380466")  # 120.000 + 30.000 + 50.466 + 30.000 + 60% of 250.000


def page(client, query=""):  # type: ignore[no-untyped-def]
    response = client.get(URL + query)
    assert response.status_code == 200
    return response


def html(response) -> str:  # type: ignore[no-untyped-def]
    return response.content.decode()


def row(*cells: str, total: bool = False) -> str:
    """A table row as the page writes it: the first cell a row header, the others numbers."""
    first, *rest = cells
    start = '<tr class="total">' if total else "<tr>"
    return (
        f'{start}<th scope="row">{first}</th>' + "".join(f'<td class="num">{c}</td>' for c in rest) + "</tr>"
    )


def csv_rows(response) -> list[list[str]]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def yen_bai_districts() -> list[AdminUnit]:
    return list(
        AdminUnit.objects.filter(
            era=Era.LEGACY, level=Level.DISTRICT, province__short_name="Yên Bái"
        ).select_related("province")
    )


# --- Figures ----------------------------------------------------------------------------------------------------


def test_the_2022_committed_total_and_the_published_sector_lines(login):
    response = page(login("yenbai"), "?year=2022")
    data = response.context["data"]
    assert (data.first_year, data.last_year, data.count, data.committed) == (2022, 2022, 21, TOTAL_2022)
    assert [o.code for o in data.offices] == ["yen-bai"]
    assert {line.key: (line.count, line.committed) for line in data.sectors} == PUBLISHED_2022
    text = html(response)
    assert '<p class="big" id="kpi-committed">1.404.175 <small>USD</small></p>' in text
    for line in data.sectors:
        count, amount = PUBLISHED_2022[line.key]
        assert row(line.name, str(count), f"{amount:,}".replace(",", ".")) in text
    assert row("Giải quyết các vấn đề xã hội", "7", "743.075") in text
    assert row("Phát triển kinh tế - xã hội", "6", "457.250") in text
    assert row("Tổng", "21", "1.404.175", total=True) in text  # the sector table's total line


def test_each_year_equals_the_annual_report(login, yen_bai):
    data = page(login("yenbai"), "?year_from=2021&year_to=2025").context["data"]
    assert [y.year for y in data.years] == [2021, 2022, 2023, 2024, 2025]
    for line in data.years:
        summary = aid_summary(yen_bai, line.year)
        assert (line.count, line.committed, line.disbursed) == (
            summary.count,
            summary.committed.usd,
            summary.disbursed.usd,
        )
    assert [(y.committed, y.disbursed) for y in data.years] == [
        (Decimal(0), Decimal(0)),
        (TOTAL_2022, Decimal("648087.50")),  # VND disbursements converted at the named 2022 rate
        (Decimal(0), Decimal("544337.50")),
        (Decimal(0), Decimal("39000.00")),
        (Decimal(0), Decimal(0)),
    ]
    assert data.disbursed == Decimal("1231425.00")
    assert [r.valid_from.year for r in data.rates] == [2022, 2023, 2024]


def test_donors_modalities_and_pipeline(login):
    data = page(login("xem"), "?year=2022").context["data"]
    assert sum(line.committed for line in data.donors) == TOTAL_2022
    assert len(data.donors) == 8  # the demo's eight illustrative donors: all fit in the top 10
    assert [line.committed for line in data.donors] == sorted(
        (line.committed for line in data.donors), reverse=True
    )
    assert {line.key: (line.count, line.committed) for line in data.modalities} == {
        "programme": (2, Decimal("345500")),
        "project": (10, Decimal("720950")),
        "non_project": (9, Decimal("337725")),
    }
    assert {s.key: s.count for s in data.statuses if s.count} == {"implementing": 2, "closed": 19}


def test_the_default_is_the_last_five_years_and_every_visible_office(login):
    response = page(login("yenbai"))
    choice = response.context["choice"]
    assert (choice.first, choice.last, choice.on, choice.office) == (2022, 2026, dt.date(2026, 11, 27), "")
    assert response.context["data"].committed == TOTAL_2022
    assert response.context["problems"] == []


# --- Who sees what ----------------------------------------------------------------------------------------------


def test_the_national_viewer_sees_the_same_across_offices(login):
    client = login("toanquoc")
    everything = page(client, "?year=2022").context
    assert [o.code for o in everything["choice"].visible] == ["lao-cai", "yen-bai"]
    assert [o.code for o in everything["data"].offices] == ["lao-cai", "yen-bai"]
    one = page(client, "?year=2022&office=yen-bai").context
    assert [o.code for o in one["data"].offices] == ["yen-bai"]
    for context in (everything, one):
        data = context["data"]
        assert data.committed == TOTAL_2022
        assert {line.key: (line.count, line.committed) for line in data.sectors} == PUBLISHED_2022
    assert page(client, "?year=2022&office=lao-cai").context["data"].committed == 0
    assert '<option value="yen-bai" selected>' in html(page(client, "?office=yen-bai"))


@pytest.mark.parametrize("query", ["?office=yen-bai&year=2022", "?office=yen-bai", "?office=zz&year=2022"])
def test_an_editor_of_another_office_never_sees_yen_bai(login, stranger, query):
    response = page(login("khac"), query)
    text = html(response)
    data = response.context["data"]
    assert [o.code for o in data.offices] == ["tinh-khac"]  # falls back to their own office
    assert (data.count, data.committed, data.disbursed) == (0, 0, 0)
    assert data.sectors == data.donors == data.modalities == []
    assert not data.map.with_amounts
    assert "trong các cơ quan bạn được xem" in text  # a message, the same whether the office exists or not
    assert "1.404.175" not in text
    assert "tỉnh Yên Bái" not in text  # the union's name ("Phường Yên Bái" is a commune of Lào Cai)
    assert 'value="yen-bai"' not in text
    for chart in ("years", "sectors", "donors", "map"):
        rows = csv_rows(login("khac").get(f"{URL}csv/{chart}/{query}"))
        assert all(r[-1] in ("", "0.00", "0") or chart == "years" for r in rows[1:])
        assert all("Tỉnh Yên Bái" not in cell for r in rows for cell in r)
    svg = login("khac").get(f"{URL}map.svg{query}").content.decode()
    assert 'class="amt"' not in svg


def test_the_same_message_for_an_office_that_does_not_exist(login, stranger):
    messages = [
        page(login("khac"), f"?office={code}").context["problems"] for code in ("yen-bai", "khong-co")
    ]
    assert [m[0].replace("yen-bai", "X").replace("khong-co", "X") for m in messages] == [
        messages[0][0].replace("yen-bai", "X")
    ] * 2


def test_signing_in_is_required(client):
    for url in (URL, f"{URL}csv/years/", f"{URL}map.svg"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/login/")


# --- The map ----------------------------------------------------------------------------------------------------


def test_the_map_before_the_reform_shows_the_legacy_districts_of_yen_bai(login):
    response = page(login("yenbai"), "?year=2022&date=2022-06-30")
    m = response.context["data"].map
    assert (m.era, m.level, [p.name for p in m.provinces]) == ("legacy", "district", ["Tỉnh Yên Bái"])
    districts = yen_bai_districts()
    assert {u.unit.pk for u in m.units} == {d.pk for d in districts}
    amounts = {u.unit.name: u.committed for u in m.units}
    assert amounts["Huyện Mù Căng Chải"] == MU_CANG_CHAI
    assert sum(amounts.values()) == m.total == TOTAL_2022
    assert m.unplaced == [] and not m.carried
    text = html(response)
    assert 'Huyện Mù Căng Chải</td><td class="num">5</td><td class="num">380.466</td>' in text
    assert "Mù Căng Chải: 380.466 USD" in text  # the circle's tooltip in the SVG
    assert "ngày 30/06/2022" in text


def test_the_map_today_shows_the_2025_communes_of_lao_cai_with_the_same_total(login):
    response = page(login("yenbai"), "?year=2022")
    m = response.context["data"].map
    assert (m.era, m.level, [p.name for p in m.provinces]) == ("2025", "commune", ["Tỉnh Lào Cai"])
    assert m.on == dt.date(2026, 11, 27) and m.carried and m.split == Split.EQUAL
    assert len(m.units) == 99
    assert {u.unit.era for u in m.units} == {"2025"} and {u.unit.province.name for u in m.units} == {
        "Tỉnh Lào Cai"
    }
    assert sum(u.committed for u in m.units) == m.total == TOTAL_2022
    # Equal split: huyện Mù Căng Chải went to seven communes (one of them, Tú Lệ, shared with Văn Chấn).
    mcc = {u.unit.name: u for u in m.units if any("Mù Căng Chải" in s for s in u.sources)}
    assert len(mcc) == 7 and "Xã Mù Cang Chải" in mcc
    assert mcc["Xã Mù Cang Chải"].sources == ["Huyện Mù Căng Chải, Tỉnh Yên Bái (1/7)"]
    assert mcc["Xã Mù Cang Chải"].committed == Decimal("54352.29")
    text = html(response)
    assert "chia đều cho các xã, phường kế thừa" in text

    principal = page(login("yenbai"), "?year=2022&split=principal").context["data"].map
    amounts = {u.unit.name: u.committed for u in principal.with_amounts}
    assert amounts["Xã Mù Cang Chải"] == MU_CANG_CHAI  # wholly to the commune bearing the district's name
    assert len(amounts) == 9 and sum(amounts.values()) == TOTAL_2022


def test_the_bulk_conversion_reads_the_table_as_geography_mapping_does():
    districts = yen_bai_districts()
    found = load_successions(districts, Era.REFORM_2025)
    for district in districts:
        assert successors(district, found) == current_units(district), district
        assert successors(district, found)[0] == principal_current_unit(district), district


def test_the_map_svg_is_served_by_caunoi(login):
    client = login("yenbai")
    response = client.get(f"{URL}map.svg?year=2022&date=2022-06-30")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg"
    amounts = [c for c in root.iter(f"{ns}circle") if c.get("class") == "amt"]
    assert len(amounts) == 9
    texts = {t.text for t in root.iter(f"{ns}text")}
    assert "Mù Căng Chải" in texts and "Màu: số cam kết (USD)" in texts
    assert "http://" not in response.content.decode().replace("http://www.w3.org/2000/svg", "")  # no tiles


# --- The map of several offices: provinces ------------------------------------------------------------------------


def places_of_either_era() -> tuple[AdminUnit, AdminUnit, AdminUnit]:
    """A 2025 commune, a legacy commune of Yên Bái and the 2025 province of Lào Cai."""
    commune = AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.COMMUNE, name="Xã Mù Cang Chải")
    legacy_commune = AdminUnit.objects.filter(
        era=Era.LEGACY,
        level=Level.COMMUNE,
        parent__name="Huyện Trạm Tấu",
        parent__province__short_name="Yên Bái",
    ).first()
    assert legacy_commune is not None
    province = AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.PROVINCE, short_name="Lào Cai")
    return commune, legacy_commune, province


def commit_at_places(make_item, approval, *rows) -> None:  # type: ignore[no-untyped-def]
    """One approved item per (amount in USD, places): its commitment of 1 March 2022, its place shares."""
    from caunoi.aid import services
    from caunoi.aid.lifecycle import Status

    for amount, places in rows:
        item = make_item(status=Status.APPROVED, decision=approval)
        services.record_transaction(item, "2", amount, "USD", dt.date(2022, 3, 1), actor=SYSTEM)
        if places:
            services.set_places(item, places, actor=SYSTEM)


def provinces_of(era: str, *short_names: str) -> list[AdminUnit]:
    return list(
        AdminUnit.objects.filter(era=era, level=Level.PROVINCE, short_name__in=short_names).order_by("code")
    )


def by_province(*maps) -> dict[int, Decimal]:  # type: ignore[no-untyped-def]
    """The units' amounts of district or commune maps, added up by province."""
    sums: dict[int, Decimal] = {}
    for m in maps:
        for u in m.units:
            sums[u.unit.province_id] = sums.get(u.unit.province_id, Decimal(0)) + u.committed
    return sums


def map_card(text: str) -> str:
    start = text.index('<section class="dash-card dash-map-card" id="card-map"')
    return text[start : text.index("</section>", start)]


def test_several_offices_are_mapped_by_legacy_province_before_the_reform(login, no_report_cache):
    response = page(login("toanquoc"), "?year=2022&date=2022-06-30")
    data = response.context["data"]
    m = data.map
    assert [o.code for o in data.offices] == ["lao-cai", "yen-bai"]
    legacy = provinces_of(Era.LEGACY, "Lào Cai", "Yên Bái")
    assert (m.era, m.level, m.provinces) == ("legacy", "province", legacy)
    assert [(u.unit.name, u.committed, u.items, u.sources) for u in m.units] == [
        ("Tỉnh Yên Bái", TOTAL_2022, 21, []),
        ("Tỉnh Lào Cai", Decimal(0), 0, []),
    ]
    assert sum(u.committed for u in m.units) == m.total == data.committed == TOTAL_2022
    assert m.unplaced == [] and not m.carried
    # The same amounts as the districts of each office's own map, added up by province.
    per_office = [
        dashboard([Office.objects.get(code=code)], 2022, 2022, dt.date(2022, 6, 30)).map
        for code in ("lao-cai", "yen-bai")
    ]
    assert {per.level for per in per_office} == {"district"}
    assert by_province(*per_office) == {legacy[0].pk: Decimal(0), legacy[1].pk: TOTAL_2022}
    assert {u.unit.pk: u.committed for u in m.units} == by_province(*per_office)

    card = map_card(html(response))
    body = card[card.index("<tbody>") : card.index("</tbody>")]
    assert body.count("<tr>") == 2  # one row per province, with or without amounts
    assert '<td>Tỉnh Yên Bái</td><td class="num">21</td><td class="num">1.404.175</td>' in body
    assert '<td>Tỉnh Lào Cai</td><td class="num">0</td><td class="num">0</td>' in body
    assert '<th scope="col">Tỉnh, thành phố</th>' in card
    assert "Cam kết theo tỉnh, thành phố của Tỉnh Lào Cai, Tỉnh Yên Bái" in card
    assert "Đang xem nhiều cơ quan nên bản đồ vẽ theo tỉnh, thành phố" in card
    assert "Tỉnh, thành phố trên bản đồ: 2; bảng có một dòng cho mỗi tỉnh, thành phố." in card
    svg = card[card.index("<svg") : card.index("</svg>")]
    assert svg.count('<circle class="amt"') == 1 and "Yên Bái: 1.404.175 USD · 21 khoản" in svg


def test_several_offices_are_mapped_by_2025_province_after_the_reform(login, no_report_cache):
    for split in Split:
        response = page(login("toanquoc"), f"?year=2022&split={split}")
        m = response.context["data"].map
        lao_cai = provinces_of(Era.REFORM_2025, "Lào Cai")
        assert (m.era, m.level, m.provinces, m.carried) == ("2025", "province", lao_cai, True)
        assert [(u.unit, u.committed, u.items, u.sources) for u in m.units] == [
            (lao_cai[0], TOTAL_2022, 21, [])
        ]
        one = dashboard([Office.objects.get(code="yen-bai")], 2022, 2022, dt.date(2026, 11, 27), split).map
        assert one.level == "commune" and len(one.units) == 99
        assert by_province(one) == {lao_cai[0].pk: TOTAL_2022} == {u.unit.pk: u.committed for u in m.units}
        card = map_card(html(response))
        assert card[card.index("<tbody>") : card.index("</tbody>")].count("<tr>") == 1
        assert "Cam kết theo tỉnh, thành phố của Tỉnh Lào Cai, theo đơn vị hành chính ngày 27/11/2026" in card


def test_one_office_chosen_is_still_mapped_by_district_or_commune(login):
    client = login("toanquoc")
    before = page(client, "?year=2022&office=yen-bai&date=2022-06-30").context["data"].map
    assert (before.level, len(before.units)) == ("district", len(yen_bai_districts()))
    after = page(client, "?year=2022&office=yen-bai").context["data"].map
    assert (after.level, len(after.units)) == ("commune", 99)
    text = html(page(login("yenbai"), "?year=2022"))
    assert "Đang xem nhiều cơ quan" not in text and "99 đơn vị trên bản đồ" in text


def test_the_map_csv_follows_the_level_of_the_page(login):
    client = login("toanquoc")
    places = csv_rows(client.get(f"{URL}csv/map/?year=2022&date=2022-06-30"))
    assert places[0][:4] == ["Mã", "Tỉnh, thành phố", "Số khoản", "Cam kết (USD)"]
    yen_bai, lao_cai = provinces_of(Era.LEGACY, "Yên Bái")[0], provinces_of(Era.LEGACY, "Lào Cai")[0]
    assert [r[:4] for r in places[1:]] == [
        [yen_bai.code, "Tỉnh Yên Bái", "21", "1404175.00"],
        [lao_cai.code, "Tỉnh Lào Cai", "0", "0"],
    ]
    assert places[1][4:6] == [str(yen_bai.latitude), str(yen_bai.longitude)]
    one = csv_rows(client.get(f"{URL}csv/map/?year=2022&date=2022-06-30&office=yen-bai"))
    assert one[0][1] == "Huyện, thị xã, thành phố" and len(one) == 10
    svg = client.get(f"{URL}map.svg?year=2022&date=2022-06-30").content.decode()
    assert svg.count("</title></circle>") == 2  # one circle with a tooltip per province


@pytest.mark.parametrize(
    ("era", "on", "n"), [(Era.LEGACY, dt.date(2024, 1, 1), 63), (Era.REFORM_2025, None, 34)]
)
def test_a_national_map_draws_every_province_of_its_era(era, on, n):
    from caunoi.reports.dashboard import MapData, MapUnit
    from caunoi.web.dashboard_map import map_svg
    from caunoi.web.views.dashboard import map_chart

    provinces = list(AdminUnit.objects.filter(era=era, level=Level.PROVINCE).order_by("code"))
    assert len(provinces) == n
    assert all(p.latitude is not None and p.longitude is not None for p in provinces)
    units = [MapUnit(p, Decimal(i), 1 if i else 0, []) for i, p in enumerate(provinces)]
    total = sum((u.committed for u in units), Decimal(0))
    day = on or dt.date(2026, 11, 27)
    m = MapData(day, era, Level.PROVINCE, Split.EQUAL, provinces, units, [], total, False)
    svg = map_svg(m)
    title = f"Cam kết của {n} tỉnh, thành phố, theo đơn vị hành chính ngày {day:%d/%m/%Y}"
    assert f'<title id="dash-map-title">{title}</title>' in svg
    assert svg.count("</title></circle>") == n and svg.count('<circle class="amt"') == n - 1
    chart = map_chart(m)
    assert chart.headers[1] == "Tỉnh, thành phố"
    assert [r[1] for r in chart.rows] == [p.name for p in provinces]  # every province, even without amounts
    assert chart.total is not None and chart.total[3] == total


def test_whole_provinces_are_drawn_on_a_map_of_provinces(make_item, office, approval, yen_bai):
    commune, legacy_commune, province = places_of_either_era()
    commit_at_places(
        make_item,
        approval,
        ("300", [(commune, 100)]),
        ("100", [(legacy_commune, 50), (province, 50)]),
        ("0.01", [(province, 100)]),  # half a cent to each legacy province when split equally
        ("40", []),
    )
    ours = Decimal("440.01")

    lao_cai, yen_bai_province = provinces_of(Era.LEGACY, "Lào Cai", "Yên Bái")
    equal = dashboard([office, yen_bai], 2022, 2022, dt.date(2024, 1, 1), Split.EQUAL)
    m = equal.map
    assert (m.level, m.provinces) == ("province", [lao_cai, yen_bai_province])
    cent = {lao_cai.pk: Decimal(0), yen_bai_province.pk: Decimal(0)}
    cent[min(cent)] = Decimal("0.01")  # equal remainders: the cent goes to the first unit
    amounts = {u.unit.pk: u.committed for u in m.units}
    assert amounts == {
        yen_bai_province.pk: TOTAL_2022 + Decimal("375") + cent[yen_bai_province.pk],
        lao_cai.pk: Decimal("25") + cent[lao_cai.pk],
    }
    assert sum(amounts.values()) == m.total == TOTAL_2022 + Decimal("400.01")
    assert [(line.name, line.count, line.committed) for line in m.unplaced] == [
        ("Chưa ghi địa bàn", 1, Decimal("40"))
    ]
    assert m.total + sum(line.committed for line in m.unplaced) == equal.committed == TOTAL_2022 + ours
    units = {u.unit.pk: u for u in m.units}
    assert units[yen_bai_province.pk].items == 21 + 3 and units[lao_cai.pk].items == 2
    assert units[lao_cai.pk].sources == ["Tỉnh Lào Cai (1/2)"]  # the whole new province recorded, halved
    assert units[yen_bai_province.pk].sources == ["Tỉnh Lào Cai (1/2)"]  # its districts are not named
    assert m.carried

    principal = dashboard([office, yen_bai], 2022, 2022, dt.date(2024, 1, 1), Split.PRINCIPAL).map
    assert {u.unit.pk: u.committed for u in principal.units} == {
        yen_bai_province.pk: TOTAL_2022 + Decimal("350"),
        lao_cai.pk: Decimal("50.01"),  # wholly to the legacy province bearing the new one's name
    }

    after = dashboard([office, yen_bai], 2022, 2022, dt.date(2026, 11, 27), Split.EQUAL)
    assert [(u.unit, u.committed, u.items, u.sources) for u in after.map.units] == [
        (province, TOTAL_2022 + Decimal("400.01"), 21 + 3, ["Tỉnh Lào Cai"])
    ]
    assert after.map.total + sum(line.committed for line in after.map.unplaced) == after.committed

    alone = dashboard([office], 2022, 2022, dt.date(2026, 11, 27), Split.EQUAL).map
    assert alone.level == "commune"  # one office: a whole province still cannot be drawn
    assert {line.name: line.committed for line in alone.unplaced} == {
        "Tỉnh Lào Cai": Decimal("50.01"),
        "Chưa ghi địa bàn": Decimal("40"),
    }


# --- Downloads ----------------------------------------------------------------------------------------------------


def test_csv_downloads_hold_each_charts_rows(login):
    client = login("yenbai")
    q = "?year=2022&date=2022-06-30"
    years = csv_rows(client.get(f"{URL}csv/years/{q}"))
    assert years == [
        ["Năm", "Số khoản được phê duyệt", "Cam kết (USD)", "Giải ngân (USD)", "Nguồn"],
        ["2022", "21", "1404175.00", "648087.50", "Sổ theo dõi viện trợ"],
    ]
    sectors = csv_rows(client.get(f"{URL}csv/sectors/{q}"))
    assert sectors[0] == ["Lĩnh vực", "Số khoản", "Cam kết (USD)"]
    assert sorted((r[1], r[2]) for r in sectors[1:]) == sorted(
        (str(n), f"{amount}.00") for n, amount in PUBLISHED_2022.values()
    )
    donors = csv_rows(client.get(f"{URL}csv/donors/{q}"))
    assert donors[0] == ["Nhà tài trợ", "Quốc gia", "Số khoản", "Cam kết (USD)"] and len(donors) == 9
    assert sum(Decimal(r[3]) for r in donors[1:]) == TOTAL_2022
    modalities = csv_rows(client.get(f"{URL}csv/modalities/{q}"))
    assert modalities[1:] == [
        ["Chương trình", "2", "345500.00"],
        ["Dự án", "10", "720950.00"],
        ["Phi dự án", "9", "337725.00"],
    ]
    statuses = csv_rows(client.get(f"{URL}csv/statuses/{q}"))
    assert (
        ["Đang thực hiện", "2"] in statuses
        and ["Đã quyết toán, đóng", "19"] in statuses
        and len(statuses) == 13
    )
    places = csv_rows(client.get(f"{URL}csv/map/{q}"))
    assert places[0][:4] == ["Mã", "Huyện, thị xã, thành phố", "Số khoản", "Cam kết (USD)"]
    assert places[1][1:4] == ["Huyện Mù Căng Chải", "5", "380466.00"]
    assert len(places) == 10 and sum(Decimal(r[3]) for r in places[1:]) == TOTAL_2022
    today = csv_rows(client.get(f"{URL}csv/map/?year=2022"))
    assert today[0][1] == "Xã, phường, đặc khu"
    assert sum(Decimal(r[3]) for r in today[1:]) == TOTAL_2022
    response = client.get(f"{URL}csv/years/{q}")
    assert response["Content-Disposition"] == 'attachment; filename="caunoi-years-2022-2022.csv"'
    assert client.get(f"{URL}csv/nothing/").status_code == 404


def test_each_chart_has_its_buttons_table_and_data_block(login):
    text = html(page(login("yenbai"), "?year=2022"))
    for key in ("years", "sectors", "donors", "modalities", "statuses"):
        assert f'<canvas id="chart-{key}" role="img"' in text
        assert f'data-png="{key}"' in text
        assert f'href="/dashboard/csv/{key}/?year=2022" download>Tải CSV</a>' in text
    assert 'href="/dashboard/csv/map/?year=2022" download>Tải CSV</a>' in text
    assert text.count('<details class="dash-table">') == 6
    assert '<script id="dashboard-data" type="application/json">' in text
    assert '<script src="/static/caunoi/vendor/chart.umd.min.js"></script>' in text


def test_the_page_needs_no_inline_script_style_or_handler(login):
    response = page(login("yenbai"), "?year=2022")
    text = html(response)
    assert "style=" not in text and "<style" not in text
    assert not re.search(r"\son[a-z]+=", text)
    scripts = re.findall(r"<script([^>]*)>", text)
    assert all("src=" in attrs or 'type="application/json"' in attrs for attrs in scripts)
    assert "script-src 'self'" in response["Content-Security-Policy"]


# --- Bad input -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?year=abc", (2022, 2026, dt.date(2026, 11, 27))),
        ("?year_from=zz&year_to=2023", (2019, 2023, dt.date(2026, 11, 27))),
        ("?year=99999", (2022, 2026, dt.date(2026, 11, 27))),
        ("?year=-1", (2022, 2026, dt.date(2026, 11, 27))),
        ("?year_from=2026&year_to=2022", (2022, 2026, dt.date(2026, 11, 27))),
        ("?year_from=1990&year_to=2100", (2071, 2100, dt.date(2026, 11, 27))),
        ("?date=2022-13-40", (2022, 2026, dt.date(2026, 11, 27))),
        ("?date=abc", (2022, 2026, dt.date(2026, 11, 27))),
        ("?date=0001-01-01", (2022, 2026, dt.date(2026, 11, 27))),
        ("?office=zz", (2022, 2026, dt.date(2026, 11, 27))),
        ("?office=%00%27%22<b>", (2022, 2026, dt.date(2026, 11, 27))),
        ("?split=half", (2022, 2026, dt.date(2026, 11, 27))),
    ],
)
def test_bad_query_strings_give_a_message_and_the_defaults(login, query, expected):
    client = login("yenbai")
    response = page(client, query)
    choice = response.context["choice"]
    assert (choice.first, choice.last, choice.on) == expected
    assert len(response.context["problems"]) == 1
    text = html(response)
    assert '<ul class="messages" role="alert">' in text and "<b>" not in text
    for url in (f"{URL}csv/years/{query}", f"{URL}map.svg{query}"):
        assert client.get(url).status_code == 200


def test_a_date_written_the_vietnamese_way_is_understood(login):
    choice = page(login("yenbai"), "?date=30/06/2022").context["choice"]
    assert choice.on == dt.date(2022, 6, 30)


# --- Queries ------------------------------------------------------------------------------------------------------


def count_queries(client, url: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_number_of_queries_does_not_grow_with_offices_or_years(login, no_report_cache):
    client = login("toanquoc")
    client.get(URL)  # warm: the session and the user's roles
    # The first draw computes each office-year's figures and keeps them (caunoi.reports.kept); once kept,
    # a draw reads them whatever the number of offices and years.
    for query in ("?office=yen-bai&year=2022", "?year=2022", "?year_from=2020&year_to=2024"):
        client.get(f"{URL}{query}")
    client.get(f"{URL}csv/years/?year_from=2018&year_to=2026")
    one_office = count_queries(client, f"{URL}?office=yen-bai&year=2022")
    all_offices = count_queries(client, f"{URL}?year=2022")
    five_years = count_queries(client, f"{URL}?year_from=2020&year_to=2024")
    assert one_office == all_offices == five_years
    assert one_office <= 30
    for chart in ("years", "map"):
        assert count_queries(client, f"{URL}csv/{chart}/?office=yen-bai&year=2022") == count_queries(
            client, f"{URL}csv/{chart}/?year_from=2018&year_to=2026"
        )


def test_the_aggregations_run_a_fixed_number_of_queries(no_report_cache):
    offices = list(Office.objects.order_by("code"))
    yen_bai = [o for o in offices if o.code == "yen-bai"]
    counts = set()
    for chosen, first, last in ((yen_bai, 2022, 2022), (offices, 2022, 2022), (offices, 2018, 2026)):
        dashboard(chosen, first, last, dt.date(2022, 6, 30))  # computes and keeps each office-year's figures
        for on in (dt.date(2022, 6, 30), dt.date(2026, 11, 27)):
            with CaptureQueriesContext(connection) as queries:
                data = dashboard(chosen, first, last, on)
            assert data.committed == TOTAL_2022
            counts.add(len(queries.captured_queries))
    # The same whatever the offices, the years or the date (reported figures: one; the map's units, then
    # the districts and provinces they name: two).
    assert counts == {8}


# --- Rules on records made for the test (a fresh office, no home province) -------------------------------------


def test_items_revoked_or_cancelled_by_their_years_end_do_not_count(make_item, office, approval):
    from caunoi.aid import services
    from caunoi.aid.lifecycle import Status

    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    revoked = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(revoked, "2", "500", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    services.transition(revoked, Status.APPROVAL_REVOKED, dt.date(2022, 10, 1), actor=SYSTEM)
    late = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(late, "2", "200", "USD", dt.date(2022, 3, 1), actor=SYSTEM)
    services.transition(
        late, Status.CANCELLED, dt.date(2023, 2, 1), actor=SYSTEM
    )  # after the year: 2022 still counts it
    data = dashboard([office], 2021, 2023, dt.date(2026, 11, 27))
    assert [(y.year, y.count, y.committed) for y in data.years] == [
        (2021, 0, Decimal(0)),
        (2022, 2, Decimal("1200")),
        (2023, 0, Decimal(0)),
    ]
    assert {s.key: s.count for s in data.statuses if s.count} == {
        "approved": 1,
        "approval_revoked": 1,
        "cancelled": 1,
    }


def test_each_office_converts_with_its_own_rates(make_item, office, approval, yen_bai):
    from caunoi.aid import services
    from caunoi.aid.lifecycle import Status
    from caunoi.money.services import record_rate

    record_rate(
        "EUR",
        "VND",
        Decimal("25000"),
        dt.date(2022, 1, 1),
        valid_to=dt.date(2022, 12, 31),
        office=office,
        actor=SYSTEM,
    )
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "EUR", dt.date(2022, 3, 1), actor=SYSTEM)
    data = dashboard([office, yen_bai], 2022, 2022, dt.date(2026, 11, 27))
    # EUR → USD through VND: 1000 × 25.000 / 23.500, as the annual report converts it
    assert (
        data.committed
        == TOTAL_2022 + aid_summary(office, 2022).committed.usd
        == TOTAL_2022 + Decimal("1063.83")
    )
    assert {(r.base, r.quote) for r in data.rates} == {("EUR", "VND"), ("USD", "VND")}


def test_a_missing_rate_gives_a_message_not_an_error(login, make_item, office, approval):
    from caunoi.aid import services
    from caunoi.aid.lifecycle import Status

    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "CHF", dt.date(2022, 3, 1), actor=SYSTEM)
    client = login("admin")
    response = page(client, f"?office={office.code}&year=2022")
    # The figures are shown without the unconverted amount, and the rate to enter is said.
    data = response.context["data"]
    assert data.count == 1 and data.committed == Decimal("0.00")
    assert [p.vi for p in data.missing_rates] == [
        "Chưa có tỷ giá CHF/USD áp dụng cho ngày 01/03/2022; hãy nhập tỷ giá (kèm nguồn) trước khi quy đổi."
    ]
    assert "Chưa có tỷ giá CHF/USD áp dụng cho ngày 01/03/2022" in html(response)
    assert client.get(f"{URL}csv/years/?office={office.code}&year=2022").status_code == 200


def test_places_of_either_era_province_wide_or_missing(make_item, office, approval):
    commune, legacy_commune, province = places_of_either_era()
    commit_at_places(
        make_item,
        approval,
        ("300", [(commune, 100)]),
        ("100", [(legacy_commune, 50), (province, 50)]),
        ("40", []),
    )

    before = dashboard([office], 2022, 2022, dt.date(2024, 1, 1), Split.PRINCIPAL).map
    amounts = {u.unit.name: u.committed for u in before.with_amounts}
    assert amounts == {"Huyện Mù Căng Chải": Decimal("300"), "Huyện Trạm Tấu": Decimal("50")}
    assert {line.name: line.committed for line in before.unplaced} == {
        "Tỉnh Lào Cai": Decimal("50"),
        "Chưa ghi địa bàn": Decimal("40"),
    }
    assert before.total == Decimal("350") and before.carried

    equal = dashboard([office], 2022, 2022, dt.date(2024, 1, 1), Split.EQUAL).map
    assert sum(u.committed for u in equal.units) == Decimal("350")
    assert len([u for u in equal.with_amounts if any("Mù Cang Chải" in s for s in u.sources)]) >= 1

    after = dashboard([office], 2022, 2022, dt.date(2026, 11, 27), Split.PRINCIPAL).map
    amounts = {u.unit.name: u.committed for u in after.with_amounts}
    assert amounts["Xã Mù Cang Chải"] == Decimal("300")
    assert sum(amounts.values()) == after.total == Decimal("350")
    assert [p.name for p in after.provinces] == ["Tỉnh Lào Cai"]


def test_the_map_template_escapes_every_name_and_draws_valid_svg():
    """The map is written by a template: a unit's name is text, never markup."""
    from caunoi.reports.dashboard import MapData, MapUnit
    from caunoi.web.dashboard_map import map_svg

    hostile = '<script>alert(1)</script> & "Đà Nẵng"'
    units = [
        AdminUnit(pk=1, code="01", name=hostile, latitude=16.05, longitude=108.2),
        AdminUnit(pk=2, code="02", name="Huế", short_name="Huế", latitude=16.46, longitude=107.59),
    ]
    lines = [MapUnit(units[0], Decimal("1404175"), 21, []), MapUnit(units[1], Decimal(0), 0, [])]
    m = MapData(
        dt.date(2026, 1, 1),
        Era.REFORM_2025,
        Level.PROVINCE,
        Split.EQUAL,
        units,
        lines,
        [],
        Decimal(1404175),
        False,
    )
    svg = map_svg(m)
    assert "<script>" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;Đà Nẵng&#34;: 1.404.175 USD · 21 khoản" in svg
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert [c.get("class") for c in root.iter(f"{ns}circle")][:2] == ["amt", None]
    assert [t.text for t in root.iter(f"{ns}text")][-1] == "↑ Bắc"
    assert svg.count("<circle") == 2 + 2 + 1  # two units; the legend: zero, one class, the largest circle
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "\n" not in svg  # Jinja2, compact
    with translation.override("en"):
        assert "↑ North" in map_svg(m)


def test_the_english_map_speaks_english(login):
    client = login("yenbai")
    client.post("/language/", {"language": "en", "next": "/"})
    svg = client.get(f"{URL}map.svg?year=2022").content.decode()
    assert "Colour: amount committed (USD)" in svg and "↑ North" in svg and "largest size = " in svg
    assert "Màu" not in svg and "↑ Bắc" not in svg  # (Bắc Hà is a district's name)


# --- Reported figures (caunoi.reported): a series apart from the ledger's ----------------------------------


def test_confirmed_reported_figures_are_a_series_of_their_own(login):
    from caunoi.core.permissions import SYSTEM
    from caunoi.reported import services

    yen_bai = Office.objects.get(code="yen-bai")
    text = "Năm 2019, tỉnh Yên Bái tiếp nhận 12 dự án với tổng giá trị cam kết 1.404.155 USD, giải ngân 900.000 USD."
    figures = services.propose_from_file(yen_bai, "bc-2019.txt", text.encode(), actor=SYSTEM)
    client = login("yenbai")
    q = "?office=yen-bai&year_from=2019&year_to=2019"
    assert csv_rows(client.get(f"{URL}csv/years/{q}"))[1:] == [
        ["2019", "0", "0.00", "0.00", "Sổ theo dõi viện trợ"]
    ]
    services.confirm(
        figures,
        services.Correction(2019, 2019, "Yên Bái", 12, None, Decimal(1404155), Decimal(900000), "USD"),
        actor=SYSTEM,
    )
    assert csv_rows(client.get(f"{URL}csv/years/{q}"))[1:] == [
        ["2019", "0", "0.00", "0.00", "Sổ theo dõi viện trợ"],
        ["2019", "12", "1404155.00", "900000.00", "Theo báo cáo: bc-2019.txt"],
    ]
    page = client.get(f"{URL}{q}").content.decode()
    data = json.loads(page.split('id="dashboard-data" type="application/json">')[1].split("</script>")[0])
    assert data["charts"]["years"]["datasets"][2:] == [
        {"label": "Cam kết theo báo cáo", "data": [1404155.0], "reported": True},
        {"label": "Giải ngân theo báo cáo", "data": [900000.0], "reported": True},
    ]
