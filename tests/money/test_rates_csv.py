"""Importing a month of rates from CSV: all or nothing, every problem with its row and column."""

import csv
import datetime as dt
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.money.models import ExchangeRate
from caunoi.money.rates_csv import import_rates, parse_month

pytestmark = pytest.mark.django_db
D = dt.date
EXAMPLES = int(os.environ.get("CAUNOI_PROPERTY_EXAMPLES", "100"))
HEADER = ["Tiền gốc", "Tiền quy đổi", "Tỷ giá", "Áp dụng từ", "Áp dụng đến", "Nguồn", "Căn cứ"]
MONTH = [
    ["EUR", "VND", "27.450", "", "", "Bộ Tài chính", "Thông báo tỷ giá hạch toán tháng 01/2030"],
    ["USD", "VND", "25.980", "", "", "mof", "Thông báo tỷ giá hạch toán tháng 01/2030"],
    ["JPY", "VND", "172,35", "01/01/2030", "31/01/2030", "mof_accounting", ""],
]


def write(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("rates", "import", *args, stdout=out)
    return out.getvalue()


def test_a_month_of_rates_is_imported_for_the_office(tmp_path, office):
    path = write(tmp_path / "thang-01.csv", [HEADER, *MONTH], ";")
    assert run(str(path), "--office", office.code, "--month", "2030-01") == (
        "Đã nhập 03 tỷ giá (thu-nghiem) / imported 3 rate(s).\n"
    )
    found = {
        (r.base, r.rate, r.valid_from, r.valid_to, r.source)
        for r in ExchangeRate.objects.filter(office=office)
    }
    assert found == {
        ("EUR", Decimal("27450"), D(2030, 1, 1), D(2030, 1, 31), "mof_accounting"),
        ("USD", Decimal("25980"), D(2030, 1, 1), D(2030, 1, 31), "mof_accounting"),
        ("JPY", Decimal("172.35"), D(2030, 1, 1), D(2030, 1, 31), "mof_accounting"),
    }


def test_a_file_with_any_problem_records_nothing_and_says_where(tmp_path, office):
    rows = [
        HEADER,
        *MONTH,
        ["CHF", "VND", "ba-muoi", "", "", "mof", ""],
        ["USD", "VND", "26.000", "15/01/2030", "", "mof", ""],  # the month's USD rate covers the 15th
        ["XXX", "VND", "1", "", "", "đoán", ""],
    ]
    path = write(tmp_path / "sai.csv", rows)
    with pytest.raises(CommandError) as error:
        run(str(path), "--office", office.code, "--month", "01/2030")
    message = str(error.value)
    assert message.startswith("Không nhập gì cả: 3 lỗi / nothing imported: 3 problem(s)")
    assert "sai.csv, row 5, column Tỷ giá: “ba-muoi” không phải số hợp lệ" in message
    assert "sai.csv, row 6, column Áp dụng từ: Đã có tỷ giá USD/VND áp dụng trong thời gian này" in message
    assert "sai.csv, row 7, column Tiền gốc: “XXX” không phải mã tiền tệ ISO 4217." in message
    assert "sai.csv, row 7, column Nguồn: “đoán” không phải nguồn tỷ giá" not in message  # one per row
    assert not ExchangeRate.objects.filter(office=office).exists()


def test_the_header_is_checked_first(tmp_path, office):
    path = write(tmp_path / "cot.csv", [["Tiền gốc", "Giá"], ["EUR", "1"]])
    with pytest.raises(RuleErrors) as error:
        import_rates(path, office, actor=SYSTEM)
    assert [p.vi for p in error.value.problems] == [
        "Cột “Giá” không thuộc mẫu nhập liệu.",
        "Thiếu cột bắt buộc “Tiền quy đổi”.",
        "Thiếu cột bắt buộc “Tỷ giá”.",
        "Thiếu cột bắt buộc “Nguồn”.",
    ]


def test_without_a_month_each_row_needs_its_date(tmp_path, office):
    path = write(tmp_path / "ngay.csv", [HEADER, MONTH[0]])
    with pytest.raises(RuleErrors) as error:
        import_rates(path, office, actor=SYSTEM)
    assert error.value.problems[0].code == "money.rates_no_date"


@pytest.mark.parametrize("text", ["2030-13", "13/2030", "tháng một", "2030-1-1"])
def test_a_bad_month_is_refused(text):
    with pytest.raises(RuleErrors) as error:
        parse_month(text)
    assert error.value.problems[0].code == "money.rates_month"


def test_common_rates_need_no_office_but_the_operator(tmp_path, db):
    path = write(tmp_path / "chung.csv", [HEADER, MONTH[0]])
    run(str(path), "--common", "--month", "2031-02")
    rate = ExchangeRate.objects.get(office__isnull=True, valid_from=D(2031, 2, 1))
    assert (rate.valid_to, rate.history.get().history_user) == (D(2031, 2, 28), None)


def test_a_binary_or_missing_file_is_a_message(tmp_path, office):
    binary = tmp_path / "anh.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff")
    for path in (binary, tmp_path / "khong-co.csv"):
        with pytest.raises(CommandError) as error:
            run(str(path), "--office", office.code)
        assert "Không đọc được tệp" in str(error.value)


CELLS = st.one_of(
    st.sampled_from(["EUR", "usd", "VND", "", "1.085", "0", "-1", "1e5", "01/01/2030", "31/02/2030", "mof"]),
    st.sampled_from(
        ["9" * 40, "Bộ Tài chính", "'=1+1", '"', "\r\n", "2030-01-15", "9999-12-31", "0001-01-01"]
    ),
    st.text(max_size=12),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.lists(CELLS, min_size=0, max_size=8), max_size=6),
    header=st.permutations(HEADER),
    delimiter=st.sampled_from([",", ";", "\t"]),
    cut=st.integers(min_value=0, max_value=400),
    month=st.booleans(),
)
def test_any_file_is_imported_whole_or_refused_whole(tmp_path, office, rows, header, delimiter, cut, month):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([header, *rows])
    path = tmp_path / "bat-ky.csv"
    raw = buffer.getvalue().encode("utf-8")
    path.write_bytes(
        raw[: max(0, len(raw) - cut)] if cut % 3 == 0 else raw
    )  # cut short, perhaps mid-character
    with transaction.atomic():  # each example starts from the same database
        before = (ExchangeRate.objects.count(), ExchangeRate.history.count())
        try:
            result = import_rates(
                path, office, actor=SYSTEM, month=(D(2030, 1, 1), D(2030, 1, 31)) if month else None
            )
        except RuleErrors as error:
            assert error.problems
            assert (ExchangeRate.objects.count(), ExchangeRate.history.count()) == before
        else:
            assert ExchangeRate.objects.count() == before[0] + len(result.rates) > before[0]
        transaction.set_rollback(True)
