import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook, load_workbook

from caunoi.aid.itemspec import prefetch_for_specs
from caunoi.aid.models import AidItem, Transaction
from caunoi.aid.spreadsheet import export_specs, write_table
from caunoi.aid.spreadsheet_import import import_file
from caunoi.aid.spreadsheet_layout import COLUMNS
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.reports.aid import aid_summary

pytestmark = pytest.mark.django_db
HEADERS = [c.header for c in COLUMNS]


def specs_of(office):  # type: ignore[no-untyped-def]
    return export_specs(prefetch_for_specs(AidItem.objects.filter(office=office).order_by("code")))


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for row in rows:
            writer.writerow([row.get(c.key, "") for c in COLUMNS])
    return path


BASE = {
    "code": "CSV-01",
    "modality": "Dự án",
    "title": "Giếng nước sạch",
    "status": "Đã phê duyệt",
    "decision_number": "7/QĐ-UBND",
    "decision_date": "05/04/2022",
    "authority": "Chủ tịch UBND tỉnh",
    "funding": "Quỹ Giếng Làng (minh họa)",
    "sectors": "Tài nguyên - môi trường",
    "places": "Huyện Trạm Tấu, Tỉnh Yên Bái",
    "tx_kind": "Cam kết",
    "tx_amount": "12.500,50",
    "tx_currency": "USD",
    "tx_date": "05/04/2022",
}


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_reimports_to_the_same_records_in_a_fresh_office(tmp_path, yen_bai, office, suffix):
    path = tmp_path / f"aid{suffix}"
    assert write_table(specs_of(yen_bai), path) == 61
    summary = import_file(office, path, actor=SYSTEM)
    assert (len(summary.created), len(summary.unchanged), summary.rows) == (21, 0, 61)
    assert [s.comparable() for s in specs_of(office)] == [s.comparable() for s in specs_of(yen_bai)]
    assert aid_summary(office, 2022).committed.usd == Decimal("1404175")
    again = import_file(office, path, actor=SYSTEM)
    assert (len(again.created), len(again.unchanged)) == (0, 21)
    assert AidItem.objects.filter(office=office).count() == 21


def test_the_xlsx_export_has_number_and_date_cells(tmp_path, yen_bai):
    path = tmp_path / "aid.xlsx"
    write_table(specs_of(yen_bai), path)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == HEADERS
    amounts = [r[HEADERS.index("Số tiền")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    kinds = [r[HEADERS.index("Loại giao dịch")] for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert sum(Decimal(str(a)) for a, k in zip(amounts, kinds, strict=True) if k == "Cam kết") == 1404175
    assert isinstance(sheet.cell(row=2, column=HEADERS.index("Ngày quyết định") + 1).value, dt.datetime)


def test_a_valid_csv_creates_items_organisations_and_money(tmp_path, office):
    path = write_csv(
        tmp_path / "in.csv",
        [
            BASE,
            {
                "code": "CSV-01",
                "tx_kind": "Giải ngân",
                "tx_amount": "5000",
                "tx_currency": "USD",
                "tx_date": "10/05/2022",
            },
        ],
    )
    summary = import_file(office, path, actor=SYSTEM)
    assert (summary.created, summary.organisations_created) == (["CSV-01"], ["Quỹ Giếng Làng (minh họa)"])
    item = AidItem.objects.get(office=office, code="CSV-01")
    assert (item.status, item.approved_on, item.primary_sector.code) == (
        "approved",
        dt.date(2022, 4, 5),
        "tai-nguyen-moi-truong",
    )
    assert sorted(Transaction.objects.filter(item=item).values_list("kind", "amount")) == [
        ("2", Decimal("12500.50")),
        ("3", Decimal("5000.00")),
    ]
    assert item.place_shares.get().unit.era == "legacy"


@pytest.mark.parametrize(
    ("change", "row", "column", "code"),
    [
        ({"decision_date": "31/02/2022"}, 2, "Ngày quyết định", "aid.cell_date"),
        ({"tx_amount": "12.5.0"}, 2, "Số tiền", "aid.cell_number"),
        ({"modality": "Viện trợ"}, 2, "Hình thức", "aid.cell_choice"),
        ({"sectors": "Y tế (60%); Giáo dục và đào tạo (30%)"}, 2, "Lĩnh vực", "aid.shares_total"),
        ({"sectors": "Thể thao"}, 2, "Lĩnh vực", "aid.sector_unknown"),
        ({"places": "Huyện Không Có, Tỉnh Yên Bái"}, 2, "Địa bàn", "aid.place_unknown"),
        ({"tx_currency": "ABC"}, 2, "Tiền tệ", "money.currency_unknown"),
        ({"tx_amount": "-5"}, 2, "Số tiền", "money.amount_not_positive"),
        ({"status": "Đang thực hiện"}, 2, "Ngày bắt đầu thực hiện", "aid.status_needs_date"),
        (
            {"decision_number": "", "decision_date": "", "authority": ""},
            2,
            "Số quyết định phê duyệt",
            "aid.approval_needs_decision",
        ),
        ({"title": ""}, 2, "Tên khoản viện trợ", "aid.cell_required"),
    ],
)
def test_a_bad_row_rejects_the_whole_file_with_row_column_and_reason(
    tmp_path, office, change, row, column, code
):
    good = dict(BASE, code="CSV-00")
    path = write_csv(tmp_path / "bad.csv", [dict(BASE, **change), good])
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    assert [(p.row, p.column, p.code) for p in error.value.problems] == [(row, column, code)]
    assert error.value.problems[0].vi and error.value.problems[0].en
    assert AidItem.objects.filter(office=office).count() == 0
    assert Organisation.objects.filter(office=office).count() == 0


def test_every_problem_of_the_file_is_reported_at_once(tmp_path, office):
    path = write_csv(
        tmp_path / "bad.csv",
        [
            dict(BASE, decision_date="hôm qua"),
            dict(BASE, code="CSV-02", tx_amount="nhiều"),
            {
                "code": "CSV-02",
                "title": "Tên khác",
                "tx_kind": "Giải ngân",
                "tx_amount": "1",
                "tx_currency": "USD",
                "tx_date": "01/06/2022",
            },
        ],
    )
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    assert [(p.row, p.column, p.code) for p in error.value.problems] == [
        (2, "Ngày quyết định", "aid.cell_date"),
        (3, "Số tiền", "aid.cell_number"),
        (4, "Tên khoản viện trợ", "aid.row_conflict"),
    ]


def test_a_changed_item_is_refused_not_duplicated(tmp_path, office):
    import_file(office, write_csv(tmp_path / "a.csv", [BASE]), actor=SYSTEM)
    with pytest.raises(RuleErrors) as error:
        import_file(
            office, write_csv(tmp_path / "b.csv", [dict(BASE, title="Giếng nước sạch (sửa)")]), actor=SYSTEM
        )
    assert [(p.row, p.code, p.params["detail"]) for p in error.value.problems] == [
        (2, "aid.item_exists_different", "Tên khoản viện trợ")
    ]
    assert AidItem.objects.get(office=office, code="CSV-01").title == "Giếng nước sạch"


def test_headers_are_checked(tmp_path, office):
    path = tmp_path / "h.csv"
    path.write_text("Mã khoản viện trợ,Tên khoản viện trợ,Ghi chú riêng\nX,Y,Z\n", encoding="utf-8")
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    assert [(p.row, p.column, p.code) for p in error.value.problems] == [
        (1, "Ghi chú riêng", "aid.header_unknown"),
        (1, "Hình thức", "aid.header_missing"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("latin1.csv", b"M\xe3 kho\xe0n vi\xean tr\xf4\nD\xf9 \xe1n\n", "aid.file_unreadable"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "aid.file_unreadable"),
        ("empty.csv", b"", "aid.file_empty"),
        ("aid.ods", b"whatever", "aid.file_type"),
    ],
)
def test_unreadable_files_give_a_message(tmp_path, office, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    assert [p.code for p in error.value.problems] == [code]


def test_a_workbook_with_only_headers_has_no_rows(tmp_path, office):
    workbook = Workbook()
    workbook.active.append(HEADERS)
    workbook.save(tmp_path / "x.xlsx")
    with pytest.raises(RuleErrors) as error:
        import_file(office, tmp_path / "x.xlsx", actor=SYSTEM)
    assert [p.code for p in error.value.problems] == ["aid.file_empty"]


def test_cli_import_and_export(tmp_path, yen_bai, capsys):
    call_command("export", "aid", "--year", "2022", str(tmp_path / "y.csv"))
    assert "Đã xuất 21 khoản viện trợ, 61 dòng" in capsys.readouterr().out
    call_command("import", "aid", str(tmp_path / "y.csv"), "--office", "yen-bai")
    assert "Đã nhập 0 khoản viện trợ mới, 21 khoản không đổi (61 dòng)" in capsys.readouterr().out
    (tmp_path / "bad.csv").write_text("Mã khoản viện trợ\n", encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("import", "aid", str(tmp_path / "bad.csv"), "--office", "yen-bai")
    assert "Không nhập gì cả" in str(error.value) and "Thiếu cột bắt buộc “Hình thức”" in str(error.value)
    with pytest.raises(CommandError) as error:
        call_command("export", "aid", "--office", "yen-bai", str(tmp_path / "no" / "such" / "x.csv"))
    assert "Không có thư mục" in str(error.value)


TRICKY_TITLES = [
    'Dự án "Nước sạch", giai đoạn 2',
    '=HYPERLINK("http://example.com/x","Bấm")',
    "=cmd|' /C calc'!A0",
]


@pytest.fixture
def tricky(tmp_path, office):  # type: ignore[no-untyped-def]
    """Three items whose titles hold quotes and commas, or begin like a formula."""
    rows = [dict(BASE, code=f"T-{n}", title=title) for n, title in enumerate(TRICKY_TITLES, start=1)]
    import_file(office, write_csv(tmp_path / "tricky.csv", rows), actor=SYSTEM)
    return specs_of(office)


def test_the_csv_export_escapes_formulas_and_reimports_every_title_unchanged(tmp_path, tricky):
    path = tmp_path / "out.csv"
    write_table(tricky, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["Tên khoản viện trợ"] for r in rows] == [
        TRICKY_TITLES[0],
        *("'" + t for t in TRICKY_TITLES[1:]),
    ]
    other = Office.objects.create(code="khac", name="Liên hiệp khác")
    assert len(import_file(other, path, actor=SYSTEM).created) == 3
    assert (
        list(AidItem.objects.filter(office=other).order_by("code").values_list("title", flat=True))
        == TRICKY_TITLES
    )


def test_the_xlsx_export_writes_formulas_as_text_cells_and_reimports_them_unchanged(tmp_path, tricky):
    path = tmp_path / "out.xlsx"
    write_table(tricky, path)
    sheet = load_workbook(path).active
    titles = [sheet.cell(row=r, column=HEADERS.index("Tên khoản viện trợ") + 1) for r in (2, 3, 4)]
    assert [(c.value, c.data_type, c.quotePrefix) for c in titles] == [
        (TRICKY_TITLES[0], "s", False),
        (TRICKY_TITLES[1], "s", True),
        (TRICKY_TITLES[2], "s", True),
    ]
    other = Office.objects.create(code="khac", name="Liên hiệp khác")
    assert len(import_file(other, path, actor=SYSTEM).created) == 3
    assert (
        list(AidItem.objects.filter(office=other).order_by("code").values_list("title", flat=True))
        == TRICKY_TITLES
    )


def test_a_semicolon_csv_is_read_by_its_header_line_and_a_comma_csv_with_semicolons_in_cells_too(
    tmp_path, office
):
    semicolon = tmp_path / "semi.csv"
    with semicolon.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADERS)
        writer.writerow([dict(BASE, title="Giếng, bể nước").get(c.key, "") for c in COLUMNS])
    assert import_file(office, semicolon, actor=SYSTEM).created == ["CSV-01"]
    comma = write_csv(
        tmp_path / "comma.csv",
        [
            dict(
                BASE,
                code="CSV-02",
                funding="Quỹ A; Quỹ B; Quỹ C",
                sectors="Y tế (60%); Giáo dục và đào tạo (40%)",
            )
        ],
    )
    assert import_file(office, comma, actor=SYSTEM).organisations_created == ["Quỹ A", "Quỹ B", "Quỹ C"]
    assert AidItem.objects.get(office=office, code="CSV-01").title == "Giếng, bể nước"


def test_a_header_given_twice_is_refused(tmp_path, office):
    path = tmp_path / "twice.csv"
    path.write_text(",".join([*HEADERS, "Tên khoản viện trợ"]) + "\n" + "X,Dự án,Y\n", encoding="utf-8")
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    assert [(p.row, p.column, p.code, p.params) for p in error.value.problems] == [
        (
            1,
            "Tên khoản viện trợ",
            "aid.header_duplicate",
            {"column": "Tên khoản viện trợ", "first": 3, "second": 32},
        )
    ]


def test_the_rows_of_an_item_need_not_be_together(tmp_path, office):
    later = {
        "code": "CSV-01",
        "tx_kind": "Giải ngân",
        "tx_amount": "5000",
        "tx_currency": "USD",
        "tx_date": "10/05/2022",
    }
    path = write_csv(tmp_path / "apart.csv", [BASE, dict(BASE, code="CSV-02"), later])
    summary = import_file(office, path, actor=SYSTEM)
    assert (sorted(summary.created), summary.rows) == (["CSV-01", "CSV-02"], 3)
    assert Transaction.objects.filter(item__code="CSV-01", item__office=office).count() == 2


def test_a_file_with_many_problems_lists_the_first_thousand_and_counts_them_all(tmp_path, office, capsys):
    rows = [dict(BASE, code=f"C-{n}", decision_date="hôm qua") for n in range(1500)]
    path = write_csv(tmp_path / "bad.csv", rows)
    with pytest.raises(RuleErrors) as error:
        import_file(office, path, actor=SYSTEM)
    problems = error.value.problems
    assert (len(problems), error.value.total) == (1001, 1500)  # type: ignore[attr-defined]
    assert [p.row for p in problems[:2]] == [2, 3] and problems[999].row == 1001
    assert (problems[-1].code, problems[-1].en) == (
        "aid.problems_more",
        "Only the first 1000 of 1500 problems are listed.",
    )
    with pytest.raises(CommandError) as refused:
        call_command("import", "aid", str(path), "--office", office.code)
    assert str(refused.value).startswith("Không nhập gì cả: 1500 lỗi / nothing imported: 1500 problem(s)\n")
    assert refused.value.returncode == 1
    assert AidItem.objects.filter(office=office).count() == 0
