import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from docx import Document

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("documents", *args, stdout=out)
    return out.getvalue()


def test_annual_writes_the_file_of_the_format_asked(yen_bai, tmp_path):
    target = tmp_path / "r.docx"
    said = run("annual", "--year", "2022", "--format", "docx", "-o", str(target), "--date", "2023-01-05")
    assert str(target) in said
    text = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "1.404.175 USD" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1800"], "Năm 1800 không hợp lệ"),
        (["--year", "2022", "--office", "khong-co"], "Không có cơ quan mã khong-co"),
        (["--year", "2022", "--date", "2023-13-01"], "không hợp lệ (dạng YYYY-MM-DD)"),
        (["--year", "2025"], "Có nhiều cơ quan"),
    ],
)
def test_bad_arguments_give_a_bilingual_command_error(db, tmp_path, args, message):
    with pytest.raises(CommandError) as error:
        run("annual", *args, "-o", str(tmp_path / "x.md"), "--format", "md")
    assert message in str(error.value) and " / " in str(error.value)


def test_an_unwritable_path_is_a_command_error_not_a_traceback(yen_bai, tmp_path):
    with pytest.raises(CommandError) as error:
        run("annual", "--year", "2022", "--format", "md", "-o", str(tmp_path / "missing" / "x.md"))
    assert "Không ghi được tệp" in str(error.value) and "Cannot write file" in str(error.value)


def test_list_names_the_exporters(db):
    assert run("list").splitlines()[0].startswith("annual\tdocx, pdf, md, xlsx")
