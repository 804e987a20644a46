"""The issue's samples through the aid services and the spreadsheet import: each refused with its message,
where it is (field, or row and column), and no row changed."""

import csv
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from caunoi.aid import services
from caunoi.aid.models import AidItem, StatusChange, Transaction
from caunoi.aid.spreadsheet_import import import_file
from caunoi.aid.spreadsheet_layout import COLUMNS
from caunoi.core.errors import RuleErrors
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.money.currencies import MAX_AMOUNT

pytestmark = pytest.mark.django_db
FORTY_DIGITS = "1" * 40


def _refused(call, *args, **kwargs):  # type: ignore[no-untyped-def]
    with pytest.raises(RuleErrors) as refused:
        call(*args, **kwargs)
    return refused.value.problems


def test_item_text_and_count_limits_through_the_service(office):
    problems = _refused(
        services.create_item,
        office,
        actor=SYSTEM,
        code="M" * 74,
        title="T" * 600,
        modality="project",
        beneficiaries_count=10**24,
    )
    assert [(p.code, p.field) for p in problems] == [
        ("limits.text_too_long", "code"),
        ("limits.text_too_long", "title"),
        ("limits.number_out_of_range", "beneficiaries_count"),
    ]
    assert not AidItem.objects.filter(office=office).exists()


def test_update_refuses_a_25_digit_count_and_keeps_the_item(make_item):
    item = make_item(actor=SYSTEM, beneficiaries_count=120)
    problems = _refused(services.update_item, item, actor=SYSTEM, beneficiaries_count=10**24)
    assert [p.field for p in problems] == ["beneficiaries_count"]
    item.refresh_from_db()
    assert item.beneficiaries_count == 120


def test_a_decision_number_longer_than_its_column(office, approval):
    decision = services.Decision("Q" * 81, approval.date, approval.authority)
    problems = _refused(
        services.create_item,
        office,
        actor=SYSTEM,
        code="A-1",
        title="Dự án",
        modality="project",
        status="approved",
        decision=decision,
    )
    assert [(p.code, p.field, p.params["limit"]) for p in problems] == [
        ("limits.text_too_long", "decision_number", 80)
    ]
    assert not AidItem.objects.filter(office=office).exists()
    assert not StatusChange.objects.filter(item__office=office).exists()


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (FORTY_DIGITS, FORTY_DIGITS),
        (Decimal(FORTY_DIGITS), FORTY_DIGITS),
        ("10000000000000", "10000000000000"),
    ],
)
def test_amounts_over_the_ledger_maximum(make_item, amount, shown):
    item = make_item(actor=SYSTEM)
    problems = _refused(
        services.record_transaction, item, "2", amount, "USD", dt.date(2022, 1, 5), actor=SYSTEM
    )
    assert [(p.code, p.field) for p in problems] == [("money.amount_too_large", "amount")]
    assert problems[0].vi == f"Số tiền {shown} quá lớn: sổ viện trợ nhận số tiền tối đa 9.999.999.999.999,99."
    assert problems[0].en == (
        f"The amount {shown} is too large: the ledger accepts amounts up to 9,999,999,999,999.99."
    )
    assert not Transaction.objects.filter(item=item).exists()


def test_the_largest_amount_is_kept_exactly_on_either_database(make_item):
    item = make_item(actor=SYSTEM)
    tx = services.record_transaction(item, "2", MAX_AMOUNT, "USD", dt.date(2022, 1, 5), actor=SYSTEM)
    assert Transaction.objects.get(pk=tx.pk).amount == Decimal("9999999999999.99")
    assert Transaction.history.get(id=tx.pk).amount == Decimal("9999999999999.99")


def test_a_counterpart_amount_of_40_digits(office):
    problems = _refused(
        services.create_item,
        office,
        actor=SYSTEM,
        code="A-2",
        title="Dự án",
        modality="project",
        counterpart_amount=FORTY_DIGITS,
        counterpart_currency="VND",
    )
    assert [(p.code, p.field) for p in problems] == [("money.amount_too_large", "counterpart_amount")]


def test_a_transaction_reference_over_120_characters(make_item):
    item = make_item(actor=SYSTEM)
    problems = _refused(
        services.record_transaction,
        item,
        "2",
        "100",
        "USD",
        dt.date(2022, 1, 5),
        reference="R" * 121,
        actor=SYSTEM,
    )
    assert [(p.field, p.params["length"]) for p in problems] == [("reference", 121)]


# ---- the spreadsheet ---------------------------------------------------------------------------------

HEADER = {c.key: c.header for c in COLUMNS}
ROW = {
    "code": "CSV-01",
    "modality": "Dự án",
    "title": "Giếng nước sạch",
    "funding": "Quỹ Giếng Làng (minh họa)",
    "tx_kind": "Cam kết",
    "tx_amount": "12.500,50",
    "tx_currency": "USD",
    "tx_date": "05/04/2022",
}


def _csv(path: Path, *rows: dict[str, str]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.header for c in COLUMNS])
        for row in rows:
            writer.writerow([row.get(c.key, "") for c in COLUMNS])
    return path


def _where(office, path):  # type: ignore[no-untyped-def]
    before = (AidItem.objects.count(), Transaction.objects.count(), Organisation.objects.count())
    problems = _refused(import_file, office, path, actor=SYSTEM)
    assert (AidItem.objects.count(), Transaction.objects.count(), Organisation.objects.count()) == before
    return [(p.code, p.row, p.column) for p in problems]


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [
        ("title", "T" * 600, "limits.text_too_long"),
        ("code", "M" * 74, "limits.text_too_long"),
        ("beneficiaries_count", "1" + "0" * 24, "limits.number_out_of_range"),
        ("funding", "N" * 600, "limits.text_too_long"),
        ("counterpart_amount", FORTY_DIGITS, "money.amount_too_large"),
    ],
)
def test_item_columns_over_their_limits(office, tmp_path, key, value, code):
    row = {**ROW, key: value}
    if key == "counterpart_amount":
        row["counterpart_currency"] = "VND"
    assert _where(office, _csv(tmp_path / "a.csv", row)) == [(code, 2, HEADER[key])]


def test_a_40_digit_amount_is_named_on_its_own_row(office, tmp_path):
    second = {"code": "CSV-01", "tx_kind": "Giải ngân", "tx_amount": FORTY_DIGITS, "tx_currency": "USD"}
    path = _csv(tmp_path / "a.csv", ROW, {**second, "tx_date": "05/05/2022"})
    assert _where(office, path) == [("money.amount_too_large", 3, "Số tiền")]


def test_a_long_reference_is_named_on_its_transaction_s_row(office, tmp_path):
    second = {**ROW, "tx_reference": "R" * 121, "tx_date": "06/04/2022"}
    for key in ("modality", "title", "funding"):
        second[key] = ""
    path = _csv(tmp_path / "a.csv", ROW, second)
    assert _where(office, path) == [("limits.text_too_long", 3, "Số chứng từ")]


def test_vietnamese_amounts_still_import(office, tmp_path):
    summary = import_file(
        office, _csv(tmp_path / "a.csv", ROW, {**ROW, "tx_amount": "8612.50"}), actor=SYSTEM
    )
    assert summary.created == ["CSV-01"]
    assert sorted(Transaction.objects.filter(office=office).values_list("amount", flat=True)) == [
        Decimal("8612.50"),
        Decimal("12500.50"),
    ]
