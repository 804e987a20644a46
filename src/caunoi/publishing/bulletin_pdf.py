"""A bulletin issue as a print PDF (A4): cover with the union's name and the issue's number, contents, the
articles with their photos, and a back page with the editorial board and contacts. WeasyPrint lays out the
HTML of templates/publishing/bulletin.html with the fonts caunoi ships (caunoi.documents.fonts).

Nothing is fetched: the fonts come from the package's folder, the photos are inlined as data: URLs, and any
other address is refused.
"""

from __future__ import annotations

import base64
import mimetypes
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from caunoi.documents.letterhead import letterhead_for
from caunoi.documents.render_pdf import FONTS_DIR
from caunoi.publishing import messages as m
from caunoi.publishing.models import ArticleImage, BulletinIssue
from caunoi.relations.dates import vn_date


@dataclass(frozen=True)
class Photo:
    src: str
    caption: str
    credit: str
    alt: str


@dataclass(frozen=True)
class Entry:
    anchor: str
    title: str
    summary: str
    author: str
    body: SafeString  # sanitised when saved (caunoi.publishing.sanitize)
    photos: list[Photo]


def _data_url(image: ArticleImage) -> str:
    with image.file.open("rb") as handle:
        data = handle.read()
    kind = mimetypes.guess_type(image.file.name or "")[0] or "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def _entries(issue: BulletinIssue, published_only: bool = False) -> list[Entry]:
    chosen = issue.entries.select_related("article").order_by("position", "id")
    if published_only:  # the public archive: an article taken down (or withheld) since leaves its public PDF
        from caunoi.publishing.public import public_articles

        chosen = chosen.filter(article__in=public_articles(issue.office).values("pk"))
    entries = []
    for entry in chosen:
        article = entry.article
        photos = [
            Photo(_data_url(image), image.caption, image.credit, image.alt_text)
            for image in article.images.filter(archived_at__isnull=True).order_by("position", "id")
        ]
        entries.append(
            Entry(
                anchor=f"bai-{entry.position}",
                title=article.title,
                summary=article.summary,
                author=article.author,
                body=mark_safe(article.body),  # stored sanitised by nh3
                photos=photos,
            )
        )
    return entries


def bulletin_html(issue: BulletinIssue, fonts_url: str = "", published_only: bool = False) -> str:
    head = letterhead_for(issue.office)
    return render_to_string(
        "publishing/bulletin.html",
        {
            "issue": issue,
            "office": issue.office,
            "parent_body": head.parent_body,
            "issuing_body": head.issuing_body,
            "issued_on": vn_date(issue.issued_on),
            "entries": _entries(issue, published_only),
            "board": issue.editorial_board.splitlines(),
            "contacts": issue.contacts.splitlines(),
            "fonts_url": fonts_url,
        },
    )


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    prefix = FONTS_DIR.as_uri() + "/"

    class FontsAndInlinedPhotos(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not (url.startswith(prefix) or url.startswith("data:")):
                raise ValueError(f"refusing to fetch {url}: the bulletin loads only its fonts and photos")
            return super().fetch(url, headers)

    return FontsAndInlinedPhotos(allowed_protocols=("file", "data"))


def file_name(issue: BulletinIssue) -> str:
    number = "".join(c if c.isalnum() else "-" for c in issue.number).strip("-") or str(issue.pk)
    return f"ban-tin-so-{number}-{issue.office.code}.pdf"


def render_bulletin_pdf(issue: BulletinIssue, published_only: bool = False) -> bytes:
    """The issue's PDF; a RuleError when the issue has no article or WeasyPrint cannot run.
    `published_only`: leave out the articles not published (now) and archived ones, as the public site must."""
    if not issue.entries.exists():
        raise m.BULLETIN_EMPTY(field="articles", number=issue.number)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the pango libraries are missing
        raise m.PDF_UNAVAILABLE(library="weasyprint", reason=str(error)[:200]) from None
    fonts = FONTS_DIR.as_uri() + "/"
    document = HTML(
        string=bulletin_html(issue, fonts_url=fonts, published_only=published_only),
        base_url=fonts,
        url_fetcher=_fetcher(),
    )
    pdf = document.write_pdf()
    assert pdf is not None  # write_pdf without a target returns the bytes
    return bytes(pdf)
