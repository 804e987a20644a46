"""A spreadsheet cell names a choice by its label in either language, its code or its name."""

import pytest
from django.utils import translation

from caunoi.aid import cells
from caunoi.aid.models import Modality, TransactionKind
from caunoi.core.errors import RuleError


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("Phi dự án", "non_project"),
        ("phi du an", "non_project"),
        ("Non-project aid", "non_project"),
        ("non-project", "non_project"),
        ("non_project", "non_project"),
        ("Programme", "programme"),
        ("dự án", "project"),
    ],
)
def test_a_modality_is_read_from_either_language(cell, expected):
    assert cells.parse_choice(cell, Modality, "modality") == expected


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("incoming funds", "1"), ("Cam kết", "2"), ("disbursement", "3"), ("Expenditure", "4"), ("3", "3")],
)
def test_a_transaction_kind_is_read_from_either_language(cell, expected):
    with translation.override("en"):
        assert cells.parse_choice(cell, TransactionKind, "tx_kind") == expected
    assert cells.parse_choice(cell, TransactionKind, "tx_kind") == expected


def test_an_unknown_choice_lists_the_labels_in_the_language_of_the_message():
    with pytest.raises(RuleError) as error:
        cells.parse_choice("Viện trợ", Modality, "modality")
    assert error.value.code == "aid.cell_choice"
    assert error.value.problem.params["value"] == "Viện trợ"
    assert str(error.value.problem.params["choices"]) == "Chương trình, Dự án, Phi dự án"
    with translation.override("en"):
        assert str(error.value.problem.params["choices"]) == "Programme, Project, Non-project aid"
