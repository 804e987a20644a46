import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.core.offices import office_by_code, office_for_year

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


def test_with_no_office_at_all_the_error_says_how_to_create_one(monkeypatch):
    # The demo's offices are protected by their records: the lookup is given a database without offices.
    class NoOffice:
        objects = Office.objects.none()

    monkeypatch.setattr("caunoi.core.offices.Office", NoOffice)
    with pytest.raises(RuleError) as error:
        office_by_code(None)
    assert (error.value.code, error.value.field) == ("office.none", "office")
    assert (
        error.value.vi
        == "Chưa có cơ quan nào; hãy tạo một cơ quan bằng lệnh caunoi setup --office-code <mã>."
    )
    assert error.value.en == "No office exists; create one with caunoi setup --office-code <code>."


def test_with_several_active_offices_the_error_names_them(office):
    with pytest.raises(RuleError) as error:
        office_by_code(None)
    assert error.value.code == "office.required"
    assert sorted(error.value.problem.params["codes"].split(", ")) == ["lao-cai", "thu-nghiem", "yen-bai"]


def test_the_only_active_office_needs_no_code(yen_bai):
    assert office_by_code(None).code == "lao-cai"  # yen-bai has a successor
