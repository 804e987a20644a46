"""The administrative units, loaded once per test session from the vietnamadminunits package."""

import pytest

from caunoi.geography.loader import LoadSummary, load_geography


@pytest.fixture(scope="session")
def geo(django_db_setup, django_db_blocker) -> LoadSummary:
    with django_db_blocker.unblock():
        return load_geography()
