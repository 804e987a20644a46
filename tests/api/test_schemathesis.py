"""schemathesis, in-process, over every operation of the committed schema: whatever it sends, no 5xx, and
every answer is one the schema documents (status, content type, body). A bounded number of examples here;
`bench/bench_api.py` runs longer."""

from pathlib import Path

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

import caunoi.api

SCHEMA = schemathesis.openapi.from_path(Path(caunoi.api.__file__).parent / "schema.yaml")
SCHEMA.app = get_wsgi_application()
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
EXAMPLES = 12


@pytest.fixture
def token(db):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from caunoi.api.tokens import create_token

    user = get_user_model().objects.get(username="quantri")
    return create_token(user, "schemathesis", "read_write", actor=user)[1]


@pytest.mark.django_db
@SCHEMA.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case, token, settings_api_rate, connection_kept):  # type: ignore[no-untyped-def]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


@pytest.fixture
def settings_api_rate(settings):  # type: ignore[no-untyped-def]
    settings.API_RATE = "100000/min"


@pytest.fixture
def connection_kept():  # type: ignore[no-untyped-def]
    """schemathesis calls the WSGI application itself, whose request signals would close the database
    connection inside the test's transaction (PostgreSQL): kept open, as Django's test client does."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)
