"""The annual report as PDF: the HTML of :mod:`render_html` laid out by WeasyPrint with the shipped fonts.

Only ``file:`` URLs inside the package's fonts folder are fetched: the PDF never depends on the network or
on the fonts a machine happens to have.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from caunoi.documents.content import AnnualReport
from caunoi.documents.messages import PDF_UNAVAILABLE
from caunoi.documents.render_html import render_html

FONTS_DIR = Path(__file__).resolve().parent / "fonts"


def _fetcher() -> Any:
    """A WeasyPrint (70+) fetcher that serves only the files of the fonts folder."""
    from weasyprint.urls import URLFetcher

    prefix = FONTS_DIR.as_uri() + "/"

    class ShippedFontsOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if not url.startswith(prefix):
                raise ValueError(f"refusing to fetch {url}: reports load only their shipped fonts")
            return super().fetch(url, headers)

    return ShippedFontsOnly(allowed_protocols=("file",))


def render_pdf(report: AnnualReport) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: the pango libraries are missing
        raise PDF_UNAVAILABLE(field="format", library="weasyprint", reason=str(error)[:200]) from None
    html = render_html(report, fonts_url=FONTS_DIR.as_uri() + "/")
    document = HTML(string=html, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=_fetcher())
    pdf = document.write_pdf()
    assert pdf is not None  # write_pdf without a target returns the bytes
    return bytes(pdf)
