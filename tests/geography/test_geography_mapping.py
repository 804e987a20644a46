"""Units in force, current province and units of a pre-2025 unit, search."""

import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.geography.mapping import (
    current_province,
    current_units,
    find_units,
    principal_current_unit,
    units_in_force,
)
from caunoi.geography.models import AdminUnit

pytestmark = pytest.mark.django_db


def unit(era: str, level: str, code: str) -> AdminUnit:
    return AdminUnit.objects.get(era=era, level=level, code=code)


def new_lao_cai() -> AdminUnit:
    return unit("2025", "province", "15")


def test_units_in_force(geo):
    assert units_in_force(dt.date(2022, 1, 1), "province").count() == 63
    assert units_in_force(dt.date(2025, 6, 30), "province").count() == 63
    assert units_in_force(dt.date(2025, 7, 1), "province").count() == 34
    assert units_in_force(dt.date(2026, 1, 1), "district").count() == 0
    assert units_in_force(dt.date(2024, 1, 1), "district").count() == 696
    assert units_in_force(dt.date(2026, 1, 1), "commune", province=new_lao_cai()).count() == 99
    yen_bai = unit("legacy", "province", "15")
    assert units_in_force(dt.date(2022, 1, 1), "district", province=yen_bai).count() == 9
    assert units_in_force(dt.date(2022, 1, 1), "commune", province=yen_bai).count() == 168
    assert list(units_in_force(dt.date(2022, 1, 1), "province", province=yen_bai)) == [yen_bai]
    # a province of the other era: nothing (translate with current_province first)
    assert not units_in_force(dt.date(2026, 1, 1), "commune", province=yen_bai).exists()
    with pytest.raises(RuleError):
        units_in_force(dt.date(2026, 1, 1), "hamlet")


def test_current_province(geo):
    lao_cai = new_lao_cai()
    yen_bai = unit("legacy", "province", "15")
    assert current_province(yen_bai) == lao_cai
    assert current_province(unit("legacy", "province", "10")) == lao_cai
    assert current_province(unit("legacy", "district", "137")) == lao_cai
    assert current_province(unit("legacy", "commune", "04456")) == lao_cai
    assert current_province(lao_cai) == lao_cai
    assert current_province(unit("2025", "commune", "04456")) == lao_cai
    # Bà Rịa - Vũng Tàu → Thành phố Hồ Chí Minh
    assert current_province(unit("legacy", "province", "77")).name == "Thành phố Hồ Chí Minh"


@pytest.mark.parametrize(("district_code", "name"), [("137", "Xã Mù Cang Chải"), ("139", "Xã Trạm Tấu")])
def test_principal_of_a_district_is_the_commune_bearing_its_name(geo, district_code, name):
    district = unit("legacy", "district", district_code)
    principal = principal_current_unit(district)
    assert principal.name == name
    assert principal.era == "2025"
    assert principal.province == new_lao_cai()
    units = current_units(district)
    assert units[0] == principal
    assert len(units) == len(set(units)) > 1
    assert all(u.province == new_lao_cai() for u in units)


def test_the_namesake_wins_even_when_another_commune_received_more(geo):
    # Thành phố Lào Cai: 7 of its communes went to phường Cam Đường, 5 to phường Lào Cai
    district = AdminUnit.objects.get(era="legacy", level="district", name="Thành phố Lào Cai")
    assert principal_current_unit(district).name == "Phường Lào Cai"
    assert [u.name for u in current_units(district)[:2]] == ["Phường Lào Cai", "Phường Cam Đường"]


def test_principal_without_a_namesake_is_the_commune_receiving_most(geo):
    # Huyện Văn Yên: no xã Văn Yên; xã Mậu A and xã Xuân Ái each received 5 communes, and
    # xã Mậu A received the township (thị trấn Mậu A, the district seat)
    district = AdminUnit.objects.get(era="legacy", level="district", name="Huyện Văn Yên")
    assert not [u for u in current_units(district) if u.short_name == "Văn Yên"]
    received = {
        u.name: district.children.filter(successions__new=u, successions__is_default=True).count()
        for u in current_units(district)
    }
    assert received["Xã Mậu A"] == received["Xã Xuân Ái"] == max(received.values()) == 5
    assert principal_current_unit(district).name == "Xã Mậu A"


def test_district_successors_are_those_of_its_communes(geo):
    district = unit("legacy", "district", "137")
    expected = set(
        AdminUnit.objects.filter(era="2025", precessions__old__parent=district).values_list("pk", flat=True)
    )
    assert {u.pk for u in current_units(district)} == expected


def test_commune_and_province(geo):
    old = unit("legacy", "commune", "04456")  # Thị trấn Mù Cang Chải
    assert principal_current_unit(old).name == "Xã Mù Cang Chải"
    assert current_units(old) == [principal_current_unit(old)]
    yen_bai = unit("legacy", "province", "15")
    assert principal_current_unit(yen_bai) == new_lao_cai()
    assert current_units(yen_bai) == [new_lao_cai()]
    new = unit("2025", "commune", "04456")
    assert principal_current_unit(new) == new
    assert current_units(new) == [new]


def test_divided_commune_default_first(geo):
    tan_thanh = AdminUnit.objects.get(era="legacy", key="thanhphocantho_huyenthoilai_xatanthanh")
    units = current_units(tan_thanh)
    assert units[0].name == "Xã Trường Thành"
    assert len(units) == 2
    assert principal_current_unit(tan_thanh).name == "Xã Trường Thành"


def test_island_district_goes_to_special_zone(geo):
    con_dao = AdminUnit.objects.get(era="legacy", level="district", name="Huyện Côn Đảo")
    assert principal_current_unit(con_dao).name == "Đặc khu Côn Đảo"
    assert current_province(con_dao).name == "Thành phố Hồ Chí Minh"


def test_find_units_with_or_without_diacritics(geo):
    found = list(find_units("mu cang chai"))
    names = {(u.era, u.level, u.name) for u in found}
    assert ("legacy", "district", "Huyện Mù Căng Chải") in names
    assert ("2025", "commune", "Xã Mù Cang Chải") in names
    assert found[0].era == "2025"  # current units first
    assert set(find_units("Mù Cang Chải")) == set(found)
    assert set(find_units("  MÙ CANG   CHẢI ")) == set(found)
    assert [u.name for u in find_units("mu cang chai", era="legacy", level="district")] == [
        "Huyện Mù Căng Chải"
    ]
    assert {u.name for u in find_units("yen bai", level="province")} == {"Tỉnh Yên Bái"}
    assert {u.era for u in find_units("15", level="province")} == {"legacy", "2025"}
    assert not find_units("").exists()
    assert not find_units("zzzq").exists()
    with pytest.raises(RuleError) as err:
        find_units("x", era="1990")
    assert "1990" in err.value.vi and "1990" in err.value.en
