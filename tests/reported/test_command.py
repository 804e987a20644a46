"""`caunoi figures extract FILE [--office CODE] [--save]`."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from caunoi.reported.models import FigureStatus, ReportedFigures

TEXT = "Năm 2019, tỉnh Yên Bái tiếp nhận 21 dự án của 14 tổ chức với tổng giá trị cam kết 1.404.155 USD."


def test_extract_prints_each_figure_with_its_sentence(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bc.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    call_command("figures", "extract", str(path), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:4] == [
        "Đề xuất số liệu theo báo cáo / proposed reported figures: bc.txt",
        "  Tỉnh / province: Yên Bái",
        "  Thời kỳ / period: 2019",
        f"      « {TEXT} »",
    ]
    assert "  Giá trị cam kết / committed: 1.404.155 USD" in lines


@pytest.mark.django_db
def test_save_stores_a_proposal_for_the_office(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bc.txt"
    path.write_text(TEXT, encoding="utf-8")
    out = io.StringIO()
    call_command("figures", "extract", str(path), "--office", "yen-bai", "--save", stdout=out)
    figures = ReportedFigures.objects.latest("pk")
    assert (figures.office.code, figures.status, figures.items) == ("yen-bai", FigureStatus.PROPOSED, 21)
    assert out.getvalue().endswith(
        f"Đã lưu đề xuất số {figures.pk} cho yen-bai / stored as proposal {figures.pk}\n"
    )


def test_an_unreadable_file_is_refused_in_both_languages(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bc.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(CommandError) as refused:
        call_command("figures", "extract", str(path))
    assert refused.value.returncode == 1
    assert str(refused.value) == (
        "Tệp “bc.docx” không phải tệp Word (.docx) đọc được (hỏng hoặc sai định dạng).\n"
        "File “bc.docx” is not a readable Word (.docx) file (damaged or of another format)."
    )
