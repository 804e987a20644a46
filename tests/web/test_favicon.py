"""Browsers ask for /favicon.ico on every site, signed in or not; it leads to the icon the pages declare."""

import pytest
from django.templatetags.static import static


@pytest.mark.django_db
def test_favicon_ico_leads_anonymous_visitors_to_the_svg_icon(client):  # type: ignore[no-untyped-def]
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"] == static("caunoi/favicon.svg")
