"""The users, offices and account pages, and the forced password change."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from caunoi.core.models import Account, Membership, Office, Role
from caunoi.documents.letterhead import letterhead_for

pytestmark = pytest.mark.django_db
User = get_user_model()
INITIAL = "Ban-dau-2026-abc"
OWN = "Cua-rieng-2026-xyz"


def _new_user(client: Client, username: str = "nhaplieu", role: str = Role.EDITOR) -> int:
    response = client.post(
        "/users/new/?office=lao-cai",
        {
            "office": "lao-cai",
            "username": username,
            "full_name": "Trần Văn E",
            "email": "",
            "role": role,
            "password1": INITIAL,
            "password2": INITIAL,
        },
    )
    assert response.status_code == 302, response.content.decode()
    return int(User.objects.get(username=username).pk)


def test_the_office_administrator_lists_the_office_s_users(login):
    page = login("quantri").get("/users/").content.decode()
    for username in ("bientap", "lanhdao", "xem", "quantri"):
        assert f">{username}</a>" in page
    assert ">yenbai</a>" not in page  # a member of the predecessor only
    assert 'href="/users/"' in page  # the menu shows "Người dùng"


@pytest.mark.parametrize("username", ["bientap", "xem", "toanquoc"])
def test_users_pages_do_not_exist_for_others(login, username):
    client = login(username)
    assert client.get("/users/").status_code == 404
    assert client.get(f"/users/{User.objects.get(username='bientap').pk}/").status_code == 404
    assert client.get("/offices/yen-bai/").status_code == 404
    assert 'href="/users/"' not in client.get("/").content.decode()


def test_an_administrator_s_new_user_must_change_the_password_first(login):
    pk = _new_user(login("quantri"))
    user = User.objects.get(pk=pk)
    assert not user.is_staff and user.account.must_change_password
    newcomer = Client()
    assert newcomer.post("/login/", {"username": "nhaplieu", "password": INITIAL}).status_code == 302
    for url in ("/", "/aid/", "/aid/new/"):
        response = newcomer.get(url)
        assert (response.status_code, response["Location"]) == (302, "/account/password/"), url
    page = newcomer.get("/account/password/").content.decode()
    assert "Mật khẩu của bạn do quản trị viên đặt." in page
    response = newcomer.post(
        "/account/password/", {"old_password": INITIAL, "password1": OWN, "password2": OWN}
    )
    assert (response.status_code, response["Location"]) == (302, "/")
    assert newcomer.get("/aid/new/").status_code == 200
    assert not Account.objects.get(user_id=pk).must_change_password


def test_a_weak_new_password_is_shown_why(login):
    _new_user(login("quantri"))
    newcomer = Client()
    newcomer.post("/login/", {"username": "nhaplieu", "password": INITIAL})
    page = newcomer.post(
        "/account/password/", {"old_password": INITIAL, "password1": "12345678", "password2": "12345678"}
    ).content.decode()
    assert "Mật khẩu chưa dùng được: Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in page


def test_removing_the_role_takes_the_right_to_edit_and_the_history_says_who(login):
    admin = login("quantri")
    pk = _new_user(admin)
    response = admin.post(f"/users/{pk}/role/lao-cai/remove/")
    assert response.status_code == 302
    assert not Membership.objects.filter(user_id=pk).exists()
    page = admin.get(f"/users/{pk}/").content.decode()
    assert "Không có vai trò nào." in page
    assert "bỏ vai trò Nhập liệu" in page and "quantri" in page


def test_giving_a_role_and_deactivating(login):
    admin = login("quantri")
    pk = _new_user(admin)
    admin.post(f"/users/{pk}/role/", {"office": "lao-cai", "role": Role.APPROVER})
    assert Membership.objects.get(user_id=pk).role == Role.APPROVER
    admin.post(f"/users/{pk}/active/", {"active": "0"})
    assert not User.objects.get(pk=pk).is_active


def test_a_refused_operation_is_a_message_not_an_error_page(login):
    admin = login("quantri")
    me = User.objects.get(username="quantri").pk
    response = admin.post(f"/users/{me}/role/lao-cai/remove/", follow=True)
    assert "quantri là quản trị duy nhất của cơ quan lao-cai" in response.content.decode()
    assert Membership.objects.filter(user_id=me, role=Role.OFFICE_ADMIN).exists()


def test_the_administrator_edits_the_office_and_its_letterhead(login, yen_bai):
    admin = login("quantri")
    page = admin.get("/offices/yen-bai/").content.decode()
    assert "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH YÊN BÁI" in page
    response = admin.post(
        "/offices/yen-bai/",
        {
            "name": yen_bai.name,
            "name_en": yen_bai.name_en,
            "abbreviation": "LHHN",
            "province": "",  # a province of before 2025 is kept
            "letterhead-signer_name": "Nguyễn Văn F",
            "letterhead-signer_title": "Chủ tịch",
        },
    )
    assert response.status_code == 302, response.content.decode()
    yen_bai.refresh_from_db()
    assert yen_bai.home_province.short_name == "Yên Bái"
    assert letterhead_for(yen_bai).signer_name == "Nguyễn Văn F"


def test_a_national_administrator_creates_an_office_and_its_administrator(login, django_user_model):
    national = django_user_model.objects.create_user(username="qg", password=OWN)
    Membership.objects.create(
        user=national, office=Office.objects.get(code="lao-cai"), role=Role.NATIONAL_ADMIN
    )
    client = login("qg")
    province = Office.objects.get(code="lao-cai").home_province_id
    response = client.post(
        "/offices/new/",
        {
            "code": "lao-cai-2",
            "name": "Liên hiệp thử",
            "name_en": "",
            "abbreviation": "",
            "province": province,
        },
    )
    assert (response.status_code, response["Location"]) == (302, "/offices/lao-cai-2/")
    response = client.post(
        "/users/new/?office=lao-cai-2",
        {
            "office": "lao-cai-2",
            "username": "qt-moi",
            "role": Role.OFFICE_ADMIN,
            "password1": INITIAL,
            "password2": INITIAL,
        },
    )
    assert response.status_code == 302
    assert Membership.objects.get(user__username="qt-moi").office.code == "lao-cai-2"


def test_an_office_administrator_creates_no_office(login):
    assert login("quantri").get("/offices/new/").status_code == 404


def test_every_user_sets_their_language_on_their_account_page(login):
    client = login("bientap")
    assert "Tài khoản của tôi" in client.get("/account/").content.decode()
    client.post("/language/", {"language": "en", "next": "/account/"})
    assert "My account" in client.get("/account/").content.decode()


def test_the_office_administrator_is_not_sent_to_the_django_admin(login):
    response = login("quantri").get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not User.objects.filter(is_staff=True).exclude(username="admin").exists()


def test_a_printed_page_names_the_reader_s_office_and_the_date(login):
    page = login("bientap").get("/aid/").content.decode()
    assert (
        '<div class="print-head" aria-hidden="true"><strong translate="no">Liên hiệp các tổ chức hữu nghị tỉnh Lào Cai</strong> '
        "<span>In ngày 27/11/2026</span></div>"
    ) in page


def test_a_printed_page_names_each_office_of_the_reader_in_the_page_s_language(login):
    """Offices in code order; an English page, their English names where they have one."""
    user = User.objects.get(username="bientap")
    lao_cai = Office.objects.get(code="lao-cai")
    Office.objects.filter(pk=lao_cai.pk).update(name_en="Lao Cai Union of Friendship Organizations")
    other = Office.objects.create(code="a-truoc", name="Liên hiệp các tổ chức hữu nghị tỉnh Trước")
    Membership.objects.create(user=user, office=other, role=Role.VIEWER)
    client = login("bientap")
    head = '<div class="print-head" aria-hidden="true"><strong translate="no">{}</strong>'
    page = client.get("/aid/").content.decode()
    assert head.format(f"{other.name}; {lao_cai.name}") in page
    client.post("/language/", {"language": "en", "next": "/aid/"})
    page = client.get("/aid/").content.decode()
    assert head.format(f"{other.name}; Lao Cai Union of Friendship Organizations") in page
