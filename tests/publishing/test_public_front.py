"""Kept public pages answered in front of Django (caunoi.portal.front): served without Django only while the
page's marks hold, never to a session, never what the records no longer say."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from caunoi.aid import services as aid_services
from caunoi.aid.models import AidItem
from caunoi.core import front as front_module
from caunoi.core.permissions import SYSTEM
from caunoi.portal.front import KeptPublicFront
from caunoi.publishing.services import articles
from caunoi.relations.models import ConsentKind
from caunoi.relations.services.people import create_person, record_consent, withdraw_consent
from tests.conftest import TODAY
from tests.wsgi_calls import Counted, call, served_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def front(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[KeptPublicFront, Counted]]:
    with served_by(KeptPublicFront, settings, monkeypatch) as served:
        yield served


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
    first = call(app, "/cong-khai/yen-bai/")
    assert first[0] == "200 OK" and django.calls == 1
    again = call(app, "/cong-khai/yen-bai/")
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
        call(app, url)
        call(app, url)
    assert django.calls == 4
    assert "Nguyễn Đồng Ý" in call(app, article_url)[2] and django.calls == 4

    withdraw_consent(person, ConsentKind.NAME_LISTING, TODAY, actor=SYSTEM)
    assert "Nguyễn Đồng Ý" not in call(app, article_url)[2] and django.calls == 5

    aid_services.set_public(item, False, actor=SYSTEM)
    assert call(app, item_url)[0].startswith("404")
    assert call(app, item_url)[0].startswith("404")  # a 404 is never kept: Django answers it each time
    assert item.code not in call(app, "/cong-khai/yen-bai/")[2]
    assert django.calls == 8

    articles.unpublish(article, "Sai thông tin", actor=SYSTEM)
    assert call(app, article_url)[0].startswith("404")
    assert "Tin ở cửa trước" not in call(app, "/cong-khai/yen-bai/tin-tuc/")[2]


def test_a_visitor_with_a_session_or_another_method_always_reaches_django(front, story):
    app, django = front
    call(app, "/cong-khai/yen-bai/")
    call(app, "/cong-khai/yen-bai/", cookie="sessionid=abc")
    call(app, "/cong-khai/yen-bai/", cookie="django_language=en; sessionid=abc")
    call(app, "/cong-khai/yen-bai/", method="HEAD")
    assert django.calls == 4
    call(app, "/cong-khai/yen-bai/", cookie="sessionid=")  # an empty session cookie is no session
    assert django.calls == 4


def test_each_language_and_query_is_kept_apart(front, story):
    app, django = front
    vietnamese = call(app, "/cong-khai/yen-bai/tin-tuc/")
    english = call(app, "/cong-khai/yen-bai/tin-tuc/", cookie="django_language=en; csrftoken=x")
    assert "Tin ở cửa trước" in vietnamese[2] and "Front story" in english[2]
    assert english[1]["Content-Language"] == "en"
    assert call(app, "/cong-khai/yen-bai/tin-tuc/", cookie="django_language=en")[2] == english[2]
    assert call(app, "/cong-khai/yen-bai/tin-tuc/")[2] == vietnamese[2]
    assert django.calls == 3  # the two language cookies' raw values differ: each drawn once
    call(app, "/cong-khai/yen-bai/", query="year=2022")
    call(app, "/cong-khai/yen-bai/", query="year=2023")
    assert django.calls == 5


def test_a_page_that_is_not_kept_is_never_answered_from_the_front(front, story, settings):
    app, django = front
    call(app, "/login/")
    call(app, "/login/")  # sets a CSRF cookie, and is no kept page
    assert django.calls == 2
    settings.KEEP_PAGES = False
    call(app, "/cong-khai/yen-bai/")
    call(app, "/cong-khai/yen-bai/")
    assert django.calls == 4


def test_the_front_keeps_no_more_than_its_bytes(front, story, monkeypatch):
    app, _django = front
    monkeypatch.setattr(front_module, "MAX_BYTES", 1)
    call(app, "/cong-khai/yen-bai/")
    call(app, "/cong-khai/yen-bai/tin-tuc/")
    kept = app.answers.answers
    assert len(kept) == 1 and app.answers.bytes == len(next(iter(kept.values()))[2])
