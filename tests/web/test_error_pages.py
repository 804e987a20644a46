"""The 500 page is the site's own, in the reader's language, and reads no record; an over-long text is
refused beside its field with the text kept."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from caunoi.aid.models import AidItem
from caunoi.web.views.errors import server_error


@pytest.mark.urls("tests.web.failing_urls")
@pytest.mark.parametrize(
    ("language", "heading", "advice"),
    [
        ("vi", "<h1>Đã có lỗi</h1>", "dữ liệu của bạn không bị thay đổi"),
        ("en", "<h1>Something went wrong</h1>", "your data was not changed"),
    ],
)
def test_a_failing_page_is_the_sites_500_in_the_readers_language(db, language, heading, advice) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="bientap"))
    client.cookies["django_language"] = language

    response = client.get("/fail/")

    assert response.status_code == 500
    page = response.content.decode()
    assert heading in page and advice in page
    assert f'<html lang="{language}">' in page
    assert 'href="/static/caunoi/app.css"' in page and 'class="top"' in page
    assert "Traceback" not in page and "RuntimeError" not in page


def test_the_500_page_reads_nothing_from_the_database(db) -> None:
    request = RequestFactory().get("/")
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500 and len(queries) == 0


def test_an_over_long_text_is_refused_beside_its_field_with_the_text_kept(login, db, settings) -> None:
    settings.MAX_TEXT_CHARS = 1000
    item = AidItem.objects.filter(office__code="yen-bai").order_by("pk").first()
    assert item is not None
    client = login("bientap")
    form = client.get(f"/aid/{item.pk}/edit/").context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    text = ("Mô tả dài " * 101).strip()  # 1.009 characters

    response = client.post(f"/aid/{item.pk}/edit/", {**data, "description": text})

    assert response.status_code in (200, 400)
    errors = response.context["form"].errors["description"]
    assert errors == ["“mô tả” dài 1.009 ký tự; tối đa 1.000 ký tự."]
    assert text in response.content.decode()
    item.refresh_from_db()
    assert item.description != text
