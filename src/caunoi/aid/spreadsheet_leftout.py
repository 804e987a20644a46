"""The rows an import left out, given back as a file to fix: the file's own header and cells, row by row as
they were uploaded, with one more column saying why each was left out (in the reader's language). Fixed and
uploaded again, it imports the rows that were missing (the reason column is ignored)."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from caunoi.aid.spreadsheet_layout import LEFT_OUT_HEADER
from caunoi.aid.spreadsheet_reader import is_blank, open_rows
from caunoi.core import cells as safe
from caunoi.core.errors import Problem


def write_left_out(source: Path, left_out: dict[int, Problem], out: Path, lang: str = "vi") -> int:
    """Write the left-out rows of `source` to `out` (.xlsx or .csv, by its suffix); the rows written."""
    reason_header = LEFT_OUT_HEADER["vi" if lang.startswith("vi") else "en"]
    written = 0
    with open_rows(source) as rows:
        header = list(next(rows, []))
        while header and header[-1] in (None, ""):
            header.pop()
        width = len(header)
        chosen = (
            [*(row[:width] + [None] * (width - len(row))), left_out[number].text(lang)]
            for number, row in enumerate(rows, start=2)
            if number in left_out and not is_blank(row)
        )
        if out.suffix.lower() == ".csv":
            with out.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = safe.csv_writer(handle)
                writer.writerow([*header, reason_header])
                for values in chosen:
                    writer.writerow(["" if v is None else v for v in values])
                    written += 1
        else:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Dòng chưa nhập")
            sheet.append(safe.write_only_row(sheet, [*header, reason_header]))
            for values in chosen:
                sheet.append(safe.write_only_row(sheet, values))
                written += 1
            workbook.save(out)
    return written
