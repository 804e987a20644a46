"""The permission table of tests/core/test_permissions.py, through the API: every role × every ledger action
× the office the record belongs to (the caller's own, a predecessor it succeeded, another office), and the
callers with no rights at all (anonymous, a revoked token, a read-only token writing)."""

import datetime as dt
import itertools

import pytest

from caunoi.aid import services
from caunoi.aid.lifecycle import Status
from caunoi.api.tokens import create_token, revoke_token
from caunoi.core.models import Membership, Office, Role
from caunoi.core.permissions import SYSTEM
from tests.api.conftest import Api

pytestmark = pytest.mark.django_db
D = dt.date
DECISION = {"number": "3/QĐ-UBND", "date": "2022-03-01", "authority": "Chủ tịch UBND tỉnh"}
_codes = itertools.count(1)


def _item(office, status=Status.IN_APPRAISAL):  # type: ignore[no-untyped-def]
    return services.create_item(
        office,
        code=f"ISO-{next(_codes)}",
        modality="project",
        title="Thử",
        entered_on=D(2022, 1, 1),
        status=status,
        decision=services.Decision("3/QĐ-UBND", D(2022, 3, 1), "Chủ tịch UBND tỉnh")
        if status == Status.APPROVED
        else None,
        actor=SYSTEM,
    )


def _tx(office):  # type: ignore[no-untyped-def]
    return services.record_transaction(_item(office), "2", "10", "USD", D(2022, 2, 1), actor=SYSTEM)


# name: (action the role needs, method, path and body from the record's office)
OPERATIONS = {
    "read": ("view", lambda o: ("GET", f"/api/v1/aid-items/{_item(o).pk}/", None)),
    "read_money": ("view", lambda o: ("GET", f"/api/v1/transactions/{_tx(o).pk}/", None)),
    "create": (
        "edit",
        lambda o: (
            "POST",
            "/api/v1/aid-items/",
            {"office": o.code, "code": "NEW", "modality": "project", "title": "M"},
        ),
    ),
    "create_approved": (
        "decide",
        lambda o: (
            "POST",
            "/api/v1/aid-items/",
            {
                "office": o.code,
                "code": "NEW",
                "modality": "project",
                "title": "M",
                "status": "approved",
                "decision": DECISION,
            },
        ),
    ),
    "update": ("edit", lambda o: ("PATCH", f"/api/v1/aid-items/{_item(o).pk}/", {"title": "Sửa"})),
    "step": (
        "edit",
        lambda o: (
            "POST",
            f"/api/v1/aid-items/{_item(o).pk}/transitions/",
            {"to_status": "cancelled", "on": "2022-02-01"},
        ),
    ),
    "approve": (
        "decide",
        lambda o: (
            "POST",
            f"/api/v1/aid-items/{_item(o).pk}/transitions/",
            {"to_status": "approved", "on": "2022-03-01", "decision": DECISION},
        ),
    ),
    "money": (
        "edit",
        lambda o: (
            "POST",
            f"/api/v1/aid-items/{_item(o).pk}/transactions/",
            {"kind": "2", "amount": "10", "currency": "USD", "value_date": "2022-02-01"},
        ),
    ),
    "sectors": (
        "edit",
        lambda o: (
            "PUT",
            f"/api/v1/aid-items/{_item(o).pk}/sectors/",
            {"shares": [{"id": "y-te", "share": "100"}]},
        ),
    ),
    "correct": (
        "edit",
        lambda o: (
            "POST",
            f"/api/v1/transactions/{_tx(o).pk}/correction/",
            {"amount": "20", "currency": "USD", "value_date": "2022-02-01"},
        ),
    ),
    "reverse": (
        "edit",
        lambda o: ("POST", f"/api/v1/transactions/{_tx(o).pk}/reversal/", {"reason": "Nhập trùng"}),
    ),
}
ALLOWED = {
    Role.VIEWER: {"view"},
    Role.EDITOR: {"view", "edit"},
    Role.APPROVER: {"view", "edit", "decide"},
    Role.OFFICE_ADMIN: {"view", "edit", "decide"},
    Role.NATIONAL_VIEWER: {"view"},
    Role.NATIONAL_ADMIN: {"view"},  # manages offices and users, never the ledger
}


@pytest.fixture
def offices(office):  # type: ignore[no-untyped-def]
    """The caller's office, one it succeeded on 1 July 2025, and an unrelated office."""
    predecessor = Office.objects.create(
        code="tien-than", name="Tiền thân", successor=office, succeeded_on=D(2025, 7, 1)
    )
    other = Office.objects.create(code="tinh-khac", name="Tỉnh khác")
    return {"own": office, "predecessor": predecessor, "other": other}


def _caller(django_user_model, office, role, scope="read_write"):  # type: ignore[no-untyped-def]
    user = django_user_model.objects.create(username=f"api-{role}")
    Membership.objects.create(user=user, office=office, role=role)
    return Api(create_token(user, "thử", scope, actor=user)[1]), user


def _expected(role, action, where):  # type: ignore[no-untyped-def]
    if where == "other" and role not in (Role.NATIONAL_VIEWER, Role.NATIONAL_ADMIN):
        return 404  # not 403: the record does not exist for them
    if action in ALLOWED[role]:
        return 200
    return 403


@pytest.mark.parametrize("where", ["own", "predecessor", "other"])
@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_role_by_action_by_office(offices, sectors, django_user_model, role, operation, where):
    caller, _ = _caller(django_user_model, offices["own"], role)
    action, build = OPERATIONS[operation]
    method, path, body = build(offices[where])
    response = caller.send(method, path, body) if body is not None else caller.get(path)
    expected = _expected(role, action, where)
    if expected == 200:
        assert response.status_code in (200, 201), response.content
    else:
        assert response.status_code == expected, response.content
        [problem] = response.json()["errors"]
        assert problem["code"] == {403: "permission.denied", 404: "api.not_found"}[expected]
        assert problem["vi"] and problem["en"]


@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_anonymous_and_revoked_tokens_can_do_nothing(offices, sectors, django_user_model, operation):
    caller, user = _caller(django_user_model, offices["own"], Role.OFFICE_ADMIN)
    revoked = Api(create_token(user, "cũ", "read_write", actor=user)[1])
    revoke_token(user.api_tokens.get(name="cũ"), actor=user)
    method, path, body = OPERATIONS[operation][1](offices["own"])
    for nobody in (Api(None), revoked):
        response = nobody.send(method, path, body) if body is not None else nobody.get(path)
        assert response.status_code == 401
    assert caller.get("/api/v1/aid-items/").status_code == 200


@pytest.mark.parametrize("operation", [name for name, (action, _) in OPERATIONS.items() if action != "view"])
def test_a_read_only_token_of_an_office_admin_writes_nothing(offices, sectors, django_user_model, operation):
    caller, _ = _caller(django_user_model, offices["own"], Role.OFFICE_ADMIN, scope="read")
    method, path, body = OPERATIONS[operation][1](offices["own"])
    response = caller.send(method, path, body)
    assert response.status_code == 403
    assert response.json()["errors"][0]["code"] == "api.token_read_only"


def test_a_former_member_of_a_succeeded_office_only_reads_it(offices, django_user_model):
    caller, _ = _caller(django_user_model, offices["predecessor"], Role.OFFICE_ADMIN)
    item = _item(offices["predecessor"])
    assert caller.get(f"/api/v1/aid-items/{item.pk}/").status_code == 200
    assert caller.send("PATCH", f"/api/v1/aid-items/{item.pk}/", {"title": "Sửa"}).status_code == 403
    assert caller.get(f"/api/v1/aid-items/{_item(offices['own']).pk}/").status_code == 404
