"""Users and their roles, managed by the office's administrator (or a national one): thin views over
caunoi.core.accounts. A user the reader may not manage does not exist for them (404)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from caunoi.core import accounts
from caunoi.core.errors import RuleErrors
from caunoi.core.models import NATIONAL_ROLES, Membership, Office, Role
from caunoi.core.permissions import Action, can, visible_offices
from caunoi.web.account_forms import NewUserForm, ResetPasswordForm, RoleForm
from caunoi.web.views.common import flash_rule_errors, rule_errors_to_form

User = get_user_model()
ROLE_HISTORY_LIMIT = 100


def managed_offices(user: Any) -> list[Office]:
    """The offices whose users `user` manages."""
    return [office for office in visible_offices(user) if can(user, Action.MANAGE_USERS, office)]


def _roles_for(actor: Any, office: Office | None) -> list[tuple[str, Any]]:
    national = office is not None and can(actor, Action.MANAGE_OFFICES, office)
    return [(value, label) for value, label in Role.choices if national or value not in NATIONAL_ROLES]


def _office(request: HttpRequest, offices: list[Office]) -> Office:
    if not offices:
        raise Http404
    code = request.GET.get("office") or request.POST.get("office")
    chosen = next((o for o in offices if o.code == code), None) if code else offices[0]
    if chosen is None:
        raise Http404
    return chosen


def _managed_user(request: HttpRequest, pk: int) -> Any:
    """The user if the reader manages them (or one of their offices), else 404."""
    user = User.objects.filter(pk=pk).first()
    if user is None:
        raise Http404
    if not any(can(request.user, Action.MANAGE_USERS, o) for o in accounts.managing_offices(user)) and not (
        can(request.user, Action.MANAGE_OFFICES, Office())
    ):
        raise Http404
    return user


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    offices = managed_offices(request.user)
    office = _office(request, offices)
    users = (
        User.objects.filter(Q(account__office=office) | Q(memberships__office=office))
        .distinct()
        .select_related("account")
        .order_by("username")
    )
    roles = dict(Membership.objects.filter(office=office).values_list("user_id", "role"))
    history = (
        Membership.history.filter(office_id=office.pk)
        .select_related("history_user", "user")
        .order_by("-history_date", "-history_id")[:ROLE_HISTORY_LIMIT]
    )
    return render(
        request,
        "web/users/list.html",
        {
            "office": office,
            "offices": offices,
            "rows": [(u, Role(roles[u.pk]).label if u.pk in roles else "") for u in users],
            "history": history,
            "title": _("Người dùng"),
        },
    )


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    office = _office(request, managed_offices(request.user))
    form = NewUserForm(request.POST or None, roles=_roles_for(request.user, office))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = accounts.create_user(
                office,
                actor=request.user,
                username=data["username"],
                full_name=data["full_name"],
                email=data["email"],
                role=data["role"],
                password=data["password1"],
            )
        except RuleErrors as error:
            rule_errors_to_form(form, error, {"password": "password1"})
        else:
            messages.success(request, _("Đã tạo người dùng %(name)s.") % {"name": user.get_username()})
            return redirect("web:user-detail", pk=user.pk)
    return render(
        request,
        "web/users/form.html",
        {"form": form, "office": office, "title": _("Người dùng mới")},
    )


@login_required
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    offices = managed_offices(request.user)
    memberships = Membership.objects.filter(user=user).select_related("office").order_by("office__code")
    first = offices[0] if offices else None
    return render(
        request,
        "web/users/detail.html",
        {
            "person": user,
            "memberships": [(m, can(request.user, Action.MANAGE_USERS, m.office)) for m in memberships],
            "role_form": RoleForm(
                offices=Office.objects.filter(pk__in=[o.pk for o in offices]),
                roles=_roles_for(request.user, first),
            ),
            "password_form": ResetPasswordForm(),
            "account": getattr(user, "account", None),
            "history": Membership.history.filter(user_id=user.pk, office_id__in=[o.pk for o in offices])
            .select_related("history_user", "office")
            .order_by("-history_date", "-history_id")[:ROLE_HISTORY_LIMIT],
            "is_self": user.pk == request.user.pk,
            "title": user.get_username(),
        },
    )


def _done(request: HttpRequest, user: Any, action: Any, success: str) -> HttpResponse:
    try:
        action()
    except RuleErrors as error:
        flash_rule_errors(request, error)
    else:
        messages.success(request, success)
    return redirect("web:user-detail", pk=user.pk)


@login_required
@require_POST
def user_role(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    offices = managed_offices(request.user)
    form = RoleForm(
        request.POST, offices=Office.objects.filter(pk__in=[o.pk for o in offices]), roles=Role.choices
    )
    if not form.is_valid():
        raise Http404
    office, role = form.cleaned_data["office"], form.cleaned_data["role"]
    return _done(
        request,
        user,
        lambda: accounts.set_role(user, office, role, actor=request.user),
        _("Đã giao vai trò %(role)s tại %(office)s.") % {"role": Role(role).label, "office": office.code},
    )


@login_required
@require_POST
def user_role_remove(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    user = _managed_user(request, pk)
    office = next((o for o in managed_offices(request.user) if o.code == code), None)
    if office is None:
        raise Http404
    return _done(
        request,
        user,
        lambda: accounts.remove_role(user, office, actor=request.user),
        _("Đã bỏ vai trò tại %(office)s.") % {"office": office.code},
    )


@login_required
@require_POST
def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    form = ResetPasswordForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("password2", []) + form.errors.get("password1", []):
            messages.error(request, str(error))
        return redirect("web:user-detail", pk=user.pk)
    return _done(
        request,
        user,
        lambda: accounts.reset_password(user, form.cleaned_data["password1"], actor=request.user),
        _("Đã đặt lại mật khẩu; %(name)s phải đổi mật khẩu khi đăng nhập.") % {"name": user.get_username()},
    )


@login_required
@require_POST
def user_active(request: HttpRequest, pk: int) -> HttpResponse:
    user = _managed_user(request, pk)
    if request.POST.get("active") == "1":
        return _done(
            request,
            user,
            lambda: accounts.reactivate_user(user, actor=request.user),
            _("Đã mở lại tài khoản %(name)s.") % {"name": user.get_username()},
        )
    return _done(
        request,
        user,
        lambda: accounts.deactivate_user(user, actor=request.user),
        _("Đã khóa tài khoản %(name)s.") % {"name": user.get_username()},
    )
