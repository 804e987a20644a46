"""Where the open aid portal begins, for `caunoi publish` (registered in `PortalConfig.ready()`)."""

from __future__ import annotations

from django.urls import reverse

from caunoi.core.models import Office


def portal_roots(office: Office | None) -> list[str]:
    """The national page and the sitemap; for an office, its portal and the column dictionary."""
    if office is None:
        return [reverse("portal:national"), reverse("portal:sitemap")]
    return [reverse("portal:office", args=[office.code]), reverse("portal:columns")]
