"""Applies a user's own choices to each request: the language (their saved choice, else the language cookie,
else Vietnamese — never the browser's Accept-Language, since the union works in Vietnamese) and text size."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from caunoi.core.models import Account, Preference

DEFAULT_TEXT_SIZE = 100


PREFERENCES_SQL = f"SELECT language, text_size FROM {Preference._meta.db_table} WHERE user_id = %s"


def chosen(saved: tuple[str, int] | None, cookie: str) -> tuple[str, int]:
    """The language and text size of a request: the user's saved choice (`PREFERENCES_SQL`'s row), else the
    language cookie and the default size; a language caunoi has not, Vietnamese."""
    language, text_size = (cookie, DEFAULT_TEXT_SIZE) if saved is None else saved
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return language, int(text_size)


class UserPreferencesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        saved = None
        if request.user.is_authenticated:
            # Plain SQL: on every signed-in page, kept ones included, where the ORM's query cost counted.
            with connection.cursor() as cursor:
                cursor.execute(PREFERENCES_SQL, [request.user.pk])
                saved = cursor.fetchone()
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language, request.text_size = chosen(saved, cookie)  # type: ignore[attr-defined]
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


# Set at sign-in when the account's password was set by an administrator (read from the session, so that a
# page costs no query more); cleared when the user has changed it.
MUST_CHANGE_PASSWORD = "caunoi_must_change_password"


def remember_password_change(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    """`user_logged_in` receiver: note in the session whether the user must change their password first."""
    if Account.objects.filter(user=user, must_change_password=True).exists():
        request.session[MUST_CHANGE_PASSWORD] = True
    else:
        request.session.pop(MUST_CHANGE_PASSWORD, None)


class PasswordChangeRequiredMiddleware:
    """A user whose password an administrator set reaches only the change-password page (and can sign out)
    until they have chosen their own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated and request.session.get(MUST_CHANGE_PASSWORD):
            allowed = {reverse("web:password-change"), reverse("web:logout"), reverse("web:set-language")}
            if request.path not in allowed and not request.path.startswith(settings.STATIC_URL):
                return redirect("web:password-change")
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """A signed-in page holds office records: no browser or proxy cache may keep it (the Back button after
    signing out on a shared office computer showed them). Kept pages live on the server, not in these caches."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            response.headers["Cache-Control"] = "no-store"
        return response
