import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def test_report_diplomacy_json_lists_partners_agreements_associations_and_events(yen_bai):
    out = StringIO()
    call_command("report", "diplomacy", "--year", "2022", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    text = json.dumps(data, ensure_ascii=False)
    for name in ("Viêng Chăn", "Xay Nha Bu Ly", "Val de Marne", "Vân Nam", "Mimasaka"):
        assert name in text, name
    statuses = {a["title"]: a["status"] for a in data["agreements"]["list"]}
    framework = [t for t in statuses if t.startswith("Thỏa thuận khung") and "2022-2025" in t]
    assert [statuses[t] for t in framework] == ["expired"]
    assert sorted(a["name"] for a in data["associations"]) == [
        "Hội hữu nghị Việt - Lào tỉnh Yên Bái",
        "Hội hữu nghị Việt - Pháp tỉnh Yên Bái",
        "Hội hữu nghị Việt Nam - Trung Quốc tỉnh Yên Bái",
    ]
    assert data["events"]["total"] == 4
    assert data["offices"] == ["yen-bai"]


def test_report_diplomacy_bad_year(yen_bai):
    with pytest.raises(CommandError):
        call_command("report", "diplomacy", "--year", "1800")
