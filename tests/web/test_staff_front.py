"""Kept staff pages answered in front of Django (caunoi.web.front): served without Django only to a session
Django itself would sign in, under the key Django keeps the page under, with the reader's own CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.middleware.csrf import _get_new_csrf_string, _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from caunoi.aid import services
from caunoi.aid.models import AidItem
from caunoi.core import marks
from caunoi.core.models import LedgerMark, Membership, Office, Preference, Role
from caunoi.core.permissions import SYSTEM
from caunoi.notify.models import TOPICS, Notification
from caunoi.web import front as front_module
from caunoi.web.front import KeptStaffFront, read_reader
from caunoi.web.middleware import MUST_CHANGE_PASSWORD
from tests.wsgi_calls import Counted, call, served_by

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]{64})"')
READERS = ["bientap", "xem", "toanquoc", "yenbai", "admin"]


@pytest.fixture
def front(settings: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[KeptStaffFront, Counted]]:
    with served_by(KeptStaffFront, settings, monkeypatch) as served:
        yield served


def signed_in(username: str) -> tuple[str, str]:
    """A session Django signed `username` in by (as at the sign-in page) and a CSRF secret: the cookie."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    session, secret = client.cookies["sessionid"].value, _get_new_csrf_string()
    return f"sessionid={session}; csrftoken={secret}", secret


def tokens(body: str) -> set[str]:
    return set(TOKEN.findall(body))


@pytest.mark.parametrize("username", READERS)
def test_a_kept_page_is_answered_again_without_django_with_the_readers_token(front, username):
    app, django = front
    cookie, secret = signed_in(username)
    first = call(app, "/aid/", cookie)
    assert first[0] == "200 OK" and django.calls == 1
    again = call(app, "/aid/", cookie)
    assert again[0] == "200 OK" and django.calls == 1
    assert TOKEN.sub("T", again[2]) == TOKEN.sub("T", first[2])
    assert {_unmask_cipher_token(t) for t in tokens(again[2])} == {secret}
    assert {k: v for k, v in again[1].items() if k != "Set-Cookie"} == {
        k: v for k, v in first[1].items() if k != "Set-Cookie"
    }
    # The CSRF cookie renewed as Django renews it (same value, same attributes).
    assert again[1]["Set-Cookie"].split("; ")[0] == f"csrftoken={secret}"
    assert re.sub(r"expires=[^;]+", "", again[1]["Set-Cookie"]) == re.sub(
        r"expires=[^;]+", "", first[1]["Set-Cookie"].strip()
    )


def test_each_reader_gets_their_own_page_never_anothers(front):
    app, django = front
    pages = {}
    for username in READERS:
        cookie, _ = signed_in(username)
        pages[username] = call(app, "/aid/", cookie)[2]
        assert call(app, "/aid/", cookie)[2].count(f">{username}</a>") == 1
    assert django.calls == len(READERS)
    assert len({TOKEN.sub("T", p) for p in pages.values()}) == len(READERS)


def test_the_front_reads_its_reader_in_one_statement_with_djangos_reader(db):
    user = get_user_model().objects.get(username="yenbai")
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value
    with CaptureQueriesContext(connection) as captured:
        read = read_reader(session, user.pk)
    assert len(captured) == 1
    assert read is not None
    found, saved, every_mark = read
    assert (found.pk, found.get_username(), found.is_superuser, found.is_active) == (
        user.pk,
        "yenbai",
        False,
        True,
    )
    assert saved is None
    assert every_mark == dict(LedgerMark.objects.values_list("scope", "token"))
    assert marks.reader_state_in(found, every_mark) == marks.reader_state(user)


def _kept(app: KeptStaffFront, django: Counted, cookie: str, url: str = "/aid/") -> int:
    call(app, url, cookie)
    call(app, url, cookie)
    return django.calls


def test_what_the_records_no_longer_say_is_never_answered(front, yen_bai):
    app, django = front
    cookie, _ = signed_in("bientap")
    item = AidItem.objects.filter(office=yen_bai).order_by("code")[0]
    url = f"/aid/{item.pk}/"
    assert _kept(app, django, cookie, url) == 1
    services.update_item(item, title="Tên đã đổi ở cửa trước", actor=SYSTEM)
    assert "Tên đã đổi ở cửa trước" in call(app, url, cookie)[2]
    assert django.calls == 2


@pytest.mark.parametrize(
    "change",
    [
        "signed out",
        "expired",
        "password changed",
        "deactivated",
        "must change password",
        "message waiting",
        "tampered",
        "another user's session",
    ],
)
def test_a_session_django_would_refuse_or_treat_apart_reaches_django(front, change):
    app, django = front
    cookie, _ = signed_in("bientap")
    assert _kept(app, django, cookie) == 1
    key = cookie.split(";")[0].split("=")[1]
    user = get_user_model().objects.get(username="bientap")
    if change == "signed out":
        Session.objects.filter(session_key=key).delete()
    elif change == "expired":
        Session.objects.filter(session_key=key).update(expire_date=timezone.now())
    elif change == "password changed":
        user.set_password("một mật khẩu mới rất dài 2026")
        user.save()
    elif change == "deactivated":
        get_user_model().objects.filter(pk=user.pk).update(is_active=False)
    elif change in ("must change password", "message waiting"):
        store = SessionStore(session_key=key)
        store[MUST_CHANGE_PASSWORD if change == "must change password" else "_messages"] = (
            True if change == "must change password" else '[["__json_message",0,20,"Đã lưu"]]'
        )
        store.save()
    elif change == "tampered":
        Session.objects.filter(session_key=key).update(session_data="e30:1tampered:signature")
    else:
        other = get_user_model().objects.get(username="xem")
        store = SessionStore(session_key=key)
        store["_auth_user_id"] = str(other.pk)
        store["_auth_user_hash"] = other.get_session_auth_hash()
        store.save()
    status, _headers, body = call(app, "/aid/", cookie)
    assert django.calls == 2
    if change == "message waiting":
        assert status == "200 OK"
    elif change != "another user's session":
        assert status.startswith("302")  # to the sign-in page, or to the password change
    else:
        assert ">xem</a>" in body and ">bientap</a>" not in body


@pytest.mark.parametrize(
    "cookie_change",
    [
        lambda c: c.replace("csrftoken=", "csrftoken=x"),  # malformed secret
        lambda c: c.split(";")[0],  # no CSRF cookie
        lambda c: c + "; messages=abc",  # a message in the cookie storage
    ],
)
def test_a_request_the_front_cannot_check_reaches_django(front, cookie_change):
    app, django = front
    cookie, _ = signed_in("bientap")
    assert _kept(app, django, cookie) == 1
    call(app, "/aid/", cookie_change(cookie))
    assert django.calls == 2


def test_a_change_of_role_notifications_or_preferences_is_a_new_page(front, yen_bai):
    app, django = front
    cookie, _ = signed_in("bientap")
    user = get_user_model().objects.get(username="bientap")
    assert _kept(app, django, cookie) == 1
    Membership.objects.filter(user=user).update(role=Role.VIEWER)
    assert _kept(app, django, cookie) == 2
    Notification.objects.create(
        user=user,
        office=Office.objects.get(code="lao-cai"),
        kind="test",
        topic=next(iter(TOPICS)),
        key="staff-front",
        title="Việc mới",
        due=timezone.localdate(),
    )
    assert 'class="badge"' in call(app, "/aid/", cookie)[2] and django.calls == 3
    Preference.objects.update_or_create(user=user, defaults={"language": "en"})
    english = call(app, "/aid/", cookie)
    assert english[1]["Content-Language"] == "en" and django.calls == 4
    assert call(app, "/aid/", cookie)[1]["Content-Language"] == "en" and django.calls == 4


def test_a_page_that_is_not_kept_or_another_method_reaches_django(front, settings):
    app, django = front
    cookie, _ = signed_in("bientap")
    call(app, "/account/", cookie)
    call(app, "/account/", cookie)
    call(app, "/aid/", cookie, method="HEAD")
    call(app, "/aid/", cookie, method="HEAD")
    assert django.calls == 4
    settings.KEEP_PAGES = False
    call(app, "/aid/", cookie)
    call(app, "/aid/", cookie)
    assert django.calls == 6


def test_the_front_is_off_with_sessions_kept_elsewhere(front, settings):
    app, django = front
    cookie, _ = signed_in("bientap")
    assert _kept(app, django, cookie) == 1
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    assert front_module.request_of({"REQUEST_METHOD": "GET", "HTTP_COOKIE": cookie}) is None
