"""`{{ reminder.record|url_of }}`: the page a record reference opens (caunoi.web.links)."""

from __future__ import annotations

from django import template

from caunoi.core.records import RecordRef
from caunoi.web import links

register = template.Library()


@register.filter
def url_of(ref: RecordRef | None) -> str:
    return links.url_of(ref)
