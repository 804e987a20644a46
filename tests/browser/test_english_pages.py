"""Issue 14, "English pages that are wholly English", in chromium: the demo editor switches to English and
walks the main pages; on each, the text the browser renders (visible text and accessible names) shows no
Vietnamese that has a translation, no Vietnamese outside record data, and numbers the English way only
(tests/english_pages.py says what is checked and how record data is recognised). The office administrator
walks the administration pages the same way. Both switch back to Vietnamese at the end: the choice is saved
on the account, which other browser tests use."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.english_pages import ADMIN_PAGES, BROWSER_TEXTS, PAGES, check_texts, record_texts

from .conftest import UI

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session", autouse=True)
def _queries_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an event loop in the test thread, where Django refuses to query unless
    told that the plain queries of these tests are safe (the test database's set-up included, which is why
    this is a session fixture: it comes before it)."""
    saved = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if saved is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = saved


@pytest.fixture(scope="module")
def records(django_db_setup: Any, django_db_blocker: Any) -> list[str]:
    """The stored texts of the demo (the server's database is filled by the same `caunoi demo`)."""
    with django_db_blocker.unblock():
        return record_texts()


def _switch(page: Any, language: str) -> None:
    page.goto("/account/")
    with page.expect_navigation():
        page.locator(f"form[action='/language/'] button[name=language][value={language}]").first.click()
    assert page.locator("html").get_attribute("lang") == language


def _item_url(page: Any) -> str:
    page.goto("/aid/?q=YB-2022-01")
    return str(page.get_by_role("link", name="YB-2022-01", exact=True).get_attribute("href"))


def _user_url(page: Any) -> str:
    page.goto("/users/")
    return str(
        page.locator("main table").get_by_role("link", name="bientap", exact=True).get_attribute("href")
    )


def _walk(ui: UI, page: Any, urls: list[str], records: list[str]) -> dict[str, dict[str, list[str]]]:
    found = {}
    for url in urls:
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == "en", url
        problems = check_texts(page.evaluate(BROWSER_TEXTS), records).problems()
        if problems:
            found[url] = problems
        ui.assert_clean(page, url)
    ui.shot(page, "last-page")
    return found


def test_the_editor_sees_the_main_pages_wholly_in_english(ui: UI, records: list[str]) -> None:
    page = ui.page(username="bientap")
    _switch(page, "en")
    try:
        urls = [url.replace("{item}/", _item_url(page).split("/aid/", 1)[1]) for url in PAGES]
        assert _walk(ui, page, urls, records) == {}
    finally:
        _switch(page, "vi")


def test_the_administrator_sees_the_administration_pages_wholly_in_english(
    ui: UI, records: list[str]
) -> None:
    page = ui.page(username="quantri")
    _switch(page, "en")
    try:
        urls = [url.replace("/users/{user}/", _user_url(page)) for url in ADMIN_PAGES]
        assert _walk(ui, page, urls, records) == {}
    finally:
        _switch(page, "vi")
