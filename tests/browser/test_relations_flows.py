"""The people's-diplomacy flows of issue 4, item 9, in Debian's chromium against the production server
(tests/browser/conftest.py): record an incoming delegation linked to an agreement, see the expired-agreement
alert, plan a congress and see the plan task complete, create a plan with a task and a target through the forms;
and every page at desktop and phone widths.

Every page visited is screenshotted and its console checked: no error, no CSP violation, no script error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from .conftest import UI

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
FRAMEWORK = "Thỏa thuận khung về triển khai các hoạt động hợp tác"
DELEGATION = "Đón đoàn thành phố Mimasaka sang làm việc về gia hạn thỏa thuận"
EVENT_URL = re.compile(r".*/relations/events/(\d+)/$")


def today() -> dt.date:
    return dt.date.today()  # the server's clock is real


def field(scope: Any, label: str) -> Any:
    """A form field by its label; a required field's label ends with an aria-hidden "*"."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def submit(page: Any, scope: Any, label: str) -> None:
    with page.expect_navigation():
        scope.get_by_role("button", name=label, exact=True).click()


def no_sideways_scroll(page: Any) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} scrolls sideways ({width}px)"


def test_record_an_incoming_delegation_linked_to_an_agreement(ui: UI) -> None:
    page = ui.page(username="bientap")
    page.goto("/relations/")
    page.locator("main nav.rel-nav").get_by_role("link", name="Thỏa thuận", exact=True).click()
    page.wait_for_url("**/relations/agreements/")
    ui.shot(page, "agreements")
    page.get_by_role("link", name=re.compile(f"^{FRAMEWORK}")).click()
    page.wait_for_url(re.compile(r".*/relations/agreements/\d+/$"))
    agreement_url = page.url
    ui.shot(page, "agreement")
    page.get_by_role("link", name="Ghi đoàn vào thực hiện thỏa thuận này").click()
    page.wait_for_url(re.compile(r".*/relations/events/new/\?.*"))
    form = page.locator("main form")
    field(form, "Cơ quan").select_option("yen-bai")  # bientap's Lào Cai carries on Yên Bái's agreements
    assert field(form, "Loại hoạt động").input_value() == "incoming_delegation"
    assert "Mimasaka" in field(form, "Thực hiện thỏa thuận").locator("option:checked").inner_text()
    assert "Mimasaka" in field(form, "Đối tác").locator("option:checked").inner_text()
    field(form, "Tên hoạt động").fill(DELEGATION)
    field(form, "Từ ngày").fill(today().isoformat())
    field(form, "Địa điểm").fill("Trụ sở Liên hiệp")
    field(form, "Kết quả").fill("Hai bên thống nhất chuẩn bị thỏa thuận khung giai đoạn mới.")
    ui.shot(page, "delegation-form")
    submit(page, form, "Lưu")
    assert EVENT_URL.match(page.url), page.url
    assert f"Đã ghi hoạt động “{DELEGATION}”." in page.locator(".messages").inner_text()
    links = page.locator("#event-links").inner_text()
    assert "Thành phố Mimasaka, tỉnh Okayama" in links and FRAMEWORK in links
    ui.shot(page, "delegation-recorded")

    counts = page.locator("form[action$='/headcounts/']")
    page.locator("summary", has_text="Ghi số người theo quốc tịch").click()
    counts.locator("#id_country_0").select_option("JP")
    counts.locator("#id_count_0").fill("6")
    counts.locator("#id_country_1").select_option("VN")
    counts.locator("#id_count_1").fill("10")
    submit(page, counts, "Lưu")
    people = page.locator("section[aria-labelledby=people-h]").inner_text()
    assert "Nhật Bản" in people and "16" in people
    ui.shot(page, "delegation-headcounts")

    page.get_by_role("link", name=re.compile(f"^{FRAMEWORK}")).click()
    page.wait_for_url(agreement_url)
    assert DELEGATION in page.locator("section[aria-labelledby=ev-h]").inner_text()
    ui.shot(page, "agreement-with-delegation")


def test_see_the_expired_agreement_alert(ui: UI) -> None:
    page = ui.page(username="xem")
    page.goto("/")
    reminders = page.locator("main").inner_text()
    assert "Mimasaka" in reminders and "đã hết hạn từ ngày 31/12/2025" in reminders
    ui.shot(page, "home-with-alert")
    page.get_by_role("link", name="Đối ngoại nhân dân", exact=True).click()
    page.wait_for_url("**/relations/")
    alert = page.locator("#alerts li.alert-agreement_expired")
    assert alert.count() == 1
    assert "Mimasaka" in alert.inner_text() and "chưa có thỏa thuận gia hạn" in alert.inner_text()
    ui.shot(page, "overview-alert")
    with page.expect_navigation():
        alert.get_by_role("link").click()
    assert page.locator("#agreement-status").inner_text() == "Đã hết hạn"
    assert "chưa có thỏa thuận gia hạn" in page.locator("main").inner_text()
    ui.shot(page, "expired-agreement")
    phone = ui.page(PHONE, username="xem")
    phone.goto("/relations/")
    assert phone.locator("#alerts li.alert-agreement_expired").is_visible()
    no_sideways_scroll(phone)
    ui.shot(phone, "overview-alert-phone")


def test_plan_a_congress_and_see_the_plan_task_complete(ui: UI) -> None:
    page = ui.page(username="bientap")
    page.goto("/relations/plans/")
    page.get_by_role("link", name="Định hướng công tác đối ngoại nhân dân năm 2023").click()
    page.wait_for_url(re.compile(r".*/relations/plans/\d+/$"))
    plan_url = page.url
    task = page.locator("section.task", has_text="Hoàn thành tổ chức Đại hội các Hội hữu nghị")
    before = task.locator(".completion").inner_text()
    met, total = (int(n) for n in before.split("/"))
    assert total == 3
    ui.shot(page, "plan-before")

    page.goto("/relations/associations/")
    page.get_by_role("link", name="Hội hữu nghị Việt - Pháp tỉnh Yên Bái").click()
    page.wait_for_url(re.compile(r".*/relations/associations/\d+/$"))
    ui.shot(page, "association")
    page.get_by_role("link", name="Dự kiến đại hội", exact=True).click()
    form = page.locator("main form")
    field(form, "Loại đại hội").select_option("regular")
    field(form, "Nhiệm kỳ thứ").fill("2")
    field(form, "Ngày dự kiến").fill("2023-06-01")
    field(form, "Độ chính xác").select_option("month")
    field(form, "Địa điểm").fill("Hội trường Liên hiệp (thử nghiệm)")
    field(form, "Là minh chứng cho chỉ tiêu").select_option(label="2023 — Đại hội Hội hữu nghị Việt - Pháp")
    ui.shot(page, "plan-congress-form")
    submit(page, form, "Lưu")
    assert "Đã ghi đại hội dự kiến." in page.locator(".messages").inner_text()
    row = page.locator("tr", has_text="Hội trường Liên hiệp (thử nghiệm)")
    assert "Dự kiến" in row.inner_text()
    row.locator("summary", has_text="Ghi đã tổ chức").click()
    row.get_by_label(re.compile("^Ngày tổ chức")).fill("2023-06-18")
    ui.shot(page, "record-congress-held")
    submit(page, row, "Ghi đã tổ chức")
    assert "Đã ghi đại hội đã tổ chức ngày 18/06/2023." in page.locator(".messages").inner_text()
    assert "Đã tổ chức" in page.locator("tr", has_text="Hội trường Liên hiệp (thử nghiệm)").inner_text()
    ui.shot(page, "congress-held")

    page.goto(plan_url)
    task = page.locator("section.task", has_text="Hoàn thành tổ chức Đại hội các Hội hữu nghị")
    assert task.locator(".completion").inner_text() == f"{met + 1}/3"
    target = task.locator(".target h3", has_text="Đại hội Hội hữu nghị Việt - Pháp")
    assert target.locator(".status").inner_text() == "đạt"
    ui.shot(page, "plan-after")


def test_create_a_plan_with_a_task_and_a_target(ui: UI) -> None:
    year = today().year + 1
    title = f"Kế hoạch công tác đối ngoại nhân dân năm {year} (thử trên trình duyệt)"
    page = ui.page(username="bientap")
    page.goto("/relations/plans/")
    page.get_by_role("link", name="Thêm kế hoạch năm", exact=True).click()
    page.wait_for_url("**/relations/plans/new/")
    form = page.locator("main form")
    field(form, "Cơ quan").select_option("yen-bai")
    field(form, "Năm").fill(str(year))
    field(form, "Tên kế hoạch").fill(title)
    form.get_by_label(re.compile(r"Chỉ thị số 12-CT/TW")).check()
    field(form, "Văn bản chưa có trong danh sách: số, ký hiệu").fill(f"20-KH/LHHN-{year}")
    field(form, "Loại văn bản").select_option("plan")
    field(form, "Ngày ban hành văn bản").fill(today().isoformat())
    field(form, "Cơ quan ban hành").fill("Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái")
    field(form, "Trích yếu").fill(f"Triển khai Kế hoạch số 78-KH/TU năm {year}")
    field(form, "Văn bản mới thực hiện văn bản").select_option(
        label="Kế hoạch số 78-KH/TU — 29/04/2022 — Tỉnh ủy Yên Bái"
    )
    ui.shot(page, "plan-form")
    submit(page, form, "Lưu")
    assert re.match(r".*/relations/plans/\d+/$", page.url), page.url
    plan_url = page.url
    assert f"Đã ghi kế hoạch “{title}”." in page.locator(".messages").inner_text()
    documents = page.locator("#plan-documents").inner_text()
    assert "Chỉ thị số 12-CT/TW" in documents and f"Kế hoạch số 20-KH/LHHN-{year}" in documents
    ui.shot(page, "plan-created")

    page.get_by_role("link", name="Thêm nhiệm vụ", exact=True).click()
    form = page.locator("main form")
    field(form, "Nhiệm vụ").fill("Đón đoàn thành phố Mimasaka sang làm việc")
    field(form, "Đơn vị, người chủ trì").fill("Văn phòng Liên hiệp")
    field(form, "Hạn").fill(f"{year}-10-31")
    ui.shot(page, "task-form")
    submit(page, form, "Lưu")
    assert page.url.startswith(plan_url) and "#task-" in page.url
    assert (
        "Đã thêm nhiệm vụ “Đón đoàn thành phố Mimasaka sang làm việc”."
        in page.locator(".messages").inner_text()
    )
    task = page.locator("section.task", has_text="Đón đoàn thành phố Mimasaka sang làm việc")
    assert "Chưa đặt chỉ tiêu" in task.inner_text() and "Văn phòng Liên hiệp" in task.inner_text()
    ui.shot(page, "task-added")

    task.get_by_role("link", name="Thêm chỉ tiêu", exact=True).click()
    form = page.locator("main form")
    field(form, "Chỉ tiêu").fill("Hai đoàn vào của Mimasaka")
    field(form, "Loại minh chứng").select_option("event")
    field(form, "Số lượng cần đạt").fill("2")
    field(form, "Đối tác").select_option(label="Thành phố Mimasaka, tỉnh Okayama")
    field(form, "Loại hoạt động").select_option("incoming_delegation")
    ui.shot(page, "target-form")
    submit(page, form, "Lưu")
    assert "Đã thêm chỉ tiêu “Hai đoàn vào của Mimasaka”." in page.locator(".messages").inner_text()
    task = page.locator("section.task", has_text="Đón đoàn thành phố Mimasaka sang làm việc")
    assert task.locator(".completion").inner_text() == "0/1"
    target = task.locator(".target", has_text="Hai đoàn vào của Mimasaka")
    assert "cần 2" in target.locator("h3").inner_text()
    assert target.locator("h3 .status").inner_text() == "chưa đạt"
    assert (
        target.locator(".note").inner_text()
        == "Đối tác: Thành phố Mimasaka, tỉnh Okayama · Loại hoạt động: Đón đoàn vào"
    )
    ui.shot(page, "target-added")

    page.goto("/relations/plans/")
    row = page.locator("tr", has_text=title)
    assert row.locator("td.num").all_inner_texts() == ["1", "0", "1"]
    ui.shot(page, "plan-listed")
    phone = ui.page(PHONE, username="bientap")
    phone.goto(plan_url)
    no_sideways_scroll(phone)
    ui.shot(phone, "plan-phone")


PAGES = [
    "/relations/",
    "/relations/partners/",
    "/relations/agreements/",
    "/relations/associations/",
    "/relations/events/",
    "/relations/events/new/?kind=incoming_delegation",
    "/relations/calendar/",
    "/relations/calendar/?month=2022-09",
    "/relations/plans/",
    "/relations/plans/new/",
    "/relations/occasions/",
    "/relations/dashboard/",
]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_page_at_desktop_and_phone_width(ui: UI, viewport: str) -> None:
    page = ui.page(PHONE if viewport == "phone" else None, username="bientap")
    for path in PAGES:
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        no_sideways_scroll(page)
        ui.shot(page, f"{viewport}-{path.strip('/').replace('/', '-').replace('?', '-') or 'relations'}")
    for name in ("Tỉnh Viêng Chăn", "Hội hữu nghị Việt - Lào tỉnh Yên Bái"):
        page.goto("/relations/partners/" if name.startswith("Tỉnh") else "/relations/associations/")
        page.get_by_role("link", name=name, exact=True).click()
        page.wait_for_load_state("load")
        no_sideways_scroll(page)
        ui.shot(page, f"{viewport}-detail")
    page.goto("/relations/dashboard/?year=2022")
    page.locator("#chart-months").wait_for()
    page.wait_for_function("() => window.Chart && Object.keys(window.Chart.instances).length === 2")
    ui.shot(page, f"{viewport}-dashboard-2022")
