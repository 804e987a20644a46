import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caunoi.core.permissions import SYSTEM
from caunoi.relations.demo import load_relations_demo
from caunoi.relations.report import diplomacy_summary
from caunoi.relations.report_text import render_diplomacy_text
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db
D = dt.date
FRAMEWORK = (
    "Thỏa thuận khung về triển khai các hoạt động hợp tác giữa UBND tỉnh Yên Bái và chính quyền thành phố "
    "Mimasaka, giai đoạn 2022-2025"
)


def run(*args: str) -> str:
    out = StringIO()
    call_command("diplomacy", *args, stdout=out)
    return out.getvalue()


def test_the_demo_loads_once(relations_demo):
    assert load_relations_demo(relations_demo, TODAY).created is False


def test_report_json_on_the_demo(relations_demo):
    data = json.loads(run("report", "--year", "2022", "--format", "json"))
    assert (data["offices"], data["year"], data["as_of"]) == (["yen-bai"], 2022, "2026-11-27")
    assert sorted((p["name"], p["country"]) for p in data["partners"]) == [
        ("Hiệp hội hữu hảo đối ngoại nhân dân tỉnh Vân Nam", "CN"),
        ("Hội hữu nghị Nhật - Việt Mimasaka", "JP"),
        ("Thành phố Mimasaka, tỉnh Okayama", "JP"),
        ("Tỉnh Val de Marne", "FR"),
        ("Tỉnh Viêng Chăn", "LA"),
        ("Tỉnh Vân Nam", "CN"),
        ("Tỉnh Xay Nha Bu Ly", "LA"),
    ]
    agreements = {a["title"]: a for a in data["agreements"]["list"]}
    framework = agreements[FRAMEWORK]
    assert (framework["signed"], framework["period_start"], framework["period_end"]) == (
        "2022-09",
        "2022",
        "2025-12-31",
    )
    assert (framework["status"], framework["status_en"], framework["status_at_year_end"]) == (
        "expired",
        "Expired",
        "in_force",
    )
    assert framework["fields"] == [
        "Giáo dục - đào tạo",
        "Văn hóa - du lịch",
        "Nông nghiệp",
        "Lao động",
        "Hợp tác đầu tư",
    ]
    old = agreements["Thỏa thuận hợp tác giữa tỉnh Yên Bái và thành phố Mimasaka"]
    assert (old["signed"], old["status"], old["signed_in_year"]) == ("2019", "in_force", False)
    assert data["agreements"]["signed_in_year"] == 1
    assert data["agreements"]["by_status"] == {"expired": 1, "in_force": 1}
    assert [(a["kind"], a["title"]) for a in data["alerts"]] == [("agreement_expired", FRAMEWORK)]
    stages = {a["name"]: a["stage"] for a in data["associations"]}
    assert stages == {
        "Hội hữu nghị Việt - Lào tỉnh Yên Bái": "founded",
        "Hội hữu nghị Việt - Pháp tỉnh Yên Bái": "founded",
        "Hội hữu nghị Việt Nam - Trung Quốc tỉnh Yên Bái": "proposal",
    }
    events = data["events"]
    assert events["total"] == 4
    assert {c["key"]: c["count"] for c in events["by_kind"]} == {
        "talks": 1,
        "celebration": 1,
        "student_activity": 2,
    }
    assert [(c["name"], c["count"]) for c in events["by_partner"]] == [("Tỉnh Viêng Chăn", 2)]
    talks = events["list"][0]
    assert (talks["kind"], talks["start"], talks["illustrative"]) == ("talks", "2022", False)
    assert [d["number"] for d in data["documents"]] == ["12-CT/TW", "78-KH/TU"]
    directions = data["next_year_plans"][0]
    congress_task = directions["tasks"][0]
    assert (congress_task["state"], congress_task["met"], congress_task["total"]) == ("overdue", 0, 3)


def test_members_without_consent_are_never_named(relations_demo):
    data = diplomacy_summary(relations_demo, 2022).as_dict()
    lao = next(a for a in data["associations"] if a["name"] == "Hội hữu nghị Việt - Lào tỉnh Yên Bái")
    assert [(s["position"], s["name"]) for s in lao["committee"]] == [
        ("chair", "Người minh họa số 1, Hội Việt - Lào"),
        ("general_secretary", None),
        ("vice_chair", None),
    ]
    text = json.dumps(data, ensure_ascii=False) + render_diplomacy_text(
        diplomacy_summary(relations_demo, 2022)
    )
    assert "Người minh họa số 2" not in text and "Người minh họa số 3" not in text
    assert "Người minh họa số 1, Hội Việt - Lào" in text


def test_named_members_follow_consent(relations_demo, office):
    from caunoi.relations.services.associations import add_member, create_association
    from caunoi.relations.services.people import create_person, record_consent, withdraw_consent

    association = create_association(
        office, name="Hội hữu nghị Việt - Lào", counterpart_country="LA", actor=SYSTEM
    )
    agreed = create_person(office, name="Bounmy", kind="member", actor=SYSTEM)
    silent = create_person(office, name="Khamla", kind="member", actor=SYSTEM)
    record_consent(agreed, "name_listing", D(2022, 1, 1), actor=SYSTEM)
    for p in (agreed, silent):
        add_member(association, p, D(2022, 2, 1), actor=SYSTEM)
    line = diplomacy_summary(office, 2022).associations[0]
    assert (line.named_members, line.unnamed_members) == (["Bounmy"], 1)
    withdraw_consent(agreed, "name_listing", D(2026, 1, 1), actor=SYSTEM)
    line = diplomacy_summary(office, 2022).associations[0]
    assert (line.named_members, line.unnamed_members) == ([], 2)


def test_report_text_says_the_framework_agreement_has_expired(relations_demo):
    text = run("report", "--year", "2022")
    assert text.startswith(
        "KẾT QUẢ HOẠT ĐỘNG ĐỐI NGOẠI NHÂN DÂN NĂM 2022\nLiên hiệp các tổ chức hữu nghị tỉnh Yên Bái\n"
    )
    assert f"01 đã hết hạn ({FRAMEWORK})" in text
    assert "đã hết hạn từ ngày 31/12/2025 (331 ngày trước)" in text
    assert "Kế hoạch số 78-KH/TU ngày 29/04/2022 của Tỉnh ủy Yên Bái thực hiện Chỉ thị số 12-CT/TW" in text
    assert "tỉnh Viêng Chăn và tỉnh Xay Nha Bu Ly (Lào)" in text
    assert "đã trình đề nghị thành lập" in text
    assert "(*) Dữ liệu minh họa" in text


def test_alerts_command(relations_demo):
    data = json.loads(run("alerts", "--office", "yen-bai", "--on", "27/11/2026", "--format", "json"))
    assert [a["kind"] for a in data["alerts"]] == ["agreement_expired"]
    assert next((a["on"], a["years"]) for a in data["anniversaries"]) == ("2026-12-02", 51)
    assert data["calendar_gaps"] == []
    text = run("alerts", "--office", "yen-bai")
    assert (
        "đã hết hạn từ ngày 31/12/2025" in text and "02/12/2026: Quốc khánh nước CHDCND Lào — 51 năm" in text
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--year", "1800"], "Năm 1800 không hợp lệ. / The year 1800 is not valid."),
        (["report", "--year", "2022", "--office", "khong-co"], "There is no office with code khong-co"),
        (["report", "--year", "2022", "--on", "31/02/2026"], "“31/02/2026” is not a valid date"),
        (["alerts", "--on", "hôm qua"], "không phải ngày hợp lệ"),
    ],
)
def test_bad_input_is_a_bilingual_command_error(relations_demo, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)
