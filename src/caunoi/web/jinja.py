"""The Jinja2 environment (settings.TEMPLATES, engine "jinja2") of the parts drawn hundreds of elements at a
time, such as the dashboard's map: Django's template engine spent a millisecond per hundred values there.

Texts are translated by Django's own catalog (gettext through Jinja2's i18n extension, so `make messages`
finds `_("…")` as in any template); every value is escaped.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.template import engines
from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, StrictUndefined, pass_context
from jinja2.runtime import Context

from caunoi.web import quick_widgets
from caunoi.web.templatetags import vn

TENTH = Decimal("0.1")


def environment(**options: Any) -> Environment:
    options["undefined"] = StrictUndefined  # a misspelt name fails its test instead of drawing nothing
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    # Old style: `_("…")` is Django's gettext as it is, and a text with values is formatted after it
    # (`_("… %(n)s …")|format(n=…)`), which Django's `makemessages` reads like any template's `_("…")`.
    env.install_gettext_callables(gettext, ngettext, newstyle=False)  # type: ignore[attr-defined]
    env.filters["tenth"] = tenth
    env.filters["json_script"] = json_script
    # The same filters and tags as Django's templates (caunoi.web.templatetags.vn): one rule for each.
    env.filters["vnnum"] = vn.vnnum
    env.filters["money"] = vn.money
    env.filters["vndate"] = vn.vndate
    env.filters["vnstamp"] = vn.vnstamp
    env.filters["linebreaksbr"] = linebreaksbr
    env.filters["filesizeformat"] = filesizeformat
    env.globals["query"] = vn.changed_query
    env.globals["url"] = url
    env.globals["today"] = timezone.localdate
    env.globals["csrf_input"] = csrf_input
    env.globals["widget"] = quick_widgets.widget_html
    return env


def drawn(name: str, context: dict[str, Any]) -> SafeString:
    """The template `name` of this engine drawn with `context`, to be put into a page as it is."""
    # Safe: the template escapes every value it writes (Django's Jinja2 engine returns a plain str).
    return mark_safe(engines["jinja2"].get_template(name).render(context))


@pass_context
def csrf_input(context: Context) -> SafeString:
    """Django's `{% csrf_token %}`: the page's token (its context's `csrf_token`) in a hidden field."""
    return format_html('<input type="hidden" name="csrfmiddlewaretoken" value="{}">', context["csrf_token"])


def url(name: str, *args: Any) -> str:
    """`url("web:aid-detail", item.pk)`: Django's `{% url %}`. An address without arguments, or with one
    whole number, is put together from the pattern's text around it, reversed once a process: a list's
    rows and every page's menu name dozens of addresses, and Django's reverse() costs 25 µs each."""
    if not args or (len(args) == 1 and type(args[0]) is int and args[0] >= 0):
        key = (get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF, translation.get_language())
        around = _around(name, len(args), *key)
        if around is not None:
            return f"{around[0]}{args[0]}{around[1]}" if args else around[0]
    return reverse(name, args=args)


_MARK = 98_765_432_109_876  # a number no address holds but where it is given


@functools.lru_cache(maxsize=1024)
def _around(name: str, count: int, prefix: str, urlconf: str, language: str | None) -> tuple[str, str] | None:
    """The address of `name` before and after its one number (`count` 1), or whole (`count` 0), under the
    script prefix, URL configuration and language given (in the key: reverse() reads them itself); None where a
    pattern's converter refuses the mark or writes it otherwise (then every call reverses)."""
    try:
        path = reverse(name, args=[_MARK] if count else [], urlconf=urlconf)
    except NoReverseMatch:
        return None
    if not count:
        return path, ""
    head, found, tail = path.partition(str(_MARK))
    return (head, tail) if found and str(_MARK) not in tail else None


def tenth(value: float) -> str:
    """A coordinate with one decimal, halves rounded up, never localised ("104.3", not "104,3")."""
    return str(Decimal(repr(value)).quantize(TENTH, ROUND_HALF_UP))
