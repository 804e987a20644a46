"""`caunoi check-text` on random and mutated files: never a traceback, and only the documented exit codes
(0 no arithmetic error, 1 an error found, 2 unusable input)."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.vntext.checktext import main_check_text

SEED = (
    "Năm 2022 đã thu hút được 21 chương trình, dự án, phi dự án với tổng vốn cam kết là 1.404.155 USD. "
    "Các lĩnh vực như sau: 06 dự án y tế 457.250 USD; 04 dự án giáo dục 81.725 USD; 02 dự án 80.466 USD; "
    "02 dự án 41.659 USD và 07 dự án 743.075 USD.\n\nTrên 12 đề xuất gồm: 5 dự án, 7 dự án. COVID-19, "
    "78-KH/TU ngày 05 tháng 01 năm 2023, 27,9% và 25,4 tỷ đồng.\n"
).encode()

# Pieces the figures' and sums' patterns are made of, so that mutations reach their corners.
PIECES = [
    b"gom: ",
    "gồm: ".encode(),
    "như sau:".encode(),
    b" USD",
    "đồng".encode(),
    b"1.000",
    b"12,5",
    b"%",
    "dự án, ".encode(),
    b"AB-",
    b"-19",
    b"./.",
    b". ",
    b"\n\n",
    b"\x00",
    b"\xff",
    b"\xe1\xbb",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"9" * 40,
    "trên ".encode(),
    b"1/2/",
    b"\t",
]


def mutate(data: bytes, ops: list[tuple[int, int, int]]) -> bytes:
    out = bytearray(data)
    for kind, where, what in ops:
        at = where % (len(out) + 1)
        if kind == 0:
            out[at:at] = PIECES[what % len(PIECES)]
        elif kind == 1:
            del out[at : at + what % 16]
        elif kind == 2:
            out[at:at] = out[at : at + what % 200]
        else:
            out[at : at + 1] = bytes([what % 256])
    return bytes(out)


OPS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 10**6), st.integers(0, 10**6)), max_size=30)


def run(path: Path, max_bytes: int = 5 * 1024 * 1024) -> tuple[str, int]:
    report, code = main_check_text(str(path), "vi", max_bytes)
    assert code in (0, 1, 2)
    assert report and "Traceback" not in report
    return report, code


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=OPS)
def test_mutated_files_end_with_a_documented_exit_code(
    tmp_path: Path, ops: list[tuple[int, int, int]]
) -> None:
    path = tmp_path / "report.txt"
    data = mutate(SEED, ops)
    path.write_bytes(data)
    report, code = run(path)
    if b"\x00" in data:
        assert code == 2
    if code != 2:
        assert report.splitlines()[-1].startswith("Tổng hợp:")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=400))
def test_random_text_is_checked_or_refused(tmp_path: Path, text: str) -> None:
    path = tmp_path / "random.txt"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _report, code = run(path)
    assert code == (2 if "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text) else code)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bytes.bin"
    path.write_bytes(data)
    run(path)


def test_a_file_over_the_limit_is_refused_with_code_2(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(SEED * 100)
    report, code = run(path, max_bytes=len(SEED) * 10)
    assert code == 2
    assert "CAUNOI_CHECK_TEXT_MAX_MB" in report


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read_to_the_end() -> None:
    report, code = run(Path("/dev/zero"), max_bytes=1024 * 1024)
    assert code == 2
    assert report.startswith("Tệp /dev/zero lớn hơn 1 MB")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("missing.txt", "Không tìm thấy tệp"), (".", "Đây là thư mục")],
)
def test_command_exits_2_for_unusable_input(tmp_path: Path, name: str, expected: str) -> None:
    with pytest.raises(CommandError) as raised:
        call_command("check_text", str(tmp_path / name))
    assert raised.value.returncode == 2
    assert expected in str(raised.value)


def test_command_exits_2_for_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"12 USD\x00\x01")
    with pytest.raises(CommandError) as raised:
        call_command("check_text", str(path))
    assert raised.value.returncode == 2
    assert "nhị phân" in str(raised.value)
