"""Export → change cells in Excel → re-import (issue 12): the preview lists exactly the changed cells, before →
after; confirming applies them through the services, with history naming who; a locked year's money and a
change a file may not make are refused with their rule messages; item columns that disagree between an
item's rows make the item invalid."""

import io
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from caunoi.aid.cells import format_decimal
from caunoi.aid.closing import close_year
from caunoi.aid.itemspec import prefetch_for_specs
from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.spreadsheet import export_specs, write_table
from caunoi.aid.spreadsheet_import import run_import
from caunoi.aid.spreadsheet_layout import COLUMNS
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db
HEADERS = [c.header for c in COLUMNS]
CODE, TITLE, AMOUNT = (HEADERS.index(h) + 1 for h in ("Mã khoản viện trợ", "Tên khoản viện trợ", "Số tiền"))


@pytest.fixture
def editor(db):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username="bientap")


def export(office, tmp_path):  # type: ignore[no-untyped-def]
    path = tmp_path / "aid.xlsx"
    items = AidItem.objects.filter(office=office, archived_at__isnull=True).order_by("code")
    write_table(export_specs(prefetch_for_specs(items)), path)
    return path


def first_rows(sheet):  # type: ignore[no-untyped-def]
    """The first row of each item; the export repeats the item's columns on its other rows."""
    codes = [sheet.cell(row=r, column=CODE).value for r in range(2, sheet.max_row + 1)]
    return [r for r, code in enumerate(codes, start=2) if codes.index(code) + 2 == r]


def test_two_changed_cells_are_previewed_then_applied_with_history(tmp_path, yen_bai, editor):
    path = export(yen_bai, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    first, second = first_rows(sheet)[:2]
    title_code = sheet.cell(row=first, column=CODE).value
    old_title = sheet.cell(row=first, column=TITLE).value
    money_code = sheet.cell(row=second, column=CODE).value
    old_amount = Decimal(str(sheet.cell(row=second, column=AMOUNT).value))
    sheet.cell(row=first, column=TITLE).value = old_title + " (giai đoạn 2)"
    sheet.cell(row=second, column=AMOUNT).value = float(old_amount + 1000)
    book.save(path)
    before = (AidItem.history.count(), Transaction.history.count())

    preview = run_import(yen_bai, path, actor=editor, update=True, save=False)

    assert (preview.saved, dict(preview.counts)) == (False, {"changed": 2, "unchanged": 19})
    changed = [
        (i.code, [(c.column, c.before, c.after, c.row) for c in i.changes])
        for i in preview.items
        if i.outcome == "changed"
    ]
    assert sorted(changed) == sorted(
        [
            (title_code, [("Tên khoản viện trợ", old_title, old_title + " (giai đoạn 2)", None)]),
            (
                money_code,
                [("Số tiền", format_decimal(old_amount), format_decimal(old_amount + 1000), second)],
            ),
        ]
    )
    assert (AidItem.history.count(), Transaction.history.count()) == before  # a preview changes nothing

    done = run_import(yen_bai, path, actor=editor, update=True, save=True)

    assert (done.saved, sorted(done.changed)) == (True, sorted([title_code, money_code]))
    item = AidItem.objects.get(office=yen_bai, code=title_code)
    assert item.title == old_title + " (giai đoạn 2)"
    assert item.history.first().history_user == editor
    tx = Transaction.objects.get(item__office=yen_bai, item__code=money_code, amount=old_amount + 1000)
    assert tx.amount == old_amount + 1000
    assert (tx.history.first().history_user, tx.history.first().history_type) == (editor, "~")
    assert (AidItem.history.count(), Transaction.history.count()) == (before[0] + 1, before[1] + 1)
    again = run_import(yen_bai, path, actor=editor, update=True, save=False)
    assert dict(again.counts) == {"unchanged": 21}


def test_a_locked_years_money_is_refused_with_its_rule(tmp_path, yen_bai, editor):
    path = export(yen_bai, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    row = first_rows(sheet)[0]
    sheet.cell(row=row, column=AMOUNT).value = float(
        Decimal(str(sheet.cell(row=row, column=AMOUNT).value)) + 1
    )
    book.save(path)
    close_year(yen_bai, 2022, actor=SYSTEM)

    report = run_import(yen_bai, path, actor=editor, update=True, save=True)

    assert (report.saved, report.counts["invalid"]) == (False, 1)
    [invalid] = [i for i in report.items if i.outcome == "invalid"]
    assert [(p.code, p.row, p.column) for p in invalid.problems] == [("aid.year_closed", row, "Ngày giá trị")]


def test_rows_of_one_item_that_disagree_make_it_invalid(tmp_path, yen_bai, editor):
    path = export(yen_bai, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    codes = [sheet.cell(row=r, column=CODE).value for r in range(2, sheet.max_row + 1)]
    first = next(r for r, code in enumerate(codes, start=2) if codes.count(code) >= 3)
    # The export leaves the item's columns empty after its first row; a title there that differs says two things.
    sheet.cell(row=first + 1, column=TITLE).value = "Tên khác"
    book.save(path)

    report = run_import(yen_bai, path, actor=editor, update=True, valid_only=True, save=True)

    [invalid] = [i for i in report.items if i.outcome == "invalid"]
    assert [(p.code, p.row) for p in invalid.problems] == [("aid.row_conflict", first + 1)]
    assert report.saved and report.counts["unchanged"] == 20
    assert sorted(report.left_out) == invalid.rows


def test_a_file_cannot_rewrite_an_approval_decision(tmp_path, yen_bai, editor):
    path = export(yen_bai, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    row = first_rows(sheet)[0]
    column = HEADERS.index("Số quyết định phê duyệt") + 1
    old = sheet.cell(row=row, column=column).value
    sheet.cell(row=row, column=column).value = "99/QĐ-UBND"
    book.save(path)

    report = run_import(yen_bai, path, actor=editor, update=True, save=False)

    [invalid] = [i for i in report.items if i.outcome == "invalid"]
    assert [(p.code, p.params["before"]) for p in invalid.problems] == [("aid.field_not_updatable", old)]


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cell=st.sampled_from(["Số tiền", "Ngày giá trị", "Lĩnh vực", "Số quyết định phê duyệt", "Tiền tệ"]),
    value=st.one_of(
        st.text(max_size=12).map(lambda t: ILLEGAL_CHARACTERS_RE.sub("", t)),
        st.sampled_from(["-5", "31/02/2022", "Y tế (120%)", "ABC", "1e999"]),
    ),
)
def test_a_refused_upload_changes_no_row(tmp_path_factory, yen_bai, editor, cell, value):
    path = export(yen_bai, tmp_path_factory.mktemp("x"))
    book = load_workbook(path)
    sheet = book.active
    sheet.cell(row=2, column=HEADERS.index(cell) + 1).value = value
    sheet.cell(row=3, column=AMOUNT).value = "không phải số"  # one invalid item at least: all or nothing
    book.save(path)
    tables = (AidItem, Transaction, AidItem.history.model, Transaction.history.model)
    before = [t.objects.count() for t in tables]
    report = run_import(yen_bai, path, actor=editor, update=True, save=True)
    assert not report.saved
    assert [t.objects.count() for t in tables] == before


def test_the_command_updates_and_leaves_out_invalid_rows_to_a_file(tmp_path, yen_bai):
    path = export(yen_bai, tmp_path)
    book = load_workbook(path)
    sheet = book.active
    rows = first_rows(sheet)
    sheet.cell(row=rows[0], column=TITLE).value = "Tên mới"
    sheet.cell(row=rows[1], column=AMOUNT).value = "nhiều"
    book.save(path)
    left_out = tmp_path / "left-out.xlsx"
    out = io.StringIO()

    call_command(
        "import",
        "aid",
        str(path),
        "--office",
        "yen-bai",
        "--update",
        "--valid-only",
        "--left-out",
        str(left_out),
        stdout=out,
    )

    assert "Đã sửa 1 khoản viện trợ" in out.getvalue() and "left out 1 invalid item(s)" in out.getvalue()
    code = sheet.cell(row=rows[0], column=CODE).value
    assert AidItem.objects.get(office=yen_bai, code=code).title == "Tên mới"
    written = list(load_workbook(left_out).active.iter_rows(values_only=True))
    assert len(written) == 1 + rows[2] - rows[1]  # the header and every row of the invalid item
    assert written[0][-1] == "Lý do chưa nhập" and "nhiều" in written[1][-1]
