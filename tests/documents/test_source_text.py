"""The text check on the union's published 2022 report (../shared/seed beside the clone)."""

from pathlib import Path

import pytest

from caunoi.documents.draft_checks import check_report_text

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "seed" / "yen-bai-2022-people-diplomacy-report.txt"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not SOURCE.exists(), reason=f"the source document is not at {SOURCE}"),
]


def test_the_source_documents_typed_total_disagrees_with_its_lines_and_the_records(yen_bai):
    findings = check_report_text(yen_bai, 2022, SOURCE.read_text(encoding="utf-8"))
    errors = [f for f in findings if f.severity == "error"]
    assert sorted((f.stated, f.computed) for f in errors) == [(1404155, 1404175), (1404155, 1404175)]
    assert {f.code for f in errors} == {"sum-mismatch", "record-mismatch"} or len(errors) == 2
    ok = {f.label for f in findings if f.severity == "ok" and f.label}
    # The sector lines of the source match the records (the demo reproduces the published figures).
    assert {label for label in ok if label.endswith(".usd")} >= {
        "sector.y-te.usd",
        "sector.giao-duc-dao-tao.usd",
        "sector.tai-nguyen-moi-truong.usd",
        "sector.van-de-xa-hoi.usd",
        "sector.phat-trien-kinh-te-xa-hoi.usd",
    }
    counts = [f for f in findings if f.code.startswith("sum") and f.unit and "USD" not in f.unit]
    assert any(f.severity == "ok" and f.stated == 21 for f in counts)
