from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from caunoi.notify.services import unread_count

TEXT_SIZES = (90, 100, 115, 130)


def layout(request: HttpRequest) -> dict[str, Any]:
    size = getattr(request, "text_size", 100)
    return {
        "text_size": size,
        "text_size_class": f"text-{size}",
        "text_sizes": TEXT_SIZES,
        "unread_notifications": unread_count(request.user) if hasattr(request, "user") else 0,
    }
