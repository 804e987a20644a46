"""The one escaper of every CSV and XLSX caunoi writes: formulas from records come out as text, numbers as
numbers, and caunoi's own CSV import reads the escaped text back unchanged."""

import csv
import io
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from caunoi.core import cells

HYPERLINK = '=HYPERLINK("http://example.com/x","Bấm vào đây")'
DDE = "=cmd|' /C calc'!A0"


def written_csv(row: list) -> str:  # type: ignore[type-arg]
    buffer = io.StringIO()
    cells.csv_writer(buffer).writerow(row)
    return buffer.getvalue()


def test_formula_texts_get_an_apostrophe_in_csv_and_numbers_stay_numbers():
    line = written_csv(
        [HYPERLINK, DDE, "+1", "@SUM(A1)", "\tx", "-x", -5, Decimal("-2.5"), cells.NumberText("-5")]
    )
    assert next(csv.reader(io.StringIO(line))) == [
        "'" + HYPERLINK,
        "'" + DDE,
        "'+1",
        "'@SUM(A1)",
        "'\tx",
        "'-x",
        "-5",
        "-2.5",
        "-5",
    ]


def test_csv_quotes_are_doubled_per_rfc_4180():
    assert written_csv(['Dự án "Nước sạch", giai đoạn 2', None]) == '"Dự án ""Nước sạch"", giai đoạn 2",\r\n'


def test_apostrophes_before_a_formula_get_one_more_and_other_apostrophes_none():
    assert [cells.escape_text(t) for t in ["'=1", "''+x", "'Hope' project", "'", "a=b"]] == [
        "''=1",
        "'''+x",
        "'Hope' project",
        "'",
        "a=b",
    ]
    assert [cells.unescape_text(t) for t in ["''=1", "'=1", "'Hope'", "'", "'a"]] == [
        "'=1",
        "=1",
        "'Hope'",
        "'",
        "'a",
    ]


@given(st.text(alphabet=st.sampled_from("'=+-@\t\rab ,\"\n"), max_size=12) | st.text(max_size=20))
def test_unescape_undoes_escape_and_nothing_escaped_starts_like_a_formula(text):
    escaped = cells.escape_text(text)
    assert cells.unescape_text(escaped) == text
    assert not escaped.startswith(cells.FORMULA_STARTS)


def test_xlsx_formula_texts_are_quote_prefixed_string_cells_and_formulas_of_caunoi_stay_formulas(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    for column, value in enumerate(
        [HYPERLINK, DDE, "-x", -5, cells.Formula("=SUM(D1:D1)"), "plain"], start=1
    ):
        cells.xlsx_cell(sheet, 1, column, value)
    workbook.save(tmp_path / "x.xlsx")
    row = load_workbook(tmp_path / "x.xlsx").active[1]
    assert [(c.value, c.data_type, c.quotePrefix) for c in row] == [
        (HYPERLINK, "s", True),
        (DDE, "s", True),
        ("-x", "s", True),
        (-5, "n", False),
        ("=SUM(D1:D1)", "f", False),
        ("plain", "s", False),
    ]


def test_write_only_cells_are_escaped_too(tmp_path):
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("a")
    sheet.append(cells.write_only_row(sheet, [DDE, 3]))
    workbook.save(tmp_path / "w.xlsx")
    row = load_workbook(tmp_path / "w.xlsx").active[1]
    assert [(c.value, c.data_type, c.quotePrefix) for c in row] == [(DDE, "s", True), (3, "n", False)]
