import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.demo.data import PUBLISHED_2022
from caunoi.money.services import record_rate
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db
D = dt.date


def run(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_demo_2022_equals_the_published_figures(yen_bai):
    summary = aid_summary(yen_bai, 2022)
    assert summary.count == 21
    assert summary.committed.usd == Decimal("1404175")
    assert summary.committed.by_currency == {"USD": Decimal("1404175.00")}
    assert {line.key: (line.count, line.committed.usd) for line in summary.by_sector} == PUBLISHED_2022


def test_every_breakdown_adds_up_to_the_total(yen_bai):
    summary = aid_summary(yen_bai, 2022)
    total = summary.committed.usd
    assert sum(line.count for line in summary.by_sector) == summary.count
    assert sum(line.count for line in summary.by_modality) == summary.count
    for lines in (summary.by_sector, summary.by_modality, summary.by_donor):
        assert sum(line.committed.usd for line in lines) == total
    assert sum(line.committed.usd for line in summary.by_place) == total  # split by place shares
    assert {line.key: line.count for line in summary.by_modality} == {
        "programme": 2,
        "project": 10,
        "non_project": 9,
    }


def test_places_are_reported_as_recorded_and_under_todays_units(yen_bai):
    places = {line.name: line for line in aid_summary(yen_bai, 2022).by_place}
    mcc = places["Huyện Mù Căng Chải, Tỉnh Yên Bái"]
    assert (mcc.count, mcc.extra["era"], mcc.extra["current_province"]) == (5, "legacy", "Tỉnh Lào Cai")
    assert mcc.extra["current"] == "Xã Mù Cang Chải, Tỉnh Lào Cai"
    # 120.000 + 30.000 + 50.466 + 30.000 (items 1, 7, 11, 20) + 60% of 250.000 (item 15)
    assert mcc.committed.usd == Decimal("380466")


def test_disbursements_in_the_year_are_converted_with_the_named_rate(yen_bai):
    summary = aid_summary(yen_bai, 2022)
    assert summary.disbursed.by_currency == {"USD": Decimal("618475.00"), "VND": Decimal("695893750.00")}
    assert summary.disbursed.usd == Decimal("648087.50")  # 618.475 + 695.893.750 / 23.500
    assert [(r.base, r.quote, r.rate) for r in summary.rates] == [("USD", "VND", Decimal("23500"))]


def test_a_year_without_items_reports_zero(yen_bai):
    summary = aid_summary(yen_bai, 2019)
    assert (summary.count, summary.committed.usd, summary.by_sector) == (0, Decimal(0), [])


def test_the_successor_reports_its_predecessors_only_when_asked(yen_bai):
    lao_cai = Office.objects.get(code="lao-cai")
    assert aid_summary(lao_cai, 2022).count == 0
    included = aid_summary(lao_cai, 2022, include_predecessors=True)
    assert (included.count, included.committed.usd) == (21, Decimal("1404175"))
    assert [o.code for o in included.offices] == ["lao-cai", "yen-bai"]


def test_revoked_or_cancelled_by_year_end_is_not_counted(make_item, office, sectors, approval):
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "USD", D(2022, 3, 1), actor=SYSTEM)
    other = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(other, "2", "500", "USD", D(2022, 3, 1), actor=SYSTEM)
    services.transition(other, Status.APPROVAL_REVOKED, D(2022, 10, 1), actor=SYSTEM)
    late = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(late, "2", "200", "USD", D(2022, 3, 1), actor=SYSTEM)
    services.transition(
        late, Status.CANCELLED, D(2023, 2, 1), actor=SYSTEM
    )  # after the year: 2022 still counts it
    summary = aid_summary(office, 2022)
    assert (summary.count, summary.committed.usd) == (2, Decimal("1200"))


def test_multi_currency_commitments_and_share_weighted_sectors(make_item, office, sectors, approval):
    record_rate(
        "EUR", "VND", Decimal("25000"), D(2022, 1, 1), valid_to=D(2022, 12, 31), office=office, actor=SYSTEM
    )
    item = make_item(status=Status.APPROVED, decision=approval)
    services.set_sectors(item, [(sectors["y-te"], 75), (sectors["giao-duc-dao-tao"], 25)], actor=SYSTEM)
    services.record_transaction(item, "2", "1000", "EUR", D(2022, 3, 1), actor=SYSTEM)
    summary = aid_summary(office, 2022)
    # EUR → USD through VND: 1000 × 25.000 / 23.500 (the demo's staff rate for 2022)
    assert summary.committed.by_currency == {"EUR": Decimal("1000.00")}
    assert summary.committed.usd == Decimal("1063.83")
    assert summary.committed.vnd == Decimal("25000000")
    health = next(line for line in summary.by_sector if line.key == "y-te")
    education = next(line for line in summary.by_sector if line.key == "giao-duc-dao-tao")
    assert (health.count, health.committed.vnd) == (1, Decimal("25000000"))
    assert (education.count, education.committed.vnd) == (0, Decimal(0))
    assert health.extra["committed_by_share"]["vnd"] == 18750000
    assert education.extra["committed_by_share"]["vnd"] == 6250000


def test_a_missing_rate_leaves_the_money_unconverted_and_says_so(make_item, office, approval):
    item = make_item(status=Status.APPROVED, decision=approval)
    services.record_transaction(item, "2", "1000", "CHF", D(2022, 3, 1), actor=SYSTEM)
    services.record_transaction(item, "2", "500", "USD", D(2022, 3, 1), actor=SYSTEM)
    text = run("report", "aid", "--year", "2022", "--office", office.code)
    assert "tiếp nhận mới là 500 USD" in text
    assert (
        "Chưa quy đổi được (chưa có tỷ giá): vốn cam kết 1.000 CHF. Các số liệu bằng USD và VND ở trên chưa "
        "gồm các khoản này." in text
    )
    data = json.loads(run("report", "aid", "--year", "2022", "--office", office.code, "--format", "json"))
    assert data["committed"]["unconverted"] == {"CHF": 1000}
    assert data["missing_rates"][0]["vi"].startswith("Chưa có tỷ giá CHF/USD áp dụng cho ngày 01/03/2022")


def test_the_report_says_which_rate_converted_what(yen_bai):
    text = run("report", "aid", "--year", "2022")
    assert (
        "Tỷ giá quy đổi đã dùng: 1 USD = 23.500 VND (do cán bộ nhập, minh họa — không phải tỷ giá chính thức, "
        "áp dụng từ 01/01/2022) cho 1.404.175 USD vốn cam kết; 618.475 USD, 695.893.750 VND giải ngân trong "
        "năm." in text
    )
    data = json.loads(run("report", "aid", "--year", "2022", "--format", "json"))
    assert data["rates_used"][0]["converted"] == {
        "committed": {"USD": 1404175},
        "disbursed": {"USD": 618475, "VND": 695893750},
    }
    assert "unconverted" not in data["committed"] and "missing_rates" not in data


def test_cli_json_reports_the_published_figures(yen_bai):
    data = json.loads(run("report", "aid", "--year", "2022", "--format", "json"))
    assert (data["offices"], data["count"], data["committed"]["usd"]) == (["yen-bai"], 21, 1404175)
    assert {s["key"]: (s["count"], s["committed"]["usd"]) for s in data["by_sector"]} == {
        k: (n, int(v)) for k, (n, v) in PUBLISHED_2022.items()
    }
    assert data["disbursed_in_year"]["usd"] == 648087.5
    assert len(data["by_donor"]) == 8 and len(data["by_place"]) == 9


def test_cli_text_is_vietnamese_with_vietnamese_numbers(yen_bai):
    text = run("report", "aid", "--year", "2022")
    assert "Năm 2022, đã thu hút được 21 chương trình, dự án, phi dự án viện trợ" in text
    assert "là 1.404.175 USD (tương đương 33 tỷ đồng)" in text
    for line in [
        "07 chương trình, dự án, phi dự án giải quyết các vấn đề xã hội với tổng giá trị cam kết tài trợ là "
        "743.075 USD",
        "06 chương trình, dự án, phi dự án phát triển kinh tế - xã hội với tổng giá trị cam kết tài trợ là "
        "457.250 USD",
        "04 chương trình, dự án, phi dự án giáo dục và đào tạo với tổng giá trị cam kết tài trợ là 81.725 USD",
        "02 chương trình, dự án, phi dự án y tế với tổng giá trị cam kết tài trợ là 80.466 USD",
        "02 dự án tài nguyên - môi trường với tổng giá trị cam kết tài trợ là 41.659 USD",
        "Giải ngân trong năm 2022: 648.087,50 USD",
    ]:
        assert line in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "2022", "--office", "khong-co"], "Không có cơ quan mã khong-co."),
        (["--year", "1800"], "Năm 1800 không hợp lệ"),
        (["--year", "2026"], "Có nhiều cơ quan; hãy chọn một bằng --office"),
    ],
)
def test_cli_bad_arguments_give_a_message_not_a_traceback(yen_bai, args, message):
    Office.objects.create(code="khac", name="Cơ quan khác")
    with pytest.raises(CommandError) as error:
        run("report", "aid", *args)
    assert message in str(error.value)
