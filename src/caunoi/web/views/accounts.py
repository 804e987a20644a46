"""Signing in and out, and the user's own choices: password, language and text size."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from caunoi.core import accounts
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Preference
from caunoi.web.account_forms import OwnPasswordForm
from caunoi.web.context import TEXT_SIZES
from caunoi.web.middleware import MUST_CHANGE_PASSWORD
from caunoi.web.views.common import rule_errors_to_form


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
        accounts.set_language(request.user, language, actor=request.user)
    translation.activate(language)
    response = _back(request)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE
    )
    return response


@require_GET
def language_link(request: HttpRequest, language: str) -> HttpResponse:
    """The public site's language switch: a plain link (`?next=` the page), so that its pages carry no CSRF
    token and are the same for every visitor (caunoi.portal.kept). It sets the language cookie only: a
    signed-in reader's saved language, which wins over the cookie, is changed by the form of the staff pages."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    target = request.GET.get("next", "")
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = "/"
    response = redirect(target)
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


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The user's own page: who they are, their roles, their language; the way to change the password."""
    memberships = request.user.memberships.select_related("office").order_by("office__code")  # type: ignore[union-attr]
    return render(
        request, "web/account/index.html", {"memberships": memberships, "title": _("Tài khoản của tôi")}
    )


@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    form = OwnPasswordForm(request.POST or None)
    forced = bool(request.session.get(MUST_CHANGE_PASSWORD))
    if request.method == "POST" and form.is_valid():
        try:
            accounts.change_own_password(
                request.user,
                form.cleaned_data["old_password"],
                form.cleaned_data["password1"],
                actor=request.user,
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error, {"password": "password1", "new_password": "password1"})
        else:
            update_session_auth_hash(request, request.user)  # type: ignore[arg-type]  # stay signed in
            request.session.pop(MUST_CHANGE_PASSWORD, None)
            messages.success(request, _("Đã đổi mật khẩu."))
            return redirect("web:home" if forced else "web:account")
    return render(
        request, "web/account/password.html", {"form": form, "forced": forced, "title": _("Đổi mật khẩu")}
    )
