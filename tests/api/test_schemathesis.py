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
def test_every_operation_answers_as_documented(case, token, settings_api_rate):  # type: ignore[no-untyped-def]
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)


@pytest.fixture
def settings_api_rate(settings):  # type: ignore[no-untyped-def]
    settings.API_RATE = "100000/min"
