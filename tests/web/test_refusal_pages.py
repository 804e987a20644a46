"""A viewer opening any create or edit page gets the refusal page (403, in the site's layout), never a form
whose submit would fail; the URLconf is walked, so a new form page cannot be forgotten. Error pages are the
site's own, translated."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver

from caunoi.core.permissions import visible

FORM_ROUTE_ENDINGS = ("new/", "edit/")
ADMINISTRATION_PAGES = {"users/new/", "offices/new/"}


def _patterns(resolver: URLResolver, prefix: str = "") -> list[tuple[str, URLPattern]]:
    found: list[tuple[str, URLPattern]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            found += _patterns(entry, prefix + str(entry.pattern))
        else:
            found.append((prefix + str(entry.pattern), entry))
    return found


FORM_PAGES = [
    (route, pattern)
    for route, pattern in _patterns(get_resolver())
    if route.endswith(FORM_ROUTE_ENDINGS) and not route.startswith("admin/")
]


def test_the_walk_finds_the_known_form_pages() -> None:
    routes = {route for route, _pattern in FORM_PAGES}
    assert {
        "aid/new/",
        "aid/<int:pk>/edit/",
        "organisations/new/",
        "relations/tasks/<int:pk>/edit/",
    } <= routes
    assert len(FORM_PAGES) >= 20


@pytest.mark.parametrize(("route", "pattern"), FORM_PAGES, ids=[route for route, _p in FORM_PAGES])
def test_a_viewer_gets_the_refusal_page(login, db, route: str, pattern: URLPattern) -> None:
    view: Any = pattern.callback
    client = login("xem")
    url = "/" + route
    if route in ADMINISTRATION_PAGES:  # managing users and offices: pages that do not exist for anyone else
        assert (client.get(url).status_code, client.post(url, {}).status_code) == (404, 404)
        return
    assert hasattr(view, "edit_model"), f"{route}: decorate the view with common.edit_page"
    if "<int:pk>" in route:
        viewer = get_user_model().objects.get(username="xem")
        records = visible(
            apps.get_model(view.edit_model)._default_manager.all(), viewer, view.edit_office_field
        )
        record = records.order_by("pk").first()
        assert record is not None, f"{route}: the demo union has no {view.edit_model}"
        url = url.replace("<int:pk>", str(record.pk))
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 403, url
        page = response.content.decode()
        assert "<h1>Không có quyền</h1>" in page
        assert "Bạn chỉ có quyền xem: trang này dùng để nhập hoặc sửa dữ liệu." in page
        assert 'class="' in page and "<form" not in page.split("<main", 1)[-1].split("</main>")[0]


def test_an_editor_still_gets_the_forms(login, db) -> None:
    client = login("bientap")
    assert client.get("/aid/new/").status_code == 200
    assert client.get("/relations/events/new/").status_code == 200


def test_a_csrf_failure_is_the_sites_own_page(login, db) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="bientap"))
    response = client.post("/aid/new/", {})
    assert response.status_code == 403
    assert "<h1>Biểu mẫu đã hết hạn</h1>" in response.content.decode()


def test_a_text_over_the_request_limit_is_413_with_advice(login, db, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = login("bientap").post("/aid/new/", {"title": "x" * 5000})
    assert response.status_code == 413
    assert "Quay lại (Back)" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "button"),
    [("/", "/aid/new/"), ("/aid/", "/aid/new/"), ("/organisations/", "/organisations/new/")],
)
def test_new_buttons_are_offered_only_to_those_who_may_write(login, db, url: str, button: str) -> None:
    assert f'href="{button}"' not in login("xem").get(url).content.decode()
    assert f'href="{button}"' in login("bientap").get(url).content.decode()
