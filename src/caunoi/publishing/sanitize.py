"""Article HTML, cleaned with nh3 (the Rust ammonia sanitiser): an allow-list of tags and attributes, links
only to http(s) and mailto, nothing that runs (script, style, event handlers, javascript: URLs).

Everything stored in Article.body / body_en has been through `clean_html`, so templates may show it as safe.
"""

from __future__ import annotations

import nh3

TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "h2",
        "h3",
        "h4",
        "ul",
        "ol",
        "li",
        "blockquote",
        "a",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
    }
)
ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


def clean_html(html: str | None) -> str:
    """Safe HTML for any input (never raises on odd markup: nh3 parses as a browser does)."""
    text = (html or "").replace("\x00", "")
    return nh3.clean(
        text,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def plain_text(html: str | None) -> str:
    """The text of sanitised HTML, for consent checks and searches (tags dropped, entities kept as text)."""
    import html as html_module

    return html_module.unescape(nh3.clean(html or "", tags=set())).strip()
