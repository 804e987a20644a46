"""The forms of annual plans (plan, task, target) and of the calendar's occasions, with the Django test client on
the demo union: each page's form, a valid post, an invalid post (the service's message next to the field, nothing
saved), a viewer (offered no form, refused by the service) and a user of another office (404)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from caunoi.core.models import Office
from caunoi.relations.demo import MIMASAKA
from caunoi.relations.models import (
    AnnualPlan,
    Association,
    DocumentRef,
    EventKind,
    Occasion,
    OccasionDate,
    Partnership,
    PlanTask,
    TaskTarget,
)

pytestmark = pytest.mark.django_db
PLAN_TITLE = "Định hướng công tác đối ngoại nhân dân năm 2023"
CONGRESS_TASK = "Hoàn thành tổ chức Đại hội các Hội hữu nghị"
TIES_TASK = "Củng cố, tăng cường quan hệ hợp tác"
LAOS = "Ngày thiết lập quan hệ ngoại giao Việt Nam - Lào"
FRANCE = "Ngày thiết lập quan hệ ngoại giao Việt Nam - Pháp"
LAO_NATIONAL_DAY = "Quốc khánh nước CHDCND Lào"
NO_RIGHTS = "Bạn chỉ có quyền xem"
REFUSED = "Bạn không có quyền “nhập, sửa dữ liệu” trong cơ quan yen-bai."


def text(response: Any) -> str:
    return response.content.decode()


def errors(response: Any) -> dict[str, list[str]]:
    return {name: list(messages) for name, messages in response.context["form"].errors.items()}


def messages_after(client: Any, response: Any) -> list[str]:
    """The messages shown on the page a post redirected to."""
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    return [str(m) for m in page.context["messages"]]


def demo_plan(office: Office) -> AnnualPlan:
    return AnnualPlan.objects.get(office=office, year=2023, title=PLAN_TITLE)


def task_of(office: Office, start: str) -> PlanTask:
    return demo_plan(office).tasks.get(title__startswith=start)


def document(office: Office, number: str) -> DocumentRef:
    return DocumentRef.objects.get(office=office, number=number)


def mimasaka(office: Office) -> Partnership:
    return Partnership.objects.get(office=office, organisation__name=MIMASAKA)


def occasion(office: Office, title: str) -> Occasion:
    return Occasion.objects.get(office=office, title=title)


def plan_post(**changes: Any) -> dict[str, Any]:
    data = {
        "office": "yen-bai",
        "year": "2027",
        "title": "Kế hoạch công tác đối ngoại nhân dân năm 2027",
        "adopted_on": "2026-11-20",
        "notes": "Theo định hướng năm 2027.",
        "doc_kind": "plan",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def target_post(**changes: Any) -> dict[str, Any]:
    data = {"description": "Hai đoàn vào của Mimasaka", "kind": "event", "count": "2"}
    data.update(changes)
    return data


def occasion_post(**changes: Any) -> dict[str, Any]:
    data = {
        "office": "yen-bai",
        "kind": "national_day",
        "title": "Quốc khánh Nhật Bản (thử)",
        "country": "JP",
        "recurrence": "yearly",
        "day": "11",
        "month": "2",
        "duration_days": "1",
        "source_url": "https://example.org/nhat-ban",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


# --- annual plans ---------------------------------------------------------------------------------------------


def test_create_a_plan_implementing_a_listed_and_a_new_document(login, yen_bai):
    client = login("bientap")
    directive, plan78 = document(yen_bai, "12-CT/TW"), document(yen_bai, "78-KH/TU")
    form = client.get("/relations/plans/new/")
    assert form.status_code == 200 and NO_RIGHTS not in text(form)
    page = text(form)
    assert "Chỉ thị số 12-CT/TW — 05/01/2022 — Ban Bí thư Trung ương Đảng" in page
    assert 'name="doc_number"' in page and 'value="2026"' in page  # the year defaults to this year
    response = client.post(
        "/relations/plans/new/",
        plan_post(
            implements=[directive.pk],
            doc_number="15-KH/LHHN",
            doc_issued_on="2026-11-20",
            doc_issuer="Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái",
            doc_title="Triển khai Kế hoạch số 78-KH/TU năm 2027",
            doc_implements=plan78.pk,
        ),
    )
    plan = AnnualPlan.objects.get(office=yen_bai, year=2027)
    assert response["Location"] == f"/relations/plans/{plan.pk}/"
    assert (plan.title, plan.adopted_on, plan.notes) == (
        "Kế hoạch công tác đối ngoại nhân dân năm 2027",
        dt.date(2026, 11, 20),
        "Theo định hướng năm 2027.",
    )
    new = document(yen_bai, "15-KH/LHHN")
    assert (new.kind, new.issued_on, new.implements) == ("plan", dt.date(2026, 11, 20), plan78)
    assert sorted(plan.implements.values_list("number", flat=True)) == ["12-CT/TW", "15-KH/LHHN"]
    assert plan.history.first().history_user.username == "bientap"
    assert messages_after(client, response) == [f"Đã ghi kế hoạch “{plan.title}”."]
    detail = text(client.get(response["Location"]))
    assert "Kế hoạch số 15-KH/LHHN (Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái, 20/11/2026)" in detail
    assert "Kế hoạch chưa có nhiệm vụ nào." in detail
    assert f'href="/relations/plans/{plan.pk}/tasks/new/"' in detail
    assert plan.title in text(client.get("/relations/plans/"))


def test_the_plan_form_shows_the_rule_broken_and_saves_nothing(login, yen_bai):
    client = login("bientap")
    directive = document(yen_bai, "12-CT/TW")
    counts = (AnnualPlan.objects.count(), DocumentRef.objects.count())
    cases = [
        (plan_post(year="2023", title=PLAN_TITLE), {"title": [f"“{PLAN_TITLE}” đã có."]}),
        (plan_post(year="1800"), {"year": ["Năm 1800 không hợp lệ."]}),
        (
            plan_post(
                doc_number="1-KH/LHHN",
                doc_issued_on="2021-01-01",
                doc_issuer="Liên hiệp",
                doc_title="Kế hoạch",
                doc_implements=directive.pk,
            ),
            {
                "doc_issued_on": [
                    "Ngày ban hành (01/01/2021) không thể sớm hơn Ngày ban hành văn bản được thực hiện (05/01/2022)."
                ]
            },
        ),
        (
            plan_post(doc_number="78-KH/TU", doc_issued_on="2022-04-29", doc_issuer="Tỉnh ủy", doc_title="X"),
            {"doc_number": ["“78-KH/TU” đã có."]},
        ),
        (
            plan_post(
                doc_number="2-KH/LHHN", doc_issued_on="2026-01-05", doc_issuer="Liên hiệp", doc_title=""
            ),
            {"doc_title": ["Chưa nhập trích yếu."]},
        ),
        (plan_post(doc_number="2-KH/LHHN"), {"doc_issued_on": ["Văn bản mới cần ngày ban hành."]}),
        (plan_post(doc_issuer="Tỉnh ủy"), {"doc_number": ["Văn bản mới cần số, ký hiệu."]}),
        # the new document is valid, the plan is not: neither is saved
        (
            plan_post(
                year="2023",
                title=PLAN_TITLE,
                doc_number="3-KH/LHHN",
                doc_issued_on="2023-01-05",
                doc_issuer="Liên hiệp",
                doc_title="Kế hoạch",
            ),
            {"title": [f"“{PLAN_TITLE}” đã có."]},
        ),
    ]
    for data, expected in cases:
        response = client.post("/relations/plans/new/", data)
        assert response.status_code == 200, data
        assert errors(response) == expected
        assert 'class="error"' in text(response)
    assert (AnnualPlan.objects.count(), DocumentRef.objects.count()) == counts


def test_a_viewer_and_another_office_cannot_create_a_plan(login, yen_bai, stranger):
    count = AnnualPlan.objects.count()
    viewer = login("xem")
    assert NO_RIGHTS in text(viewer.get("/relations/plans/new/"))
    assert "Thêm kế hoạch năm" not in text(viewer.get("/relations/plans/"))
    refused = viewer.post("/relations/plans/new/", plan_post())
    assert refused.status_code == 403 and NO_RIGHTS in text(refused)
    other = login("khac")
    assert "Thêm kế hoạch năm" in text(other.get("/relations/plans/"))
    borrowed = other.post(
        "/relations/plans/new/", plan_post(office="tinh-khac", implements=[document(yen_bai, "12-CT/TW").pk])
    )
    assert list(errors(borrowed)) == ["implements"]
    into_yen_bai = other.post("/relations/plans/new/", plan_post())
    assert list(errors(into_yen_bai)) == ["office"]
    assert AnnualPlan.objects.count() == count


def test_edit_a_plan_moves_its_year_and_documents(login, yen_bai):
    client = login("bientap")
    plan = demo_plan(yen_bai)
    plan78 = document(yen_bai, "78-KH/TU")
    form = text(client.get(f"/relations/plans/{plan.pk}/edit/"))
    assert f'value="{PLAN_TITLE}"' in form and 'value="2023"' in form
    assert form.count(" checked") == 2  # both documents the plan implements are ticked
    response = client.post(
        f"/relations/plans/{plan.pk}/edit/",
        {"year": "2024", "title": "Định hướng năm 2024", "implements": [plan78.pk], "notes": "Đã sửa."},
    )
    assert response["Location"] == f"/relations/plans/{plan.pk}/"
    assert messages_after(client, response) == ["Đã lưu thay đổi."]
    plan.refresh_from_db()
    assert (plan.year, plan.title, plan.notes) == (2024, "Định hướng năm 2024", "Đã sửa.")
    assert list(plan.implements.all()) == [plan78]
    windows = set(TaskTarget.objects.filter(task__plan=plan).values_list("window_start", "window_end"))
    assert windows == {(dt.date(2024, 1, 1), dt.date(2024, 12, 31))}

    bad = client.post(f"/relations/plans/{plan.pk}/edit/", {"year": "1800", "title": "X"})
    assert bad.status_code == 200 and errors(bad) == {"year": ["Năm 1800 không hợp lệ."]}
    plan.refresh_from_db()
    assert (plan.year, plan.title) == (2024, "Định hướng năm 2024")


def test_archive_a_plan_then_restore_it(login, yen_bai):
    plan = demo_plan(yen_bai)
    editor = login("bientap")
    assert CONGRESS_TASK in text(editor.get("/relations/"))  # an open task of the plan, on the overview
    response = editor.post(f"/relations/plans/{plan.pk}/archive/")
    assert messages_after(editor, response) == [f"Đã lưu trữ “{PLAN_TITLE}”."]
    plan.refresh_from_db()
    assert plan.archived_at is not None
    assert PLAN_TITLE not in text(editor.get("/relations/plans/"))
    assert CONGRESS_TASK not in text(editor.get("/relations/"))
    listed = text(editor.get("/relations/plans/", {"archived": "1"}))
    assert PLAN_TITLE in listed and "đã lưu trữ" in listed
    detail = text(editor.get(f"/relations/plans/{plan.pk}/"))
    assert (
        "Bản ghi này đã lưu trữ" in detail
        and "Thêm nhiệm vụ" not in detail
        and "Gắn minh chứng" not in detail
    )
    task = task_of(yen_bai, TIES_TASK)
    frozen = editor.post(f"/relations/tasks/{task.pk}/edit/", {"title": "Sửa khi đã lưu trữ"})
    assert errors(frozen) == {
        "__all__": [f"“{PLAN_TITLE}” đã lưu trữ; hãy khôi phục trước khi sửa hoặc liên kết."]
    }
    refused = editor.post(f"/relations/plans/{plan.pk}/restore/")
    assert messages_after(editor, refused) == ["Bạn không có quyền “khôi phục” trong cơ quan yen-bai."]
    restored = login("quantri").post(f"/relations/plans/{plan.pk}/restore/")
    assert restored.status_code == 302
    plan.refresh_from_db()
    assert plan.archived_at is None
    assert editor.post(f"/relations/plans/{plan.pk}/nonsense/").status_code == 404
    assert editor.get(f"/relations/plans/{plan.pk}/archive/").status_code == 405


# --- tasks ----------------------------------------------------------------------------------------------------


def test_add_and_edit_a_task(login, yen_bai):
    client = login("bientap")
    plan = demo_plan(yen_bai)
    assert plan.tasks.count() == 6
    form = client.get(f"/relations/plans/{plan.pk}/tasks/new/")
    assert form.status_code == 200 and 'name="owner"' in text(form)
    bad = client.post(f"/relations/plans/{plan.pk}/tasks/new/", {"title": "Nhiệm vụ", "order": "0"})
    assert bad.status_code == 200 and errors(bad) == {"order": ["Thứ tự không thể âm hoặc bằng 0."]}
    assert plan.tasks.count() == 6
    response = client.post(
        f"/relations/plans/{plan.pk}/tasks/new/",
        {"title": "Tổ chức gặp mặt lưu học sinh Lào", "owner": "Văn phòng Liên hiệp", "due_on": "2023-09-30"},
    )
    task = plan.tasks.get(title="Tổ chức gặp mặt lưu học sinh Lào")
    assert response["Location"] == f"/relations/plans/{plan.pk}/#task-{task.pk}"
    assert (task.owner, task.due_on, task.order) == ("Văn phòng Liên hiệp", dt.date(2023, 9, 30), 7)
    assert messages_after(client, response) == ["Đã thêm nhiệm vụ “Tổ chức gặp mặt lưu học sinh Lào”."]

    edit = text(client.get(f"/relations/tasks/{task.pk}/edit/"))
    assert 'value="Văn phòng Liên hiệp"' in edit and 'value="2023-09-30"' in edit
    bad = client.post(f"/relations/tasks/{task.pk}/edit/", {"title": "  ", "order": "-3"})
    assert errors(bad) == {"title": ["Trường này là bắt buộc."]}
    bad = client.post(f"/relations/tasks/{task.pk}/edit/", {"title": "Gặp mặt", "order": "-3"})
    assert errors(bad) == {"order": ["Thứ tự không thể âm hoặc bằng 0."]}
    changed = client.post(
        f"/relations/tasks/{task.pk}/edit/", {"title": "Gặp mặt lưu học sinh Lào", "owner": "", "order": "2"}
    )
    assert changed["Location"] == f"/relations/plans/{plan.pk}/#task-{task.pk}"
    task.refresh_from_db()
    assert (task.title, task.owner, task.due_on, task.order) == ("Gặp mặt lưu học sinh Lào", "", None, 2)


def test_cancel_and_reopen_a_task(login, yen_bai):
    client = login("bientap")
    task = task_of(yen_bai, "Đổi mới thông tin đối ngoại")
    form = text(client.get(f"/relations/tasks/{task.pk}/cancel/"))
    assert 'value="2026-11-27"' in form and 'name="reason"' in form
    future = client.post(f"/relations/tasks/{task.pk}/cancel/", {"reason": "Gộp", "on": "2026-12-01"})
    assert errors(future) == {"on": ["Ngày 01/12/2026 ở tương lai; chỉ ghi những việc đã xảy ra."]}
    task.refresh_from_db()
    assert task.cancelled_on is None
    response = client.post(
        f"/relations/tasks/{task.pk}/cancel/", {"reason": "Gộp vào nhiệm vụ thông tin", "on": "2023-10-02"}
    )
    assert messages_after(client, response) == [f"Đã hủy nhiệm vụ “{task.title}”."]
    task.refresh_from_db()
    assert (task.cancelled_on, task.cancel_reason) == (dt.date(2023, 10, 2), "Gộp vào nhiệm vụ thông tin")
    page = text(client.get(f"/relations/plans/{task.plan_id}/"))
    assert "Hủy ngày 02/10/2023: Gộp vào nhiệm vụ thông tin" in page and "Bỏ hủy nhiệm vụ" in page
    twice = client.post(f"/relations/tasks/{task.pk}/cancel/", {"reason": "Lần nữa", "on": "2023-10-03"})
    assert errors(twice) == {"__all__": [f"Nhiệm vụ “{task.title}” đã hủy ngày 02/10/2023."]}

    reopened = client.post(f"/relations/tasks/{task.pk}/reopen/")
    assert messages_after(client, reopened) == [f"Đã khôi phục nhiệm vụ “{task.title}”."]
    task.refresh_from_db()
    assert (task.cancelled_on, task.cancel_reason) == (None, "")
    again = client.post(f"/relations/tasks/{task.pk}/reopen/")
    assert messages_after(client, again) == [f"Nhiệm vụ “{task.title}” chưa bị hủy."]
    assert client.get(f"/relations/tasks/{task.pk}/reopen/").status_code == 405


# --- targets --------------------------------------------------------------------------------------------------


def test_add_a_target_with_what_its_kind_needs(login, yen_bai):
    client = login("bientap")
    task = task_of(yen_bai, TIES_TASK)
    partnership = mimasaka(yen_bai)
    before = task.targets.count()
    form = text(client.get(f"/relations/tasks/{task.pk}/targets/new/?kind=congress_held"))
    assert 'value="congress_held" selected' in form
    assert "Hội hữu nghị Việt - Pháp tỉnh Yên Bái" in form and MIMASAKA in form
    phap = Association.objects.get(office=yen_bai, name__contains="Việt - Pháp")
    cases = [
        (
            target_post(kind="congress_held"),
            {"association": ["Chỉ tiêu tổ chức đại hội cần chọn hội hữu nghị."]},
        ),
        (
            target_post(association=phap.pk),
            {"association": ["Hội hữu nghị không dùng cho chỉ tiêu loại “Tổ chức hoạt động”; hãy để trống."]},
        ),
        (
            target_post(kind="aid_item_approved", partnership=partnership.pk),
            {
                "partnership": [
                    "Đối tác không dùng cho chỉ tiêu loại “Khoản viện trợ được phê duyệt”; hãy để trống."
                ]
            },
        ),
        (target_post(count="0"), {"count": ["Số lượng cần đạt không thể âm hoặc bằng 0."]}),
        (
            target_post(window_start="2023-06-01", window_end="2023-05-01"),
            {"window_end": ["Cuối kỳ tính (01/05/2023) không thể sớm hơn Đầu kỳ tính (01/06/2023)."]},
        ),
    ]
    for data, expected in cases:
        response = client.post(f"/relations/tasks/{task.pk}/targets/new/", data)
        assert response.status_code == 200 and errors(response) == expected, data
    assert task.targets.count() == before

    response = client.post(
        f"/relations/tasks/{task.pk}/targets/new/",
        target_post(partnership=partnership.pk, event_kind="incoming_delegation"),
    )
    target = task.targets.get(description="Hai đoàn vào của Mimasaka")
    assert response["Location"] == f"/relations/plans/{task.plan_id}/#task-{task.pk}"
    assert (target.kind, target.count, target.partnership, target.event_kind, target.association) == (
        "event",
        2,
        partnership,
        "incoming_delegation",
        None,
    )
    assert (target.window_start, target.window_end) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert messages_after(client, response) == ["Đã thêm chỉ tiêu “Hai đoàn vào của Mimasaka”."]
    page = text(client.get(f"/relations/plans/{task.plan_id}/"))
    assert f"Đối tác: {MIMASAKA} · Loại hoạt động: {EventKind.INCOMING_DELEGATION.label}" in page
    assert "cần 2" in page


def test_edit_a_target_keeps_its_evidence_suitable(login, yen_bai):
    client = login("bientap")
    task = task_of(yen_bai, CONGRESS_TASK)
    phap = Association.objects.get(office=yen_bai, name__contains="Việt - Pháp")
    lao = Association.objects.get(office=yen_bai, name__contains="Việt - Lào")
    target = task.targets.get(association=phap)
    linked = target.evidence.get()
    form = text(client.get(f"/relations/targets/{target.pk}/edit/"))
    assert f'<option value="{phap.pk}" selected>' in form and 'value="2023-12-31"' in form
    base = {
        "description": target.description,
        "kind": "congress_held",
        "count": "1",
        "window_start": "2023-01-01",
        "window_end": "2023-12-31",
    }
    bad = client.post(f"/relations/targets/{target.pk}/edit/", {**base, "association": lao.pk})
    assert errors(bad) == {
        "__all__": [
            f"Minh chứng đã gắn “{linked}” sẽ không còn phù hợp với chỉ tiêu sau khi sửa; hãy bỏ minh chứng đó "
            "trước."
        ]
    }
    target.refresh_from_db()
    assert target.association == phap
    response = client.post(
        f"/relations/targets/{target.pk}/edit/",
        {
            **base,
            "association": phap.pk,
            "description": "Đại hội nhiệm kỳ II Hội Việt - Pháp",
            "window_end": "2024-03-31",
        },
    )
    assert response["Location"] == f"/relations/plans/{task.plan_id}/#task-{task.pk}"
    target.refresh_from_db()
    assert (target.description, target.window_end) == (
        "Đại hội nhiệm kỳ II Hội Việt - Pháp",
        dt.date(2024, 3, 31),
    )
    assert "Tính từ 01/01/2023 đến 31/03/2024" in text(client.get(f"/relations/plans/{task.plan_id}/"))


def test_remove_a_target_only_once_its_evidence_is_unlinked(login, yen_bai):
    client = login("bientap")
    task = task_of(yen_bai, CONGRESS_TASK)
    target = task.targets.first()
    linked = target.evidence.count()
    assert linked == 1
    confirm = text(client.get(f"/relations/targets/{target.pk}/remove/"))
    assert "Chỉ tiêu này đang gắn 1 minh chứng" in confirm and 'type="submit"' in confirm
    refused = client.post(f"/relations/targets/{target.pk}/remove/")
    assert refused["Location"] == f"/relations/plans/{task.plan_id}/#task-{task.pk}"
    assert messages_after(client, refused) == [
        f"Chỉ tiêu “{target.description}” đã gắn 1 minh chứng; hãy bỏ các minh chứng trước khi xóa chỉ tiêu."
    ]
    assert TaskTarget.objects.filter(pk=target.pk).exists()
    unlinked = client.post(f"/relations/evidence/{target.evidence.get().pk}/unlink/")
    assert messages_after(client, unlinked) == ["Đã bỏ minh chứng."]
    removed = client.post(f"/relations/targets/{target.pk}/remove/")
    assert messages_after(client, removed) == [f"Đã xóa chỉ tiêu “{target.description}”."]
    assert not TaskTarget.objects.filter(pk=target.pk).exists()
    history = text(client.get(f"/relations/plans/{task.plan_id}/history/"))
    assert "bientap" in history and "xóa" in history


def test_the_target_messages_follow_the_interface_language(login, yen_bai):
    client = login("bientap")
    client.post("/language/", {"language": "en", "next": "/relations/"})
    task = task_of(yen_bai, TIES_TASK)
    phap = Association.objects.get(office=yen_bai, name__contains="Việt - Pháp")
    response = client.post(f"/relations/tasks/{task.pk}/targets/new/", target_post(association=phap.pk))
    assert errors(response) == {
        "association": [
            "The association does not apply to a target of kind “Hold an activity”; leave it empty."
        ]
    }


# --- who may do what ------------------------------------------------------------------------------------------


def plan_urls(office: Office) -> dict[str, str]:
    plan = demo_plan(office)
    task = task_of(office, CONGRESS_TASK)
    target = task.targets.first()
    return {
        "plan-edit": f"/relations/plans/{plan.pk}/edit/",
        "task-create": f"/relations/plans/{plan.pk}/tasks/new/",
        "task-edit": f"/relations/tasks/{task.pk}/edit/",
        "task-cancel": f"/relations/tasks/{task.pk}/cancel/",
        "target-create": f"/relations/tasks/{task.pk}/targets/new/",
        "target-edit": f"/relations/targets/{target.pk}/edit/",
        "target-remove": f"/relations/targets/{target.pk}/remove/",
    }


def occasion_urls(office: Office) -> dict[str, str]:
    laos, china = occasion(office, LAOS), Occasion.objects.get(office=office, recurrence="per_year_dates")
    return {
        "occasion-detail": f"/relations/occasions/{laos.pk}/",
        "occasion-edit": f"/relations/occasions/{laos.pk}/edit/",
        "occasion-history": f"/relations/occasions/{laos.pk}/history/",
        "occasion-lunar": f"/relations/occasions/{china.pk}/",
    }


@pytest.mark.parametrize("username", ["bientap", "xem", "toanquoc", "quantri"])
def test_every_new_page_renders_for_each_role(login, yen_bai, username):
    client = login(username)
    urls = [
        "/relations/plans/new/",
        "/relations/plans/?archived=1",
        "/relations/occasions/",
        "/relations/occasions/?archived=1",
        "/relations/occasions/new/",
        *plan_urls(yen_bai).values(),
        *occasion_urls(yen_bai).values(),
    ]
    read_only = username in ("xem", "toanquoc")
    for url in urls:
        response = client.get(url)
        # Create and edit forms refuse viewers outright (403); cancel and remove pages say "view only".
        refused = read_only and url.endswith(("/new/", "/edit/"))
        assert response.status_code == (403 if refused else 200), (username, url)
        offers_no_form = read_only and url.endswith(("/new/", "/edit/", "/cancel/", "/remove/"))
        assert (NO_RIGHTS in text(response)) == offers_no_form, (username, url)


def test_a_viewer_is_refused_by_the_services(login, yen_bai):
    client = login("xem")
    plan = demo_plan(yen_bai)
    task = task_of(yen_bai, CONGRESS_TASK)
    target = task.targets.first()
    urls = plan_urls(yen_bai)
    posts = {
        "plan-edit": {"year": "2023", "title": "Sửa"},
        "task-create": {"title": "Thêm"},
        "task-edit": {"title": "Sửa"},
        "task-cancel": {"reason": "Bỏ", "on": "2023-10-01"},
        "target-create": target_post(kind="other"),
        "target-edit": {
            "description": "Sửa",
            "kind": "congress_held",
            "count": "1",
            "association": target.association_id,
        },
    }
    counts = (AnnualPlan.objects.count(), PlanTask.objects.count(), TaskTarget.objects.count())
    for name, data in posts.items():
        response = client.post(urls[name], data)
        if name.endswith(("-create", "-edit")):  # form pages refuse viewers before any service is called
            assert response.status_code == 403 and NO_RIGHTS in text(response), name
        else:
            assert response.status_code == 200 and errors(response) == {"__all__": [REFUSED]}, name
    for url in (urls["target-remove"], f"/relations/tasks/{task.pk}/reopen/"):
        assert messages_after(client, client.post(url)) == [REFUSED], url
    archive = client.post(f"/relations/plans/{plan.pk}/archive/")
    assert messages_after(client, archive) == ["Bạn không có quyền “lưu trữ” trong cơ quan yen-bai."]
    assert (AnnualPlan.objects.count(), PlanTask.objects.count(), TaskTarget.objects.count()) == counts
    plan.refresh_from_db()
    task.refresh_from_db()
    target.refresh_from_db()
    assert (plan.title, plan.archived_at, task.title, task.cancelled_on) == (
        PLAN_TITLE,
        None,
        "Hoàn thành tổ chức Đại hội các Hội hữu nghị Việt - Pháp, Việt - Lào, Việt - Trung",
        None,
    )
    assert target.description != "Sửa"
    page = text(client.get(f"/relations/plans/{plan.pk}/"))
    assert "Thêm nhiệm vụ" not in page and "Sửa nhiệm vụ" not in page and "Xóa chỉ tiêu" not in page


def test_every_url_of_another_office_is_404(login, yen_bai, stranger):
    client = login("khac")
    plan = demo_plan(yen_bai)
    task = task_of(yen_bai, CONGRESS_TASK)
    laos = occasion(yen_bai, LAOS)
    china = Occasion.objects.get(office=yen_bai, recurrence="per_year_dates")
    row = china.dates.first()
    urls = [*plan_urls(yen_bai).values(), *occasion_urls(yen_bai).values()]
    for url in urls:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url
    for url in (
        f"/relations/plans/{plan.pk}/archive/",
        f"/relations/plans/{plan.pk}/restore/",
        f"/relations/tasks/{task.pk}/reopen/",
        f"/relations/occasions/{laos.pk}/archive/",
        f"/relations/occasions/{china.pk}/dates/",
        f"/relations/occasion-dates/{row.pk}/remove/",
    ):
        assert client.post(url).status_code == 404, url
    assert LAOS not in text(client.get("/relations/occasions/"))
    assert PLAN_TITLE not in text(client.get("/relations/plans/?archived=1"))


# --- calendar occasions ---------------------------------------------------------------------------------------


def test_the_calendar_leads_to_the_occasions(login, yen_bai):
    client = login("bientap")
    calendar = text(client.get("/relations/calendar/"))
    assert 'href="/relations/occasions/"' in calendar and 'href="/relations/occasions/new/"' in calendar
    national = occasion(yen_bai, LAO_NATIONAL_DAY)  # 2 December: in this month's grid and coming up
    # 2 December: in the last row of November's grid, and among the anniversaries coming up
    assert calendar.count(f'href="/relations/occasions/{national.pk}/"') == 2
    listed = text(client.get("/relations/occasions/"))
    assert len(set(re.findall(r'href="/relations/occasions/(\d+)/"', listed))) == 11  # the seeded occasions
    assert "<td>05/09</td>" in listed and "<td>17/02/2026, 06/02/2027</td>" in listed
    viewer = text(login("xem").get("/relations/calendar/"))
    assert (
        'href="/relations/occasions/new/"' not in viewer
        and f'href="/relations/occasions/{national.pk}/"' in viewer
    )
    # Lào Cai succeeded Yên Bái: its staff read (and open) Yên Bái's occasions.
    inherited = text(login("laocai").get("/relations/calendar/"))
    assert LAO_NATIONAL_DAY in inherited and f"/relations/occasions/{national.pk}/" in inherited


def test_create_an_occasion(login, yen_bai):
    client = login("bientap")
    form = client.get("/relations/occasions/new/")
    assert form.status_code == 200 and '<option value="JP">' in text(form)
    count = Occasion.objects.count()
    cases = [
        (
            occasion_post(recurrence="round"),
            {
                "origin_year": [
                    "Kỷ niệm tròn năm cần năm gốc (vd. 1962 với quan hệ Việt Nam - Lào) để tính số năm."
                ]
            },
        ),
        (occasion_post(day="30"), {"day": ["Ngày 30/2 không có thật."]}),
        (occasion_post(origin_year="2030"), {"origin_year": ["Năm 2030 không hợp lệ."]}),
        (occasion_post(title=LAOS), {"title": [f"“{LAOS}” đã có."]}),
        (occasion_post(day=None, month=None), {"day": ["Dịp kỷ niệm theo dương lịch cần ngày và tháng."]}),
    ]
    for data, expected in cases:
        response = client.post("/relations/occasions/new/", data)
        assert response.status_code == 200 and errors(response) == expected, data
    assert Occasion.objects.count() == count
    response = client.post("/relations/occasions/new/", occasion_post(title_en="Japan Day", origin_year=""))
    created = occasion(yen_bai, "Quốc khánh Nhật Bản (thử)")
    assert response["Location"] == f"/relations/occasions/{created.pk}/"
    assert (
        created.kind,
        created.country,
        created.day,
        created.month,
        created.origin_year,
        created.title_en,
    ) == (
        "national_day",
        "JP",
        11,
        2,
        None,
        "Japan Day",
    )
    assert messages_after(client, response) == ["Đã ghi dịp kỷ niệm “Quốc khánh Nhật Bản (thử)”."]
    detail = text(client.get(response["Location"]))
    assert '<dd id="occasion-when">11/02</dd>' in detail
    viewer = login("xem")
    assert NO_RIGHTS in text(viewer.get("/relations/occasions/new/"))
    viewer.post("/relations/occasions/new/", occasion_post(title="Của người xem"))
    assert not Occasion.objects.filter(title="Của người xem").exists()


def test_edit_an_occasion(login, yen_bai):
    client = login("bientap")
    laos = occasion(yen_bai, LAOS)
    form = text(client.get(f"/relations/occasions/{laos.pk}/edit/"))
    assert f'value="{LAOS}"' in form and 'value="1962"' in form
    data = {
        "kind": "diplomatic_relations",
        "title": LAOS,
        "country": "LA",
        "recurrence": "round",
        "day": "5",
        "month": "9",
        "origin_year": "1962",
        "duration_days": "1",
        "source_note": "Đã đối chiếu với Bộ Ngoại giao.",
        "title_en": laos.title_en,
        "source_url": laos.source_url,
    }
    before = (laos.title_en, laos.source_url)
    bad = client.post(f"/relations/occasions/{laos.pk}/edit/", {**data, "title": FRANCE})
    assert errors(bad) == {"title": [f"“{FRANCE}” đã có."]}
    response = client.post(f"/relations/occasions/{laos.pk}/edit/", data)
    assert messages_after(client, response) == ["Đã lưu thay đổi."]
    laos.refresh_from_db()
    assert (laos.source_note, laos.title_en, laos.source_url) == ("Đã đối chiếu với Bộ Ngoại giao.", *before)
    viewer = login("xem")
    assert NO_RIGHTS in text(viewer.get(f"/relations/occasions/{laos.pk}/edit/"))
    refused = viewer.post(f"/relations/occasions/{laos.pk}/edit/", {**data, "source_note": "Người xem sửa"})
    assert refused.status_code == 403 and NO_RIGHTS in text(refused)
    laos.refresh_from_db()
    assert laos.source_note == "Đã đối chiếu với Bộ Ngoại giao."
    history = text(client.get(f"/relations/occasions/{laos.pk}/history/"))
    assert "bientap" in history and "Đã đối chiếu với Bộ Ngoại giao." in history


def test_record_and_remove_a_lunar_date(login, yen_bai):
    client = login("bientap")
    china = Occasion.objects.get(office=yen_bai, recurrence="per_year_dates")
    page = text(client.get(f"/relations/occasions/{china.pk}/"))
    assert "Ghi ngày của một năm" in page and 'value="2027"' in page
    bad = client.post(f"/relations/occasions/{china.pk}/dates/", {"year": "2028", "on": "2027-01-26"})
    assert bad.status_code == 400 and "Ngày 26/01/2027 không thuộc năm 2028." in text(bad)
    assert not china.dates.filter(year=2028).exists()
    response = client.post(
        f"/relations/occasions/{china.pk}/dates/",
        {"year": "2028", "on": "2028-01-26", "source_url": "https://example.org/am-lich"},
    )
    assert messages_after(client, response) == ["Đã ghi ngày 26/01/2028 cho năm 2028."]
    row = china.dates.get(year=2028)
    assert (row.on, row.source_url) == (dt.date(2028, 1, 26), "https://example.org/am-lich")
    removed = client.post(f"/relations/occasion-dates/{row.pk}/remove/")
    assert messages_after(client, removed) == ["Đã xóa ngày của năm 2028."]
    assert not OccasionDate.objects.filter(pk=row.pk).exists()
    laos = occasion(yen_bai, LAOS)
    assert "Ghi ngày của một năm" not in text(client.get(f"/relations/occasions/{laos.pk}/"))
    fixed = client.post(f"/relations/occasions/{laos.pk}/dates/", {"year": "2027", "on": "2027-09-05"})
    assert fixed.status_code == 400
    assert f"“{LAOS}” có ngày cố định hằng năm; chỉ dịp theo âm lịch mới ghi ngày cho từng năm." in text(
        fixed
    )
    viewer = login("xem")
    assert "Ghi ngày của một năm" not in text(viewer.get(f"/relations/occasions/{china.pk}/"))
    refused = viewer.post(f"/relations/occasions/{china.pk}/dates/", {"year": "2029", "on": "2029-02-13"})
    assert refused.status_code == 400 and REFUSED in text(refused)
    first = china.dates.order_by("year").first()
    assert messages_after(viewer, viewer.post(f"/relations/occasion-dates/{first.pk}/remove/")) == [REFUSED]
    assert sorted(china.dates.values_list("year", flat=True)) == [2023, 2024, 2025, 2026, 2027]


def test_archive_an_occasion_then_restore_it(login, yen_bai):
    client = login("bientap")
    national = occasion(yen_bai, LAO_NATIONAL_DAY)
    response = client.post(f"/relations/occasions/{national.pk}/archive/")
    assert messages_after(client, response) == [f"Đã lưu trữ “{LAO_NATIONAL_DAY}”."]
    assert LAO_NATIONAL_DAY not in text(client.get("/relations/calendar/"))
    assert LAO_NATIONAL_DAY not in text(client.get("/relations/occasions/"))
    assert LAO_NATIONAL_DAY in text(client.get("/relations/occasions/", {"archived": "1"}))
    refused = client.post(f"/relations/occasions/{national.pk}/restore/")
    assert messages_after(client, refused) == ["Bạn không có quyền “khôi phục” trong cơ quan yen-bai."]
    login("quantri").post(f"/relations/occasions/{national.pk}/restore/")
    national.refresh_from_db()
    assert national.archived_at is None
    assert LAO_NATIONAL_DAY in text(client.get("/relations/calendar/"))
    assert client.post(f"/relations/occasions/{national.pk}/nonsense/").status_code == 404
