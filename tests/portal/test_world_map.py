"""Partners abroad on a world map drawn on the server: each partner country coloured by its number of
partners, named in a <title>, with the same figures in a table beside it; no script, no network."""

import re

import pytest

from caunoi.core.permissions import SYSTEM
from caunoi.portal import world
from caunoi.relations.models import Partnership

pytestmark = pytest.mark.django_db


def _section(text: str) -> str:
    return text.split('<section aria-labelledby="world-h"', 1)[1].split("</section>", 1)[0]


def test_the_shapes_are_every_country_but_antarctica_keyed_by_alpha2():
    shapes = world.countries()
    codes = {c.code for c in shapes}
    assert len(shapes) == 176
    assert {"VN", "LA", "FR", "CN", "JP", "US", "BR", "AU"} <= codes and "AQ" not in codes
    assert sorted(c.name for c in shapes if not c.code) == ["Kosovo", "N. Cyprus", "Somaliland"]
    assert all(re.fullmatch(r"(M[-\d.,L]+Z)+", c.path) for c in shapes)


def test_colour_classes():
    assert [world.colour(n) for n in (0, 1, 2, 3, 4, 9)] == [
        "#e6e6e6",
        "#6baed6",
        "#2171b5",
        "#2171b5",
        "#08306b",
        "#08306b",
    ]


def test_the_office_home_maps_its_partners_abroad_with_a_table(client, yen_bai):
    text = client.get("/cong-khai/yen-bai/").content.decode()
    section = _section(text)
    rows = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td></tr>", section)
    assert rows == [("Lào", "2"), ("Nhật Bản", "2"), ("Trung Quốc", "2"), ("Pháp", "1")]
    svg = section.split("<svg xmlns", 1)[1].split("</svg>", 1)[0]
    assert 'role="img" aria-labelledby="world-title"' in svg
    assert '<figcaption id="world-title">Bản đồ: số đối tác nước ngoài theo quốc gia</figcaption>' in section
    assert 'fill="#2171b5" class="has-partners"><title>Lào: 2 đối tác</title>' in svg
    assert 'fill="#6baed6" class="has-partners"><title>Pháp: 1 đối tác</title>' in svg
    assert 'fill="#f2c14e"><title>Việt Nam</title>' in svg
    assert "<script" not in section and "Tỉnh Viêng Chăn" not in section  # counts only, no partner named


def test_in_english_and_an_ended_partnership_no_longer_counts(client, yen_bai):
    import datetime as dt

    from caunoi.relations.services.partners import update_partnership

    ended = Partnership.objects.get(office=yen_bai, organisation__name="Tỉnh Val de Marne")
    update_partnership(ended, status="ended", ended_on=dt.date(2026, 11, 1), actor=SYSTEM)
    client.cookies["django_language"] = "en"
    section = _section(client.get("/cong-khai/yen-bai/").content.decode())
    rows = re.findall(r"<tr><td>([^<]+)</td><td class=\"num\">(\d+)</td></tr>", section)
    assert rows == [("China", "2"), ("Japan", "2"), ("Laos", "2")]
    assert "<title>Laos: 2 partners</title>" in section and "<title>France</title>" in section
    assert "Foreign partners" in section and "4 partners or more" in section


def test_an_office_without_partners_says_so(client, office):
    section = _section(client.get(f"/cong-khai/{office.code}/").content.decode())
    assert "Chưa có đối tác nước ngoài." in section and "<svg xmlns" not in section


def test_the_national_page_maps_every_office(client, yen_bai):
    section = _section(client.get("/cong-khai/").content.decode())
    assert 'fill="#2171b5" class="has-partners"><title>Lào: 2 đối tác</title>' in section
