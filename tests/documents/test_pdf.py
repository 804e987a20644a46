"""The PDF rendered to images with pdftoppm (pages exist, not blank) and to text with pdftotext."""

import shutil
import subprocess

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
    reason="pdftoppm/pdftotext missing: apt-get install -y poppler-utils (see src/caunoi/documents/NEEDS.md)",
)


@pytest.fixture
def pdf(render, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "report.pdf"
    document = render("pdf")
    assert document.media_type == "application/pdf" and document.content.startswith(b"%PDF-")
    path.write_bytes(document.content)
    return path


@needs_poppler
def test_pages_render_and_are_not_blank(pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 2
    for page in pages:
        image = Image.open(page).convert("L")
        dark = sum(image.histogram()[:128])  # pixels darker than mid-grey
        assert dark > 200, f"{page.name} looks blank ({dark} dark pixels)"
        width, height = image.size
        assert abs(width / height - 210 / 297) < 0.01  # A4


@needs_poppler
def test_text_is_extractable_with_the_title_and_the_figures(pdf):
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True)
    flat = " ".join(text.stdout.split())
    assert "BÁO CÁO" in flat
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "Yên Bái, ngày 05 tháng 01 năm 2023" in flat
    assert "1.404.175 USD" in flat


@needs_poppler
def test_fonts_are_the_shipped_ones_embedded(pdf):
    fonts = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert "Report-Serif" in fonts and "DejaVu" not in fonts


def test_the_pdf_fetches_nothing_but_its_fonts():
    from caunoi.documents.render_pdf import _fetcher

    with pytest.raises(ValueError, match="refusing"):
        _fetcher().fetch("https://example.org/font.ttf")


@needs_poppler
def test_page_numbers_start_on_page_two(pdf):
    def page_text(number: int) -> str:
        command = ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"]
        return subprocess.run(command, check=True, capture_output=True, text=True).stdout

    assert page_text(1).split()[0] != "1"
    assert page_text(2).split()[0] == "2"
