"""The site's URLs plus one view that fails, to see the 500 page as a reader would."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from caunoi.urls import handler400, handler403, handler500, urlpatterns


def fail(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug")


urlpatterns = [path("fail/", fail), *urlpatterns]
__all__ = ["handler400", "handler403", "handler500", "urlpatterns"]
