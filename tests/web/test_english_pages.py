"""Every main page in English shows no Vietnamese that has a translation, no Vietnamese outside record data,
and numbers written the English way only (tests/english_pages.py says what is checked and how record data is
marked); the browser test walks the same pages in chromium."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from tests.english_pages import PAGES, check_html

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    yield
    translation.deactivate()  # the middleware activates the user's language in this thread


@pytest.fixture
def english_editor(client: Client, django_user_model: Any) -> Client:
    client.force_login(django_user_model.objects.get(username="bientap"))
    switched = client.post("/language/", {"language": "en", "next": "/"})
    assert switched.status_code == 302
    return client


@pytest.mark.parametrize("url", PAGES)
def test_an_english_page_is_wholly_english(english_editor, yen_bai, url):
    from caunoi.aid.models import AidItem

    item = AidItem.objects.get(office=yen_bai, code="YB-2022-01")
    response = english_editor.get(url.format(item=item.pk))
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert check_html(response.content.decode()).problems() == {}
