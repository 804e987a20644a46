"""One search box for every record the user may read."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from caunoi.aid.models import ItemDocument
from caunoi.search import services
from caunoi.search.services import Hit

# The web's address of each kind of record, and of its list searched for the same words where it has one.
DETAIL_URLS = {
    "aid": "web:aid-detail",
    "organisation": "web:organisation-detail",
    "partner": "web:rel-partner-detail",
    "agreement": "web:rel-agreement-detail",
    "event": "web:rel-event-detail",
    "association": "web:rel-association-detail",
    "person": "web:rel-person-detail",
}
LIST_URLS = {
    "aid": "web:aid-list",
    "organisation": "web:organisation-list",
    "partner": "web:rel-partner-list",
    "agreement": "web:rel-agreement-list",
    "event": "web:rel-event-list",
    "association": "web:rel-association-list",
    "person": "web:rel-person-list",
}


def url_of(hit: Hit, document_item: dict[int, int]) -> str:
    if hit.kind == "document":
        return reverse("web:aid-document", args=[document_item[hit.pk], hit.pk])
    return reverse(DETAIL_URLS[hit.kind], args=[hit.pk])


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[: services.LONGEST_QUERY]
    found = services.search(query, actor=request.user)
    document_ids = [h.pk for f in found if f.kind.code == "document" for h in f.hits]
    document_item = dict(ItemDocument.objects.filter(pk__in=document_ids).values_list("pk", "item_id"))
    groups = [
        {
            "label": f.kind.label,
            "code": f.kind.code,
            "rows": [(hit, url_of(hit, document_item)) for hit in f.hits],
            "more": reverse(LIST_URLS[f.kind.code]) + "?" + urlencode({"q": query})
            if f.more and f.kind.code in LIST_URLS
            else None,
        }
        for f in found
    ]
    title = _("Tìm kiếm")
    return render(
        request,
        "web/search.html",
        {
            "title": title,
            "query": query,
            "groups": groups,
            "too_short": bool(query) and len(" ".join(services.words_of(query))) < services.MIN_LENGTH,
            "breadcrumbs": [(title, None)],
        },
    )
