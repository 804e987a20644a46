import datetime as dt
from decimal import Decimal

import pytest

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Transaction
from caunoi.aid.sectors import dac_vocabulary, find_sector, sector_for_dac, set_dac_codes
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Role
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.geography.models import AdminUnit

pytestmark = pytest.mark.django_db
D = dt.date


def codes(excinfo):  # type: ignore[no-untyped-def]
    return [p.code for p in excinfo.value.problems]


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"code": ""}, "aid.code_required", "code"),
        ({"title": ""}, "aid.title_required", "title"),
        ({"modality": "grant"}, "aid.modality_unknown", "modality"),
        ({"planned_start": D(2023, 1, 1), "planned_end": D(2022, 1, 1)}, "aid.planned_dates", "planned_end"),
        ({"beneficiaries_count": -1}, "aid.beneficiaries_negative", "beneficiaries_count"),
        ({"counterpart_amount": Decimal(5000)}, "aid.counterpart_currency", "counterpart_amount"),
        (
            {"counterpart_amount": Decimal(5000), "counterpart_currency": "XYZ"},
            "money.currency_unknown",
            "counterpart_currency",
        ),
        (
            {"counterpart_amount": Decimal("-1"), "counterpart_currency": "VND"},
            "money.amount_not_positive",
            "counterpart_amount",
        ),
    ],
)
def test_item_fields_are_checked_and_nothing_is_saved(make_item, fields, code, field):
    with pytest.raises(RuleError) as error:
        make_item(**fields)
    assert (error.value.code, error.value.field) == (code, field)
    assert AidItem.objects.filter(office__code="thu-nghiem").count() == 0


def test_codes_are_unique_per_office_not_across_offices(make_item, yen_bai):
    make_item(code="YB-2022-01")  # the demo union has this code too
    with pytest.raises(RuleError) as error:
        make_item(code="YB-2022-01")
    assert error.value.code == "aid.code_taken"
    assert "YB-2022-01" in error.value.vi and "thu-nghiem" in error.value.en


def test_text_is_stored_nfc(make_item):
    decomposed = "Mu\u0300 Cang Cha\u0309i"
    item = make_item(title=f"  Dự án {decomposed} ")
    assert item.title == "Dự án Mù Cang Chải"
    assert item.search_text == "t-001 du an mu cang chai"


def test_sector_shares_must_total_100(make_item, sectors):
    item = make_item()
    services.set_sectors(item, [(sectors["y-te"], 100)], actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        services.set_sectors(item, [(sectors["y-te"], 60), (sectors["giao-duc-dao-tao"], 30)], actor=SYSTEM)
    assert error.value.code == "aid.shares_total"
    assert error.value.vi == "Tổng tỷ lệ lĩnh vực phải bằng 100% (hiện là 90%)."
    assert error.value.en == "The sector shares must total 100% (they total 90%)."
    assert list(ItemSector.objects.filter(item=item).values_list("sector__code", "share")) == [
        ("y-te", Decimal("100.00"))
    ]


@pytest.mark.parametrize("share", [0, -5, 101, "12.345", "abc"])
def test_a_share_must_be_above_0_and_at_most_100(make_item, sectors, share):
    with pytest.raises(RuleError) as error:
        services.set_sectors(make_item(), [(sectors["y-te"], share)], actor=SYSTEM)
    assert error.value.code == "aid.share_range"


def test_the_primary_sector_is_the_largest_share(make_item, sectors):
    item = make_item()
    services.set_sectors(item, [(sectors["y-te"], 40), (sectors["giao-duc-dao-tao"], 60)], actor=SYSTEM)
    assert AidItem.objects.get(pk=item.pk).primary_sector == sectors["giao-duc-dao-tao"]
    services.set_sectors(item, [(sectors["y-te"], 50), (sectors["giao-duc-dao-tao"], 50)], actor=SYSTEM)
    assert AidItem.objects.get(pk=item.pk).primary_sector == sectors["y-te"]  # ties: the list's order


def test_a_sector_twice_is_refused(make_item, sectors):
    with pytest.raises(RuleError) as error:
        services.set_sectors(make_item(), [(sectors["y-te"], 50), (sectors["y-te"], 50)], actor=SYSTEM)
    assert error.value.code == "aid.duplicate_entry"


def test_an_archived_sector_cannot_be_used(make_item, sectors):
    sectors["y-te"].archived_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    sectors["y-te"].save()
    with pytest.raises(RuleError) as error:
        services.set_sectors(make_item(), [(sectors["y-te"], 100)], actor=SYSTEM)
    assert error.value.code == "aid.sector_archived"


def test_places_with_shares_keep_the_unit_as_recorded(make_item):
    mcc = AdminUnit.objects.get(era="legacy", level="district", short_name="Mù Căng Chải")
    tt = AdminUnit.objects.get(era="legacy", level="district", short_name="Trạm Tấu")
    item = make_item()
    services.set_places(item, [(mcc, "60"), (tt, "40")], actor=SYSTEM)
    assert sorted(ItemPlace.objects.filter(item=item).values_list("unit__name", "share")) == [
        ("Huyện Mù Căng Chải", Decimal("60.00")),
        ("Huyện Trạm Tấu", Decimal("40.00")),
    ]
    assert "mu cang chai" in AidItem.objects.get(pk=item.pk).search_text
    with pytest.raises(RuleError) as error:
        services.set_places(item, [(mcc, 70), (tt, 40)], actor=SYSTEM)
    assert error.value.code == "aid.shares_total"


def test_sectors_map_dac_codes_to_report_groups(db):
    assert sector_for_dac("12220").code == "y-te"  # via its category 122
    assert sector_for_dac("15170").code == "van-de-xa-hoi"  # mapped exactly
    assert sector_for_dac("43072").code == "phat-trien-kinh-te-xa-hoi"
    assert sector_for_dac("11110").code == "giao-duc-dao-tao"
    assert sector_for_dac("72010").code == "linh-vuc-khac"  # unmapped: other
    assert (dac_vocabulary("12220"), dac_vocabulary("122")) == ("1", "2")
    with pytest.raises(RuleError) as error:
        dac_vocabulary("99999")
    assert error.value.code == "aid.dac_code_unknown"


def test_dac_codes_can_be_edited_but_not_given_to_two_groups(sectors):
    set_dac_codes(sectors["linh-vuc-khac"], ["99810", "720"], actor=SYSTEM)
    assert sector_for_dac("72010").code == "linh-vuc-khac"
    with pytest.raises(RuleError) as error:
        set_dac_codes(sectors["linh-vuc-khac"], ["121"], actor=SYSTEM)
    assert error.value.code == "aid.duplicate_entry"


def test_find_sector_by_name_with_or_without_diacritics(db):
    assert find_sector("Giao duc va dao tao").code == "giao-duc-dao-tao"
    assert find_sector("Health").code == "y-te"
    with pytest.raises(RuleError) as error:
        find_sector("Thể thao")
    assert error.value.code == "aid.sector_unknown"


def test_participants_must_belong_to_the_items_office(make_item, yen_bai, donor):
    foreign = Organisation.objects.filter(office=yen_bai).first()
    item = make_item()
    with pytest.raises(RuleError) as error:
        services.add_participant(item, foreign, "funding", actor=SYSTEM)
    assert error.value.code == "office.mismatch"
    with pytest.raises(RuleError) as error:
        services.add_participant(item, donor, "sponsor", actor=SYSTEM)
    assert error.value.code == "aid.role_unknown"
    participation = services.add_participant(item, donor, "funding", actor=SYSTEM)
    assert (participation.iati_role, services.add_participant(item, donor, "funding", actor=SYSTEM)) == (
        "1",
        participation,
    )


@pytest.mark.parametrize(
    ("amount", "currency", "code"),
    [
        ("0", "USD", "money.amount_not_positive"),
        ("-10", "USD", "money.amount_not_positive"),
        ("1e3", "USD", "money.amount_format"),
        ("10.005", "USD", "money.amount_too_precise"),
        ("abc", "USD", "money.amount_format"),
        ("100", "usdollar", "money.currency_unknown"),
        ("100000000000000000", "VND", "money.amount_too_large"),
    ],
)
def test_transaction_amounts_and_currencies_are_checked(make_item, approval, amount, currency, code):
    item = make_item(status=Status.APPROVED, decision=approval)
    with pytest.raises(RuleError) as error:
        services.record_transaction(item, "2", amount, currency, D(2022, 3, 1), actor=SYSTEM)
    assert error.value.code == code
    assert Transaction.objects.filter(item=item).count() == 0


def test_money_moves_only_after_approval(make_item, approval):
    item = make_item(entered_on=D(2022, 1, 1))
    services.record_transaction(
        item, "2", "1000", "EUR", D(2022, 1, 5), actor=SYSTEM
    )  # a pledge before approval is fine
    with pytest.raises(RuleError) as error:
        services.record_transaction(item, "3", "500", "EUR", D(2022, 1, 5), actor=SYSTEM)
    assert error.value.code == "aid.transaction_status"
    assert error.value.vi == "Khoản viện trợ T-001 ở trạng thái “Đề xuất” nên chưa thể ghi giải ngân."
    assert error.value.en == "Aid item T-001 is “Proposal”, so no disbursement can be recorded yet."
    approved = make_item(status=Status.APPROVED, decision=approval)
    tx = services.record_transaction(approved, "3", "500.5", "eur", D(2022, 4, 1), actor=SYSTEM)
    assert (tx.amount, tx.currency, tx.office_id) == (Decimal("500.50"), "EUR", approved.office_id)
    with pytest.raises(RuleError) as error:
        services.record_transaction(approved, "3", "1", "EUR", D(2026, 11, 28), actor=SYSTEM)
    assert error.value.code == "aid.date_in_future"
    with pytest.raises(RuleError) as error:
        services.record_transaction(approved, "9", "1", "EUR", D(2022, 4, 1), actor=SYSTEM)
    assert error.value.code == "aid.transaction_kind_unknown"


def test_cancelled_items_take_no_money(make_item):
    item = make_item(entered_on=D(2022, 1, 1))
    services.transition(item, Status.CANCELLED, D(2022, 2, 1), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        services.record_transaction(item, "2", "10", "USD", D(2022, 2, 2), actor=SYSTEM)
    assert error.value.code == "aid.transaction_status"


def test_update_checks_like_create_and_keeps_history(make_item, django_user_model, office):
    user = django_user_model.objects.create(username="sua")
    Membership.objects.create(user=user, office=office, role=Role.EDITOR)
    item = make_item(planned_start=D(2022, 1, 1))
    with pytest.raises(RuleError) as error:
        services.update_item(item, planned_end=D(2021, 1, 1), actor=SYSTEM)
    assert error.value.code == "aid.planned_dates"
    services.update_item(item, title="Tên mới", actor=user)
    records = list(AidItem.objects.get(pk=item.pk).history.order_by("history_id"))
    assert [(r.title, r.history_user, r.history_type) for r in records] == [
        ("Dự án thử nghiệm", None, "+"),
        ("Tên mới", user, "~"),
    ]
    changed = records[1].diff_against(records[0]).changes
    assert [(c.field, c.old, c.new) for c in changed] == [("title", "Dự án thử nghiệm", "Tên mới")]
