"""Correcting and reversing transactions, changes after approval, and closed years."""

import datetime as dt
from decimal import Decimal

import pytest

from caunoi.aid import closing, corrections, services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import ClosedYear, ItemSector, Participation, Transaction
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Role
from caunoi.core.permissions import SYSTEM
from caunoi.money.services import record_rate
from caunoi.reports.aid import aid_summary
from caunoi.web.money_panel import money_panel

pytestmark = pytest.mark.django_db
D = dt.date
MARCH_2022 = D(2022, 3, 1)


@pytest.fixture
def item(make_item, approval, sectors):  # type: ignore[no-untyped-def]
    item = make_item(status=Status.APPROVED, decision=approval, actor=SYSTEM)
    services.set_sectors(item, [(sectors["y-te"], 100)], actor=SYSTEM)
    return item


@pytest.fixture
def admin(office, django_user_model):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create(username="quantri-thu")
    Membership.objects.create(user=user, office=office, role=Role.OFFICE_ADMIN)
    return user


def _commit(item, amount="1000", day=MARCH_2022):  # type: ignore[no-untyped-def]
    return services.record_transaction(item, "2", amount, "USD", day, actor=SYSTEM)


def _correct(tx, actor=SYSTEM, **changes):  # type: ignore[no-untyped-def]
    fields = {
        "amount": tx.amount,
        "currency": tx.currency,
        "value_date": tx.value_date,
        "provider": tx.provider,
        "receiver": tx.receiver,
        "reference": tx.reference,
    }
    fields.update(changes)
    return corrections.correct_transaction(tx, actor=actor, **fields)


def test_a_correction_changes_the_figures_and_keeps_the_old_values(office, item, donor, admin):
    tx = _commit(item)
    record_rate(
        "EUR",
        "USD",
        Decimal("1.10"),
        D(2022, 1, 1),
        "staff",
        valid_to=D(2022, 12, 31),
        office=office,
        actor=SYSTEM,
    )
    _correct(
        tx, amount="1200.50", currency="eur", provider=donor, reference="PT-7", reason="Sai số", actor=admin
    )
    summary = aid_summary(office, 2022)
    assert summary.committed.by_currency == {"EUR": Decimal("1200.50")}
    assert summary.committed.usd == Decimal("1320.55")
    tx.refresh_from_db()
    assert (tx.provider_name, tx.reference) == ("Quỹ Thử Nghiệm", "PT-7")
    versions = list(
        tx.history.order_by("history_id").values_list("amount", "currency", "history_change_reason")
    )
    assert versions == [(Decimal("1000.00"), "USD", None), (Decimal("1200.50"), "EUR", "Sai số")]
    assert tx.history.latest().history_user == admin


def test_a_correction_obeys_the_rules_of_new_money(item):
    tx = services.record_transaction(item, "3", "10", "USD", D(2022, 5, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        _correct(tx, value_date=D(2027, 1, 1))
    assert error.value.code == "aid.date_in_future"
    with pytest.raises(RuleError) as error:
        _correct(tx)
    assert error.value.code == "aid.nothing_changed"
    tx.refresh_from_db()
    assert tx.value_date == D(2022, 5, 1)


def test_a_reversal_is_kept_but_counts_in_no_figure(office, item, admin):
    kept = _commit(item, "700")
    wrong = _commit(item, "300")
    assert aid_summary(office, 2022).committed.usd == Decimal("1000")
    corrections.reverse_transaction(wrong, reason="Nhập trùng chứng từ", actor=admin)
    assert aid_summary(office, 2022).committed.usd == Decimal("700")
    rows = list(item.transactions.order_by("id"))
    assert [t.pk for t in rows] == [kept.pk, wrong.pk]
    assert money_panel(item, rows).rows[0].committed == Decimal("700.00")
    assert list(Transaction.objects.counted().filter(item=item)) == [kept]
    wrong.refresh_from_db()
    assert (wrong.reversal_reason, wrong.reversed_by, wrong.counts) == ("Nhập trùng chứng từ", admin, False)
    assert wrong.history.latest().history_change_reason == "Nhập trùng chứng từ"


def test_a_reversal_needs_a_reason_and_happens_once(item):
    tx = _commit(item)
    with pytest.raises(RuleError) as error:
        corrections.reverse_transaction(tx, reason="  ", actor=SYSTEM)
    assert error.value.code == "aid.reason_required"
    corrections.reverse_transaction(tx, reason="Sai", actor=SYSTEM)
    for again in (
        lambda: corrections.reverse_transaction(tx, reason="Sai", actor=SYSTEM),
        lambda: _correct(tx, amount="5"),
    ):
        with pytest.raises(RuleError) as error:
            again()
        assert error.value.code == "aid.transaction_reversed"


def test_a_locked_year_refuses_every_correction_until_reopened(office, item, admin):
    tx = _commit(item)
    later = _commit(item, "50", D(2023, 2, 1))
    closing.close_year(office, 2022, actor=admin)
    attempts = {
        "record": lambda: _commit(item, "1"),
        "correct": lambda: _correct(tx, amount="1"),
        "reverse": lambda: corrections.reverse_transaction(tx, reason="Sai", actor=admin),
        "move into": lambda: _correct(later, value_date=D(2022, 12, 1)),
    }
    for name, attempt in attempts.items():
        with pytest.raises(RuleError) as error:
            attempt()
        assert error.value.code == "aid.year_closed", name
        assert "2022" in error.value.vi and office.code in error.value.en
    _correct(later, amount="60")  # 2023 is open
    assert aid_summary(office, 2022).committed.usd == Decimal("1060")
    with pytest.raises(RuleError) as error:
        closing.reopen_year(office, 2022, reason="", actor=admin)
    assert error.value.code == "aid.reason_required"
    closing.reopen_year(office, 2022, reason="Nhà tài trợ điều chỉnh cam kết", actor=admin)
    _correct(tx, amount="900")
    assert aid_summary(office, 2022).committed.usd == Decimal("960")
    lock = ClosedYear.objects.get(office=office, year=2022)
    assert (lock.reopened_by, lock.reason, lock.is_closed) == (admin, "Nhà tài trợ điều chỉnh cam kết", False)
    assert [h.history_type for h in lock.history.order_by("history_id")] == ["+", "~"]
    closing.close_year(office, 2022, actor=admin)
    assert closing.closed_years(office) == {2022}
    assert lock.history.count() == 3


def test_only_a_past_year_is_closed_and_only_once(office, admin):
    with pytest.raises(RuleError) as error:
        closing.close_year(office, 2026, actor=admin)
    assert error.value.code == "aid.year_not_ended"
    closing.close_year(office, 2025, actor=admin)
    with pytest.raises(RuleError) as error:
        closing.close_year(office, 2025, actor=admin)
    assert error.value.code == "aid.year_already_closed"
    with pytest.raises(RuleError) as error:
        closing.reopen_year(office, 2024, reason="x", actor=admin)
    assert error.value.code == "aid.year_not_closed"


def test_sectors_and_places_change_after_approval_with_a_reason(item, sectors):
    with pytest.raises(RuleError) as error:
        services.set_sectors(item, [(sectors["giao-duc-dao-tao"], 100)], actor=SYSTEM)
    assert error.value.code == "aid.reason_required"
    services.set_sectors(
        item, [(sectors["giao-duc-dao-tao"], 100)], actor=SYSTEM, reason="Quyết định điều chỉnh số 5"
    )
    item.refresh_from_db()
    assert item.primary_sector == sectors["giao-duc-dao-tao"]
    reasons = set(
        ItemSector.history.filter(item_id=item.pk, history_type__in="+-").values_list(
            "history_type", "history_change_reason"
        )
    )
    assert reasons == {("+", None), ("-", "Quyết định điều chỉnh số 5"), ("+", "Quyết định điều chỉnh số 5")}
    services.set_sectors(
        item, [(sectors["giao-duc-dao-tao"], 100)], actor=SYSTEM
    )  # no change needs no reason


def test_a_participant_is_removed_and_the_history_keeps_it(item, donor):
    participation = services.add_participant(item, donor, "funding", actor=SYSTEM)
    pk = participation.pk
    services.remove_participant(participation, actor=SYSTEM)
    assert item.participations.count() == 0
    history = Participation.history.filter(id=pk).order_by("history_id")
    types = [h.history_type for h in history]
    assert (types[0], types[-1]) == ("+", "-")
    item.refresh_from_db()
    assert "quy thu nghiem" not in item.search_text
