"""The new public pages (office home with its coming events and world map, the national page, an office page)
and the staff list of office pages, in English: no Vietnamese outside record data, numbers the English way
(the checker of tests/english_pages.py)."""

from __future__ import annotations

import pytest

from tests.english_pages import check_html, record_texts

pytestmark = pytest.mark.django_db

PUBLIC = ["/cong-khai/", "/cong-khai/yen-bai/", "/cong-khai/lao-cai/", "/cong-khai/yen-bai/trang/gioi-thieu/"]


@pytest.mark.parametrize("url", PUBLIC)
def test_a_public_page_in_english(client, url):
    client.cookies["django_language"] = "en"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Language"] == "en"
    assert check_html(response.content.decode(), record_texts()).problems() == {}


def test_the_staff_list_of_pages_in_english(login):
    client = login("bientap")
    client.post("/language/", {"language": "en", "next": "/"})
    html = client.get("/publishing/pages/").content.decode()
    assert check_html(html, record_texts()).problems() == {}
