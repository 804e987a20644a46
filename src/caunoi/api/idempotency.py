"""`Idempotency-Key` on creates: the first answer is kept under the caller and the key, so that a request
retried after a lost answer gets that answer again and never makes a second record."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db import IntegrityError, transaction
from drf_spectacular.utils import OpenApiParameter
from rest_framework.request import Request
from rest_framework.response import Response

from caunoi.api import messages as m
from caunoi.api.models import IdempotentAnswer

HEADER = "Idempotency-Key"
PARAMETER = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="Khóa tùy chọn (tối đa 200 ký tự): gửi lại cùng khóa nhận lại cùng câu trả lời, không tạo bản "
    "ghi thứ hai / an optional key: a retry with the same key gets the same answer, no second record.",
)


def _replay(found: IdempotentAnswer, request: Request) -> Response:
    if found.method != request.method or found.path != request.path:
        raise m.IDEMPOTENCY_KEY_REUSED(field=HEADER, key=found.key, path=found.path)
    return Response(found.body, status=found.status, headers={"Idempotent-Replayed": "true"})


def idempotent(action: Callable[..., Response]) -> Callable[..., Response]:
    @wraps(action)
    def run(view: Any, request: Request, *args: Any, **kwargs: Any) -> Response:
        key = (request.headers.get(HEADER) or "").strip()[:200]
        if not key:
            return action(view, request, *args, **kwargs)
        found = IdempotentAnswer.objects.filter(user=request.user, key=key).first()
        if found is not None:
            return _replay(found, request)
        try:
            with transaction.atomic():
                response = action(view, request, *args, **kwargs)
                if 200 <= response.status_code < 300:
                    IdempotentAnswer.objects.create(
                        user=request.user,
                        key=key,
                        method=request.method,
                        path=request.path,
                        status=response.status_code,
                        body=response.data,
                    )
        except IntegrityError:
            # The same key at the same moment: the other request's record stands, and its answer is ours.
            stored = IdempotentAnswer.objects.filter(user=request.user, key=key).first()
            if stored is None:
                raise
            return _replay(stored, request)
        return response

    return run
