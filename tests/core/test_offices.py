import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.core.offices import office_by_code
from caunoi.reports.offices import office_for_year

pytestmark = pytest.mark.django_db


def test_demo_offices_and_their_succession(yen_bai):
    lao_cai = Office.objects.get(code="lao-cai")
    assert (yen_bai.successor, yen_bai.succeeded_on) == (lao_cai, dt.date(2025, 7, 1))
    assert (yen_bai.home_province.name, yen_bai.home_province.era) == ("Tỉnh Yên Bái", "legacy")
    assert (lao_cai.home_province.name, lao_cai.home_province.era) == ("Tỉnh Lào Cai", "2025")
    assert yen_bai.home_province.code == lao_cai.home_province.code == "15"  # the same code, different units
    assert yen_bai.home_province != lao_cai.home_province
    assert sorted(o.code for o in lao_cai.lineage()) == ["lao-cai", "yen-bai"]
    assert [o.code for o in yen_bai.lineage()] == ["yen-bai"]


def test_the_office_of_a_year(yen_bai):
    assert office_for_year(None, 2022).code == "yen-bai"
    assert office_for_year(None, 2026).code == "lao-cai"
    assert office_for_year("yen-bai", 2026).code == "yen-bai"
    with pytest.raises(RuleError) as error:
        office_by_code("khong-co")
    assert error.value.en == "There is no office with code khong-co."


def test_a_chain_of_successors_is_followed(yen_bai):
    national = Office.objects.create(code="quoc-gia", name="Toàn quốc")
    Office.objects.filter(code="lao-cai").update(successor=national)
    assert sorted(o.code for o in national.lineage()) == ["lao-cai", "quoc-gia", "yen-bai"]
