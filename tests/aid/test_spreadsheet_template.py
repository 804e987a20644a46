"""The column dictionary explains every column of the layout, and docs/aid-spreadsheet-columns.csv is written
from it (`python tools/aid_spreadsheet_columns.py`)."""

from pathlib import Path

from caunoi.aid.spreadsheet_columns import DICTIONARY, dictionary_csv
from caunoi.aid.spreadsheet_layout import COLUMNS

DOC = Path(__file__).resolve().parents[2] / "docs" / "aid-spreadsheet-columns.csv"


def test_every_column_is_explained_in_both_languages():
    assert list(DICTIONARY) == [c.key for c in COLUMNS]
    assert all(vi and en and vi != en for vi, en, _example in DICTIONARY.values())


def test_the_document_is_in_step_with_the_dictionary():
    assert DOC.read_text(encoding="utf-8") == dictionary_csv()
