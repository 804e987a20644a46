"""Where the open aid portal begins, for `caunoi publish` (registered in `PortalConfig.ready()`)."""

from __future__ import annotations

from django.urls import reverse

from caunoi.core.models import Office


def portal_roots(office: Office | None) -> list[str]:
    """The national page and the sitemap; for an office, its portal, its sitemap and the column dictionary
    (both forms).
    An office's publication follows only the pages under these (caunoi.staticsite.publish)."""
    if office is None:
        return [reverse("portal:national"), reverse("portal:sitemap")]
    return [
        reverse("portal:office", args=[office.code]),
        reverse("portal:office-sitemap", args=[office.code]),
        reverse("portal:columns"),
        reverse("portal:columns-csv"),
    ]
