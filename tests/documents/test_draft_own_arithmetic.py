"""Generated draft bodies pass check-text's own arithmetic: no false alarm in the editor's findings."""

import pytest

from caunoi.documents.body import generate_body
from caunoi.vntext.checktext import check_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_generated_body_has_no_arithmetic_error(yen_bai, year):  # type: ignore[no-untyped-def]
    findings = check_text(generate_body(yen_bai, year))
    assert [f.message_en for f in findings if f.severity == "error"] == []
