"""The public site as files: every page reachable from the roots, drawn by caunoi itself (Django's test client,
in this process, as an anonymous visitor: no network, no server), with its internal links made relative so that
any web host — or a folder opened from a disk — serves it.

A URL becomes a file by its path (`/a/b/` → `a/b/index.html`), its query folded into the name
(`/a/?year=2022` → `a/index__year-2022.html`); static files keep their paths, shared by both languages. Only
pages answered 200 to an anonymous visitor are kept: a link to anything else (a sign-in page, a staff page) is
left as it was and counted, never followed.
"""

from __future__ import annotations

import posixpath
import re
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from django.conf import settings
from django.test import Client
from lxml import etree
from lxml import html as lxml_html

HTML = "text/html"
CSS = "text/css"
XML_TYPES = ("application/xml", "text/xml", "application/atom+xml", "application/rss+xml")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""")
SLUG_UNSAFE = re.compile(r"[^0-9A-Za-z._-]+")
# Beyond this many pages a crawl stops and says so: a link that makes links (a calendar, a filter that
# adds itself) must not fill a disk.
MAX_PAGES = 50_000


@dataclass
class Page:
    url: str  # path and query, as linked
    file: str  # relative to the output folder, with "/" separators
    content: bytes
    content_type: str
    ms: float  # time to draw it


@dataclass
class Crawl:
    pages: dict[str, Page] = field(default_factory=dict)
    refused: dict[str, int] = field(default_factory=dict)  # url → status, for links not kept
    truncated: bool = False


def file_for(url: str, content_type: str, prefix: str) -> str:
    """The file of a URL: static files at their own path, pages under the language's `prefix`."""
    parts = urlsplit(url)
    static = parts.path.startswith(settings.STATIC_URL)
    # Decoded, then without "." and ".." segments: "%2e%2e" must not climb out of the folder.
    decoded = unquote(parts.path)
    path = "/".join(s for s in decoded.split("/") if s not in ("", ".", ".."))
    if path and (decoded.endswith("/") or decoded.endswith("/.") or decoded.endswith("/..")):
        path += "/"
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif content_type.startswith(HTML) and not path.endswith((".html", ".htm")):
        path += "/index.html"
    if parts.query:
        stem, dot, ext = path.rpartition(".")
        pairs = sorted(parse_qsl(parts.query, keep_blank_values=True))
        slug = SLUG_UNSAFE.sub("-", urlencode(pairs).replace("=", "-").replace("&", "_")).strip("-")
        path = f"{stem}__{slug}.{ext}" if dot else f"{path}__{slug}"
    return path if static or not prefix else posixpath.join(prefix, path)


def _internal(link: str, page_url: str) -> str | None:
    """The path and query of a link to this site, else None (another site, mailto:, a fragment alone)."""
    if not link or link.startswith(("#", "mailto:", "tel:", "data:", "javascript:")):
        return None
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path
    if not path:  # "?year=2022": the same page, another query
        path = urlsplit(page_url).path
    elif not path.startswith("/"):
        base = urlsplit(page_url).path
        path = posixpath.join(base if base.endswith("/") else posixpath.dirname(base) + "/", path)
    trailing = path.endswith("/")
    path = posixpath.normpath(path)
    if trailing and path != "/":
        path += "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _document(content: bytes) -> lxml_html.HtmlElement:
    found = lxml_html.document_fromstring(content)
    assert isinstance(found, lxml_html.HtmlElement)  # the stubs type it as a plain element
    return found


def _links(page_url: str, content: bytes, content_type: str) -> list[str]:
    if content_type.startswith(HTML):
        doc = _document(content)
        return [link for _el, _attr, link, _pos in doc.iterlinks()]
    if content_type.startswith(CSS):
        return [m.group(2) for m in CSS_URL.finditer(content.decode("utf-8", "replace"))]
    return []


class Crawler:
    def __init__(self, language: str, prefix: str, host: str, secure: bool, allowed: tuple[str, ...]):
        self.client = Client(HTTP_HOST=host)
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        self.prefix = prefix
        self.secure = secure
        self.allowed = allowed  # path prefixes a crawl may follow

    def may_follow(self, url: str) -> bool:
        return url.startswith(self.allowed) or url.startswith(settings.STATIC_URL)

    def fetch(self, url: str) -> tuple[int, bytes, str, float]:
        started = time.perf_counter()
        response = self.client.get(url, secure=self.secure)
        if getattr(response, "streaming", False):
            content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
        else:
            content = response.content
        ms = (time.perf_counter() - started) * 1000
        return response.status_code, content, response.get("Content-Type", ""), ms

    def crawl(self, roots: Iterable[str], found: Crawl) -> None:
        queue = deque(roots)
        seen = set(queue)
        while queue:
            url = queue.popleft()
            if len(found.pages) >= MAX_PAGES:
                found.truncated = True
                return
            status, content, content_type, ms = self.fetch(url)
            if status != 200:
                found.refused[url] = status
                continue
            found.pages[url] = Page(url, file_for(url, content_type, self.prefix), content, content_type, ms)
            for link in _links(url, content, content_type):
                target = _internal(link, url)
                if target is None or target in seen or not self.may_follow(target):
                    continue
                seen.add(target)
                queue.append(target)


def relinked(
    page: Page,
    pages: dict[str, Page],
    switch: Callable[[str], str | None] | None = None,
    elsewhere: Callable[[str], str | None] | None = None,
) -> bytes:
    """The page with each link to a kept page made relative to the page's own file (fragments kept);
    `switch` gives the file a link leads to that is not a page's address (the language switch), or None.

    A link of a page to this site that the copy does not hold (the national page of an office's copy, a page
    not public) would lead nowhere from a folder: `elsewhere` gives the absolute address it leads to instead
    (the live site's), else the link is dropped (an `<a>` without href, its text kept)."""
    here = posixpath.dirname(page.file)

    def relative(link: str) -> str | None:
        target = _internal(link, page.url)
        if target is None:
            return link
        fragment = urlsplit(link).fragment
        if target in pages:
            file = pages[target].file
        else:
            found = switch(target) if switch is not None else None
            if found is None:
                return elsewhere(target) if elsewhere is not None else None
            file = found
        rel = posixpath.relpath(file, here or ".")
        return rel + (f"#{fragment}" if fragment else "")

    if page.content_type.startswith(HTML):
        doc = _document(page.content)
        _rewrite_links(doc, relative)
        return b"<!DOCTYPE html>\n" + etree.tostring(doc, encoding="utf-8", method="html")
    if page.content_type.startswith(CSS):
        # Style sheets name only static files, all kept: a link they have that is not kept stays as it was.
        text = page.content.decode("utf-8")
        return CSS_URL.sub(
            lambda m: f"url({m.group(1)}{relative(m.group(2)) or m.group(2)}{m.group(1)})", text
        ).encode()
    return page.content


def _rewrite_links(doc: lxml_html.HtmlElement, new_link: Callable[[str], str | None]) -> None:
    """lxml's `rewrite_links`, except that a link `new_link` drops (None) loses its href or src attribute
    only: lxml's would also empty a whole `<style>` or `style` for one of its `url()`s (left as they were)."""
    for element, attribute, link, position in doc.iterlinks():
        new = new_link(link.strip())
        if new == link:
            continue
        if new is None:
            if attribute in ("href", "src"):
                del element.attrib[attribute]
            continue
        if attribute is None:  # a url() in a <style>: iterlinks gives them last first, positions hold
            text = element.text or ""
            element.text = text[:position] + new + text[position + len(link) :]
        else:
            current = element.get(attribute) or ""
            element.set(attribute, current[:position] + new + current[position + len(link) :])
