"""Admin for external information: read-only with history. Articles are written through
`caunoi.publishing.services` (sanitising, consent, workflow), which the admin must not bypass."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from caunoi.publishing import models as p


class ReadOnly(SimpleHistoryAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # staff archive, they do not destroy


for model in (p.Article, p.ArticleImage, p.Channel, p.Placement, p.BulletinIssue, p.BulletinEntry, p.Page):
    admin.site.register(model, ReadOnly)
