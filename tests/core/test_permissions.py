"""Every role × every ledger action, checked in the service layer."""

import datetime as dt

import pytest

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.aid.models import AidItem
from caunoi.core.errors import RuleError
from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import visible, visible_offices

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
    )
    if archived:
        services.archive_item(item)
    return item


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
    "archive": ("archive", lambda o, u, s: services.archive_item(_item(o), actor=u)),
    "restore": ("restore", lambda o, u, s: services.restore_item(_item(o, archived=True), actor=u)),
    "purge": ("purge", lambda o, u, s: services.purge_item(_item(o, archived=True), actor=u)),
}
ALLOWED = {
    Role.VIEWER: set(),
    Role.EDITOR: {"edit", "archive"},
    Role.APPROVER: {"edit", "decide", "archive"},
    Role.OFFICE_ADMIN: {"edit", "decide", "archive", "restore", "purge"},
    Role.NATIONAL_VIEWER: set(),
    Role.NATIONAL_ADMIN: set(),  # manages offices and users, never the ledger
}


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
