"""The API's two readers in a real browser: Swagger UI and Redoc draw the operations from the schema served by
caunoi, with no console error (the site's Content-Security-Policy holds) and nothing asked of another host."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def _outside_requests(page: Any, base_url: str) -> list[str]:
    host = urlsplit(base_url).netloc
    asked: list[str] = []
    page.on(
        "request",
        lambda request: (
            asked.append(request.url)
            if urlsplit(request.url).netloc not in ("", host)
            and not request.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    return asked


def test_swagger_ui_draws_every_operation_offline(ui: Any, base_url: str) -> None:
    page = ui.page(username="xem")
    asked = _outside_requests(page, base_url)

    page.goto("/api/v1/docs/")
    page.locator(".opblock").first.wait_for()

    operations = page.locator(".opblock").count()
    assert operations >= 40, f"Swagger UI drew {operations} operations"
    assert page.locator(".opblock-summary-path", has_text="/api/v1/aid-items/").count() >= 1
    ui.shot(page, "swagger")
    assert asked == []


def test_redoc_draws_the_operations_offline(ui: Any, base_url: str) -> None:
    page = ui.page(username="xem")
    # Redoc's sidebar shows a logo it fetches from its own CDN; the site's policy blocks it, which is the point.
    ui.console(page).allowed.append(re.compile(r"cdn\.redoc\.ly|img-src"))
    asked = _outside_requests(page, base_url)

    page.goto("/api/v1/redoc/")
    page.locator("[role=menuitem]").first.wait_for(timeout=20_000)

    assert page.locator("[role=menuitem]").count() >= 40
    ui.shot(page, "redoc")
    assert [url for url in asked if "cdn.redoc.ly" not in url] == []
