"""The schema and its two readers, served from the package (drf-spectacular-sidecar): no CDN, and no inline
script, so that the site's Content-Security-Policy holds on these pages too."""

from __future__ import annotations

from csp.decorators import csp_update
from django.utils.decorators import method_decorator
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
