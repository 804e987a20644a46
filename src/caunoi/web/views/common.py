"""Helpers shared by the views: records of other offices do not exist for a user (404, never 403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import visible


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
