import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.relations.services.people import consents, record_consent, withdraw_consent

pytestmark = pytest.mark.django_db
D = dt.date


def test_consent_is_dated_and_can_be_withdrawn(person):
    student = person(
        "Souksavanh", kind="foreign_student", nationality="LA", institution="Cao đẳng Y tế Yên Bái"
    )
    assert not consents(student, "name_listing", D(2026, 1, 1))
    record_consent(student, "name_listing", D(2023, 3, 1))
    record_consent(student, "photo_use", D(2023, 3, 1))
    assert not consents(student, "name_listing", D(2023, 2, 28))
    assert consents(student, "name_listing", D(2023, 3, 1))
    with pytest.raises(RuleError) as error:
        withdraw_consent(student, "name_listing", D(2023, 2, 1))
    assert error.value.code == "relations.consent_dates"
    withdraw_consent(student, "name_listing", D(2025, 6, 1))
    assert consents(student, "name_listing", D(2025, 5, 31))
    assert not consents(student, "name_listing", D(2025, 6, 1))
    assert consents(student, "photo_use", D(2025, 6, 1))


def test_person_rules(person):
    with pytest.raises(RuleError) as error:
        person("X", nationality="ZZ")
    assert error.value.code == "relations.country_unknown"
    with pytest.raises(RuleError) as error:
        record_consent(person(), "marketing", D(2023, 1, 1))
    assert error.value.code == "relations.choice_unknown"
    with pytest.raises(RuleError) as error:
        record_consent(person(), "contact", D(2027, 1, 1))
    assert error.value.code == "relations.date_in_future"
