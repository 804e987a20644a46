"""The Word report read back with python-docx: Decree 30/2020 layout and the records' figures."""

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from caunoi.demo.data import PUBLISHED_2022

pytestmark = pytest.mark.django_db
FONT = "Times New Roman"


def _mm(length) -> float:  # type: ignore[no-untyped-def]
    # Word stores margins in twips: 15 mm is 850 twips, 14,99 mm read back; a tenth of a millimetre is enough.
    return round(length / 36000, 1)  # EMU per millimetre


def _all_paragraphs(doc):  # type: ignore[no-untyped-def]
    yield from doc.paragraphs
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    section = doc.sections[0]
    yield from section.header.paragraphs
    yield from section.first_page_header.paragraphs


def _runs_with(doc, text):  # type: ignore[no-untyped-def]
    return [run for p in _all_paragraphs(doc) for run in p.runs if text in run.text]


def _text(doc) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(p.text for p in _all_paragraphs(doc))


def test_a4_with_the_decree_margins(docx_document):
    section = docx_document.sections[0]
    assert round(_mm(section.page_width)) == 210 and round(_mm(section.page_height)) == 297
    assert 20 <= _mm(section.top_margin) <= 25 and 20 <= _mm(section.bottom_margin) <= 25
    assert 30 <= _mm(section.left_margin) <= 35
    assert 15 <= _mm(section.right_margin) <= 20


def test_times_new_roman_everywhere_also_for_east_asian_text(docx_document):
    runs = [run for p in _all_paragraphs(docx_document) for run in p.runs]
    assert len(runs) > 50
    for run in runs:
        fonts = run._element.rPr.rFonts
        assert run.font.name == FONT
        assert fonts.get(qn("w:eastAsia")) == FONT and fonts.get(qn("w:hAnsi")) == FONT
    assert docx_document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia")) == FONT


def test_letterhead_issuing_body_left_and_the_underlined_motto_right(docx_document):
    head = docx_document.tables[0]
    body, motto_cell = head.cell(0, 0), head.cell(0, 1)
    issuing = body.paragraphs[0].runs[0]
    assert issuing.text == "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH YÊN BÁI" and issuing.bold
    assert body.paragraphs[1]._p.pPr.find(qn("w:pBdr")) is not None  # the short rule under it
    country, motto = motto_cell.paragraphs[0].runs[0], motto_cell.paragraphs[1].runs[0]
    assert country.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and country.bold
    assert 12 <= country.font.size.pt <= 13
    assert motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert motto.bold and motto.underline and 13 <= motto.font.size.pt <= 14
    assert head._tbl.tblPr.find(qn("w:tblBorders")).find(qn("w:top")).get(qn("w:val")) == "nil"


def test_number_and_place_date_in_italics_with_leading_zeros(docx_document):
    head = docx_document.tables[0]
    assert head.cell(1, 0).text == "Số:      /BC-LHHN"
    (date_run,) = head.cell(1, 1).paragraphs[0].runs
    assert date_run.text == "Yên Bái, ngày 05 tháng 01 năm 2023"
    assert date_run.italic and not date_run.bold


def test_title_bold_and_centred_with_its_summary_line(docx_document):
    title, summary = docx_document.paragraphs[0], docx_document.paragraphs[1]
    assert title.text == "BÁO CÁO" and title.runs[0].bold and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert summary.text.startswith("Kết quả công tác đối ngoại nhân dân năm 2022")
    assert summary.runs[0].bold and summary.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_body_justified_14pt_with_a_first_line_indent(docx_document):
    body = [p for p in docx_document.paragraphs[3:] if p.text]
    assert len(body) > 15
    for paragraph in body:
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert 1.0 <= paragraph.paragraph_format.first_line_indent.cm <= 1.27 + 1e-6
        assert all(13 <= run.font.size.pt <= 14 for run in paragraph.runs)


def test_page_numbers_from_page_two_top_centre(docx_document):
    section = docx_document.sections[0]
    assert section.different_first_page_header_footer
    header = section.header.paragraphs[0]
    assert header.alignment == WD_ALIGN_PARAGRAPH.CENTER
    instructions = [t.text.strip() for t in header._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    kinds = [c.get(qn("w:fldCharType")) for c in header._p.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    first = section.first_page_header
    assert not first.is_linked_to_previous
    assert not list(first._element.iter(qn("w:instrText")))


def test_the_figures_are_the_records(docx_document):
    text = _text(docx_document)
    assert "thu hút được 21 chương trình, dự án, phi dự án" in text
    assert (
        "là 1.404.175 USD (bằng chữ: một triệu bốn trăm linh bốn nghìn một trăm bảy mươi lăm đô la Mỹ" in text
    )
    names = {
        "phat-trien-kinh-te-xa-hoi": "phát triển kinh tế - xã hội",
        "giao-duc-dao-tao": "giáo dục và đào tạo",
        "y-te": "y tế",
        "tai-nguyen-moi-truong": "tài nguyên - môi trường",
        "van-de-xa-hoi": "giải quyết các vấn đề xã hội",
    }
    from caunoi.vntext.numbers import format_count, format_money

    for key, (count, usd) in PUBLISHED_2022.items():
        clause = f"{names[key]} với tổng giá trị cam kết tài trợ là {format_money(usd, 'USD')}"
        assert clause in text
        assert f"{format_count(count)} " in text.split(clause)[0][-60:]
    assert "1.404.155" not in text


def test_signature_block_and_recipients(docx_document):
    foot = docx_document.tables[-1]
    assert foot.cell(0, 0).paragraphs[0].text == "Nơi nhận:"
    assert foot.cell(0, 0).paragraphs[0].runs[0].italic
    assert foot.cell(0, 0).paragraphs[-1].text == "- Lưu: VT."
    assert [p.text for p in foot.cell(0, 1).paragraphs][:2] == ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]


def test_sections_without_records_say_so(docx_document):
    text = _text(docx_document)
    assert "Chưa có dữ liệu về công tác tổ chức, kiện toàn Ban Chấp hành" in text
    # the demo records its articles of 2022 (caunoi.publishing.demo): that section is computed
    assert "Chưa có dữ liệu về tin bài, ấn phẩm thông tin đối ngoại" not in text
    assert "Năm 2022, Liên hiệp đã viết và đăng 02 tin bài" in text
    assert "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023" in text
