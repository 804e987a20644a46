"""A small public site for the publishing tests: pages that link to each other, a query, a download, a static
file, a staff page and another site."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import path
from django.utils import translation

from caunoi.urls import urlpatterns as caunoi_urlpatterns

GONE: set[str] = set()  # pages a test withdraws


def home(request: HttpRequest) -> HttpResponse:
    year = request.GET.get("year", "")
    links = "".join(
        f'<a href="{href}">x</a>'
        for href in (
            "/pub/a/",
            "/pub/a/#part",
            "?year=2022",
            "/pub/data.csv",
            "/staff/",
            "https://example.org/pub/",
            "mailto:lhhn@example.vn",
            "#top",
        )
    )
    body = f"<p>{translation.get_language()} {year}</p>{links}"
    return HttpResponse(
        f'<!DOCTYPE html><html><head><link rel="stylesheet" href="/static/caunoi/app.css"></head>'
        f"<body>{body}</body></html>"
    )


def page_a(request: HttpRequest) -> HttpResponse:
    if "a" in GONE:
        raise Http404
    return HttpResponse('<html><body><a href="../">up</a><img src="b.png" alt="b"></body></html>')


def data_csv(request: HttpRequest) -> HttpResponse:
    return HttpResponse("mã,tên\n1,=SUM(A1)\n", content_type="text/csv; charset=utf-8")


@login_required
def staff(request: HttpRequest) -> HttpResponse:
    return HttpResponse("staff only")


urlpatterns = [
    path("pub/", home),
    path("pub/a/", page_a),
    path("pub/data.csv", data_csv),
    path("staff/", staff),
    *caunoi_urlpatterns,
]
