import datetime as dt
import itertools

import pytest

from caunoi.aid import services
from caunoi.aid.lifecycle import TRANSITIONS, Status
from caunoi.aid.models import AidItem, StatusChange
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Role
from caunoi.core.permissions import SYSTEM

pytestmark = pytest.mark.django_db
D = dt.date

# The shortest dated path from a new proposal to each status.
PATHS = {
    Status.PROPOSAL: [],
    Status.MOBILISING: [Status.MOBILISING],
    Status.DOSSIER_SUBMITTED: [Status.DOSSIER_SUBMITTED],
    Status.IN_APPRAISAL: [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL],
    Status.APPROVED: [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL, Status.APPROVED],
    Status.DECLINED: [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL, Status.DECLINED],
    Status.IMPLEMENTING: [
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.IMPLEMENTING,
    ],
    Status.SUSPENDED: [
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.IMPLEMENTING,
        Status.SUSPENDED,
    ],
    Status.COMPLETED: [
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.IMPLEMENTING,
        Status.COMPLETED,
    ],
    Status.CLOSED: [
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.IMPLEMENTING,
        Status.COMPLETED,
        Status.CLOSED,
    ],
    Status.CANCELLED: [Status.CANCELLED],
    Status.APPROVAL_REVOKED: [
        Status.DOSSIER_SUBMITTED,
        Status.IN_APPRAISAL,
        Status.APPROVED,
        Status.APPROVAL_REVOKED,
    ],
}
DECISION = services.Decision("15/QĐ-UBND", D(2022, 3, 1), "Chủ tịch UBND tỉnh Yên Bái")


START = D(2022, 1, 10)


def walk(item, path, start=START):  # type: ignore[no-untyped-def]
    for step, status in enumerate(path):
        on = start + dt.timedelta(days=30 * step)
        decision = (
            services.Decision(DECISION.number, on, DECISION.authority) if status == Status.APPROVED else None
        )
        services.transition(item, status, on, decision=decision, actor=SYSTEM)
    item.refresh_from_db()
    return item


def test_every_status_is_reachable_and_paths_are_complete():
    assert set(PATHS) == set(Status.values)


@pytest.mark.parametrize(("source", "target"), list(itertools.product(Status.values, Status.values)))
def test_each_pair_of_statuses_is_allowed_exactly_when_the_table_says(make_item, source, target):
    item = walk(make_item(entered_on=D(2022, 1, 1)), PATHS[source])
    assert item.status == source
    on = D(2025, 6, 1)
    decision = (
        services.Decision("99/QĐ-UBND", on, "Chủ tịch UBND tỉnh") if target == Status.APPROVED else None
    )
    if target in TRANSITIONS[source]:
        change = services.transition(item, target, on, decision=decision, actor=SYSTEM)
        item.refresh_from_db()
        assert (item.status, change.from_status, change.to_status) == (target, source, target)
    else:
        before = StatusChange.objects.filter(item=item).count()
        with pytest.raises(RuleError) as error:
            services.transition(item, target, on, decision=decision, actor=SYSTEM)
        expected = (
            "aid.not_approved"
            if target == Status.IMPLEMENTING
            and source
            in (
                Status.PROPOSAL,
                Status.MOBILISING,
                Status.DOSSIER_SUBMITTED,
                Status.IN_APPRAISAL,
                Status.DECLINED,
                Status.CANCELLED,
                Status.APPROVAL_REVOKED,
            )
            else "aid.transition_not_allowed"
        )
        assert error.value.code == expected
        item.refresh_from_db()
        assert item.status == source
        assert StatusChange.objects.filter(item=item).count() == before


def test_no_implementing_before_approval(make_item):
    item = walk(make_item(entered_on=D(2022, 1, 1)), [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL])
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.IMPLEMENTING, D(2022, 6, 1), actor=SYSTEM)
    assert error.value.code == "aid.not_approved"
    assert "chưa được phê duyệt" in error.value.vi
    assert "is not approved" in error.value.en


@pytest.mark.parametrize(
    "decision",
    [None, services.Decision("", D(2022, 3, 1), "UBND"), services.Decision("1/QĐ", D(2022, 3, 1), " ")],
)
def test_an_approval_needs_number_date_and_authority(make_item, decision):
    item = walk(make_item(entered_on=D(2022, 1, 1)), [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL])
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.APPROVED, D(2022, 3, 1), decision=decision, actor=SYSTEM)
    assert error.value.code == "aid.approval_needs_decision"
    item.refresh_from_db()
    assert (item.status, item.approved_on) == (Status.IN_APPRAISAL, None)


def test_approval_records_decision_and_sets_approved_on(make_item):
    item = walk(make_item(entered_on=D(2022, 1, 1)), [Status.DOSSIER_SUBMITTED, Status.IN_APPRAISAL])
    change = services.transition(item, Status.APPROVED, D(2022, 3, 1), decision=DECISION, actor=SYSTEM)
    item.refresh_from_db()
    assert item.approved_on == D(2022, 3, 1)
    assert (change.decision_number, change.decision_date, change.authority) == (
        "15/QĐ-UBND",
        D(2022, 3, 1),
        "Chủ tịch UBND tỉnh Yên Bái",
    )


def test_start_cannot_precede_the_approval(make_item, approval):
    item = make_item(status=Status.APPROVED, decision=approval)
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.IMPLEMENTING, D(2022, 2, 1), actor=SYSTEM)
    assert error.value.code == "aid.transition_before_previous"


def test_start_date_is_kept_and_completion_sets_actual_end(make_item, approval):
    item = make_item(status=Status.APPROVED, decision=approval)
    services.transition(item, Status.IMPLEMENTING, D(2022, 4, 1), actor=SYSTEM)
    services.transition(item, Status.SUSPENDED, D(2022, 5, 1), actor=SYSTEM)
    services.transition(item, Status.IMPLEMENTING, D(2022, 6, 1), actor=SYSTEM)
    services.transition(item, Status.COMPLETED, D(2023, 4, 1), actor=SYSTEM)
    item.refresh_from_db()
    assert (item.actual_start, item.actual_end) == (D(2022, 4, 1), D(2023, 4, 1))
    assert [c.to_status for c in item.status_changes.all()] == [
        "approved",
        "implementing",
        "suspended",
        "implementing",
        "completed",
    ]


def test_steps_are_dated_in_order_and_not_in_the_future(make_item):
    item = make_item(entered_on=D(2022, 5, 1))
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.MOBILISING, D(2022, 4, 30), actor=SYSTEM)
    assert error.value.code == "aid.transition_before_previous"
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.MOBILISING, D(2026, 11, 28), actor=SYSTEM)
    assert error.value.code == "aid.date_in_future"
    services.transition(item, Status.MOBILISING, D(2026, 11, 27), actor=SYSTEM)
    assert AidItem.objects.get(pk=item.pk).status == Status.MOBILISING


def test_entering_an_item_as_approved_needs_its_decision(make_item, approval):
    with pytest.raises(RuleError) as error:
        make_item(status=Status.APPROVED)
    assert error.value.code == "aid.approval_needs_decision"
    item = make_item(status=Status.APPROVED, decision=approval)
    assert (item.status, item.approved_on) == (Status.APPROVED, D(2022, 3, 1))


def test_an_item_cannot_be_entered_already_implementing(make_item, approval):
    with pytest.raises(RuleError) as error:
        make_item(status=Status.IMPLEMENTING, decision=approval)
    assert error.value.code == "aid.transition_not_allowed"
    assert AidItem.objects.filter(office__code="thu-nghiem").count() == 0


def test_transitions_record_who_and_when(make_item, django_user_model, office):
    user = django_user_model.objects.create(username="canbo")
    Membership.objects.create(user=user, office=office, role=Role.EDITOR)
    item = make_item(entered_on=D(2022, 1, 1))
    change = services.transition(
        item, Status.MOBILISING, D(2022, 2, 1), actor=user, note="  Gặp nhà tài trợ  "
    )
    assert (change.actor, change.on, change.note) == (user, D(2022, 2, 1), "Gặp nhà tài trợ")
    latest = item.history.latest()
    assert (latest.history_user, latest.status) == (user, Status.MOBILISING)


def test_archived_items_refuse_changes(make_item):
    item = make_item(entered_on=D(2022, 1, 1))
    services.archive_item(item, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        services.transition(item, Status.MOBILISING, D(2022, 2, 1), actor=SYSTEM)
    assert error.value.code == "aid.item_archived"
    services.restore_item(item, actor=SYSTEM)
    services.transition(item, Status.MOBILISING, D(2022, 2, 1), actor=SYSTEM)


@pytest.mark.parametrize("status", Status.values)
def test_the_item_keeps_the_day_it_ended_only_when_revoked_or_cancelled(make_item, status):
    item = walk(make_item(entered_on=D(2022, 1, 1)), PATHS[status])
    ended = status in (Status.CANCELLED, Status.APPROVAL_REVOKED)
    last_step = START + dt.timedelta(days=30 * (len(PATHS[status]) - 1))
    assert item.ended_on == (last_step if ended else None)


def test_an_item_entered_cancelled_ended_on_its_entry_day(make_item):
    item = make_item(status=Status.CANCELLED, entered_on=D(2022, 4, 5))
    item.refresh_from_db()
    assert item.ended_on == D(2022, 4, 5)
