"""The loader: exact counts from the official tables, successions, idempotency."""

import datetime as dt

import pytest
from django.db.models import Count, Q

from caunoi.core.text import fold
from caunoi.geography.loader import load_geography
from caunoi.geography.models import REFORM_2025, AdminUnit, UnitSuccession

pytestmark = pytest.mark.django_db


def units(era: str, level: str):
    return AdminUnit.objects.filter(era=era, level=level)


def test_counts(geo):
    assert units("legacy", "province").count() == 63
    assert units("legacy", "district").count() == 696
    assert units("legacy", "commune").count() == 10035
    assert units("2025", "province").count() == 34
    assert units("2025", "commune").count() == 3321
    assert not units("2025", "district").exists()
    # 63 provinces + 10.035 communes (9.564 whole, 471 divided into 1.033 pieces) + 5 island districts
    assert UnitSuccession.objects.count() == 63 + 9564 + 1033 + 5 == 10665
    assert geo.totals == {
        "legacy province": 63,
        "legacy district": 696,
        "legacy commune": 10035,
        "2025 province": 34,
        "2025 commune": 3321,
    }


def test_second_load_changes_nothing(geo):
    again = load_geography()
    assert again.rows_created == 0
    assert again.units_updated == 0
    assert (again.successions_updated, again.successions_deleted) == (0, 0)
    assert not again.changed
    assert again.seconds < 10


def test_load_repairs_what_differs(geo):
    commune = AdminUnit.objects.get(era="2025", level="commune", code="04456")  # xã Mù Cang Chải
    UnitSuccession.objects.filter(new=commune).delete()
    AdminUnit.objects.filter(pk=commune.pk).update(name="Sai", search_text="sai")
    UnitSuccession.objects.filter(old__code="04600", old__era="legacy").update(is_default=False)
    summary = load_geography()
    commune.refresh_from_db()
    assert commune.name == "Xã Mù Cang Chải"
    assert commune.search_text == "xa mu cang chai"
    assert summary.updated == {"2025 commune": 1}
    assert summary.successions_created == UnitSuccession.objects.filter(new=commune).count() > 0
    assert summary.successions_updated == 1
    assert load_geography().changed is False


def test_yen_bai_and_new_lao_cai_are_different_rows_with_the_same_code(geo):
    yen_bai = AdminUnit.objects.get(era="legacy", level="province", code="15")
    lao_cai = AdminUnit.objects.get(era="2025", level="province", code="15")
    old_lao_cai = AdminUnit.objects.get(era="legacy", level="province", code="10")
    assert yen_bai.pk != lao_cai.pk
    assert yen_bai.name == "Tỉnh Yên Bái"
    assert lao_cai.name == "Tỉnh Lào Cai"
    assert old_lao_cai.name == "Tỉnh Lào Cai"
    assert (yen_bai.valid_from, yen_bai.valid_to) == (None, REFORM_2025)
    assert (lao_cai.valid_from, lao_cai.valid_to) == (REFORM_2025, None)
    assert not AdminUnit.objects.filter(era="2025", level="province", code="10").exists()
    assert set(UnitSuccession.objects.filter(new=lao_cai).values_list("old__name", flat=True)) == {
        "Tỉnh Yên Bái",
        "Tỉnh Lào Cai",
    }


def test_new_lao_cai_has_99_communes(geo):
    lao_cai = AdminUnit.objects.get(era="2025", level="province", code="15")
    communes = AdminUnit.objects.filter(era="2025", level="commune", province=lao_cai)
    assert communes.count() == 99
    assert not communes.exclude(parent=lao_cai).exists()


@pytest.mark.parametrize(("old_code", "communes"), [("15", 168), ("10", 151)])
def test_every_former_commune_lands_in_new_lao_cai(geo, old_code, communes):
    old_province = AdminUnit.objects.get(era="legacy", level="province", code=old_code)
    lao_cai = AdminUnit.objects.get(era="2025", level="province", code="15")
    old_communes = AdminUnit.objects.filter(era="legacy", level="commune", province=old_province)
    assert old_communes.count() == communes
    stats = old_communes.annotate(
        n=Count("successions"),
        defaults=Count("successions", filter=Q(successions__is_default=True)),
        elsewhere=Count("successions", filter=~Q(successions__new__province=lao_cai)),
    )
    assert all(u.n >= 1 and u.defaults == 1 and u.elsewhere == 0 for u in stats)
    assert not UnitSuccession.objects.filter(old__in=old_communes).exclude(new__era="2025").exists()


def test_every_legacy_commune_has_exactly_one_default_successor(geo):
    odd = (
        units("legacy", "commune")
        .annotate(defaults=Count("successions", filter=Q(successions__is_default=True)))
        .exclude(defaults=1)
    )
    assert not odd.exists()
    # every 2025 commune has at least one predecessor
    assert not units("2025", "commune").filter(precessions__isnull=True).exists()


def test_divided_commune_has_one_default(geo):
    divided = units("legacy", "commune").annotate(n=Count("successions")).filter(n__gt=1)
    assert divided.count() == 471
    # Xã Tân Thành, huyện Thới Lai, Cần Thơ: split between xã Tân Thạnh and xã Trường Thành (default)
    tan_thanh = AdminUnit.objects.get(era="legacy", key="thanhphocantho_huyenthoilai_xatanthanh")
    rows = {s.new.name: s.is_default for s in tan_thanh.successions.select_related("new")}
    assert list(rows.values()).count(True) == 1
    assert rows["Xã Trường Thành"] is True


def test_successions_only_go_from_legacy_to_2025(geo):
    assert not UnitSuccession.objects.exclude(old__era="legacy").exists()
    assert not UnitSuccession.objects.exclude(new__era="2025").exists()
    assert not UnitSuccession.objects.exclude(old__level="province").filter(new__level="province").exists()
    # districts have none, except the five island districts without communes
    islands = set(UnitSuccession.objects.filter(old__level="district").values_list("old__name", "new__name"))
    assert islands == {
        ("Huyện Bạch Long Vĩ", "Đặc khu Bạch Long Vĩ"),
        ("Huyện Cồn Cỏ", "Đặc khu Cồn Cỏ"),
        ("Huyện Hoàng Sa", "Đặc khu Hoàng Sa"),
        ("Huyện Lý Sơn", "Đặc khu Lý Sơn"),
        ("Huyện Côn Đảo", "Đặc khu Côn Đảo"),
    }


def test_hierarchy_and_fields(geo):
    mcc = AdminUnit.objects.get(era="legacy", level="district", code="137")
    assert (mcc.name, mcc.short_name, mcc.kind) == ("Huyện Mù Căng Chải", "Mù Căng Chải", "Huyện")
    assert mcc.parent == mcc.province == AdminUnit.objects.get(era="legacy", level="province", code="15")
    assert mcc.key == "tinhyenbai_huyenmucangchai"
    assert mcc.latitude and mcc.longitude
    commune = AdminUnit.objects.get(era="legacy", level="commune", code="04456")
    assert (commune.name, commune.kind, commune.parent, commune.province) == (
        "Thị trấn Mù Cang Chải",
        "Thị trấn",
        mcc,
        mcc.province,
    )
    assert commune.key == "tinhyenbai_huyenmucangchai_thitranmucangchai"
    assert not units("legacy", "province").exclude(province=None).exists()
    assert not units("legacy", "commune").exclude(parent__level="district").exists()
    assert not units("legacy", "commune").exclude(province__level="province").exists()
    assert not units("2025", "commune").exclude(parent__level="province", province__era="2025").exists()


def test_kinds_codes_and_keys(geo):
    def kinds(era: str, level: str) -> set[str]:
        return set(units(era, level).values_list("kind", flat=True))

    assert kinds("legacy", "province") == kinds("2025", "province") == {"Tỉnh", "Thành phố"}
    assert kinds("legacy", "district") == {"Huyện", "Quận", "Thị xã", "Thành phố"}
    assert kinds("legacy", "commune") == {"Xã", "Phường", "Thị trấn"}
    assert kinds("2025", "commune") == {"Xã", "Phường", "Đặc khu"}
    for level, width in (("province", 2), ("district", 3), ("commune", 5)):
        codes = AdminUnit.objects.filter(level=level).values_list("code", flat=True)
        assert {len(c) for c in codes} == {width}
        assert all(c.isdigit() for c in codes)
    for era in ("legacy", "2025"):
        keys = AdminUnit.objects.filter(era=era).values_list("key", flat=True)
        assert len(keys) == len(set(keys))
    # the name's kind wins over the package's wrong type column, and its spelling is normalised
    assert AdminUnit.objects.get(era="legacy", name="Thị trấn Ngọc Lặc").kind == "Thị trấn"
    assert AdminUnit.objects.filter(era="legacy", level="district", name="Thành phố Bắc Kạn").exists()
    # the package's disambiguation suffix is not part of the short name
    assert not AdminUnit.objects.filter(short_name__contains="(").exists()


def test_search_text_is_folded(geo):
    for unit in AdminUnit.objects.order_by("?")[:200]:
        assert unit.search_text == fold(unit.name)
    assert AdminUnit.objects.get(era="2025", level="province", code="48").search_text == "thanh pho da nang"


def test_in_force_on(geo):
    yen_bai = AdminUnit.objects.get(era="legacy", level="province", code="15")
    assert yen_bai.in_force_on(dt.date(2022, 5, 1))
    assert yen_bai.in_force_on(dt.date(2025, 6, 30))
    assert not yen_bai.in_force_on(REFORM_2025)
