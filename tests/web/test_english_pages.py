"""Every main page in English shows no Vietnamese that has a translation, no Vietnamese outside record data,
and numbers written the English way only; in Vietnamese, numbers are written the Vietnamese way only
(tests/english_pages.py says what is checked and how record data is recognised). The browser test
(tests/browser/test_english_pages.py) walks the same pages in chromium."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from tests.english_pages import ADMIN_PAGES, PAGES, check_html, record_texts

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    yield
    translation.deactivate()  # the middleware activates the user's language in this thread


@pytest.fixture(scope="module")
def records(django_db_setup: Any, django_db_blocker: Any) -> list[str]:
    with django_db_blocker.unblock():
        return record_texts()


def _signed_in(client: Client, username: str, language: str) -> Client:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=username))
    switched = client.post("/language/", {"language": language, "next": "/"})
    assert switched.status_code == 302
    return client


def _url(url: str) -> str:
    from django.contrib.auth import get_user_model

    from caunoi.aid.models import AidItem

    item = AidItem.objects.get(office__code="yen-bai", code="YB-2022-01")
    user = get_user_model().objects.get(username="bientap")
    return url.format(item=item.pk, user=user.pk)


def _page(client: Client, url: str, language: str) -> str:
    response = client.get(_url(url))
    assert response.status_code == 200
    assert response["Content-Language"] == language
    return response.content.decode()


@pytest.mark.parametrize("url", PAGES)
def test_an_english_page_is_wholly_english(client, records, url):
    html = _page(_signed_in(client, "bientap", "en"), url, "en")
    assert check_html(html, records).problems() == {}


@pytest.mark.parametrize("url", ADMIN_PAGES)
def test_an_english_administration_page_is_wholly_english(client, records, url):
    html = _page(_signed_in(client, "quantri", "en"), url, "en")
    assert check_html(html, records).problems() == {}


@pytest.mark.parametrize("url", PAGES + ADMIN_PAGES)
def test_a_vietnamese_page_writes_numbers_the_vietnamese_way(client, records, url):
    username = "quantri" if url in ADMIN_PAGES else "bientap"
    html = _page(_signed_in(client, username, "vi"), url, "vi")
    assert check_html(html, records).problems_in_vietnamese() == {}


def test_the_checker_finds_what_it_looks_for(records):
    """The checker itself: a translated label, Vietnamese outside data, numbers two ways; data is spared."""
    page = (
        "<main><h1>Khoản viện trợ</h1><p>Directive số 12</p><p>1.404.175 USD</p><p>1,600,000 USD</p>"
        '<p translate="no">Tỉnh Lào Cai 1.404.175</p><p>“Hỗ trợ nhà ở cho hộ nghèo” expired</p>'
        '<p title="Tìm kiếm">x</p><script>var a = "Tiếng Việt";</script></main>'
    )
    findings = check_html(page, records)
    assert findings.problems() == {
        "untranslated": ["Khoản viện trợ", "Tìm kiếm"],
        "vietnamese outside record data": ["Directive số 12"],
        "Vietnamese-style numbers": ["1.404.175"],
    }
    assert findings.problems_in_vietnamese() == {"English-style numbers": ["1,600,000"]}


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("en", "Yên Bái Union of Friendship Organizations", "Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái"),
        ("vi", "Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái", "Yên Bái Union of Friendship Organizations"),
    ],
)
def test_an_office_is_named_in_the_page_language(client, language, shown, not_shown):
    html = _page(_signed_in(client, "bientap", language), "/aid/{item}/", language)
    # The line under the item's title: status · modality · office (the union as a donor's organisation record
    # keeps its typed name elsewhere on the page).
    facts = re.search(r'<p><span class="status status-[a-z_]+">.*?</p>', html, re.S)

    assert facts is not None
    assert f" · {shown}" in facts.group(0)
    assert not_shown not in facts.group(0)
