"""Fixtures for caunoi.vntext tests: the published Yên Bái 2022 report from ../shared (beside the clone)."""

from pathlib import Path

import pytest

REPORT_PATH = Path(__file__).parents[2].parent / "shared/seed/yen-bai-2022-people-diplomacy-report.txt"


@pytest.fixture(scope="session")
def report_text() -> str:
    """The seed report, or a skip naming the missing file (CI provides ../shared beside the clone)."""
    if not REPORT_PATH.is_file():
        pytest.skip(f"source report not found at {REPORT_PATH} (../shared/seed beside the repository root)")
    return REPORT_PATH.read_text(encoding="utf-8")
