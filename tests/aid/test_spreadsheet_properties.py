"""Property tests of the aid spreadsheet import (issue 13): a valid exported file, mutated — bytes flipped,
cells changed, rows deleted or duplicated, headers duplicated, odd text, huge numbers, impossible dates — is
imported by `caunoi import aid`; it ends with exit code 0 (imported) or 1 (refused, nothing imported), never
with a traceback, and a refused import leaves the row count of every caunoi table unchanged.

CAUNOI_PROPERTY_EXAMPLES sets how many files each test tries (100 in `make test`); bench/bench_spreadsheet.py
runs them longer and reads the tally that CAUNOI_PROPERTY_TALLY names (a JSON file of outcome counts).
"""

import csv
import io
import json
import os
from collections import Counter
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from caunoi.aid.itemspec import prefetch_for_specs
from caunoi.aid.models import AidItem
from caunoi.aid.spreadsheet import export_specs, write_table
from caunoi.aid.spreadsheet_import import import_file
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("CAUNOI_PROPERTY_EXAMPLES", "100"))
TALLY = os.environ.get("CAUNOI_PROPERTY_TALLY")
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

ROW = {
    "Hình thức": "Dự án",
    "Trạng thái": "Đã phê duyệt",
    "Số quyết định phê duyệt": "7/QĐ-UBND",
    "Ngày quyết định": "05/04/2022",
    "Cơ quan phê duyệt": "Chủ tịch UBND tỉnh",
    "Nhà tài trợ": "Quỹ Giếng Làng (minh họa)",
    "Lĩnh vực": "Y tế (60%); Giáo dục và đào tạo (40%)",
    "Địa bàn": "Huyện Trạm Tấu, Tỉnh Yên Bái",
    "Loại giao dịch": "Cam kết",
    "Số tiền": "12.500,50",
    "Tiền tệ": "USD",
    "Ngày giá trị": "05/04/2022",
}
ODD_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "=cmd|' /C calc'!A0",
            "'=1+1",
            "-5",
            "9" * 40,
            "1e999",
            "NaN",
            "31/02/2022",
            "00/00/0000",
            "01/01/0001",
            "9999-12-31",
            "1.404.175,5",
            "Y tế (120%)",
            'a "quoted", value',
            "line\r\nbreak",
            "\ufeff",
            "\x00",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
)


def _base_rows(tmp_path: Path, office: Office) -> list[list[str]]:
    """An exported file of four items (approved with two transactions, implementing, proposed without
    money, completed) as rows of text, header first."""
    rows = [
        {"Mã khoản viện trợ": "P-1", "Tên khoản viện trợ": 'Dự án "Nước sạch", giai đoạn 2', **ROW},
        {
            "Mã khoản viện trợ": "P-1",
            "Loại giao dịch": "Giải ngân",
            "Số tiền": "5000",
            "Tiền tệ": "USD",
            "Ngày giá trị": "10/05/2022",
        },
        {
            "Mã khoản viện trợ": "P-2",
            "Tên khoản viện trợ": '=HYPERLINK("http://example.com","x")',
            **ROW,
            "Trạng thái": "Đang thực hiện",
            "Ngày bắt đầu thực hiện": "01/05/2022",
        },
        {"Mã khoản viện trợ": "P-3", "Hình thức": "Phi dự án", "Tên khoản viện trợ": "Đề xuất; chưa có tiền"},
        {
            "Mã khoản viện trợ": "P-4",
            "Tên khoản viện trợ": "Hoàn thành",
            **ROW,
            "Trạng thái": "Đã hoàn thành",
            "Ngày bắt đầu thực hiện": "01/05/2022",
            "Ngày hoàn thành": "01/09/2022",
            "Tiền tệ": "EUR",
        },
    ]
    source = tmp_path / "source.csv"
    headers = list(dict.fromkeys(k for r in rows for k in r))
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, headers)
        writer.writeheader()
        writer.writerows(rows)
    import_file(office, source, actor=SYSTEM)
    exported = tmp_path / "exported.csv"
    write_table(
        export_specs(prefetch_for_specs(AidItem.objects.filter(office=office).order_by("code"))), exported
    )
    with exported.open(encoding="utf-8-sig", newline="") as handle:
        return [list(r) for r in csv.reader(handle)]


@pytest.fixture
def base(tmp_path, office):  # type: ignore[no-untyped-def]
    return _base_rows(tmp_path, office)


@pytest.fixture
def target(db):  # type: ignore[no-untyped-def]
    return Office.objects.create(code="dich", name="Liên hiệp nhận tệp")


def _tables() -> list[str]:
    labels = {c.label for c in apps.get_app_configs() if c.name.startswith("caunoi")}
    return sorted(
        {m._meta.db_table for m in apps.get_models(include_auto_created=True) if m._meta.app_label in labels}
    )


def row_counts() -> tuple[int, ...]:
    """The row count of every caunoi table (history and many-to-many tables too), in one query."""
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {q(t)})" for t in _tables()))
        return tuple(cursor.fetchone())


@st.composite
def mutated_rows(draw: st.DrawFn, base: list[list[str]]) -> list[list[str]]:
    rows = [list(r) for r in base]
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        kind = draw(st.sampled_from(["cell", "cell", "cell", "delete", "duplicate", "header", "swap"]))
        at = draw(st.integers(min_value=0, max_value=max(len(rows) - 1, 0)))
        if not rows:
            break
        if kind == "cell":
            column = draw(st.integers(min_value=0, max_value=len(rows[at]) - 1)) if rows[at] else 0
            value = draw(ODD_VALUES)
            if rows[at]:
                rows[at][column] = value
            else:
                rows[at].append(value)
        elif kind == "delete":
            del rows[at]
        elif kind == "duplicate":
            rows.insert(at, list(rows[at]))
        elif kind == "header" and rows[0]:
            rows[0].append(draw(st.sampled_from(rows[0])))
        elif kind == "swap" and len(rows) > 2:
            other = draw(st.integers(min_value=1, max_value=len(rows) - 1))
            rows[at], rows[other] = rows[other], rows[at]
    return rows


def csv_bytes(rows: list[list[str]], delimiter: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Khoản viện trợ")
    for row in rows:  # openpyxl cannot write control characters at all
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@st.composite
def flipped(draw: st.DrawFn, data: bytes) -> bytes:
    """The bytes with a few of them changed, cut short, or left alone."""
    out = bytearray(data)
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        if not out:
            break
        at = draw(st.integers(min_value=0, max_value=len(out) - 1))
        out[at] = draw(st.integers(min_value=0, max_value=255))
    if draw(st.booleans()) and out:
        out = out[: draw(st.integers(min_value=0, max_value=len(out)))]
    return bytes(out)


def _tally(outcome: str) -> None:
    if not TALLY:
        return
    path = Path(TALLY)
    counts = Counter(json.loads(path.read_text())) if path.exists() else Counter()
    counts[outcome] += 1
    path.write_text(json.dumps(counts))


def import_ends_cleanly(path: Path, office: Office) -> None:
    """`caunoi import aid` on the file: exit 0, or exit 1 with every caunoi table as it was."""
    before = row_counts()
    outcome = "not clean"
    with transaction.atomic():  # each example starts from the same database
        try:
            call_command("import", "aid", str(path), "--office", office.code, stdout=io.StringIO())
            outcome = "imported"
        except CommandError as error:
            assert error.returncode == 1 and str(error).startswith("Không nhập gì cả: ")
            assert row_counts() == before
            outcome = "refused"
        finally:
            _tally(outcome)
        transaction.set_rollback(True)


@PROPERTY
@given(data=st.data())
def test_a_mutated_csv_is_imported_or_refused_cleanly(tmp_path, base, target, data):
    rows = data.draw(mutated_rows(base))
    raw = csv_bytes(rows, data.draw(st.sampled_from([",", ",", ";"])))
    path = tmp_path / "mutated.csv"
    path.write_bytes(data.draw(flipped(raw)))
    import_ends_cleanly(path, target)


@PROPERTY
@given(data=st.data())
def test_a_mutated_xlsx_is_imported_or_refused_cleanly(tmp_path, base, target, data):
    rows: list[list[object]] = [list(r) for r in data.draw(mutated_rows(base))]
    for row in rows[1:]:  # some cells as a workbook types them: numbers, dates, booleans
        if row and data.draw(st.booleans()):
            column = data.draw(st.integers(min_value=0, max_value=len(row) - 1))
            row[column] = data.draw(
                st.one_of(
                    st.integers(min_value=-(10**20), max_value=10**20),
                    st.floats(),
                    st.datetimes(),
                    st.booleans(),
                )
            )
    raw = xlsx_bytes(rows)
    path = tmp_path / "mutated.xlsx"
    path.write_bytes(data.draw(flipped(raw)) if data.draw(st.integers(0, 4)) == 0 else raw)
    import_ends_cleanly(path, target)


def test_the_unmutated_export_imports(tmp_path, base, target):
    path = tmp_path / "same.csv"
    path.write_bytes(csv_bytes(base, ","))
    assert len(import_file(target, path, actor=SYSTEM).created) == 4
