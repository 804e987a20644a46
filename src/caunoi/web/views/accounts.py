"""Signing in and out, and the user's own choices: language and text size."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from caunoi.core.models import Preference
from caunoi.web.context import TEXT_SIZES


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next") or request.META.get("HTTP_REFERER") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    return redirect(target)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        raise Http404
    if request.user.is_authenticated:
        Preference.objects.update_or_create(
            user_id=int(request.user.pk or 0), defaults={"language": language}
        )
    translation.activate(language)
    response = _back(request)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
    )
    return response


@login_required
@require_POST
def set_text_size(request: HttpRequest) -> HttpResponse:
    try:
        size = int(request.POST.get("size", ""))
    except ValueError:
        raise Http404 from None
    if size not in TEXT_SIZES:
        raise Http404
    Preference.objects.update_or_create(user_id=int(request.user.pk or 0), defaults={"text_size": size})
    return _back(request)
