import datetime as dt

import pytest

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.models import Partnership
from caunoi.relations.services.partners import add_contact, create_partnership, update_partnership

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_partnership_known_to_the_year_is_stored_as_its_first_day(office, partner, province):
    p = create_partnership(
        office,
        partner,
        level="province",
        kind="twinning",
        since=D(2019, 6, 15),
        since_precision="year",
        our_party=province,
        actor=SYSTEM,
    )
    assert (p.since, p.since_precision, p.status) == (D(2019, 1, 1), "year", "active")
    assert p.history.count() == 1


def test_only_foreign_organisations_can_be_partners(office, province):
    with pytest.raises(RuleError) as error:
        create_partnership(office, province, level="province", kind="cooperation", actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.not_a_foreign_partner", "organisation")
    assert "Ủy ban nhân dân tỉnh Thử Nghiệm" in error.value.vi


def test_a_partner_needs_a_country(office, org):
    with pytest.raises(RuleError) as error:
        create_partnership(
            office, org("Tỉnh không rõ nước", ""), level="province", kind="cooperation", actor=SYSTEM
        )
    assert error.value.code == "relations.partner_without_country"


def test_one_live_partnership_per_partner(office, partner):
    create_partnership(office, partner, level="province", kind="cooperation", actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        create_partnership(office, partner, level="province", kind="twinning", actor=SYSTEM)
    assert error.value.code == "relations.partnership_exists"
    assert Partnership.objects.filter(office=office).count() == 1


def test_a_partner_of_another_office_is_refused(office, yen_bai):
    from caunoi.directory.models import Organisation

    foreign = Organisation.objects.create(
        office=yen_bai, name="Tỉnh khác", country="LA", kind="foreign_locality"
    )
    with pytest.raises(RuleError) as error:
        create_partnership(office, foreign, level="province", kind="cooperation", actor=SYSTEM)
    assert error.value.code == "office.mismatch"


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"status": "ended"}, "relations.ended_needs_date", "ended_on"),
        ({"status": "ended", "ended_on": D(2018, 1, 1)}, "relations.dates_order", "ended_on"),
        ({"kind": "alliance"}, "relations.choice_unknown", "kind"),
        ({"since_precision": "week"}, "relations.choice_unknown", "since_precision"),
    ],
)
def test_partnership_rules(office, partner, changes, code, field):
    p = create_partnership(
        office, partner, level="province", kind="cooperation", since=D(2019, 3, 1), actor=SYSTEM
    )
    with pytest.raises(RuleError) as error:
        update_partnership(p, actor=SYSTEM, **changes)
    assert (error.value.code, error.value.field) == (code, field)
    p.refresh_from_db()
    assert p.status == "active"


def test_contacts_on_both_sides(office, partner):
    p = create_partnership(office, partner, level="province", kind="cooperation", actor=SYSTEM)
    add_contact(p, side="ours", name=" Nguyễn Văn Liên ", position="Chủ tịch", actor=SYSTEM)
    add_contact(p, side="theirs", name="Somsak", unit="Sở Ngoại vụ", actor=SYSTEM)
    assert sorted((c.side, c.name) for c in p.contacts.all()) == [
        ("ours", "Nguyễn Văn Liên"),
        ("theirs", "Somsak"),
    ]
    with pytest.raises(RuleError) as error:
        add_contact(p, side="ours", name="  ", actor=SYSTEM)
    assert error.value.code == "relations.required"
