"""`caunoi setup`: a union's office, letterhead and first administrator, from options or from questions."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from caunoi.core.models import Membership, Office, Role
from caunoi.documents.letterhead import letterhead_for

pytestmark = pytest.mark.django_db
PASSWORD = "Quan-tri-2026-moi"
OPTIONS = {
    "office_code": "ha-noi",
    "office_name": "Liên hiệp các tổ chức hữu nghị thành phố Hà Nội",
    "province": "ha noi",
    "signatory": "Nguyễn Văn C",
    "signatory_title": "Chủ tịch",
    "admin_username": "quantri-hn",
    "admin_email": "quantri@example.vn",
    "admin_password": PASSWORD,
}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(stdin: Any = None, **options: Any) -> str:
    out = io.StringIO()
    call_command("setup", stdout=out, stderr=io.StringIO(), stdin=stdin or io.StringIO(), **options)
    return out.getvalue()


def test_a_union_from_options():
    out = _run(**OPTIONS)
    office = Office.objects.get(code="ha-noi")
    assert (office.name, office.home_province.short_name, office.home_province.era) == (
        OPTIONS["office_name"],
        "Hà Nội",
        "2025",
    )
    head = letterhead_for(office)
    assert (head.issuing_body, head.place_name, head.signer_name, head.signer_title) == (
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ THÀNH PHỐ HÀ NỘI",
        "Hà Nội",
        "Nguyễn Văn C",
        "CHỦ TỊCH",
    )
    admin = get_user_model().objects.get(username="quantri-hn")
    assert admin.check_password(PASSWORD) and not admin.is_staff and not admin.account.must_change_password
    assert list(Membership.objects.filter(user=admin).values_list("office__code", "role")) == [
        ("ha-noi", Role.OFFICE_ADMIN)
    ]
    assert "Đã tạo / created: Liên hiệp các tổ chức hữu nghị thành phố Hà Nội (ha-noi)." in out


def test_missing_options_are_named_when_nobody_can_be_asked():
    with pytest.raises(CommandError) as error:
        _run(office_code="ha-noi", province="Hà Nội")
    assert str(error.value) == (
        "Thiếu --office-name, --admin-username, --admin-password: hãy ghi các tham số này, hoặc chạy "
        "`caunoi setup` trong một terminal để được hỏi. / Missing --office-name, --admin-username, "
        "--admin-password: give these options, or run `caunoi setup` in a terminal to be asked."
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"province": "Yên Bái"}, "No province or city of today is named or coded “Yên Bái”."),
        ({"office_code": "yen-bai"}, "There is already an office with code yen-bai."),
        ({"admin_username": "bientap"}, "There is already a user named “bientap”."),
        ({"admin_password": "123"}, "This password is too short."),
    ],
)
def test_bad_input_is_refused_in_both_languages_and_creates_nothing(change, expected):
    with pytest.raises(CommandError) as error:
        _run(**{**OPTIONS, **change})
    assert expected in str(error.value)
    assert " / " in str(error.value)
    assert not Office.objects.filter(code="ha-noi").exists()
    assert not get_user_model().objects.filter(username="quantri-hn").exists()


def test_in_a_terminal_what_is_missing_is_asked_again_until_it_is_right(monkeypatch):
    answers = iter(
        [
            "lang-son",  # office code
            "Liên hiệp các tổ chức hữu nghị tỉnh Lạng Sơn",
            "Yên Bái",  # not a province of today: asked again
            "lang son",
            "",  # issuing body: the office's name
            "",  # place name: the province's
            "Hoàng Văn D",
            "",  # title: Chủ tịch
            "bientap",  # taken: asked again
            "quantri-ls",
            "",
        ]
    )
    passwords = iter(["ngan", "ngan", PASSWORD, "khac", PASSWORD, PASSWORD])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(passwords))
    _run(stdin=_Terminal())
    office = Office.objects.get(code="lang-son")
    head = letterhead_for(office)
    assert (head.issuing_body, head.place_name, head.signer_name, head.signer_title) == (
        "LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH LẠNG SƠN",
        "Lạng Sơn",
        "Hoàng Văn D",
        "CHỦ TỊCH",
    )
    assert get_user_model().objects.get(username="quantri-ls").check_password(PASSWORD)
    assert next(answers, None) is None and next(passwords, None) is None
