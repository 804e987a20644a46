"""Shared fixtures: the geography and the demo union are loaded once per test session, on a frozen clock."""

import datetime as dt
import zoneinfo

import pytest
import time_machine

TODAY = dt.date(2026, 11, 27)
NOW = dt.datetime(2026, 11, 27, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from caunoi.demo.loader import load_demo

    with django_db_blocker.unblock(), time_machine.travel(NOW, tick=False):
        load_demo(TODAY)


@pytest.fixture(autouse=True)
def site_language():  # type: ignore[no-untyped-def]
    """Each test starts in the site's language: a request in English (the test client runs the middleware in
    this thread) must not leave English active for the tests after it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def no_api_leases():  # type: ignore[no-untyped-def]
    """The API throttle's leases live in the process (caunoi.api.access): a rolled-back test's token id comes
    back in the next test, which must not inherit what the last one leased."""
    from caunoi.api import access

    access._leased.clear()
    yield
    access._leased.clear()


@pytest.fixture(autouse=True)
def frozen_clock():  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def yen_bai(db):  # type: ignore[no-untyped-def]
    from caunoi.core.models import Office

    return Office.objects.get(code="yen-bai")


@pytest.fixture
def office(db):  # type: ignore[no-untyped-def]
    """A fresh office with no records, for tests that count what they create."""
    from caunoi.core.models import Office

    return Office.objects.create(code="thu-nghiem", name="Liên hiệp các tổ chức hữu nghị tỉnh Thử Nghiệm")


@pytest.fixture
def sectors(db):  # type: ignore[no-untyped-def]
    from caunoi.aid.models import Sector

    return {s.code: s for s in Sector.objects.all()}


@pytest.fixture
def donor(office):  # type: ignore[no-untyped-def]
    from caunoi.directory.models import Organisation

    return Organisation.objects.create(office=office, kind="foreign_ngo", name="Quỹ Thử Nghiệm", country="KR")


@pytest.fixture
def approval():  # type: ignore[no-untyped-def]
    from caunoi.aid.services import Decision

    return Decision("12/QĐ-UBND", dt.date(2022, 3, 1), "Chủ tịch UBND tỉnh")


@pytest.fixture
def make_item(office):  # type: ignore[no-untyped-def]
    from caunoi.aid import services
    from caunoi.core.permissions import SYSTEM

    counter = iter(range(1, 10_000))

    def make(**kwargs):  # type: ignore[no-untyped-def]
        kwargs.setdefault("code", f"T-{next(counter):03d}")
        kwargs.setdefault("modality", "project")
        kwargs.setdefault("title", "Dự án thử nghiệm")
        kwargs.setdefault("actor", SYSTEM)
        return services.create_item(kwargs.pop("office", office), **kwargs)

    return make


@pytest.fixture
def no_report_cache(settings):  # type: ignore[no-untyped-def]
    """Compute every report afresh: for tests that count the queries of the computation itself."""
    settings.REPORT_CACHE_ENABLED = False
    settings.KEEP_PAGES = False


@pytest.fixture
def drawn_pages(settings):  # type: ignore[no-untyped-def]
    """Draw every page afresh (no kept pages): for tests that read a page's template context."""
    settings.KEEP_PAGES = False


@pytest.fixture
def stranger(db, django_user_model):  # type: ignore[no-untyped-def]
    """The editor "khac" of an office that neither succeeded nor precedes Yên Bái or Lào Cai: records of
    those offices do not exist for them."""
    from caunoi.core.models import Membership, Office, Role

    office = Office.objects.create(code="tinh-khac", name="Liên hiệp các tổ chức hữu nghị tỉnh Khác")
    user = django_user_model.objects.create(username="khac")
    Membership.objects.create(user=user, office=office, role=Role.EDITOR)
    return user
