"""Users, their roles and their offices: what an office administrator (and a national one) does, and what every
user does for themselves (password, language).

An account is managed by its office (`Account.office`): that office's administrator creates it, resets its
password and deactivates it. Roles are memberships, one per office, kept with their history (who gave whom
which role, when). A password set by someone else must be changed at the next sign-in.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils import translation

from caunoi.core import audit
from caunoi.core import messages as m
from caunoi.core.errors import Worded
from caunoi.core.models import NATIONAL_ROLES, Account, Membership, Office, Preference, Role
from caunoi.core.permissions import Action, Actor, SystemActor, authorize, can
from caunoi.core.text import fold
from caunoi.geography.mapping import find_units
from caunoi.geography.models import AdminUnit, Era, Level

User = get_user_model()


# --- checks -----------------------------------------------------------------------------------------------


def check_password_rules(password: str, user: Any) -> None:
    """Django's validators (settings.AUTH_PASSWORD_VALIDATORS). Their reasons are worded when they are raised,
    so they are asked in both languages and the message picks the one it renders in."""
    reasons: dict[str, str] = {}
    for language in ("vi", "en"):
        with translation.override(language):
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                reasons[language] = " ".join(error.messages)
    if reasons:
        raise m.PASSWORD_REJECTED(field="password", reasons=Worded(reasons))


def check_identity(username: str, email: str) -> str:
    """A user name that is valid and free (returned), and a valid e-mail address (or none)."""
    try:
        UnicodeUsernameValidator()(username)
        if not username or len(username) > 150:
            raise ValidationError("length")
    except ValidationError:
        raise m.USERNAME_INVALID(field="username", username=username) from None
    if User.objects.filter(username__iexact=username).exists():
        raise m.USERNAME_TAKEN(field="username", username=username)
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise m.EMAIL_INVALID(field="email", email=email) from None
    return username


def _check_role(role: str, office: Office, actor: Actor) -> Role:
    if role not in Role.values:
        raise m.ROLE_UNKNOWN(field="role", role=role)
    authorize(actor, Action.MANAGE_USERS, office)
    if role in NATIONAL_ROLES and not can(actor, Action.MANAGE_OFFICES, office):
        raise m.ROLE_NATIONAL_ONLY(field="role", role=Role(role).label)
    return Role(role)


def managing_offices(user: Any) -> list[Office]:
    """The offices whose administrator manages `user`: the account's office, else every office where the user
    has a role (a user from before accounts existed)."""
    account = Account.objects.select_related("office").filter(user=user).first()
    if account is not None and account.office is not None:
        return [account.office]
    return list(Office.objects.filter(memberships__user=user).distinct())


def _authorize_over(actor: Actor, user: Any) -> None:
    offices = managing_offices(user)
    for office in offices:
        authorize(actor, Action.MANAGE_USERS, office)
    if not offices:  # nobody's office: only above every office
        authorize(actor, Action.MANAGE_OFFICES, Office(code="—"))


def _keep_an_admin(office: Office, leaving: Any) -> None:
    """An office keeps at least one active administrator, so someone can always manage its users."""
    others = Membership.objects.filter(office=office, role=Role.OFFICE_ADMIN, user__is_active=True).exclude(
        user=leaving
    )
    is_admin = Membership.objects.filter(office=office, role=Role.OFFICE_ADMIN, user=leaving).exists()
    if is_admin and not others.exists():
        raise m.LAST_ADMIN(field="role", username=leaving.get_username(), office=office.code)


def _account(user: Any) -> Account:
    account, _ = Account.objects.get_or_create(user=user)
    return account


# --- what an administrator does ------------------------------------------------------------------------


@transaction.atomic
def create_user(
    office: Office,
    *,
    actor: Actor,
    username: str,
    password: str,
    role: str,
    full_name: str = "",
    email: str = "",
    must_change_password: bool = True,
) -> AbstractBaseUser:
    """A new user of `office` with one role there. The password is the administrator's, so by default the
    user must change it at the first sign-in. Users of the app are never Django staff: the Django admin is the
    server operator's."""
    username, email, full_name = username.strip(), email.strip(), full_name.strip()
    checked_role = _check_role(role, office, actor)
    check_identity(username, email)
    # Vietnamese names are written family name first: the whole name is kept as it is typed.
    user = User(username=username, email=email, first_name=full_name, is_staff=False)
    check_password_rules(password, user)
    user.set_password(password)
    user.save()
    audit.save(Account(user=user, office=office, must_change_password=must_change_password), actor)
    audit.save(Membership(user=user, office=office, role=checked_role), actor)
    return user


@transaction.atomic
def set_role(user: Any, office: Office, role: str, *, actor: Actor) -> Membership:
    """Give `user` the role `role` in `office`, in place of any role they had there."""
    checked_role = _check_role(role, office, actor)
    membership = Membership.objects.filter(user=user, office=office).first()
    if membership is not None and membership.role in NATIONAL_ROLES:
        _check_role(membership.role, office, actor)  # taking a national role away is national too
    if checked_role != Role.OFFICE_ADMIN:
        _keep_an_admin(office, user)
    if membership is None:
        membership = Membership(user=user, office=office)
    elif membership.role == checked_role:
        return membership
    membership.role = checked_role
    audit.save(membership, actor)
    return membership


@transaction.atomic
def remove_role(user: Any, office: Office, *, actor: Actor) -> None:
    """Take away the user's role in `office`: they no longer see or change anything of it."""
    membership = Membership.objects.filter(user=user, office=office).first()
    authorize(actor, Action.MANAGE_USERS, office)
    if membership is None:
        return
    _check_role(membership.role, office, actor)
    _keep_an_admin(office, user)
    audit.delete(membership, actor)


@transaction.atomic
def reset_password(user: Any, password: str, *, actor: Actor) -> None:
    """Set a password the user must replace at the next sign-in (their open sessions end: Django signs out a
    session whose password changed)."""
    _authorize_over(actor, user)
    if getattr(actor, "pk", None) == user.pk:
        raise m.PASSWORD_OWN_ONLY(field="password")
    check_password_rules(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    account = _account(user)
    account.must_change_password = True
    audit.save(account, actor)


@transaction.atomic
def deactivate_user(user: Any, *, actor: Actor) -> None:
    """The user can no longer sign in; their records and history stay, and they can be reactivated."""
    _authorize_over(actor, user)
    if getattr(actor, "pk", None) == user.pk:
        raise m.NOT_YOURSELF(field=None)
    for membership in Membership.objects.filter(user=user, role=Role.OFFICE_ADMIN).select_related("office"):
        _keep_an_admin(membership.office, user)
    user.is_active = False
    user.save(update_fields=["is_active"])


@transaction.atomic
def reactivate_user(user: Any, *, actor: Actor) -> None:
    _authorize_over(actor, user)
    user.is_active = True
    user.save(update_fields=["is_active"])


# --- what every user does for themselves ------------------------------------------------------------------


def _self_only(user: Any, actor: Actor) -> None:
    if not isinstance(actor, SystemActor) and getattr(actor, "pk", None) != user.pk:
        raise m.PASSWORD_OWN_ONLY(field="password")


@transaction.atomic
def change_own_password(user: Any, old_password: str, new_password: str, *, actor: Actor) -> None:
    _self_only(user, actor)
    if not user.check_password(old_password):
        raise m.PASSWORD_WRONG(field="old_password")
    if old_password == new_password:
        raise m.PASSWORD_UNCHANGED(field="new_password")
    check_password_rules(new_password, user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    account = _account(user)
    if account.must_change_password:
        account.must_change_password = False
        audit.save(account, actor)


def set_language(user: Any, language: str, *, actor: Actor) -> None:
    _self_only(user, actor)
    known = dict(settings.LANGUAGES)
    if language not in known:
        raise m.LANGUAGE_UNKNOWN(field="language", language=language, known=", ".join(known))
    Preference.objects.update_or_create(user=user, defaults={"language": language})


# --- offices ----------------------------------------------------------------------------------------------


def find_current_province(text: str) -> AdminUnit:
    """A province (or centrally-run city) of today by its code or its name, with or without diacritics."""
    text = text.strip()
    if not text:
        raise m.PROVINCE_REQUIRED(field="province")
    if text.isdigit():
        text = text.zfill(2)  # province codes are written with two digits (01 Hà Nội)
    found = list(find_units(text, era=Era.REFORM_2025, level=Level.PROVINCE))
    exact = [u for u in found if text == u.code or _same_name(text, u)]
    if len(exact) == 1:
        return exact[0]
    if len(found) == 1:
        return found[0]
    if not found:
        raise m.PROVINCE_UNKNOWN(field="province", text=text)
    raise m.PROVINCE_AMBIGUOUS(field="province", text=text, names=", ".join(u.name for u in found))


def _same_name(text: str, unit: AdminUnit) -> bool:
    return fold(text) in (fold(unit.short_name), fold(unit.name))


def _check_province(province: AdminUnit | None) -> AdminUnit:
    if province is None:
        raise m.PROVINCE_REQUIRED(field="home_province")
    if province.era != Era.REFORM_2025 or province.level != Level.PROVINCE or province.valid_to is not None:
        raise m.PROVINCE_NOT_CURRENT(field="home_province", unit=str(province))
    return province


def _office_fields(fields: dict[str, Any]) -> dict[str, Any]:
    cleaned = {k: (v or "").strip() for k, v in fields.items() if k in ("name", "name_en", "abbreviation")}
    if "name" in cleaned and not cleaned["name"]:
        raise m.OFFICE_NAME_REQUIRED(field="name")
    return cleaned


@transaction.atomic
def create_office(
    *,
    actor: Actor,
    code: str,
    name: str,
    province: AdminUnit | None,
    name_en: str = "",
    abbreviation: str = "",
) -> Office:
    """A new union, in a province of today. Only above every office: the server's operator (`caunoi setup`)
    or a national administrator."""
    code = code.strip()
    office = Office(code=code)
    authorize(actor, Action.MANAGE_OFFICES, office)
    try:
        validate_slug(code)
        if not code or code != code.lower() or len(code) > 32:
            raise ValidationError("code")
    except ValidationError:
        raise m.OFFICE_CODE_INVALID(field="code", code=code) from None
    if Office.objects.filter(code=code).exists():
        raise m.OFFICE_CODE_TAKEN(field="code", code=code)
    for field, value in _office_fields(
        {"name": name, "name_en": name_en, "abbreviation": abbreviation}
    ).items():
        setattr(office, field, value)
    office.home_province = _check_province(province)
    audit.save(office, actor)
    return office


@transaction.atomic
def update_office(
    office: Office, *, actor: Actor, province: AdminUnit | None = None, **fields: Any
) -> Office:
    """Change the office's names (and its province, to one of today). Its code never changes: files and
    commands name the office by it."""
    authorize(actor, Action.EDIT_OFFICE, office)
    for field, value in _office_fields(fields).items():
        setattr(office, field, value)
    if province is not None and province.pk != office.home_province_id:
        office.home_province = _check_province(province)
    audit.save(office, actor)
    return office
