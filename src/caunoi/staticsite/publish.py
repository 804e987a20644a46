"""`caunoi publish`: the public site of an office written as static files, in both languages.

Vietnamese pages go at the top of the folder, English ones under `en/`, static files under their own path for
both. Re-running writes only the files whose bytes changed and removes the files an earlier run wrote that
are no longer published (an article withdrawn, an item no longer public): the folder never keeps what the
records no longer say. Which files are caunoi's is kept in a manifest; other files in the folder are left
alone.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.conf import settings
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import translation

from caunoi.core.models import Office
from caunoi.staticsite.crawl import Crawl, Crawler, Page, file_for, relinked
from caunoi.staticsite.roots import roots_for

MANIFEST = ".caunoi-publish.json"
# Each language and the folder its pages go in; the first is the site's own language.
LANGUAGE_FOLDERS = (("vi", ""), ("en", "en"))


class NothingToPublish(Exception):
    """No app registered a public page for the office, or none answered."""


@dataclass
class Published:
    pages: list[Page] = field(default_factory=list)
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    truncated: bool = False
    seconds: float = 0.0


def publish(office: Office | None, folder: Path, host: str = "localhost", live: str = "") -> Published:
    """`live`: the address of the live public site (`https://host`), where a link to a public page that the
    copy does not hold leads (an office's copy has no national page); without it such links are dropped."""
    started = time.perf_counter()
    roots = roots_for(office)
    if not roots:
        raise NothingToPublish
    # Only the pages under the roots: an office's own pages (and the shared ones it names), and as a
    # successor its predecessors' (its pages list their items and news, each under its own office), never
    # the other offices' that the national page links to; the national run's roots open the whole public part.
    public_part = tuple(sorted({_top(r) for r in roots}))
    if office is None:
        allowed = public_part
    else:
        allowed = tuple(sorted({r for o in office.lineage() for r in roots_for(o)}))
    found = Crawl()
    secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))
    # Drawn in this process for `host`: a name the configuration need not list, since nothing is served. The
    # pages' middleware activates their language in this thread: the caller's is restored afterwards. Nothing
    # is kept (caunoi.portal.kept): pages drawn for `host` would only push the live site's out of the cache.
    with (
        override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, host], KEEP_PAGES=False),
        translation.override(translation.get_language()),
    ):
        for language, prefix in LANGUAGE_FOLDERS:
            one_language = Crawl()
            Crawler(language, prefix, host, secure, allowed).crawl(roots, one_language)
            _merge(found, one_language)
    if not found.pages:
        raise NothingToPublish
    result = Published(refused=found.refused, truncated=found.truncated)
    result.pages = list(found.pages.values())
    folder.mkdir(parents=True, exist_ok=True)
    previous = _manifest(folder)
    files: dict[str, bytes] = {}
    switch = _language_switch(found)
    by_language = {english: _same_language(found, english) for english in (False, True)}
    for page in result.pages:
        english = page.file.startswith("en/")
        elsewhere = _on_live_site(live, public_part, found.refused, "en" if english else "")
        files[page.file] = relinked(page, by_language[english], switch, elsewhere)
    for name, content in files.items():
        if _write_if_changed(folder / name, content):
            result.written += 1
        else:
            result.unchanged += 1
    for name in sorted(previous - set(files)):
        path = folder / name
        if path.is_file():
            path.unlink()
            result.removed += 1
            _prune(path.parent, folder)
    _write_if_changed(folder / MANIFEST, json.dumps(sorted(files), ensure_ascii=False, indent=0).encode())
    result.seconds = time.perf_counter() - started
    return result


def _top(root: str) -> str:
    """The part of the site a root opens: its first path segment ("/cong-khai/lao-cai/" → "/cong-khai/")."""
    segment = root.strip("/").split("/", 1)[0]
    return f"/{segment}/" if segment else "/"


def _merge(into: Crawl, other: Crawl) -> None:
    # Pages of both languages share URLs: keyed by their file instead.
    for page in other.pages.values():
        into.pages[page.file] = page
    into.refused.update(other.refused)
    into.truncated |= other.truncated


def _same_language(found: Crawl, english: bool) -> dict[str, Page]:
    """The pages a page of a language may link to, by URL: those of its language, and the static files."""
    by_url: dict[str, Page] = {}
    for other in found.pages.values():
        if other.file.startswith("en/") == english or other.url.startswith(settings.STATIC_URL):
            by_url[other.url] = other
    return by_url


def _language_switch(found: Crawl) -> Callable[[str], str | None]:
    """The public language switch (a link to /language/<code>/?next=<page>) leads, in the folder, to the same
    page in the other language's folder, when it was published."""
    prefixes = dict(LANGUAGE_FOLDERS)
    switches = {reverse("web:language-link", args=[code]): code for code in prefixes}

    def target(url: str) -> str | None:
        parts = urlsplit(url)
        language = switches.get(parts.path)
        following = dict(parse_qsl(parts.query)).get("next", "")
        if language is None or not following.startswith("/"):
            return None
        for content_type in ("text/html", ""):  # a page, else a download of the same address
            file = file_for(following, content_type, prefixes[language])
            if file in found.pages:
                return file
        return None

    return target


def _on_live_site(
    live: str, public_part: tuple[str, ...], refused: dict[str, int], language: str
) -> Callable[[str], str | None]:
    """A link to a public page the copy does not hold, on the live site (an English page's through the live
    site's language switch, so that it opens in English); None (dropped) without a live site, and for a
    page that is not public (outside the public part, or refused to the crawl)."""
    base = live.rstrip("/")

    def address(url: str) -> str | None:
        if not base or not url.startswith(public_part) or url in refused:
            return None
        if language:
            return f"{base}{reverse('web:language-link', args=[language])}?{urlencode({'next': url})}"
        return f"{base}{url}"

    return address


def _manifest(folder: Path) -> set[str]:
    try:
        names = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    # Only plain relative names inside the folder: a manifest edited by hand must not delete elsewhere.
    return {
        n for n in names if isinstance(n, str) and not Path(n).is_absolute() and ".." not in Path(n).parts
    }


def _write_if_changed(path: Path, content: bytes) -> bool:
    try:
        if path.read_bytes() == content:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    # Atomically: a web host serving the folder never sees half a file.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
    os.replace(temporary, path)
    return True


def _prune(directory: Path, folder: Path) -> None:
    """Remove folders left empty by removed pages, up to the output folder."""
    while directory != folder and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
