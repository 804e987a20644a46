"""Kept public pages answered in front of Django (caunoi.portal.front): served without Django only while the
page's marks hold, never to a session, never what the records no longer say."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from caunoi.aid import services as aid_services
from caunoi.aid.models import AidItem
from caunoi.core.permissions import SYSTEM
from caunoi.portal import front as front_module
from caunoi.portal.front import KeptPublicFront
from caunoi.publishing.services import articles
from caunoi.relations.models import ConsentKind
from caunoi.relations.services.people import create_person, record_consent, withdraw_consent
from tests.conftest import TODAY
from tests.marks_reads import keeping_served

pytestmark = pytest.mark.django_db


class Counted:
    """Django's WSGI application, counting the requests that reach it."""

    def __init__(self) -> None:
        self.app = WSGIHandler()
        self.calls = 0

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.calls += 1
        return self.app(environ, start_response)


@pytest.fixture
def front(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[KeptPublicFront, Counted]]:
    keeping_served(settings, monkeypatch)
    # As Django's test client does: the test's transaction must survive a request's start and end.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        django = Counted()
        yield KeptPublicFront(django), django
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def get(
    app: KeptPublicFront, path: str, cookie: str = "", method: str = "GET", query: str = ""
) -> tuple[str, dict[str, str], str]:
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(),
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    given: list[Any] = []
    result = app(environ, lambda status, headers, exc_info=None: given.extend([status, headers]))
    body = b"".join(result)
    if hasattr(result, "close"):
        result.close()
    return given[0], dict(given[1]), body.decode()


@pytest.fixture
def story(yen_bai, published):  # type: ignore[no-untyped-def]
    item = AidItem.objects.filter(office=yen_bai).order_by("code")[0]
    aid_services.set_public(item, True, actor=SYSTEM)
    article = published(title="Tin ở cửa trước", title_en="Front story")
    person = create_person(yen_bai, name="Nguyễn Đồng Ý", kind="contact", actor=SYSTEM)
    record_consent(person, ConsentKind.NAME_LISTING, TODAY, actor=SYSTEM)
    articles.set_tags(article, aid_items=[item], people=[person], actor=SYSTEM)
    return article, item, person


def test_a_kept_page_is_answered_again_without_django_with_the_same_status_headers_and_body(front, story):
    app, django = front
    first = get(app, "/cong-khai/yen-bai/")
    assert first[0] == "200 OK" and django.calls == 1
    again = get(app, "/cong-khai/yen-bai/")
    assert again == first and django.calls == 1
    assert again[1]["Content-Language"] == "vi" and "Content-Security-Policy" in again[1]


def test_what_the_records_no_longer_say_is_never_answered_from_the_front(front, story):
    app, django = front
    article, item, person = story
    article_url, item_url = (
        f"/cong-khai/yen-bai/tin-tuc/{article.pk}/",
        f"/cong-khai/yen-bai/khoan/{item.pk}/",
    )
    for url in (article_url, item_url, "/cong-khai/yen-bai/", "/cong-khai/yen-bai/tin-tuc/"):
        get(app, url)
        get(app, url)
    assert django.calls == 4
    assert "Nguyễn Đồng Ý" in get(app, article_url)[2] and django.calls == 4

    withdraw_consent(person, ConsentKind.NAME_LISTING, TODAY, actor=SYSTEM)
    assert "Nguyễn Đồng Ý" not in get(app, article_url)[2] and django.calls == 5

    aid_services.set_public(item, False, actor=SYSTEM)
    assert get(app, item_url)[0].startswith("404")
    assert get(app, item_url)[0].startswith("404")  # a 404 is never kept: Django answers it each time
    assert item.code not in get(app, "/cong-khai/yen-bai/")[2]
    assert django.calls == 8

    articles.unpublish(article, "Sai thông tin", actor=SYSTEM)
    assert get(app, article_url)[0].startswith("404")
    assert "Tin ở cửa trước" not in get(app, "/cong-khai/yen-bai/tin-tuc/")[2]


def test_a_visitor_with_a_session_or_another_method_always_reaches_django(front, story):
    app, django = front
    get(app, "/cong-khai/yen-bai/")
    get(app, "/cong-khai/yen-bai/", cookie="sessionid=abc")
    get(app, "/cong-khai/yen-bai/", cookie="django_language=en; sessionid=abc")
    get(app, "/cong-khai/yen-bai/", method="HEAD")
    assert django.calls == 4
    get(app, "/cong-khai/yen-bai/", cookie="sessionid=")  # an empty session cookie is no session
    assert django.calls == 4


def test_each_language_and_query_is_kept_apart(front, story):
    app, django = front
    vietnamese = get(app, "/cong-khai/yen-bai/tin-tuc/")
    english = get(app, "/cong-khai/yen-bai/tin-tuc/", cookie="django_language=en; csrftoken=x")
    assert "Tin ở cửa trước" in vietnamese[2] and "Front story" in english[2]
    assert english[1]["Content-Language"] == "en"
    assert get(app, "/cong-khai/yen-bai/tin-tuc/", cookie="django_language=en")[2] == english[2]
    assert get(app, "/cong-khai/yen-bai/tin-tuc/")[2] == vietnamese[2]
    assert django.calls == 3  # the two language cookies' raw values differ: each drawn once
    get(app, "/cong-khai/yen-bai/", query="year=2022")
    get(app, "/cong-khai/yen-bai/", query="year=2023")
    assert django.calls == 5


def test_a_page_that_is_not_kept_is_never_answered_from_the_front(front, story, settings):
    app, django = front
    get(app, "/login/")
    get(app, "/login/")  # sets a CSRF cookie, and is no kept page
    assert django.calls == 2
    settings.KEEP_PAGES = False
    get(app, "/cong-khai/yen-bai/")
    get(app, "/cong-khai/yen-bai/")
    assert django.calls == 4


def test_the_front_keeps_no_more_than_its_bytes(front, story, monkeypatch):
    app, _django = front
    monkeypatch.setattr(front_module, "MAX_BYTES", 1)
    get(app, "/cong-khai/yen-bai/")
    get(app, "/cong-khai/yen-bai/tin-tuc/")
    assert len(app.answers) == 1 and app.bytes == len(next(iter(app.answers.values()))[2])
