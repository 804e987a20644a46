"""The annual report as HTML with print CSS: the source of the PDF (WeasyPrint), laid out like the Word file."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from caunoi.documents.content import AnnualReport
from caunoi.documents.letterhead import MOTTO, MOTTO_COUNTRY
from caunoi.documents.markup import Block


def _runs(block: Block) -> str:
    parts = []
    for run in block.runs():
        text = str(escape(run.text))
        if run.bold:
            text = f"<strong>{text}</strong>"
        if run.italic:
            text = f"<em>{text}</em>"
        parts.append(text)
    return "".join(parts)


def block_html(block: Block) -> SafeString:
    inner = _runs(block)
    if block.kind == "heading":
        return mark_safe(f'<h{block.level} class="heading">{inner}</h{block.level}>')
    if block.kind == "item":
        return mark_safe(f'<p class="body item">- {inner}</p>')
    return mark_safe(f'<p class="body">{inner}</p>')


def render_html(report: AnnualReport, fonts_url: str = "") -> str:
    """``fonts_url`` is where the @font-face rules find the shipped TTF files (a file:// folder URL)."""
    head = report.letterhead
    return render_to_string(
        "documents/annual.html",
        {
            "report": report,
            "head": head,
            "motto_country": MOTTO_COUNTRY,
            "motto": MOTTO,
            "blocks": [block_html(block) for block in report.blocks()],
            "recipients": [
                f"- {name}{'.' if index == len(head.recipients) - 1 else ';'}"
                for index, name in enumerate(head.recipients)
            ],
            "fonts_url": fonts_url,
        },
    )
