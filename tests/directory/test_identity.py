"""An organisation's identity in its office: its IATI identifier, else its name without accents or case —
held by the database, so no writer (form, spreadsheet, IATI import) can create one twice."""

import pytest
from django.db import IntegrityError, transaction

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.directory import services
from caunoi.directory.models import Organisation
from caunoi.directory.services import create_organisation, organisation_named, update_organisation

pytestmark = pytest.mark.django_db


def test_a_name_alike_but_for_accents_case_and_spaces_is_refused(office):
    first = create_organisation(office, kind="vn_agency", name="Sở Y tế", actor=SYSTEM)

    with pytest.raises(RuleError) as error:
        create_organisation(office, kind="vn_agency", name="  SO Y  TE ", actor=SYSTEM)

    assert (error.value.code, error.value.field) == ("directory.name_taken", "name")
    assert error.value.problem.params == {"name": "SO Y  TE", "other": "Sở Y tế"}
    assert list(Organisation.objects.filter(office=office)) == [first]


def test_the_database_refuses_a_second_name_whatever_the_writer(office):
    Organisation.objects.create(office=office, kind="other", name="MINISTERIO DE SALUD")

    with pytest.raises(IntegrityError), transaction.atomic():
        Organisation.objects.create(office=office, kind="other", name="Ministerio de Salud")


def test_organisations_with_iati_identifiers_may_share_a_name(office, yen_bai):
    for ref in ("XM-DAC-1-1", "XM-DAC-2-1"):
        create_organisation(office, kind="other", name="Ministry of Health", iati_ref=ref, actor=SYSTEM)
    create_organisation(office, kind="other", name="Ministry of Health", actor=SYSTEM)
    create_organisation(yen_bai, kind="other", name="Ministry of Health", actor=SYSTEM)  # another office

    assert Organisation.objects.filter(name_key="ministry of health").count() == 4


def test_removing_the_identifier_of_a_namesake_is_refused(office):
    create_organisation(office, kind="other", name="Ministry of Health", actor=SYSTEM)
    other = create_organisation(
        office, kind="other", name="Ministry of Health", iati_ref="XM-1", actor=SYSTEM
    )

    with pytest.raises(RuleError) as error:
        update_organisation(other, kind="other", name="Ministry of Health", iati_ref="", actor=SYSTEM)

    assert error.value.code == "directory.name_taken"


def test_organisation_named_finds_or_creates_once(office):
    made, created = organisation_named(office, "Hội Chữ thập đỏ", kind="vn_agency", actor=SYSTEM)
    again, created_again = organisation_named(office, "HOI CHU THAP DO", kind="vn_agency", actor=SYSTEM)

    assert (created, created_again, again) == (True, False, made)


def test_organisation_named_reads_the_one_another_writer_created_meanwhile(office, monkeypatch):
    # The other writer's row appears between the look-up and the insert, as under two processes.
    real = services._named
    calls = []

    def late(office_, name):  # type: ignore[no-untyped-def]
        calls.append(name)
        if len(calls) == 1:
            Organisation.objects.create(office=office_, kind="other", name="Quỹ Hòa Bình")
            return None
        return real(office_, name)

    monkeypatch.setattr(services, "_named", late)

    found, created = organisation_named(office, "Quy Hoa Binh", kind="foreign_ngo", actor=SYSTEM)

    assert (found.name, created) == ("Quỹ Hòa Bình", False)
    assert Organisation.objects.filter(office=office).count() == 1
