"""The schema is the contract: the committed file is what the code generates; the documentation pages are
served from the package under the site's Content-Security-Policy."""

from pathlib import Path

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiYamlRenderer

import caunoi.api

COMMITTED = Path(caunoi.api.__file__).parent / "schema.yaml"
pytestmark = pytest.mark.django_db


def test_the_committed_schema_is_what_the_code_generates():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    generated = OpenApiYamlRenderer().render(schema, renderer_context={}).decode()
    assert generated == COMMITTED.read_text(), (
        "the API changed: review it, then `caunoi spectacular --file src/caunoi/api/schema.yaml --validate`"
    )


def test_the_schema_is_served(api):
    response = api("xem").get("/api/v1/schema/")
    assert response.status_code == 200
    assert response.content.decode() == COMMITTED.read_text()


def test_swagger_ui_is_served_offline_without_inline_script(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="xem"))
    page = client.get("/api/v1/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "cdn" not in html and "https://" not in html and "<script>" not in html
    assert '<script src="/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js">' in html
    assert "script-src 'self'" in page["Content-Security-Policy"]
    init = client.get("/api/v1/docs/", {"script": ""})
    assert init.status_code == 200 and init["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in init.content.decode()
    assert (
        client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200
    )


def test_redoc_is_served_offline(client, django_user_model):
    client.force_login(django_user_model.objects.get(username="xem"))
    page = client.get("/api/v1/redoc/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "https://" not in html and "<script>" not in html and "fonts.googleapis" not in html
    assert '<script src="/static/drf_spectacular_sidecar/redoc/bundles/redoc.standalone.js">' in html
    policy = page["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "worker-src 'self' blob:" in policy
