"""Low-level Word formatting the Decree 30/2020 layout needs and python-docx has no API for: fonts on every
script (East-Asian too, or Word may substitute another face for Vietnamese text), short rules, PAGE fields."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"


def set_font(
    run: Run, size: float, *, bold: bool = False, italic: bool = False, underline: bool = False
) -> Run:
    run.font.name = FONT
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.underline = underline
    return run


def style_fonts(style_element: object) -> None:
    """Times New Roman on all scripts of a style (the Normal style every paragraph inherits)."""
    rpr = style_element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), FONT)


def tight(paragraph: Paragraph) -> Paragraph:
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing = 1.0
    return paragraph


def short_rule(paragraph: Paragraph, indent_mm: float) -> None:
    """A centred horizontal line drawn as the paragraph's top border, shortened by equal indents: the
    "short rule" under the issuing body and under the motto."""
    tight(paragraph)
    paragraph.paragraph_format.left_indent = Mm(indent_mm)
    paragraph.paragraph_format.right_indent = Mm(indent_mm)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        top.set(qn(key), value)
    borders.append(top)
    ppr.append(borders)


def page_field(paragraph: Paragraph, size: float) -> None:
    """A PAGE field (begin / instruction / separate / cached result / end), as Word itself writes it."""

    def char(kind: str) -> None:
        run = set_font(paragraph.add_run(), size)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = set_font(paragraph.add_run(), size)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run._r.append(instruction)
    char("separate")
    set_font(paragraph.add_run("2"), size)
    char("end")


def borderless(table: Table, widths_mm: tuple[float, ...]) -> None:
    """No borders, fixed column widths (Word ignores a cell width unless every cell of the column has it)."""
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
