"""Helpers shared by the views: records of other offices do not exist for a user (404, never 403)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import Action, can, can_somewhere, visible, visible_offices

View = Callable[..., HttpResponse]


def get_visible(queryset: QuerySet[Any], request: HttpRequest, pk: Any, office_field: str = "office") -> Any:
    try:
        return visible(queryset, request.user, office_field).get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def rule_errors_to_form(form: Any, error: RuleErrors, field_map: dict[str, str] | None = None) -> None:
    """Show each broken rule next to its field (or above the form), in the user's language."""
    for problem in error.problems:
        name = (field_map or {}).get(problem.field or "", problem.field)
        form.add_error(name if name in form.fields else None, problem.text())


def flash_rule_errors(request: HttpRequest, error: RuleErrors) -> None:
    for problem in error.problems:
        messages.error(request, problem.text())


def edit_page(model: str | None = None, office_field: str = "office") -> Callable[[View], View]:
    """A create or edit form only for those who may write (Action.EDIT): a viewer gets the refusal page
    (403) instead of a form whose submit the service would refuse. ``model`` ("app.Model") and
    ``office_field`` find the edited record's office from the URL's ``pk`` (a record the user cannot see is
    404); without a ``pk`` the page creates, and any office the user may write in will do."""

    def decorate(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if model is not None and kwargs.get("pk") is not None:
                records = visible(apps.get_model(model)._default_manager.all(), request.user, office_field)
                office_id = records.filter(pk=kwargs["pk"]).values_list(office_field, flat=True).first()
                if office_id is None:
                    raise Http404
                offices = visible_offices(request.user).filter(pk=office_id)
                allowed = any(can(request.user, Action.EDIT, office) for office in offices)
            else:
                allowed = can_somewhere(request.user, Action.EDIT)
            if not allowed:
                raise PermissionDenied(
                    gettext("Bạn chỉ có quyền xem: trang này dùng để nhập hoặc sửa dữ liệu.")
                )
            return view(request, *args, **kwargs)

        # The URL test finds a record to open by these.
        checked.edit_model = model  # type: ignore[attr-defined]
        checked.edit_office_field = office_field  # type: ignore[attr-defined]
        return checked

    return decorate
