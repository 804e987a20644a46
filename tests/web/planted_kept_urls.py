"""The site's URLs plus one kept page that reads a table no mark covers, to see the check of kept pages fail."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from caunoi.relations.models import Agreement
from caunoi.urls import urlpatterns
from caunoi.web.kept_pages import kept_page


@kept_page("planted")
def planted(request: HttpRequest) -> HttpResponse:
    people = Agreement.objects.count()  # agreements renew no mark
    return HttpResponse(f"<p>{people}</p>", content_type="text/html; charset=utf-8")


urlpatterns = [path("planted/", planted), *urlpatterns]
