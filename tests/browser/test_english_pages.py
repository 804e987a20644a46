"""Issue 14, "English pages that are wholly English", in chromium: the demo editor switches to English and
walks the main pages; on each, the text the browser renders (visible text and accessible names) shows no
Vietnamese that has a translation, no Vietnamese outside record data, and numbers the English way only
(tests/english_pages.py says what is checked and how record data is recognised). The office administrator
walks the administration pages the same way. Both switch back to Vietnamese at the end: the choice is saved
on the account, which other browser tests use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from tests.english_pages import ADMIN_PAGES, BROWSER_TEXTS, PAGES, check_texts

from .conftest import ROOT, SERVER_ENV, UI

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records(base_url: str) -> list[str]:
    """The texts stored in the server's database, read by a subprocess (Playwright's sync API keeps an event
    loop in this thread, where Django refuses to query)."""
    env = {**SERVER_ENV, "DJANGO_SETTINGS_MODULE": "caunoi.settings", "PYTHONPATH": os.pathsep.join(sys.path)}
    script = "import django, json; django.setup(); from tests.english_pages import record_texts; "
    script += "print(json.dumps(record_texts()))"
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, check=True, capture_output=True, timeout=120
    )
    return list(json.loads(done.stdout))


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
        texts = page.evaluate(BROWSER_TEXTS)
        assert len(texts) > 20, (url, texts)  # the page was read, not an empty shell
        problems = check_texts(texts, records).problems()
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
