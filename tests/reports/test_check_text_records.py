"""`caunoi check-text --office CODE --year YYYY`: the text's ledger figures against the records."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.core.management.base import CommandError

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.reports.text_records import check_text_against_records

SOURCE = Path(__file__).resolve().parents[3] / "shared/seed/yen-bai-2022-people-diplomacy-report.txt"
pytestmark = pytest.mark.django_db


@pytest.mark.skipif(not SOURCE.exists(), reason=f"{SOURCE} is absent")
def test_the_source_against_the_ledger(capsys):  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_:
        call_command("check_text", str(SOURCE), "--office", "yen-bai", "--year", "2022", "--verbose")
    out = capsys.readouterr().out
    assert exit_.value.code == 1
    assert "[aid.committed_usd] văn bản ghi “1.404.155 USD” nhưng hồ sơ là 1.404.175 USD" in out
    assert "[aid.count] “21 chương trình, dự án, phi dự án” khớp với hồ sơ" in out


def test_figures_of_the_text_against_the_ledger(yen_bai):  # type: ignore[no-untyped-def]
    text = "Năm 2022, tỉnh tiếp nhận 21 dự án với tổng vốn cam kết 1.404.175 USD; đã giải ngân 10 USD."
    findings = check_text_against_records(text, yen_bai, 2022, actor=SYSTEM)
    by_label = {f.label: f.severity for f in findings if f.label and f.label.startswith("aid.")}
    assert by_label["aid.committed_usd"] in ("ok", "warning")
    assert by_label["aid.disbursed_usd"] == "error"


def test_reading_the_ledger_needs_a_right(yen_bai):  # type: ignore[no-untyped-def]
    with pytest.raises(RuleErrors):
        check_text_against_records("21 dự án", yen_bai, 2022, actor=AnonymousUser())


def test_office_and_year_go_together(tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "t.txt"
    path.write_text("Tổng vốn là 800 USD.", encoding="utf-8")
    with pytest.raises(CommandError, match="--office and --year go together"):
        call_command("check_text", str(path), "--year", "2022")
    with pytest.raises(CommandError):
        call_command("check_text", str(path), "--office", "khong-co", "--year", "2022")


def test_english_text_from_the_command(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = tmp_path / "en.txt"
    path.write_text(
        "The union hosted 14 delegations in 2023, up 30% from 10 delegations in 2022.", encoding="utf-8"
    )
    with pytest.raises(SystemExit):
        call_command("check_text", str(path), "--text-lang", "en", "--lang", "en")
    assert "ERROR: (14 − 10) / 10 = 40.0 %, not “30%” as stated (difference 10.0 percentage points)" in (
        capsys.readouterr().out
    )
