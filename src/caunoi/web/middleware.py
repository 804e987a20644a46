"""Applies a user's own choices to each request: the language (their saved choice, else the language cookie,
else Vietnamese — never the browser's Accept-Language, since the union works in Vietnamese) and text size."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from caunoi.core.models import Preference

DEFAULT_TEXT_SIZE = 100


class UserPreferencesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.text_size = DEFAULT_TEXT_SIZE  # type: ignore[attr-defined]
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if request.user.is_authenticated:
            preference = Preference.objects.filter(user_id=request.user.pk).first()
            if preference is not None:
                language = preference.language
                request.text_size = preference.text_size  # type: ignore[attr-defined]
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


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
