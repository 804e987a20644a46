"""The Jinja2 templates' url(): every address of the web's patterns, with no argument or one whole number, is
what Django's reverse() gives, under any script prefix; anything else is reversed as it is."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, reverse, set_script_prefix

from caunoi.web import urls as web_urls
from caunoi.web.jinja import url


def _named(patterns, namespace: str = "web"):
    for p in patterns:
        if isinstance(p, URLResolver):
            yield from _named(p.url_patterns, f"{namespace}:{p.namespace}" if p.namespace else namespace)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{namespace}:{p.name}", p.pattern.converters


@pytest.mark.parametrize("prefix", ["/", "/caunoi/", "/a%20b/"])
def test_every_address_is_what_reverse_gives(prefix):
    set_script_prefix(prefix)
    try:
        names = list(_named(web_urls.urlpatterns))
        one_number = [
            n for n, c in names if len(c) == 1 and type(next(iter(c.values()))).__name__ == "IntConverter"
        ]
        bare = [n for n, c in names if not c]
        assert len(one_number) >= 40 and len(bare) >= 40  # the web's pages, not an empty walk
        for name in one_number:
            for pk in (0, 7, 123456, 98_765_432_109_876):
                assert url(name, pk) == reverse(name, args=[pk]), name
        for name in bare:
            assert url(name) == reverse(name), name
        for name, converters in names:  # other converters, and values no int converter takes: reversed
            if len(converters) == 1 and name not in one_number:
                assert url(name, "x-1") == reverse(name, args=["x-1"]), name
        with pytest.raises(NoReverseMatch):
            url("web:aid-detail", -1)
        with pytest.raises(NoReverseMatch):
            url("web:no-such-page")
    finally:
        set_script_prefix("/")
