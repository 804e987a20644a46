import pytest

from caunoi.core.errors import RuleError
from caunoi.documents.exporters import Exporter, RenderedDocument, all_exporters, get_exporter, register

pytestmark = pytest.mark.django_db


def test_the_annual_report_and_the_draft_are_registered_with_their_formats():
    names = {exporter.name: exporter.formats for exporter in all_exporters()}
    assert names["annual"] == ("docx", "pdf", "md", "xlsx")
    assert names["annual-draft"] == ("docx", "pdf", "md")


def test_an_unknown_exporter_or_format_is_refused_in_both_languages(render):
    with pytest.raises(RuleError) as unknown:
        get_exporter("nope")
    assert "annual" in unknown.value.vi and "There is no document" in unknown.value.en
    with pytest.raises(RuleError) as bad_format:
        render("odt")
    assert bad_format.value.code == "documents.format_unsupported"


def test_a_second_exporter_with_a_taken_name_is_a_bug():
    with pytest.raises(ValueError, match="registered twice"):

        @register
        class Clash(Exporter):
            name = "annual"
            verbose_name = "clash"
            formats = ("md",)


@pytest.mark.parametrize(
    ("fmt", "media_type", "magic"),
    [
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK"),
        ("md", "text/markdown; charset=utf-8", "**LIÊN HIỆP".encode()),
    ],
)
def test_every_format_comes_back_as_one_rendered_document(render, fmt, media_type, magic):
    document = render(fmt)
    assert isinstance(document, RenderedDocument)
    assert document.media_type == media_type
    assert document.content.startswith(magic)
    assert document.filename.endswith(f"2022-yen-bai.{fmt}")


def test_the_markdown_has_the_letterhead_title_figures_and_signature(render):
    text = render("md").content.decode()
    assert "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**" in text
    assert "*Yên Bái, ngày 05 tháng 01 năm 2023*" in text
    assert "# BÁO CÁO" in text
    assert (
        "là 1.404.175 USD (bằng chữ: một triệu bốn trăm linh bốn nghìn một trăm bảy mươi lăm đô la Mỹ" in text
    )
    assert "***Nơi nhận:***" in text and "- Lưu: VT." in text


def test_a_year_is_required_and_checked(render):
    with pytest.raises(RuleError) as missing:
        render("md", year=None)
    assert missing.value.code == "documents.parameter_missing"
    with pytest.raises(RuleError) as wrong:
        render("md", year=1800)
    assert wrong.value.code == "documents.year_invalid"
