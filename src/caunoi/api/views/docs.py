"""The schema and its two readers, served from the package (drf-spectacular-sidecar): no CDN, and no inline
script, so that the site's Content-Security-Policy holds on these pages too."""

from __future__ import annotations

from csp.decorators import csp_update
from django.http import HttpRequest, JsonResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView


class Schema(SpectacularAPIView):
    pass


@extend_schema(exclude=True)
class Swagger(SpectacularSwaggerSplitView):
    template_name = "api/swagger.html"
    url_name = "api:schema"


# Redoc styles its page with <style> elements it writes at run time and reads the schema in a blob worker:
# those two, and only on this page, are allowed beyond the site's policy.
@method_decorator(
    csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]}), name="get"
)
@extend_schema(exclude=True)
class Redoc(SpectacularRedocView):
    template_name = "api/redoc.html"
    url_name = "api:schema"


@csrf_exempt
def not_found(request: HttpRequest, *args: object, **kwargs: object) -> JsonResponse:
    from caunoi.api import messages as m
    from caunoi.api.errors import said

    return JsonResponse(
        {"errors": [said(m.NOT_FOUND)]}, status=404, json_dumps_params={"ensure_ascii": False}
    )
