"""Error pages in the site's layout and the user's language (Django's own are bare English)."""

from __future__ import annotations

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# When even the styled page cannot be drawn (its template or the static files' manifest broken), this is sent.
BARE_500 = (
    '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi máy chủ · caunoi</title></head>'
    "<body><h1>Đã có lỗi</h1><p>Hệ thống gặp lỗi khi xử lý yêu cầu; dữ liệu của bạn không bị thay đổi.</p>"
    '<p lang="en">Something went wrong while handling the request; your data was not changed.</p></body></html>'
)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # A text over the request size limit was never read: the browser still holds it (Back keeps it).
    if isinstance(exception, RequestDataTooBig):
        return render(request, "413.html", status=413)
    return render(request, "400.html", status=400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception is not None and str(exception) else ""
    return render(request, "403.html", {"reason": reason}, status=403)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(request, "403_csrf.html", status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    """The styled page in the reader's language; it reads no record, so a broken database cannot break it."""
    try:
        body = loader.get_template("500.html").render({}, None)
    except Exception:  # the last resort must not fail in its turn
        body = BARE_500
    return HttpResponseServerError(body)
