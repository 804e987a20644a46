"""The user's personal API tokens on their account page: made, named, scoped and revoked by the user alone;
a new token is shown once, on the page that answers its creation, and never again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.api.models import ApiToken, Scope
from caunoi.api.tokens import create_token, revoke_token
from caunoi.core.errors import RuleErrors
from caunoi.web.views.common import flash_rule_errors


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        try:
            row, new_token = create_token(
                request.user,
                request.POST.get("name", ""),
                request.POST.get("scope", Scope.READ),
                actor=request.user,
            )
        except RuleErrors as error:
            flash_rule_errors(request, error)
        else:
            messages.success(request, _("Đã tạo mã truy cập “%(name)s”.") % {"name": row.name})
    return render(
        request,
        "web/account/tokens.html",
        {
            "title": _("Mã truy cập API"),
            "tokens": ApiToken.objects.filter(user_id=int(request.user.pk or 0)).order_by("-created_at"),
            "scopes": Scope.choices,
            "new_token": new_token,
        },
    )


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = ApiToken.objects.filter(user_id=int(request.user.pk or 0), pk=pk).first()
    if token is None:
        raise Http404
    revoke_token(token, actor=request.user)
    messages.success(request, _("Đã thu hồi mã truy cập “%(name)s”.") % {"name": token.name})
    return redirect("web:api-tokens")
