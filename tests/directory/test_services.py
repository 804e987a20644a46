import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.directory.services import create_organisation, record_registration, update_organisation
from caunoi.geography.models import AdminUnit

pytestmark = pytest.mark.django_db
D = dt.date


def test_an_organisation_is_stored_nfc_and_searchable_without_diacritics(office):
    org = create_organisation(
        office,
        kind="foreign_ngo",
        name="Tổ chức Tầm nhìn Thế giới",
        name_original="World Vision International",
        acronym="WVI",
        country="us",
        actor=SYSTEM,
    )
    assert (org.country, org.search_text) == (
        "US",
        "to chuc tam nhin the gioi world vision international wvi",
    )
    assert Organisation.objects.filter(office=office, search_text__contains="tam nhin").get() == org


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"name": " "}, "directory.name_required"),
        ({"country": "XX"}, "directory.country_unknown"),
        ({"iati_type": "99"}, "directory.org_type_unknown"),
    ],
)
def test_organisation_rules(office, fields, code):
    with pytest.raises(RuleError) as error:
        create_organisation(office, kind="foreign_ngo", actor=SYSTEM, **{"name": "Quỹ A", **fields})
    assert error.value.code == code
    assert Organisation.objects.filter(office=office).count() == 0


def test_an_iati_identifier_belongs_to_one_organisation_of_the_office(office, yen_bai):
    first = create_organisation(office, kind="foreign_ngo", name="Quỹ A", iati_ref="GB-CHC-123", actor=SYSTEM)
    create_organisation(
        yen_bai, kind="foreign_ngo", name="Quỹ A", iati_ref="GB-CHC-123", actor=SYSTEM
    )  # another office
    with pytest.raises(RuleError) as error:
        create_organisation(office, kind="foreign_ngo", name="Quỹ B", iati_ref="GB-CHC-123", actor=SYSTEM)
    assert (error.value.code, error.value.en) == (
        "directory.iati_ref_taken",
        "IATI identifier “GB-CHC-123” is already used by Quỹ A.",
    )
    update_organisation(first, name="Quỹ A (mới)", iati_ref="GB-CHC-123", actor=SYSTEM)


def test_decree_58_registration_durations(office, sectors):
    org = create_organisation(office, kind="foreign_ngo", name="Quỹ A", country="KR", actor=SYSTEM)
    yen_bai = AdminUnit.objects.get(era="legacy", level="province", short_name="Yên Bái")
    registration = record_registration(
        org,
        "operation",
        " 123/GĐK ",
        D(2023, 1, 1),
        D(2026, 1, 1),
        provinces=[yen_bai],
        fields_allowed=[sectors["y-te"]],
        actor=SYSTEM,
    )
    assert (registration.number, list(registration.provinces.all())) == ("123/GĐK", [yen_bai])
    with pytest.raises(RuleError) as error:
        record_registration(org, "operation", "1", D(2023, 1, 1), D(2026, 1, 2), actor=SYSTEM)
    assert error.value.code == "directory.registration_too_long"
    assert "tối đa 3 năm" in error.value.vi
    record_registration(org, "representative_office", "2", D(2023, 1, 1), D(2028, 1, 1), actor=SYSTEM)
    with pytest.raises(RuleError):
        record_registration(org, "representative_office", "3", D(2023, 1, 1), D(2028, 1, 2), actor=SYSTEM)
    record_registration(
        org, "project_office", "4", D(2015, 1, 1), D(2030, 1, 1), actor=SYSTEM
    )  # legacy permit: no cap
    with pytest.raises(RuleError) as error:
        record_registration(org, "operation", "5", D(2023, 1, 1), D(2023, 1, 1), actor=SYSTEM)
    assert error.value.code == "directory.registration_dates"


def test_registrations_expiring_within_60_days_are_reminded(office):
    from caunoi.reports.reminders import registrations_expiring

    org = create_organisation(office, kind="foreign_ngo", name="Quỹ A", country="KR", actor=SYSTEM)
    record_registration(org, "operation", "A-1", D(2024, 1, 1), D(2027, 1, 1), actor=SYSTEM)
    record_registration(org, "operation", "A-2", D(2024, 6, 1), D(2027, 5, 1), actor=SYSTEM)
    found = registrations_expiring([office], D(2026, 11, 27))
    assert [r.title for r in found] == [
        "Giấy đăng ký A-1 của Quỹ A hết hạn ngày 01/01/2027; cần gia hạn ít nhất 60 ngày trước."
    ]


def test_a_600_character_name_is_refused_on_both_databases(office):
    with pytest.raises(RuleError) as refused:
        create_organisation(office, kind="foreign_ngo", name="N" * 600, actor=SYSTEM)
    assert (refused.value.code, refused.value.field) == ("limits.text_too_long", "name")
    assert refused.value.vi == "“tên tiếng Việt” dài 600 ký tự; tối đa 300 ký tự."
    assert not Organisation.objects.filter(office=office).exists()
