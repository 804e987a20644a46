"""The annual report as a Word document in the Decree 30/2020/NĐ-CP layout (Appendix I, form of a Báo cáo).

A4; margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman; letterhead as a borderless two-column
table (issuing body | national title and motto); body 14 pt justified with a 1,27 cm first-line indent; page
numbers from page 2, top centre; signature block beside "Nơi nhận".
"""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Mm, Pt
from docx.table import _Cell

from caunoi.documents.content import AnnualReport
from caunoi.documents.docx_style import borderless, page_field, set_font, short_rule, style_fonts, tight
from caunoi.documents.letterhead import MOTTO, MOTTO_COUNTRY
from caunoi.documents.markup import Block

BODY_PT = 14
LETTERHEAD_WIDTHS = (65.0, 100.0)  # of the 165 mm between the margins
FIRST_LINE_INDENT = Cm(1.27)
CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


def _page(doc: DocumentObject) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.is_linked_to_previous = False
    tight(first.paragraphs[0])
    number = tight(section.header.paragraphs[0])
    number.alignment = CENTER
    page_field(number, BODY_PT)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(BODY_PT)
    style_fonts(normal.element)


def _line(cell: _Cell, text: str, size: float, *, first: bool = False, **flags: bool) -> None:
    paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
    tight(paragraph).alignment = CENTER
    set_font(paragraph.add_run(text), size, **flags)


def _letterhead(doc: DocumentObject, report: AnnualReport) -> None:
    head = report.letterhead
    table = doc.add_table(rows=2, cols=2)
    borderless(table, LETTERHEAD_WIDTHS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    if head.parent_body:
        _line(left, head.parent_body, 13, first=True)
        _line(left, head.issuing_body, 13, bold=True)
    else:
        _line(left, head.issuing_body, 13, first=True, bold=True)
    short_rule(left.add_paragraph(), 22)
    _line(right, MOTTO_COUNTRY, 12, first=True, bold=True)
    _line(right, MOTTO, 14, bold=True, underline=True)
    _line(table.cell(1, 0), report.number_line, 13, first=True)
    _line(table.cell(1, 1), report.place_date, 14, first=True, italic=True)
    for cell in (table.cell(1, 0), table.cell(1, 1)):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def _title(doc: DocumentObject, report: AnnualReport) -> None:
    for text, space in ((report.title, 18), (report.summary, 0)):
        paragraph = tight(doc.add_paragraph())
        paragraph.alignment = CENTER
        paragraph.paragraph_format.space_before = Pt(space)
        set_font(paragraph.add_run(text), BODY_PT, bold=True)
    short_rule(doc.add_paragraph(), 60)


def _block(doc: DocumentObject, block: Block) -> None:
    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    paragraph.alignment = JUSTIFY
    fmt.first_line_indent = FIRST_LINE_INDENT
    fmt.space_before = Pt(6)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.15
    heading = block.kind == "heading"
    if heading:
        fmt.keep_with_next = True
    prefix = "- " if block.kind == "item" else ""
    for index, run in enumerate(block.runs()):
        text = (prefix if index == 0 else "") + run.text
        set_font(
            paragraph.add_run(text),
            BODY_PT,
            bold=run.bold or heading,
            italic=run.italic or (heading and block.level >= 4),
        )


def _signature(doc: DocumentObject, report: AnnualReport) -> None:
    head = report.letterhead
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=2)
    borderless(table, (80.0, 85.0))
    left, right = table.cell(0, 0), table.cell(0, 1)
    received = tight(left.paragraphs[0])
    set_font(received.add_run("Nơi nhận:"), 12, bold=True, italic=True)
    for index, name in enumerate(head.recipients):
        end = "." if index == len(head.recipients) - 1 else ";"
        set_font(tight(left.add_paragraph()).add_run(f"- {name}{end}"), 11)
    _line(right, head.signer_on_behalf, 14, first=True, bold=True)
    _line(right, head.signer_title, 14, bold=True)
    for _ in range(4):  # room for the signature and the seal
        _line(right, "", 14)
    _line(right, head.signer_name, 14, bold=True)


def render_docx(report: AnnualReport) -> bytes:
    doc = Document()
    _page(doc)
    doc.core_properties.title = f"{report.title} {report.summary}"
    doc.core_properties.author = report.letterhead.issuing_body
    # A fixed timestamp keeps the file identical for the same data (python-docx would stamp "now").
    stamp = dt.datetime.combine(report.day, dt.time())
    doc.core_properties.created = doc.core_properties.modified = stamp
    _letterhead(doc, report)
    _title(doc, report)
    for block in report.blocks():
        _block(doc, block)
    _signature(doc, report)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
