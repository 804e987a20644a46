"""Fixtures of people's diplomacy: partner organisations on a fresh office, and the demo loaded on Yên Bái."""

import datetime as dt

import pytest

from caunoi.core.permissions import SYSTEM
from tests.conftest import TODAY


@pytest.fixture
def relations_demo(yen_bai):  # type: ignore[no-untyped-def]
    from caunoi.relations.demo import load_relations_demo

    load_relations_demo(yen_bai, TODAY)
    return yen_bai


@pytest.fixture
def org(office):  # type: ignore[no-untyped-def]
    """Make an organisation of the fresh office: org("Tỉnh X", "LA") is a foreign locality."""
    from caunoi.directory.models import Organisation

    def make(name, country="LA", kind="foreign_locality"):  # type: ignore[no-untyped-def]
        return Organisation.objects.create(office=office, name=name, country=country, kind=kind)

    return make


@pytest.fixture
def province(org):  # type: ignore[no-untyped-def]
    return org("Ủy ban nhân dân tỉnh Thử Nghiệm", "VN", "vn_agency")


@pytest.fixture
def partner(org):  # type: ignore[no-untyped-def]
    return org("Tỉnh Viêng Chăn", "LA")


@pytest.fixture
def make_agreement(office, province, partner):  # type: ignore[no-untyped-def]
    from caunoi.relations.services.agreements import create_agreement

    def make(**kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("title", "Thỏa thuận thử nghiệm")
        kwargs.setdefault("kind", "cooperation")
        kwargs.setdefault("parties", [(province, "ours"), (partner, "theirs")])
        kwargs.setdefault("actor", SYSTEM)
        return create_agreement(office, **kwargs)

    return make


@pytest.fixture
def association(office):  # type: ignore[no-untyped-def]
    from caunoi.relations.services.associations import create_association

    return create_association(
        office, name="Hội hữu nghị Việt - Lào tỉnh Thử Nghiệm", counterpart_country="LA", actor=SYSTEM
    )


@pytest.fixture
def person(office):  # type: ignore[no-untyped-def]
    from caunoi.relations.services.people import create_person

    def make(name="Người thử nghiệm", **kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("kind", "member")
        kwargs.setdefault("actor", SYSTEM)
        return create_person(office, name=name, **kwargs)

    return make


D = dt.date
