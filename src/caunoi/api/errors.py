"""Every refusal the API gives has one shape: `{"errors": [{"code", "field", "vi", "en"}]}` — a rule's code
and its message in both languages, as the spreadsheet and IATI imports report them. No traceback leaves."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from caunoi.api import messages as m
from caunoi.core.errors import ALL_MESSAGES, Msg, Problem, RuleErrors

log = logging.getLogger(__name__)

DENIED = "permission.denied"


class ProblemSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Mã quy tắc / the rule's code")
    field = serializers.CharField(allow_null=True, help_text="Trường / the field")
    vi = serializers.CharField(help_text="Tiếng Việt")
    en = serializers.CharField(help_text="English")


class ErrorSerializer(serializers.Serializer[Any]):
    errors = ProblemSerializer(many=True)


def _entry(problem: Problem) -> dict[str, Any]:
    return {"code": problem.code, "field": problem.field, "vi": problem.vi, "en": problem.en}


def said(msg: Msg, field: str | None = None, **params: Any) -> dict[str, Any]:
    return _entry(Problem(msg, params, field=field))


def _drf_entries(error: exceptions.APIException) -> list[dict[str, Any]]:
    """A DRF exception's details, as problems: ours by their code, DRF's own worded as given."""
    found: list[dict[str, Any]] = []

    def walk(detail: Any, field: str | None) -> None:
        if isinstance(detail, dict):
            for key, value in detail.items():
                walk(value, key if field is None or key == "non_field_errors" else f"{field}.{key}")
        elif isinstance(detail, list):
            for value in detail:
                walk(value, field)
        else:
            code = getattr(detail, "code", None)
            if code in ALL_MESSAGES:
                found.append(said(ALL_MESSAGES[code], field))
            else:
                found.append(
                    said(m.BAD_INPUT, None if field == "non_field_errors" else field, detail=str(detail))
                )

    walk(error.detail, None)
    return found


def handle(error: Exception, context: dict[str, Any]) -> Response | None:
    headers: dict[str, str] = {}
    if isinstance(error, RuleErrors):
        problems = [_entry(p) for p in error.problems]
        codes = {p["code"] for p in problems}
        # A record named in the request that the caller cannot read does not exist for them, as in the web.
        code = 403 if DENIED in codes else 404 if m.NOT_FOUND.code in codes else status.HTTP_400_BAD_REQUEST
        return Response({"errors": problems}, status=code)
    if isinstance(error, (Http404, exceptions.NotFound)):
        return Response({"errors": [said(m.NOT_FOUND)]}, status=404)
    if isinstance(error, DjangoPermissionDenied):
        error = exceptions.PermissionDenied()
    if isinstance(error, exceptions.Throttled):
        seconds = int(error.wait or 1)
        headers["Retry-After"] = str(seconds)
        return Response({"errors": [said(m.THROTTLED, seconds=seconds)]}, status=429, headers=headers)
    if isinstance(error, (exceptions.NotAuthenticated, exceptions.AuthenticationFailed)):
        code = getattr(error.detail, "code", None)
        msg = ALL_MESSAGES.get(str(code), m.NOT_SIGNED_IN)
        view = context.get("view")
        request = context.get("request")
        if view is not None and request is not None:
            header = view.get_authenticate_header(request)
            if header:
                headers["WWW-Authenticate"] = header
        return Response({"errors": [said(msg)]}, status=401, headers=headers)
    if isinstance(error, exceptions.APIException):
        if isinstance(error, exceptions.MethodNotAllowed):
            headers["Allow"] = ", ".join(getattr(context.get("view"), "allowed_methods", []))
        return Response({"errors": _drf_entries(error)}, status=error.status_code, headers=headers)

    # Anything else is a fault of caunoi, not of the request: logged with its traceback, answered without it.
    log.exception("API request failed", exc_info=error)
    return Response({"errors": [said(m.SERVER_ERROR)]}, status=500)
