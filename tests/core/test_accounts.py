"""caunoi.core.accounts: every operation's permission (own office admin, another office's admin, an editor, a
national administrator, the system) and its rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model

from caunoi.core import accounts
from caunoi.core.errors import RuleError
from caunoi.core.models import Account, Membership, Office, Preference, Role
from caunoi.core.permissions import SYSTEM
from caunoi.documents.letterhead import letterhead_for, update_letterhead
from caunoi.geography.models import AdminUnit, Era, Level

pytestmark = pytest.mark.django_db
User = get_user_model()
GOOD = "Cau-noi-thu-nghiem-7"


def _member(username: str, office: Office, role: str) -> Any:
    user = User.objects.create_user(username=username, password=GOOD)
    Membership.objects.create(user=user, office=office, role=role)
    return user


def _province(name: str = "Lào Cai") -> AdminUnit:
    return AdminUnit.objects.get(era=Era.REFORM_2025, level=Level.PROVINCE, short_name=name)


@pytest.fixture
def other(db) -> Office:  # type: ignore[no-untyped-def]
    return Office.objects.create(code="khac", name="Liên hiệp khác")


@pytest.fixture
def people(office, other):  # type: ignore[no-untyped-def]
    """Who acts: the office's admin, an editor of the office, another office's admin, a national admin."""
    national_home = Office.objects.create(code="toan-quoc", name="Liên hiệp các tổ chức hữu nghị Việt Nam")
    return {
        "admin": _member("qt", office, Role.OFFICE_ADMIN),
        "editor": _member("bt", office, Role.EDITOR),
        "other_admin": _member("qt-khac", other, Role.OFFICE_ADMIN),
        "national": _member("qg", national_home, Role.NATIONAL_ADMIN),
    }


@pytest.fixture
def target(office):  # type: ignore[no-untyped-def]
    return accounts.create_user(office, actor=SYSTEM, username="moi", password=GOOD, role=Role.VIEWER)


OPERATIONS = {
    "create_user": lambda o, t: accounts.create_user(o, username="x1", password=GOOD, role=Role.EDITOR, **t),
    "set_role": lambda o, t: accounts.set_role(User.objects.get(username="moi"), o, Role.EDITOR, **t),
    "remove_role": lambda o, t: accounts.remove_role(User.objects.get(username="moi"), o, **t),
    "reset_password": lambda o, t: accounts.reset_password(User.objects.get(username="moi"), GOOD + "x", **t),
    "deactivate_user": lambda o, t: accounts.deactivate_user(User.objects.get(username="moi"), **t),
    "update_office": lambda o, t: accounts.update_office(o, name="Tên mới", **t),
    "update_letterhead": lambda o, t: update_letterhead(o, signer_name="Nguyễn Văn B", **t),
    "create_office": lambda o, t: accounts.create_office(code="moi", name="Mới", province=_province(), **t),
}
ALLOWED = {
    "admin": set(OPERATIONS) - {"create_office"},
    "editor": set(),
    "other_admin": set(),
    "national": set(OPERATIONS),
}


@pytest.mark.parametrize("who", sorted(ALLOWED))
@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_who_may_do_what(office, people, target, who, operation):
    run = OPERATIONS[operation]
    if operation in ALLOWED[who]:
        run(office, {"actor": people[who]})
    else:
        with pytest.raises(RuleError) as error:
            run(office, {"actor": people[who]})
        assert error.value.code == "permission.denied"


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_the_system_may_do_everything(office, target, operation):
    OPERATIONS[operation](office, {"actor": SYSTEM})


def test_a_new_user_is_not_staff_must_change_the_password_and_has_one_role(office, people):
    user = accounts.create_user(
        office,
        actor=people["admin"],
        username="nhaplieu",
        password=GOOD,
        role=Role.EDITOR,
        full_name="Nguyễn Thị Mai",
        email="mai@example.vn",
    )
    assert (user.is_staff, user.is_superuser, user.get_full_name()) == (False, False, "Nguyễn Thị Mai")
    assert user.check_password(GOOD)
    assert (user.account.office, user.account.must_change_password) == (office, True)
    assert list(Membership.objects.filter(user=user).values_list("office__code", "role")) == [
        (office.code, Role.EDITOR)
    ]


def test_the_role_history_says_who_changed_whose_role(office, people, target):
    accounts.set_role(target, office, Role.APPROVER, actor=people["admin"])
    accounts.remove_role(target, office, actor=people["admin"])
    rows = Membership.history.filter(user_id=target.pk).order_by("history_id")
    assert [(r.history_type, r.role, r.history_user_id) for r in rows] == [
        ("+", Role.VIEWER, None),
        ("~", Role.APPROVER, people["admin"].pk),
        ("-", Role.APPROVER, people["admin"].pk),
    ]


@pytest.mark.parametrize(
    ("username", "code"),
    [
        ("qt", "account.username_taken"),
        ("QT", "account.username_taken"),
        ("có dấu cách", "account.username_invalid"),
    ],
)
def test_a_user_name_must_be_valid_and_free(office, people, username, code):
    with pytest.raises(RuleError) as error:
        accounts.create_user(office, actor=SYSTEM, username=username, password=GOOD, role=Role.VIEWER)
    assert error.value.code == code


def test_a_weak_password_is_refused_with_django_s_reasons_in_both_languages(office):
    with pytest.raises(RuleError) as error:
        accounts.create_user(office, actor=SYSTEM, username="yeu", password="12345678", role=Role.VIEWER)
    assert error.value.code == "account.password_rejected"
    assert error.value.vi == (
        "Mật khẩu chưa dùng được: Mật khẩu quá ngắn: cần ít nhất 10 ký tự. Mật khẩu này quá phổ biến, dễ đoán. "
        "Mật khẩu chỉ toàn chữ số."
    )
    assert error.value.en == (
        "The password cannot be used: This password is too short. It must contain at least 10 characters. "
        "This password is too common. This password is entirely numeric."
    )
    assert not User.objects.filter(username="yeu").exists()


def test_only_a_national_administrator_gives_national_roles(office, people, target):
    with pytest.raises(RuleError) as error:
        accounts.set_role(target, office, Role.NATIONAL_VIEWER, actor=people["admin"])
    assert error.value.code == "account.role_national_only"
    accounts.set_role(target, office, Role.NATIONAL_VIEWER, actor=people["national"])
    with pytest.raises(RuleError):  # nor takes them away
        accounts.set_role(target, office, Role.VIEWER, actor=people["admin"])


def test_an_office_keeps_its_last_administrator(office, people):
    admin = people["admin"]
    for attempt in (
        lambda: accounts.set_role(admin, office, Role.EDITOR, actor=SYSTEM),
        lambda: accounts.remove_role(admin, office, actor=SYSTEM),
        lambda: accounts.deactivate_user(admin, actor=SYSTEM),
    ):
        with pytest.raises(RuleError) as error:
            attempt()
        assert error.value.code == "account.last_admin"
    second = accounts.create_user(office, actor=admin, username="qt2", password=GOOD, role=Role.OFFICE_ADMIN)
    accounts.remove_role(admin, office, actor=second)
    assert not Membership.objects.filter(user=admin).exists()


def test_nobody_deactivates_themselves(office, people):
    accounts.create_user(office, actor=SYSTEM, username="qt2", password=GOOD, role=Role.OFFICE_ADMIN)
    with pytest.raises(RuleError) as error:
        accounts.deactivate_user(people["admin"], actor=people["admin"])
    assert error.value.code == "account.not_yourself"


def test_deactivated_and_reactivated(office, people, target):
    accounts.deactivate_user(target, actor=people["admin"])
    target.refresh_from_db()
    assert not target.is_active
    accounts.reactivate_user(target, actor=people["admin"])
    target.refresh_from_db()
    assert target.is_active


def test_a_reset_password_must_be_changed_and_the_change_clears_it(office, people, target):
    Account.objects.filter(user=target).update(must_change_password=False)
    accounts.reset_password(target, "Tam-thoi-2026-xyz", actor=people["admin"])
    target.refresh_from_db()
    assert target.check_password("Tam-thoi-2026-xyz") and target.account.must_change_password
    with pytest.raises(RuleError) as error:
        accounts.change_own_password(target, "sai-mat-khau", "Cua-rieng-toi-2026", actor=target)
    assert error.value.code == "account.password_wrong"
    with pytest.raises(RuleError) as error:
        accounts.change_own_password(target, "Tam-thoi-2026-xyz", "Tam-thoi-2026-xyz", actor=target)
    assert error.value.code == "account.password_unchanged"
    accounts.change_own_password(target, "Tam-thoi-2026-xyz", "Cua-rieng-toi-2026", actor=target)
    target.refresh_from_db()
    assert target.check_password("Cua-rieng-toi-2026") and not target.account.must_change_password


def test_only_the_user_changes_their_own_password_and_language(office, people, target):
    with pytest.raises(RuleError) as error:
        accounts.change_own_password(target, GOOD, "Cua-rieng-toi-2026", actor=people["admin"])
    assert error.value.code == "account.password_own_only"
    with pytest.raises(RuleError):
        accounts.set_language(target, "en", actor=people["admin"])
    with pytest.raises(RuleError) as error:
        accounts.set_language(target, "fr", actor=target)
    assert error.value.code == "account.language_unknown"
    accounts.set_language(target, "en", actor=target)
    assert Preference.objects.get(user=target).language == "en"


def test_an_administrator_resets_others_passwords_not_their_own(office, people):
    with pytest.raises(RuleError) as error:
        accounts.reset_password(people["admin"], "Tam-thoi-2026-xyz", actor=people["admin"])
    assert error.value.code == "account.password_own_only"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lào Cai", "Lào Cai"), ("lao cai", "Lào Cai"), ("ha noi", "Hà Nội"), ("01", "Hà Nội"), ("1", "Hà Nội")],
)
def test_a_province_of_today_by_name_or_code(text, expected):
    assert accounts.find_current_province(text).short_name == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "office.province_required"),
        ("Yên Bái", "office.province_unknown"),
        ("ha", "office.province_ambiguous"),
    ],
)
def test_a_province_that_is_not_one_of_today_is_refused(text, code):
    with pytest.raises(RuleError) as error:
        accounts.find_current_province(text)
    assert error.value.code == code


def test_a_new_office_is_in_a_province_of_today_with_a_free_lower_case_code(people):
    legacy = AdminUnit.objects.get(era=Era.LEGACY, level=Level.PROVINCE, short_name="Yên Bái")
    for code, province, message in [
        ("Lao Cai", _province(), "office.code_invalid"),
        ("yen-bai", _province(), "office.code_taken"),
        ("yen-bai-2", legacy, "office.province_not_current"),
        ("yen-bai-2", None, "office.province_required"),
    ]:
        with pytest.raises(RuleError) as error:
            accounts.create_office(actor=people["national"], code=code, name="LHHN", province=province)
        assert error.value.code == message
    office = accounts.create_office(
        actor=people["national"], code="lao-cai-2", name="LHHN", province=_province()
    )
    assert office.history.get().history_user == people["national"]


def test_the_letterhead_set_by_the_administrator_is_what_documents_print(office, people):
    update_letterhead(
        office,
        actor=people["admin"],
        issuing_body="Liên hiệp các tổ chức hữu nghị tỉnh Thử Nghiệm",
        place_name="Thử Nghiệm",
        signer_name="Nguyễn Văn B",
        signer_title="Phó Chủ tịch",
    )
    head = letterhead_for(office)
    assert (head.issuing_body, head.place_name, head.signer_name, head.signer_title) == (
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH THỬ NGHIỆM",
        "Thử Nghiệm",
        "Nguyễn Văn B",
        "PHÓ CHỦ TỊCH",
    )
