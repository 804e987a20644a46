import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.services.people import consents, record_consent, withdraw_consent

pytestmark = pytest.mark.django_db
D = dt.date


def test_consent_is_dated_and_can_be_withdrawn(person):
    student = person(
        "Souksavanh", kind="foreign_student", nationality="LA", institution="Cao đẳng Y tế Yên Bái"
    )
    assert not consents(student, "name_listing", D(2026, 1, 1))
    record_consent(student, "name_listing", D(2023, 3, 1), actor=SYSTEM)
    record_consent(student, "photo_use", D(2023, 3, 1), actor=SYSTEM)
    assert not consents(student, "name_listing", D(2023, 2, 28))
    assert consents(student, "name_listing", D(2023, 3, 1))
    with pytest.raises(RuleError) as error:
        withdraw_consent(student, "name_listing", D(2023, 2, 1), actor=SYSTEM)
    assert error.value.code == "relations.consent_dates"
    withdraw_consent(student, "name_listing", D(2025, 6, 1), actor=SYSTEM)
    assert consents(student, "name_listing", D(2025, 5, 31))
    assert not consents(student, "name_listing", D(2025, 6, 1))
    assert consents(student, "photo_use", D(2025, 6, 1))


def test_person_rules(person):
    with pytest.raises(RuleError) as error:
        person("X", nationality="ZZ")
    assert error.value.code == "relations.country_unknown"
    with pytest.raises(RuleError) as error:
        record_consent(person(), "marketing", D(2023, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.choice_unknown"
    with pytest.raises(RuleError) as error:
        record_consent(person(), "contact", D(2027, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.date_in_future"


def test_update_a_person(person, org, office):
    from caunoi.relations.services.people import update_person

    contact = person("  Bà  Vilay ", kind="contact", email=" vilay@example.la ")
    assert (contact.name, contact.email) == ("Bà  Vilay", "vilay@example.la")
    school = org("Trường Cao đẳng Sư phạm", "VN", "vn_agency")
    update_person(
        contact,
        kind="foreign_student",
        nationality="la",
        organisation=school,
        phone=" 020 555 ",
        actor=SYSTEM,
    )
    contact.refresh_from_db()
    assert (contact.kind, contact.nationality, contact.organisation, contact.phone, contact.name) == (
        "foreign_student",
        "LA",
        school,
        "020 555",
        "Bà  Vilay",
    )
    assert [h.history_type for h in contact.history.order_by("history_date", "history_id")] == ["+", "~"]
    with pytest.raises(TypeError):
        update_person(contact, office=office, actor=SYSTEM)


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"name": "  "}, "relations.required", "name"),
        ({"kind": "spy"}, "relations.choice_unknown", "kind"),
        ({"nationality": "XX"}, "relations.country_unknown", "nationality"),
        ({"email": "vilay.example.la"}, "relations.email_invalid", "email"),
    ],
)
def test_a_bad_update_changes_nothing(person, changes, code, field):
    from caunoi.relations.services.people import update_person

    contact = person("Vilay", kind="contact")
    with pytest.raises(RuleError) as error:
        update_person(contact, actor=SYSTEM, **changes)
    assert (error.value.code, error.value.field) == (code, field)
    contact.refresh_from_db()
    assert (contact.name, contact.kind, contact.nationality, contact.email) == ("Vilay", "contact", "", "")


def test_a_person_links_only_a_live_organisation_of_its_own_office(person, yen_bai):
    from caunoi.core.audit import archive
    from caunoi.directory.models import Organisation
    from caunoi.relations.services.people import update_person

    elsewhere = Organisation.objects.filter(office=yen_bai).first()
    with pytest.raises(RuleError) as error:
        person("X", organisation=elsewhere)
    assert error.value.code == "office.mismatch"
    member = person("Y")
    with pytest.raises(RuleError) as error:
        update_person(member, organisation=elsewhere, actor=SYSTEM)
    assert error.value.code == "office.mismatch"
    archive(member, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        update_person(member, name="Z", actor=SYSTEM)
    assert error.value.code == "relations.archived"


def test_a_consent_is_not_recorded_twice_nor_before_its_withdrawal(person):
    student = person("Souksavanh", kind="foreign_student")
    record_consent(student, "name_listing", D(2023, 3, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        record_consent(student, "name_listing", D(2024, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.consent_standing"
    assert error.value.vi == (
        "Souksavanh đã đồng ý “Được nêu tên” từ ngày 01/03/2023 và chưa rút lại; không cần ghi lần nữa."
    )
    assert error.value.en == (
        "Souksavanh has consented to “May be named” since 1 March 2023 and has not withdrawn it; there is nothing to "
        "record."
    )
    withdraw_consent(student, "name_listing", D(2025, 6, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        record_consent(student, "name_listing", D(2025, 5, 31), actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.consent_before_withdrawal", "given_on")
    record_consent(
        student, "name_listing", D(2025, 6, 1), actor=SYSTEM
    )  # consenting again from the day of the withdrawal
    assert consents(student, "name_listing", D(2025, 5, 31))
    assert consents(student, "name_listing", D(2025, 6, 1))
    assert [(c.given_on, c.withdrawn_on) for c in student.consents.order_by("given_on")] == [
        (D(2023, 3, 1), D(2025, 6, 1)),
        (D(2025, 6, 1), None),
    ]


def test_withdrawing_needs_a_standing_consent_and_works_on_an_archived_person(person):
    from caunoi.core.audit import archive

    student = person("Souksavanh", kind="foreign_student")
    with pytest.raises(RuleError) as error:
        withdraw_consent(student, "photo_use", D(2025, 6, 1), actor=SYSTEM)
    assert (error.value.code, error.value.vi) == (
        "relations.consent_none_standing",
        "Souksavanh không có sự đồng ý “Được dùng ảnh” nào còn hiệu lực để rút lại.",
    )
    assert error.value.en == "Souksavanh has no standing consent to “Photos may be used” to withdraw."
    record_consent(student, "photo_use", D(2024, 1, 1), actor=SYSTEM)
    archive(student, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        record_consent(student, "contact", D(2024, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.archived"
    assert [c.withdrawn_on for c in withdraw_consent(student, "photo_use", D(2025, 6, 1), actor=SYSTEM)] == [
        D(2025, 6, 1)
    ]
    assert not consents(student, "photo_use", D(2025, 6, 1))


def test_the_consent_message_names_the_kind_in_both_languages_whatever_the_request_language(person):
    from django.utils import translation

    student = person("Souksavanh", kind="foreign_student")
    with translation.override("en"), pytest.raises(RuleError) as error:
        withdraw_consent(student, "contact", D(2025, 6, 1), actor=SYSTEM)
    assert error.value.vi == "Souksavanh không có sự đồng ý “Được liên hệ” nào còn hiệu lực để rút lại."
    assert error.value.en == "Souksavanh has no standing consent to “May be contacted” to withdraw."
