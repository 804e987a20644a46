"""Every role × every ledger action × the office the record belongs to, checked in the service layer.

The offices: the user's own; a predecessor of it (succeeded before today, or on a date still to come); and,
for "former" members, their own office once another has succeeded it."""

import datetime as dt

import pytest

from caunoi.aid import closing, corrections, services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import SYSTEM, visible, visible_offices

pytestmark = pytest.mark.django_db
D = dt.date
DECISION = services.Decision("3/QĐ-UBND", D(2022, 3, 1), "Chủ tịch UBND tỉnh")


def _item(office, status=Status.IN_APPRAISAL, archived=False):  # type: ignore[no-untyped-def]
    item = services.create_item(
        office,
        code=f"P-{AidItem.objects.count()}",
        modality="project",
        title="Thử",
        entered_on=D(2022, 1, 1),
        status=status,
        decision=DECISION if status == Status.APPROVED else None,
        actor=SYSTEM,
    )
    if archived:
        services.archive_item(item, actor=SYSTEM)
    return item


def _money(office):  # type: ignore[no-untyped-def]
    return services.record_transaction(_item(office), "2", "10", "USD", D(2022, 2, 1), actor=SYSTEM)


OPERATIONS = {
    "create": (
        "edit",
        lambda o, u, s: services.create_item(o, code="NEW", modality="project", title="Mới", actor=u),
    ),
    "create_approved": (
        "decide",
        lambda o, u, s: services.create_item(
            o, code="NEW", modality="project", title="Mới", status=Status.APPROVED, decision=DECISION, actor=u
        ),
    ),
    "update": ("edit", lambda o, u, s: services.update_item(_item(o), title="Sửa", actor=u)),
    "step": ("edit", lambda o, u, s: services.transition(_item(o), Status.CANCELLED, D(2022, 2, 1), actor=u)),
    "approve": (
        "decide",
        lambda o, u, s: services.transition(
            _item(o), Status.APPROVED, D(2022, 3, 1), decision=DECISION, actor=u
        ),
    ),
    "decline": (
        "decide",
        lambda o, u, s: services.transition(_item(o), Status.DECLINED, D(2022, 3, 1), actor=u),
    ),
    "revoke": (
        "decide",
        lambda o, u, s: services.transition(
            _item(o, Status.APPROVED), Status.APPROVAL_REVOKED, D(2022, 9, 1), actor=u
        ),
    ),
    "money": (
        "edit",
        lambda o, u, s: services.record_transaction(_item(o), "2", "10", "USD", D(2022, 2, 1), actor=u),
    ),
    "sectors": ("edit", lambda o, u, s: services.set_sectors(_item(o), [(s["y-te"], 100)], actor=u)),
    "correct": (
        "edit",
        lambda o, u, s: corrections.correct_transaction(
            _money(o),
            amount="20",
            currency="USD",
            value_date=D(2022, 2, 1),
            provider=None,
            receiver=None,
            actor=u,
        ),
    ),
    "reverse": (
        "edit",
        lambda o, u, s: corrections.reverse_transaction(_money(o), reason="Nhập trùng", actor=u),
    ),
    "close_year": ("close_year", lambda o, u, s: closing.close_year(o, 2022, actor=u)),
    "archive": ("archive", lambda o, u, s: services.archive_item(_item(o), actor=u)),
    "restore": ("restore", lambda o, u, s: services.restore_item(_item(o, archived=True), actor=u)),
    "purge": ("purge", lambda o, u, s: services.purge_item(_item(o, archived=True), actor=u)),
}
ALLOWED = {
    Role.VIEWER: set(),
    Role.EDITOR: {"edit", "archive"},
    Role.APPROVER: {"edit", "decide", "archive"},
    Role.OFFICE_ADMIN: {"edit", "decide", "archive", "restore", "purge", "close_year"},
    Role.NATIONAL_VIEWER: set(),
    Role.NATIONAL_ADMIN: set(),  # manages offices and users, never the ledger
}
# The predecessor column: a role in the successor, on the records of an office it succeeded (before today):
# everything the role allows on ledger records carries over (only managing users does not).
ON_PREDECESSOR = ALLOWED


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_role_by_action_in_the_own_office(office, sectors, django_user_model, role, operation):
    user = django_user_model.objects.create(username="u")
    Membership.objects.create(user=user, office=office, role=role)
    action, run = OPERATIONS[operation]
    if action in ALLOWED[role]:
        run(office, user, sectors)
    else:
        with pytest.raises(RuleError) as error:
            run(office, user, sectors)
        assert error.value.code == "permission.denied"
        assert office.code in error.value.vi and office.code in error.value.en


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_an_office_admin_of_another_office_can_do_nothing_here(office, sectors, django_user_model, operation):
    user = django_user_model.objects.create(username="other")
    Membership.objects.create(user=user, office=Office.objects.get(code="yen-bai"), role=Role.OFFICE_ADMIN)
    with pytest.raises(RuleError) as error:
        OPERATIONS[operation][1](office, user, sectors)
    assert error.value.code == "permission.denied"


def test_what_each_user_sees(office, django_user_model):
    editor = django_user_model.objects.create(username="e")
    Membership.objects.create(user=editor, office=office, role=Role.EDITOR)
    national = django_user_model.objects.get(username="toanquoc")
    assert list(visible_offices(editor)) == [office]
    assert set(visible_offices(national)) == set(Office.objects.all())
    assert visible(AidItem.objects.all(), editor).count() == 0
    assert visible(AidItem.objects.all(), national).count() == AidItem.objects.count()
    assert visible_offices(django_user_model.objects.create(username="nobody")).count() == 0


@pytest.fixture
def predecessor(office):  # type: ignore[no-untyped-def]
    """An office that `office` succeeded on 1 July 2025 (today is 27 November 2026)."""
    return Office.objects.create(
        code="tien-than", name="Tiền thân", successor=office, succeeded_on=D(2025, 7, 1)
    )


def _member(django_user_model, office, role):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create(username=f"u-{office.code}-{role}")
    Membership.objects.create(user=user, office=office, role=role)
    return user


def _check(run, office, user, sectors, allowed):  # type: ignore[no-untyped-def]
    if allowed:
        run(office, user, sectors)
    else:
        with pytest.raises(RuleError) as error:
            run(office, user, sectors)
        assert error.value.code == "permission.denied"
        assert office.code in error.value.vi


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_role_in_the_successor_by_action_on_a_predecessors_records(
    office, predecessor, sectors, django_user_model, role, operation
):
    user = _member(django_user_model, office, role)
    action, run = OPERATIONS[operation]
    _check(run, predecessor, user, sectors, action in ON_PREDECESSOR[role])


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_successor_only_reads_a_predecessor_before_its_succession_date(
    office, predecessor, sectors, django_user_model, role, operation
):
    predecessor.succeeded_on = D(2027, 1, 1)
    predecessor.save()
    user = _member(django_user_model, office, role)
    _check(OPERATIONS[operation][1], predecessor, user, sectors, False)
    assert list(visible_offices(user).filter(pk=predecessor.pk)) == [predecessor]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_former_member_after_succession_can_do_nothing_but_read(
    office, predecessor, sectors, django_user_model, role, operation
):
    user = _member(django_user_model, predecessor, role)
    _check(OPERATIONS[operation][1], predecessor, user, sectors, False)
    assert list(visible_offices(user).filter(pk=predecessor.pk)) == [predecessor]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.OFFICE_ADMIN])
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_a_former_member_keeps_the_role_until_the_succession_date(
    office, predecessor, sectors, django_user_model, role, operation
):
    predecessor.succeeded_on = D(2027, 1, 1)
    predecessor.save()
    user = _member(django_user_model, predecessor, role)
    action, run = OPERATIONS[operation]
    _check(run, predecessor, user, sectors, action in ALLOWED[role])


def test_succession_carries_through_a_chain_and_never_forward(
    office, predecessor, sectors, django_user_model
):
    older = Office.objects.create(code="xua", name="Xưa", successor=predecessor, succeeded_on=D(2020, 1, 1))
    editor = _member(django_user_model, office, Role.EDITOR)
    services.update_item(_item(older), title="Sửa", actor=editor)
    assert set(visible_offices(editor)) == {office, predecessor, older}
    # A member of the predecessor reads neither its successor nor anything the successor reads.
    former = _member(django_user_model, predecessor, Role.OFFICE_ADMIN)
    assert set(visible_offices(former)) == {predecessor, older}
    with pytest.raises(RuleError):
        services.update_item(_item(older), title="Sửa", actor=former)


def test_records_of_a_predecessor_keep_their_office(office, predecessor, django_user_model):
    editor = _member(django_user_model, office, Role.EDITOR)
    tx = services.record_transaction(
        _item(predecessor, Status.APPROVED), "3", "10", "USD", D(2026, 1, 5), actor=editor
    )
    assert (tx.office, tx.item.office) == (predecessor, predecessor)


@pytest.mark.parametrize("succeeded_on", [D(2025, 7, 1), D(2027, 1, 1)])
def test_can_somewhere_is_can_over_the_visible_offices(office, predecessor, django_user_model, succeeded_on):
    """`can_somewhere` (the menu's and lists' "new" buttons) answers as `can` asked of every visible office,
    for every role held in the successor or in the predecessor, before and after the succession."""
    from django.contrib.auth.models import AnonymousUser

    from caunoi.core.permissions import Action, can, can_somewhere

    predecessor.succeeded_on = succeeded_on
    predecessor.save()
    users = [_member(django_user_model, where, role) for where in (office, predecessor) for role in Role]
    users += [
        django_user_model.objects.create(username="no-role"),
        django_user_model.objects.create(username="root", is_superuser=True),
        AnonymousUser(),
        SYSTEM,
    ]
    answers = set()
    for user in users:
        for action in Action:
            expected = any(can(user, action, o) for o in visible_offices(user))
            assert can_somewhere(user, action) is expected, (getattr(user, "username", user), action)
            answers.add(expected)
    assert answers == {True, False}
