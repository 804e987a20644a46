"""Parts drawn by Jinja2 (caunoi.web.jinja) inside Django's pages: a list's heads and pager, a form's fields.
They are on every list and form; Django's engine took a tenth of the aid list's time to draw them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from django import template
from django.forms import BaseForm, BoundField
from django.utils.safestring import SafeString

from caunoi.web.jinja import drawn

register = template.Library()


@register.simple_tag(takes_context=True)
def list_head(context: template.Context) -> SafeString:
    """The column heads of the page's `result` (caunoi.web.lists.ListResult), sorting links in the query."""
    return drawn("web/partials/thead.html", {"result": context["result"], "request": context["request"]})


@register.simple_tag(takes_context=True)
def list_pager(context: template.Context) -> SafeString:
    """The count, page links and exports of the page's `result`."""
    return drawn("web/partials/pager.html", {"result": context["result"], "request": context["request"]})


@register.simple_tag
def field_rows(fields: BaseForm | Iterable[BoundField] | BoundField) -> SafeString:
    """Each field with its label, help and errors: a form's visible fields, a list of fields or one."""
    if isinstance(fields, BaseForm):
        fields = fields.visible_fields()
    elif isinstance(fields, BoundField):
        fields = [fields]
    return drawn("web/partials/field.html", {"fields": fields})


@register.simple_tag(takes_context=True)
def jinja(context: template.Context, name: str) -> SafeString:
    """The Jinja2 template `name` drawn with the page's context: the parts of a page drawn row by row."""
    return drawn(name, cast(dict[str, Any], context.flatten()))  # the keys of a page's context are names
