"""Write docs/aid-spreadsheet-columns.csv from the aid spreadsheet's column dictionary (tests/aid/
test_spreadsheet_template.py checks that it is in step)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from caunoi.aid.spreadsheet_columns import dictionary_csv  # noqa: E402

if __name__ == "__main__":
    target = ROOT / "docs" / "aid-spreadsheet-columns.csv"
    target.write_text(dictionary_csv(), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
