from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

SOURCE = Path(__file__).resolve().parents[3] / "shared/seed/yen-bai-2022-people-diplomacy-report.txt"


@pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is absent")
def test_check_text_points_out_the_20_usd_discrepancy_of_the_source(capsys):
    with pytest.raises(SystemExit) as exit_:
        call_command("check_text", str(SOURCE), "--verbose")
    out = capsys.readouterr().out
    assert exit_.value.code == 1
    assert "457.250 + 81.725 + 80.466 + 41.659 + 743.075 = 1.404.175, không phải 1.404.155" in out
    assert "6 + 4 + 2 + 2 + 7 = 21" in out
    assert "Tổng hợp: 1 lỗi, 0 cảnh báo, 1 đúng, 0 ghi chú." in out


def test_check_text_on_a_missing_file_is_a_message(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("check_text", str(tmp_path / "none.txt"))
    assert "Không tìm thấy tệp" in str(error.value) and "File not found" in str(error.value)
