"""The pages for people and their consents, an association's own fields and named members, and an agreement's
parties and fields of cooperation: Django test client on the demo union (Yên Bái; laocai is of another office)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from typing import Any

import pytest

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.directory.models import Organisation
from caunoi.relations.demo import MIMASAKA, PROVINCE, UNION
from caunoi.relations.models import (
    Agreement,
    Association,
    AssociationMember,
    Consent,
    CooperationField,
    Person,
)
from caunoi.relations.services import associations as association_services
from caunoi.relations.services import events as event_services
from caunoi.relations.services import people as people_services

pytestmark = pytest.mark.django_db
D = dt.date
FRAMEWORK = "Thỏa thuận khung về triển khai"
STUDENT = "Souksavanh Phommachanh"
REFUSED = "Bạn không có quyền “nhập, sửa dữ liệu” trong cơ quan yen-bai."
REQUIRED = "Trường này là bắt buộc."  # Django's own messages, in Vietnamese
BAD_DATE = "Nhập một ngày hợp lệ."


def bad_choice(value: object) -> str:
    return f"Hãy chọn một lựa chọn hợp lệ. {value} không phải là một trong các lựa chọn khả thi."


def text(response: Any) -> str:
    return response.content.decode()


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]] if response.context else []


class _FieldErrors(HTMLParser):
    """The error messages of a rendered form, by the label of their field ("" for the form's own)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: dict[str, list[str]] = {}
        self._depth = 0  # divs open inside the current field
        self._label: str | None = None
        self._in_label = False
        self._in_error = False
        self._group = False  # the field is a <fieldset>: it ends with it, not with its divs
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "fieldset" and "field" in classes:  # a group of checkboxes, named by its legend
            self._label, self._depth, self._group = "", 0, True
        elif tag == "div" and self._label is not None:
            self._depth += 1
        elif tag == "div" and "field" in classes:
            self._label, self._depth, self._group = "", 1, False
        elif tag in ("label", "legend") and self._label == "":
            self._in_label = True
        elif tag == "p" and "error" in classes:
            self._in_error, self._text = True, ""

    def handle_endtag(self, tag: str) -> None:
        if tag in ("label", "legend") and self._in_label:
            self._in_label = False
            self._label = (self._label or "").replace("*", "").strip()
        elif tag == "fieldset" and self._group:
            self._label, self._group = None, False
        elif tag == "p" and self._in_error:
            self._in_error = False
            self.errors.setdefault(self._label or "", []).append(self._text.strip())
        elif tag == "div" and self._label is not None:
            self._depth -= 1
            if self._depth == 0 and not self._group:
                self._label = None

    def handle_data(self, data: str) -> None:
        if self._in_label and self._label is not None:
            self._label += data
        if self._in_error:
            self._text += data


def field_errors(response: Any) -> dict[str, list[str]]:
    parser = _FieldErrors()
    parser.feed(text(response))
    return parser.errors


def listed_names(response: Any) -> list[str]:
    body = text(response).split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in text(response) else ""
    return re.findall(r'<a href="/relations/people/\d+/">([^<]+)</a>', body)


def yen_bai_people() -> list[str]:
    return sorted(Person.objects.filter(office__code="yen-bai").values_list("name", flat=True))


@pytest.fixture
def student(yen_bai):  # type: ignore[no-untyped-def]
    return people_services.create_person(
        yen_bai,
        name=STUDENT,
        kind="foreign_student",
        nationality="LA",
        institution="Cao đẳng Y tế Yên Bái",
        email="souksavanh@example.org",
        actor=SYSTEM,
    )


@pytest.fixture
def consenting(student):  # type: ignore[no-untyped-def]
    people_services.record_consent(
        student, "photo_use", D(2025, 9, 5), note="Phiếu đồng ý có chữ ký", actor=SYSTEM
    )
    return student


def phap(office: Office) -> Association:
    return Association.objects.get(office=office, name__contains="Việt - Pháp")


def trung(office: Office) -> Association:
    return Association.objects.get(office=office, name__contains="Trung Quốc")


def framework(office: Office) -> Agreement:
    return Agreement.objects.get(office=office, title__startswith=FRAMEWORK)


# --- navigation and every page renders ------------------------------------------------------------------


def test_the_relations_navigation_and_overview_link_to_the_people_list(login):
    client = login("xem")
    for url in ("/relations/", "/relations/partners/", "/relations/people/"):
        assert '<a class="button" href="/relations/people/">Danh bạ cá nhân</a>' in text(client.get(url)), url
    editor_overview = text(login("bientap").get("/relations/"))
    assert 'href="/relations/people/new/?kind=foreign_student">Thêm lưu học sinh<' in editor_overview


def new_page_urls(office: Office, person: Person) -> list[str]:
    return [
        "/relations/people/",
        "/relations/people/?q=minh+hoa&kind=member",
        f"/relations/people/{person.pk}/",
        f"/relations/people/{person.pk}/edit/",
        f"/relations/people/{person.pk}/history/",
        f"/relations/associations/{phap(office).pk}/details/edit/",
        f"/relations/agreements/{framework(office).pk}/parties/edit/",
    ]


@pytest.mark.parametrize("username", ["bientap", "xem", "toanquoc", "quantri", "lanhdao", "admin"])
def test_every_new_page_renders_for_each_role(login, yen_bai, consenting, username):
    client = login(username)
    for url in new_page_urls(yen_bai, consenting):
        response = client.get(url)
        # Viewers get the refusal page (test_refusal_pages), in the same layout.
        refused = username in ("xem", "toanquoc") and url.endswith(("new/", "edit/"))
        assert response.status_code == (403 if refused else 200), (username, url)
        assert "<script>" not in text(response) and " style=" not in text(response), url


def test_every_new_url_of_another_office_is_404(login, yen_bai, consenting, stranger):
    client = login("khac")
    member = association_services.add_member(phap(yen_bai), consenting, D(2024, 1, 1), actor=SYSTEM)
    person = consenting.pk
    for url in new_page_urls(yen_bai, consenting)[2:]:
        assert client.get(url).status_code == 404, url
    posts = [
        f"/relations/people/{person}/edit/",
        f"/relations/people/{person}/consents/",
        f"/relations/people/{person}/consents/withdraw/",
        f"/relations/people/{person}/memberships/{member.pk}/left/",
        f"/relations/people/{person}/archive/",
        f"/relations/people/{person}/restore/",
        f"/relations/associations/{phap(yen_bai).pk}/details/edit/",
        f"/relations/associations/{phap(yen_bai).pk}/members/named/",
        f"/relations/agreements/{framework(yen_bai).pk}/parties/edit/",
    ]
    for url in posts:
        assert client.post(url, {}).status_code == 404, url
    assert listed_names(client.get("/relations/people/")) == []
    unchanged = Person.objects.get(pk=person)
    assert (unchanged.name, unchanged.archived_at, unchanged.consents.count()) == (STUDENT, None, 1)
    assert AssociationMember.objects.get(pk=member.pk).left_on is None


# --- the list: search with and without diacritics, filter, consents of today -------------------------------


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("souksavanh", [STUDENT]),
        ("SOUKSAVANH phommachanh", [STUDENT]),
        ("cao dang y te", [STUDENT]),
        ("Cao đẳng Y tế", [STUDENT]),
        ("minh hoa so 1", ["Người minh họa số 1, Hội Việt - Lào", "Người minh họa số 1, Hội Việt - Pháp"]),
        ("Người minh họa số 2, Hội Việt - Pháp", ["Người minh họa số 2, Hội Việt - Pháp"]),
        ("viet phap so 3", ["Người minh họa số 3, Hội Việt - Pháp"]),
        ("khong ai ten nay", []),
    ],
)
def test_the_people_list_searches_with_and_without_diacritics(login, student, query, found):
    response = login("xem").get("/relations/people/", {"q": query})
    assert response.status_code == 200
    assert listed_names(response) == found


def test_the_people_list_filters_by_group_and_shows_todays_consents(login, yen_bai, consenting):
    client = login("toanquoc")  # a national viewer reads Yên Bái's people
    everyone = client.get("/relations/people/")
    assert listed_names(everyone) == yen_bai_people() and len(yen_bai_people()) == 7
    assert listed_names(client.get("/relations/people/", {"kind": "foreign_student"})) == [STUDENT]
    assert listed_names(client.get("/relations/people/", {"kind": "zz"})) == yen_bai_people()
    page = text(everyone)
    row = re.search(rf"{STUDENT}</a>.*?</tr>", page, re.S)
    assert row and "<td>Lào</td>" in row.group(0) and "<td>Được dùng ảnh</td>" in row.group(0)
    named = re.search(r"Người minh họa số 1, Hội Việt - Pháp</a>.*?</tr>", page, re.S)
    assert named and "<td>Được nêu tên</td>" in named.group(0)
    unnamed = re.search(r"Người minh họa số 2, Hội Việt - Pháp</a>.*?</tr>", page, re.S)
    assert unnamed and "<td>—</td>" in unnamed.group(0)
    assert "Thêm cá nhân" not in page  # a national viewer writes nowhere


# --- create -----------------------------------------------------------------------------------------------


PERSON = {
    "office": "yen-bai",
    "name": "  Nguyễn Văn Kiều  ",
    "kind": "overseas_vietnamese",
    "nationality": "FR",
    "institution": "Hội người Việt Nam tại Val de Marne",
    "email": "kieu@example.fr",
    "phone": "+33 1 23 45 67 89",
    "notes": "Đầu mối với Val de Marne.",
}


def test_create_a_person(login, yen_bai):
    client = login("bientap")
    form = client.get("/relations/people/new/?kind=foreign_student")
    assert form.status_code == 200 and '<option value="foreign_student" selected>' in text(form)
    response = client.post("/relations/people/new/", PERSON)
    person = Person.objects.get(name="Nguyễn Văn Kiều")
    assert response.status_code == 302 and response["Location"] == f"/relations/people/{person.pk}/"
    assert (person.office, person.kind, person.nationality, person.email, person.institution) == (
        yen_bai,
        "overseas_vietnamese",
        "FR",
        "kieu@example.fr",
        "Hội người Việt Nam tại Val de Marne",
    )
    assert person.history.get().history_user.username == "bientap"
    page = client.get(response["Location"])
    assert messages_of(page) == ["Đã ghi Nguyễn Văn Kiều."]
    assert "<h1>Nguyễn Văn Kiều</h1>" in text(page) and "Người Việt Nam ở nước ngoài · Pháp" in text(page)
    assert "Chưa ghi sự đồng ý nào" in text(page)
    assert listed_names(client.get("/relations/people/", {"q": "nguyen van kieu"})) == ["Nguyễn Văn Kiều"]


@pytest.mark.parametrize(
    ("change", "label", "message"),
    [
        (
            {"email": "kieu-at-example"},
            "Thư điện tử",
            "“kieu-at-example” không phải địa chỉ thư điện tử hợp lệ.",
        ),
        ({"name": "   "}, "Họ tên", REQUIRED),
        ({"nationality": "ZZ"}, "Quốc tịch", bad_choice("ZZ")),
        ({"kind": "spy"}, "Nhóm", bad_choice("spy")),
    ],
)
def test_a_bad_person_is_refused_next_to_its_field(login, change, label, message):
    before = yen_bai_people()
    response = login("bientap").post("/relations/people/new/", {**PERSON, **change})
    assert response.status_code == 200
    assert field_errors(response) == {label: [message]}
    assert yen_bai_people() == before


def test_a_viewer_cannot_create_a_person(login):
    client = login("xem")
    page = client.get("/relations/people/new/")
    assert "Bạn chỉ có quyền xem" in text(page) and 'name="name"' not in text(page)
    before = yen_bai_people()
    response = client.post("/relations/people/new/", PERSON)
    assert response.status_code == 403 and "Bạn chỉ có quyền xem" in text(response)
    assert yen_bai_people() == before
    assert "Thêm cá nhân" not in text(client.get("/relations/people/"))


# --- edit, archive, restore, history ----------------------------------------------------------------------


def edit_data(person: Person, **changes: str) -> dict[str, str]:
    data = {
        "name": person.name,
        "kind": person.kind,
        "nationality": person.nationality,
        "organisation": "",
        "institution": person.institution,
        "email": person.email,
        "phone": person.phone,
        "notes": person.notes,
    }
    return {**data, **changes}


def test_edit_a_person_and_see_the_history(login, student):
    client = login("bientap")
    form = text(client.get(f"/relations/people/{student.pk}/edit/"))
    assert f'value="{STUDENT}"' in form and '<option value="LA" selected>' in form
    union = Organisation.objects.get(office=student.office, name=UNION)
    response = client.post(
        f"/relations/people/{student.pk}/edit/",
        edit_data(student, institution="Trường Cao đẳng Nghề Yên Bái", organisation=str(union.pk)),
    )
    assert response.status_code == 302 and response["Location"] == f"/relations/people/{student.pk}/"
    student.refresh_from_db()
    assert (student.institution, student.organisation, student.name) == (
        "Trường Cao đẳng Nghề Yên Bái",
        union,
        STUDENT,
    )
    history = text(client.get(f"/relations/people/{student.pk}/history/"))
    assert (
        "<strong>nơi học tập, công tác</strong>: Cao đẳng Y tế Yên Bái → Trường Cao đẳng Nghề Yên Bái"
        in history
    )
    assert "bientap" in history and "tạo mới" in history


def test_a_bad_edit_is_refused_next_to_its_field(login, student):
    response = login("bientap").post(
        f"/relations/people/{student.pk}/edit/", edit_data(student, name="Tên mới", email="a@b")
    )
    assert response.status_code == 200
    assert field_errors(response) == {"Thư điện tử": ["“a@b” không phải địa chỉ thư điện tử hợp lệ."]}
    student.refresh_from_db()
    assert (student.name, student.email) == (STUDENT, "souksavanh@example.org")


def test_a_viewer_cannot_edit_a_person(login, student):
    client = login("xem")
    assert "Sửa</a>" not in text(client.get(f"/relations/people/{student.pk}/"))
    response = client.post(f"/relations/people/{student.pk}/edit/", edit_data(student, name="Tên mới"))
    assert response.status_code == 403 and "Bạn chỉ có quyền xem" in text(response)
    student.refresh_from_db()
    assert student.name == STUDENT


def test_archive_by_staff_restore_by_the_office_administrator(login, student):
    editor = login("bientap")
    assert listed_names(editor.get("/relations/people/", {"q": "souksavanh"})) == [STUDENT]
    archived = editor.post(f"/relations/people/{student.pk}/archive/")
    assert archived.status_code == 302 and archived["Location"] == f"/relations/people/{student.pk}/"
    student.refresh_from_db()
    assert student.archived_at is not None
    assert messages_of(editor.get(archived["Location"])) == [f"Đã lưu trữ “{STUDENT}”."]
    assert listed_names(editor.get("/relations/people/", {"q": "souksavanh"})) == []
    assert listed_names(editor.get("/relations/people/", {"q": "souksavanh", "archived": "1"})) == [STUDENT]
    refused = editor.post(f"/relations/people/{student.pk}/restore/")
    assert messages_of(editor.get(refused["Location"])) == [
        "Bạn không có quyền “khôi phục” trong cơ quan yen-bai."
    ]
    student.refresh_from_db()
    assert student.archived_at is not None
    admin = login("quantri")
    admin.post(f"/relations/people/{student.pk}/restore/")
    student.refresh_from_db()
    assert student.archived_at is None
    assert admin.post(f"/relations/people/{student.pk}/nonsense/").status_code == 404


def test_a_viewer_cannot_archive_a_person(login, student):
    client = login("xem")
    response = client.post(f"/relations/people/{student.pk}/archive/")
    assert messages_of(client.get(response["Location"])) == [
        "Bạn không có quyền “lưu trữ” trong cơ quan yen-bai."
    ]
    student.refresh_from_db()
    assert student.archived_at is None


# --- consents ---------------------------------------------------------------------------------------------


def consent_rows(response: Any) -> list[list[str]]:
    table = text(response).split('<table id="consents">')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S)
    return [re.findall(r"<td>(.*?)</td>", row) for row in rows]


def today_consents(response: Any) -> str:
    found = re.search(r'<dd id="consents-today">(.*?)</dd>', text(response))
    assert found
    return found.group(1)


def test_record_then_withdraw_a_consent(login, student):
    client = login("bientap")
    recorded = client.post(
        f"/relations/people/{student.pk}/consents/",
        {"consent-kind": "name_listing", "consent-given_on": "2025-09-05", "consent-note": "Phiếu đồng ý"},
    )
    assert recorded.status_code == 302 and recorded["Location"] == f"/relations/people/{student.pk}/"
    page = client.get(recorded["Location"])
    assert messages_of(page) == ["Đã ghi sự đồng ý."]
    assert consent_rows(page) == [["Được nêu tên", "05/09/2025", "chưa rút lại", "Phiếu đồng ý"]]
    assert today_consents(page) == "Được nêu tên"
    withdrawn = client.post(
        f"/relations/people/{student.pk}/consents/withdraw/",
        {"withdraw-kind": "name_listing", "withdraw-withdrawn_on": "2026-11-20"},
    )
    assert withdrawn.status_code == 302
    page = client.get(withdrawn["Location"])
    assert messages_of(page) == ["Đã ghi rút lại sự đồng ý."]
    assert consent_rows(page) == [["Được nêu tên", "05/09/2025", "20/11/2026", "Phiếu đồng ý"]]
    assert today_consents(page) == "không có: không nêu tên, không dùng ảnh, không liên hệ"
    consent = Consent.objects.get(person=student)
    assert (consent.given_on, consent.withdrawn_on) == (D(2025, 9, 5), D(2026, 11, 20))
    assert f'action="/relations/people/{student.pk}/consents/withdraw/"' not in text(page)  # nothing stands
    history = text(client.get(f"/relations/people/{student.pk}/history/"))
    assert "<strong>ngày rút lại</strong>: ∅ → Ngày 20 tháng 11 năm 2026" in history


@pytest.mark.parametrize(
    ("data", "label", "message"),
    [
        (
            {"consent-kind": "photo_use", "consent-given_on": "2027-01-01"},
            "Ngày đồng ý",
            "Ngày 01/01/2027 ở tương lai; chỉ ghi những việc đã xảy ra.",
        ),
        (
            {"consent-kind": "photo_use", "consent-given_on": "2026-01-01"},
            "Đồng ý cho",
            f"{STUDENT} đã đồng ý “Được dùng ảnh” từ ngày 05/09/2025 và chưa rút lại; không cần ghi lần nữa.",
        ),
        (
            {"consent-kind": "marketing", "consent-given_on": "2026-01-01"},
            "Đồng ý cho",
            bad_choice("marketing"),
        ),
        ({"consent-kind": "contact", "consent-given_on": "hôm qua"}, "Ngày đồng ý", BAD_DATE),
    ],
)
def test_a_bad_consent_is_refused_next_to_its_field(login, consenting, data, label, message):
    response = login("bientap").post(f"/relations/people/{consenting.pk}/consents/", data)
    assert response.status_code == 400
    assert field_errors(response) == {label: [message]}
    assert list(consenting.consents.values_list("kind", "given_on", "withdrawn_on")) == [
        ("photo_use", D(2025, 9, 5), None)
    ]


@pytest.mark.parametrize(
    ("data", "label", "message"),
    [
        (
            {"withdraw-kind": "photo_use", "withdraw-withdrawn_on": "2025-09-01"},
            "Ngày rút lại",
            "Ngày rút lại (01/09/2025) không thể sớm hơn ngày đồng ý (05/09/2025).",
        ),
        (
            {"withdraw-kind": "contact", "withdraw-withdrawn_on": "2026-11-01"},
            "Rút lại sự đồng ý cho",
            f"{STUDENT} không có sự đồng ý “Được liên hệ” nào còn hiệu lực để rút lại.",
        ),
        ({"withdraw-kind": "photo_use"}, "Ngày rút lại", REQUIRED),
    ],
)
def test_a_bad_withdrawal_is_refused_next_to_its_field(login, consenting, data, label, message):
    response = login("bientap").post(f"/relations/people/{consenting.pk}/consents/withdraw/", data)
    assert response.status_code == 400
    assert field_errors(response) == {label: [message]}
    assert Consent.objects.get(person=consenting).withdrawn_on is None


def test_a_viewer_cannot_record_or_withdraw_a_consent(login, consenting):
    client = login("xem")
    page = text(client.get(f"/relations/people/{consenting.pk}/"))
    assert "Ghi sự đồng ý" not in page and "Ghi rút lại sự đồng ý" not in page
    recorded = client.post(
        f"/relations/people/{consenting.pk}/consents/",
        {"consent-kind": "name_listing", "consent-given_on": "2025-09-05"},
    )
    assert recorded.status_code == 400 and field_errors(recorded) == {"": [REFUSED]}
    withdrawn = client.post(
        f"/relations/people/{consenting.pk}/consents/withdraw/",
        {"withdraw-kind": "photo_use", "withdraw-withdrawn_on": "2026-11-01"},
    )
    assert withdrawn.status_code == 400 and field_errors(withdrawn) == {"": [REFUSED]}
    assert list(consenting.consents.values_list("kind", "withdrawn_on")) == [("photo_use", None)]


def test_an_archived_persons_consent_can_still_be_withdrawn_but_not_given(login, consenting):
    client = login("bientap")
    client.post(f"/relations/people/{consenting.pk}/archive/")
    page = text(client.get(f"/relations/people/{consenting.pk}/"))
    assert "Ghi rút lại sự đồng ý" in page and "<summary>Ghi sự đồng ý</summary>" not in page
    refused = client.post(
        f"/relations/people/{consenting.pk}/consents/",
        {"consent-kind": "name_listing", "consent-given_on": "2025-09-05"},
    )
    assert field_errors(refused) == {
        "": [f"“{STUDENT}” đã lưu trữ; hãy khôi phục trước khi sửa hoặc liên kết."]
    }
    withdrawn = client.post(
        f"/relations/people/{consenting.pk}/consents/withdraw/",
        {"withdraw-kind": "photo_use", "withdraw-withdrawn_on": "2026-11-01"},
    )
    assert withdrawn.status_code == 302
    assert list(consenting.consents.values_list("kind", "withdrawn_on")) == [("photo_use", D(2026, 11, 1))]


# --- what the person took part in ---------------------------------------------------------------------------


def test_the_person_page_lists_events_associations_and_seats(login, yen_bai, consenting):
    event = event_services.create_event(
        yen_bai,
        title="Gặp mặt lưu học sinh Lào nhân Tết Bunpimay 2026",
        kind="student_activity",
        start_on=D(2026, 4, 14),
        actor=SYSTEM,
    )
    event_services.add_participant(event, "speaker", person=consenting, actor=SYSTEM)
    association_services.add_member(phap(yen_bai), consenting, D(2024, 1, 1), actor=SYSTEM)
    page = text(login("xem").get(f"/relations/people/{consenting.pk}/"))
    assert (
        f'<a href="/relations/events/{event.pk}/">Gặp mặt lưu học sinh Lào nhân Tết Bunpimay 2026</a>'
        " — Diễn giả, báo cáo viên, 14/04/2026"
    ) in page
    assert (
        f'<a href="/relations/associations/{phap(yen_bai).pk}/">Hội hữu nghị Việt - Pháp tỉnh Yên Bái</a>'
        in page
    )
    assert "hội viên từ 01/01/2024" in page and "Ghi ngày ra hội" not in page  # a viewer is offered no form
    seated = Person.objects.get(name="Người minh họa số 1, Hội Việt - Pháp")
    seat_page = text(login("xem").get(f"/relations/people/{seated.pk}/"))
    assert "Hội hữu nghị Việt - Pháp tỉnh Yên Bái</a> — Chủ tịch, nhiệm kỳ 1" in seat_page


# --- an association's own fields --------------------------------------------------------------------------


def association_data(association: Association, **changes: str) -> dict[str, str]:
    data = {
        "name": association.name,
        "name_en": association.name_en,
        "counterpart_country": association.counterpart_country,
        "organisation": "",
        "founding_decision_number": association.founding_decision_number,
        "founding_decision_date": "",
        "founding_decision_body": association.founding_decision_body,
        "founded_on": "",
        "founded_precision": association.founded_precision,
        "notes": association.notes,
    }
    return {**data, **changes}


def test_edit_an_associations_own_fields(login, yen_bai):
    client = login("bientap")
    association = phap(yen_bai)
    detail = text(client.get(f"/relations/associations/{association.pk}/"))
    assert (
        f'<a class="button" href="/relations/associations/{association.pk}/details/edit/">Sửa</a>' in detail
    )
    form = text(client.get(f"/relations/associations/{association.pk}/details/edit/"))
    assert 'value="Hội hữu nghị Việt - Pháp tỉnh Yên Bái"' in form and '<option value="FR" selected>' in form
    union = Organisation.objects.get(office=yen_bai, name=UNION)
    response = client.post(
        f"/relations/associations/{association.pk}/details/edit/",
        association_data(
            association,
            name_en="Vietnam–France Friendship Association of Yên Bái",
            organisation=str(union.pk),
            founding_decision_number="1234/QĐ-UBND",
            founding_decision_date="2017-08-15",
            founding_decision_body="UBND tỉnh Yên Bái",
            founded_on="2017-10-01",
            founded_precision="month",
        ),
    )
    assert (
        response.status_code == 302 and response["Location"] == f"/relations/associations/{association.pk}/"
    )
    association.refresh_from_db()
    assert (
        association.name_en,
        association.organisation,
        association.founding_decision_number,
        association.founding_decision_date,
        association.founded_on,
        association.founded_precision,
    ) == (
        "Vietnam–France Friendship Association of Yên Bái",
        union,
        "1234/QĐ-UBND",
        D(2017, 8, 15),
        D(2017, 10, 1),
        "month",
    )
    page = text(client.get(response["Location"]))
    assert "1234/QĐ-UBND, 15/08/2017, UBND tỉnh Yên Bái" in page and "<dd>10/2017</dd>" in page


@pytest.mark.parametrize(
    ("which", "change", "label", "message"),
    [
        (
            phap,
            {"founding_decision_date": "2027-02-01"},
            "Ngày quyết định thành lập",
            "Ngày 01/02/2027 ở tương lai; chỉ ghi những việc đã xảy ra.",
        ),
        (
            trung,
            {"founded_on": "2023-06-18"},
            "Ngày thành lập",
            "Hội hữu nghị Việt Nam - Trung Quốc tỉnh Yên Bái thành lập qua các bước đã ghi: quyết định và ngày "
            "thành lập lấy từ các bước đó, không sửa ở đây.",
        ),
        (phap, {"name": ""}, "Tên hội", REQUIRED),
        (phap, {"counterpart_country": "XX"}, "Nước đối tác", bad_choice("XX")),
    ],
)
def test_a_bad_association_edit_is_refused_next_to_its_field(login, yen_bai, which, change, label, message):
    association = which(yen_bai)
    before = Association.objects.filter(pk=association.pk).values().get()
    response = login("bientap").post(
        f"/relations/associations/{association.pk}/details/edit/",
        association_data(association, notes="Sửa ghi chú", **change),
    )
    assert response.status_code == 200
    assert field_errors(response) == {label: [message]}
    assert Association.objects.filter(pk=association.pk).values().get() == before


def test_a_viewer_cannot_edit_an_association(login, yen_bai):
    association = phap(yen_bai)
    client = login("xem")
    assert "details/edit/" not in text(client.get(f"/relations/associations/{association.pk}/"))
    response = client.post(
        f"/relations/associations/{association.pk}/details/edit/", association_data(association, name_en="X")
    )
    assert response.status_code == 403 and "Bạn chỉ có quyền xem" in text(response)
    association.refresh_from_db()
    assert association.name_en == ""


# --- named members ----------------------------------------------------------------------------------------


def test_add_named_members_listed_by_name_only_with_consent(login, yen_bai, student):
    client = login("bientap")
    association = phap(yen_bai)
    people_services.record_consent(student, "name_listing", D(2025, 9, 5), actor=SYSTEM)
    quiet = people_services.create_person(yen_bai, name="Trần Thị Lặng", kind="member", actor=SYSTEM)
    page = text(client.get(f"/relations/associations/{association.pk}/"))
    assert "Ghi hội viên theo tên" in page and f'<option value="{student.pk}">{STUDENT}</option>' in page
    for person in (student, quiet):
        response = client.post(
            f"/relations/associations/{association.pk}/members/named/",
            {"member-person": person.pk, "member-joined_on": "2024-01-01"},
        )
        assert response.status_code == 302
        assert messages_of(client.get(response["Location"])) == [
            f"Đã ghi hội viên {person.name}.",
        ]
    assert sorted(association.members.values_list("person__name", "joined_on", "left_on")) == [
        (STUDENT, D(2024, 1, 1), None),
        ("Trần Thị Lặng", D(2024, 1, 1), None),
    ]
    page = text(client.get(f"/relations/associations/{association.pk}/"))
    assert f'<a href="/relations/people/{student.pk}/">{STUDENT}</a> <small>(từ 01/01/2024)</small>' in page
    assert "Trần Thị Lặng</a>" not in page and "Và 1 hội viên không nêu tên." in page


@pytest.mark.parametrize(
    ("data", "label", "message"),
    [
        (
            {"member-joined_on": "2027-01-01"},
            "Ngày vào hội",
            "Ngày 01/01/2027 ở tương lai; chỉ ghi những việc đã xảy ra.",
        ),
        (
            {"member-joined_on": "2024-01-01", "member-left_on": "2023-01-01"},
            "Ngày ra hội",
            "Ngày ra hội (01/01/2023) không thể sớm hơn ngày vào hội (01/01/2024).",
        ),
        ({"member-joined_on": "2024-01-01", "twice": "1"}, "Người", f"“{STUDENT}” đã có."),
        ({"member-joined_on": ""}, "Ngày vào hội", REQUIRED),
    ],
)
def test_a_bad_member_is_refused_next_to_its_field(login, yen_bai, student, data, label, message):
    association = phap(yen_bai)
    if data.pop("twice", None):
        association_services.add_member(association, student, D(2023, 1, 1), actor=SYSTEM)
    before = list(association.members.values_list("person_id", "joined_on"))
    response = login("bientap").post(
        f"/relations/associations/{association.pk}/members/named/", {"member-person": student.pk, **data}
    )
    assert response.status_code == 400
    assert field_errors(response) == {label: [message]}
    assert list(association.members.values_list("person_id", "joined_on")) == before


def test_a_viewer_cannot_add_a_member(login, yen_bai, student):
    association = phap(yen_bai)
    client = login("xem")
    assert "Ghi hội viên theo tên" not in text(client.get(f"/relations/associations/{association.pk}/"))
    response = client.post(
        f"/relations/associations/{association.pk}/members/named/",
        {"member-person": student.pk, "member-joined_on": "2024-01-01"},
    )
    assert response.status_code == 400 and field_errors(response) == {"": [REFUSED]}
    assert not association.members.exists()


def test_record_that_a_member_left_from_the_persons_page(login, yen_bai, student):
    member = association_services.add_member(phap(yen_bai), student, D(2024, 1, 1), actor=SYSTEM)
    url = f"/relations/people/{student.pk}/memberships/{member.pk}/left/"
    viewer = login("xem")
    refused = viewer.post(url, {f"m{member.pk}-left_on": "2026-06-30"})
    assert messages_of(viewer.get(refused["Location"])) == [REFUSED]
    client = login("bientap")
    assert "Ghi ngày ra hội" in text(client.get(f"/relations/people/{student.pk}/"))
    early = client.post(url, {f"m{member.pk}-left_on": "2023-06-30"})
    assert messages_of(client.get(early["Location"])) == [
        "Ngày ra hội (30/06/2023) không thể sớm hơn ngày vào hội (01/01/2024)."
    ]
    empty = client.post(url, {})
    assert len(messages_of(client.get(empty["Location"]))) == 1
    member.refresh_from_db()
    assert member.left_on is None
    done = client.post(url, {f"m{member.pk}-left_on": "2026-06-30"})
    assert done.status_code == 302 and done["Location"] == f"/relations/people/{student.pk}/"
    page = client.get(done["Location"])
    assert messages_of(page) == ["Đã ghi ngày ra hội Hội hữu nghị Việt - Pháp tỉnh Yên Bái."]
    assert "ra hội ngày 30/06/2026" in text(page) and "Ghi ngày ra hội" not in text(page)
    member.refresh_from_db()
    assert member.left_on == D(2026, 6, 30)
    again = client.post(url, {f"m{member.pk}-left_on": "2026-07-30"})
    assert messages_of(client.get(again["Location"])) == [f"{STUDENT} đã ra hội ngày 30/06/2026."]
    other = people_services.create_person(yen_bai, name="Người khác", kind="member", actor=SYSTEM)
    assert client.post(f"/relations/people/{other.pk}/memberships/{member.pk}/left/", {}).status_code == 404


# --- an agreement's parties and fields of cooperation --------------------------------------------------------


def parties_of(agreement: Agreement) -> list[tuple[str, str]]:
    return sorted(agreement.party_rows.values_list("organisation__name", "side"))


def test_change_an_agreements_parties_and_fields(login, yen_bai):
    agreement = framework(yen_bai)
    province = Organisation.objects.get(office=yen_bai, name=PROVINCE)
    union = Organisation.objects.get(office=yen_bai, name=UNION)
    city = Organisation.objects.get(office=yen_bai, name=MIMASAKA)
    association = Organisation.objects.get(office=yen_bai, name="Hội hữu nghị Nhật - Việt Mimasaka")
    health = CooperationField.objects.get(code="y-te")
    assert parties_of(agreement) == [(MIMASAKA, "theirs"), (PROVINCE, "ours")]
    client = login("bientap")
    detail = text(client.get(f"/relations/agreements/{agreement.pk}/"))
    assert (
        f'href="/relations/agreements/{agreement.pk}/parties/edit/">Sửa các bên và lĩnh vực hợp tác<'
        in detail
    )
    form = text(client.get(f"/relations/agreements/{agreement.pk}/parties/edit/"))
    assert re.search(rf'name="ours" value="{province.pk}"[^>]*checked', form)
    assert re.search(rf'name="theirs" value="{city.pk}"[^>]*checked', form)
    assert not re.search(rf'name="theirs" value="{association.pk}"[^>]*checked', form)
    response = client.post(
        f"/relations/agreements/{agreement.pk}/parties/edit/",
        {"ours": [province.pk, union.pk], "theirs": [city.pk, association.pk], "cooperation": [health.pk]},
    )
    assert response.status_code == 302 and response["Location"] == f"/relations/agreements/{agreement.pk}/"
    assert parties_of(agreement) == [
        ("Hội hữu nghị Nhật - Việt Mimasaka", "theirs"),
        (UNION, "ours"),
        (MIMASAKA, "theirs"),
        (PROVINCE, "ours"),
    ]
    assert list(agreement.fields.values_list("code", flat=True)) == ["y-te"]
    page = client.get(response["Location"])
    assert messages_of(page) == ["Đã lưu các bên và lĩnh vực hợp tác."]
    assert f"<dd>{PROVINCE}; {UNION}</dd>" in text(page) or f"<dd>{UNION}; {PROVINCE}</dd>" in text(page)
    assert "<dt>Lĩnh vực hợp tác</dt><dd>Y tế</dd>" in text(page)
    history = text(client.get(f"/relations/agreements/{agreement.pk}/history/"))
    assert "bên ký: Hội hữu nghị Nhật - Việt Mimasaka (Bên đối tác)" in history


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # each side offers only its own kind of organisation: a wrong one is "not a valid choice"
        ({"ours": ["province"], "theirs": ["province", "city"]}, {"Các bên ký phía đối tác": "province"}),
        (
            {"ours": ["city"], "theirs": ["province"]},
            {"Các bên ký phía ta": "city", "Các bên ký phía đối tác": "province"},
        ),
        ({"ours": [], "theirs": ["city"]}, {"Các bên ký phía ta": None}),
        ({"ours": ["province"], "theirs": []}, {"Các bên ký phía đối tác": None}),
    ],
)
def test_bad_parties_are_refused_next_to_their_field(login, yen_bai, data, expected):
    agreement = framework(yen_bai)
    ids = {
        "province": Organisation.objects.get(office=yen_bai, name=PROVINCE).pk,
        "city": Organisation.objects.get(office=yen_bai, name=MIMASAKA).pk,
    }
    fields_before = sorted(agreement.fields.values_list("code", flat=True))
    response = login("bientap").post(
        f"/relations/agreements/{agreement.pk}/parties/edit/",
        {side: [ids[name] for name in names] for side, names in data.items()},
    )
    assert response.status_code == 200
    assert field_errors(response) == {
        label: [bad_choice(ids[wrong]) if wrong else REQUIRED] for label, wrong in expected.items()
    }
    assert parties_of(agreement) == [(MIMASAKA, "theirs"), (PROVINCE, "ours")]
    assert sorted(agreement.fields.values_list("code", flat=True)) == fields_before


def test_a_viewer_cannot_change_the_parties(login, yen_bai):
    agreement = framework(yen_bai)
    client = login("xem")
    assert "parties/edit/" not in text(client.get(f"/relations/agreements/{agreement.pk}/"))
    union = Organisation.objects.get(office=yen_bai, name=UNION)
    city = Organisation.objects.get(office=yen_bai, name=MIMASAKA)
    response = client.post(
        f"/relations/agreements/{agreement.pk}/parties/edit/", {"ours": [union.pk], "theirs": [city.pk]}
    )
    assert response.status_code == 403 and "Bạn chỉ có quyền xem" in text(response)
    assert parties_of(agreement) == [(MIMASAKA, "theirs"), (PROVINCE, "ours")]


# --- the pages do not query once per row ---------------------------------------------------------------------


def _more_people(office: Office, n: int, association: Association) -> Person:
    last = None
    for i in range(n):
        last = people_services.create_person(
            office, name=f"Lưu học sinh {i}", kind="foreign_student", actor=SYSTEM
        )
        people_services.record_consent(last, "name_listing", D(2025, 1, 1), actor=SYSTEM)
        association_services.add_member(association, last, D(2025, 1, 1), actor=SYSTEM)
        event = event_services.create_event(
            office, title=f"Giao lưu {i}", kind="student_activity", start_on=D(2025, 3, 1), actor=SYSTEM
        )
        event_services.add_participant(event, "participant", person=last, actor=SYSTEM)
    assert last is not None
    return last


@pytest.mark.parametrize("page", ["list", "detail", "association"])
def test_query_counts_do_not_grow_with_rows(login, yen_bai, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login("bientap")
    association = phap(yen_bai)
    person = _more_people(yen_bai, 1, association)
    url = {
        "list": "/relations/people/?q=luu+hoc+sinh",
        "detail": f"/relations/people/{person.pk}/",
        "association": f"/relations/associations/{association.pk}/",
    }[page]
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _more_people(yen_bai, 6, association)
    lao = Association.objects.get(office=yen_bai, name__contains="Việt - Lào")
    association_services.add_member(
        lao, person, D(2025, 2, 1), actor=SYSTEM
    )  # the same person in more associations
    people_services.record_consent(person, "photo_use", D(2025, 1, 1), actor=SYSTEM)
    for i in range(5):  # and more events
        event = event_services.create_event(
            yen_bai, title=f"Thêm {i}", kind="exchange", start_on=D(2025, 4, 1), actor=SYSTEM
        )
        event_services.add_participant(event, "guest", person=person, actor=SYSTEM)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), (url, len(few), len(many))


def test_an_edit_page_ends_its_trail_with_sua_and_says_it_saved(login, student):
    """relations.common.edit_page_of, which every diplomacy record's edit page uses."""
    client = login("bientap")
    page = client.get(f"/relations/people/{student.pk}/edit/").content.decode()
    assert (
        f'<a href="/relations/people/{student.pk}/">' in page
        and '<span aria-current="page">Sửa</span>' in page
    )
    response = client.post(
        f"/relations/people/{student.pk}/edit/", edit_data(student, institution="Trường mới"), follow=True
    )
    assert response.redirect_chain == [(f"/relations/people/{student.pk}/", 302)]
    assert "Đã lưu thay đổi." in response.content.decode()
