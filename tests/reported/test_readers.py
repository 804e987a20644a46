"""Reading .txt, .docx and .pdf reports, and refusing what is not one with a clear message."""

from __future__ import annotations

import io
import zipfile

import pytest

from caunoi.core.errors import RuleError
from caunoi.reported.readers import MAX_UNPACKED, read_document

SENTENCE = "Năm 2019, tỉnh Yên Bái tiếp nhận 21 chương trình, dự án với tổng giá trị 1.404.155 USD."


def docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<html><body><p>{text}</p></body></html>").write_pdf()


def test_a_docx_paragraphs_and_tables() -> None:
    text = read_document("bao-cao.docx", docx_bytes("BÁO CÁO", SENTENCE, table=[["Y tế", "457.250 USD"]]))
    assert text == f"BÁO CÁO\n{SENTENCE}\nY tế ; 457.250 USD"


def test_a_pdf() -> None:
    text = read_document("bao-cao.pdf", pdf_bytes(SENTENCE))
    assert " ".join(text.split()) == SENTENCE


def test_a_txt_with_a_byte_order_mark() -> None:
    assert read_document("a.TXT", ("\ufeff" + SENTENCE).encode()) == SENTENCE


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("bao-cao.xlsx", b"PK...", "reported.file_kind"),
        ("bao-cao.docx", b"this is not a zip", "reported.file_damaged"),
        ("bao-cao.pdf", b"%PDF-1.7 broken", "reported.file_damaged"),
        ("bao-cao.txt", b"", "reported.file_empty"),
        ("bao-cao.txt", b"   \n ", "reported.file_empty"),
        ("bao-cao.txt", "Năm 2019".encode("utf-16"), "reported.file_not_text"),
        ("bao-cao.txt", b"x" * (20 * 2**20 + 1), "reported.file_too_large"),
    ],
)
def test_hostile_files_are_refused_with_a_message(name: str, data: bytes, code: str) -> None:
    with pytest.raises(RuleError) as refused:
        read_document(name, data)
    assert refused.value.code == code
    assert name in refused.value.problem.vi and name in refused.value.problem.en


def test_a_docx_that_unpacks_to_more_than_the_limit_is_not_opened() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (MAX_UNPACKED + 1))
    assert len(out.getvalue()) < 2**20  # small on disk
    with pytest.raises(RuleError) as refused:
        read_document("bom.docx", out.getvalue())
    assert refused.value.code == "reported.file_unpacks_too_large"
    assert refused.value.problem.vi == "Tệp “bom.docx” khi giải nén lớn hơn 100 MB: không đọc."


def test_a_zip_that_is_no_word_document() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(RuleError) as refused:
        read_document("not-word.docx", out.getvalue())
    assert (
        refused.value.problem.en
        == "File “not-word.docx” is not a readable Word (.docx) file (damaged or of another format)."
    )
