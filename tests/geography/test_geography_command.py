"""`caunoi geography load|show`."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("geography", *args, stdout=out)
    return out.getvalue()


def test_load_prints_the_counts(geo):
    out = run("load")
    for line in ("legacy province", "legacy district", "legacy commune", "2025 province", "2025 commune"):
        assert line in out
    assert "10035" in out and "3321" in out and "696" in out
    assert "nothing changed" in out


def test_show_lists_units_with_their_current_units(geo):
    out = run("show", "mu", "cang", "chai")
    assert "[2025] Xã Mù Cang Chải, Tỉnh Lào Cai" in out
    assert "[cũ/legacy] Huyện Mù Căng Chải, Tỉnh Yên Bái" in out
    assert "→ Xã Mù Cang Chải, Tỉnh Lào Cai" in out
    out = run("show", "yên bái", "--level", "province")
    assert out.splitlines() == ["[cũ/legacy] Tỉnh Yên Bái — Tỉnh/province 15", "    → Tỉnh Lào Cai"]


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        ((), "Thiếu lệnh", "No action given"),
        (("frobnicate",), "Không có lệnh “frobnicate”", "There is no action “frobnicate”"),
        (("show",), "Hãy cho tên đơn vị", "Give the name of the unit"),
        (("load", "extra"), "không nhận tham số thêm", "takes no further arguments"),
        (("show", "x", "--era", "1990"), "Thời kỳ “1990” không hợp lệ", "Era “1990” is not valid"),
        (("show", "x", "--level", "hamlet"), "Cấp “hamlet” không hợp lệ", "Level “hamlet” is not valid"),
        (("show", "x", "--limit", "-3"), "Giới hạn “-3” không hợp lệ", "Limit “-3” is not valid"),
        (("show", "x", "--bogus"), "Tham số không hợp lệ", "Invalid arguments"),
        (("show", "zzzq"), "Không tìm thấy", "No administrative unit matches “zzzq”"),
    ],
)
def test_bad_arguments_give_a_bilingual_message(geo, args, vi, en):
    with pytest.raises(CommandError) as err:
        run(*args)
    assert vi in str(err.value)
    assert en in str(err.value)


def test_command_line_error_has_no_traceback(tmp_path):
    env = {**os.environ, "CAUNOI_DEBUG": "1", "CAUNOI_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.run(
        [sys.executable, "-m", "caunoi", "geography", "frobnicate"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "Không có lệnh" in proc.stderr and "There is no action" in proc.stderr
