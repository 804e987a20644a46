"""The staff flows of issue 3, item 8, in Debian's chromium against the production server (see conftest.py).

Every page visited is screenshotted and its console checked: no error, no CSP violation, no script error.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from .conftest import UI

pytestmark = pytest.mark.browser

TITLE = "Giếng nước sạch điểm trường Pá Hu"
SEARCH_WITHOUT_DIACRITICS = "gieng nuoc diem truong pa hu"
DECISION = "88/QĐ-UBND"
PHONE = {"width": 390, "height": 844}
ITEM_URL = re.compile(r".*/aid/(\d+)/$")


def today() -> dt.date:
    # The server's clock is real: every date typed is today (never after the server's own today).
    return dt.date.today()


def field(scope: Any, label: str) -> Any:
    """A form field by its label; a required field's label ends with an aria-hidden "*"."""
    return scope.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def submit(page: Any, scope: Any, label: str) -> None:
    with page.expect_navigation():
        scope.get_by_role("button", name=label, exact=True).click()


# --- the new aid item, made by the create flow and reused by the others --------------------------------


def create_item(ui: UI) -> dict[str, Any]:
    """Sign in as the editor, record an aid item, give it two sectors (60/40), a place and a EUR commitment."""
    page = ui.page(username="bientap")
    page.goto("/aid/new/")
    ui.shot(page, "new-item-form")
    code = f"YB-{today().year}-TN01"
    # bientap works for the new Lào Cai union (which carries on Yên Bái's ledger): new work is Lào Cai's.
    field(page, "Cơ quan").select_option("lao-cai")
    field(page, "Mã khoản viện trợ").fill(code)
    field(page, "Hình thức").select_option("project")
    field(page, "Tên khoản viện trợ").fill(TITLE)
    field(page, "Tên tiếng Anh").fill("Clean water well for the Pá Hu school")
    field(page, "Ngày ghi nhận đề xuất").fill(today().isoformat())
    submit(page, page.locator("main form"), "Lưu")
    assert ITEM_URL.match(page.url), page.url
    assert f"Đã ghi khoản viện trợ {code}." in page.locator(".messages").inner_text()
    ui.shot(page, "item-created")
    item_url = page.url

    page.get_by_role("link", name="Lĩnh vực", exact=True).click()
    page.wait_for_url("**/sectors/")
    page.locator("#id_choice_0").select_option(label="Y tế")
    page.locator("#id_share_0").fill("60")
    page.locator("#id_choice_1").select_option(label="Giáo dục và đào tạo")
    page.locator("#id_share_1").fill("40")
    ui.shot(page, "sectors-form")
    submit(page, page.locator("main form"), "Lưu")
    assert page.url == item_url

    page.get_by_role("link", name="Địa bàn", exact=True).click()
    page.wait_for_url("**/places/")
    place = page.locator("#id_choice_0 option").nth(1).inner_text()
    page.locator("#id_choice_0").select_option(label=place)
    ui.shot(page, "places-form")
    submit(page, page.locator("main form"), "Lưu")
    assert page.url == item_url

    page.locator("summary", has_text="Ghi giao dịch").click()
    form = page.locator("form[action$='/transactions/']")
    field(form, "Loại giao dịch").select_option(label="Cam kết")
    field(form, "Số tiền").fill("10000")
    field(form, "Tiền tệ (ISO 4217)").fill("EUR")
    field(form, "Ngày giá trị").fill(today().isoformat())
    field(form, "Tỷ giá sang USD (nếu không phải USD)").fill("1.08")
    ui.shot(page, "commitment-form")
    submit(page, form, "Ghi giao dịch")
    assert page.url == item_url
    ui.shot(page, "item-with-money")
    return {"code": code, "url": item_url, "place": place, "page": page}


def the_item(ui: UI, shared: dict[str, Any]) -> dict[str, Any]:
    if "item" not in shared:
        shared["item"] = {k: v for k, v in create_item(ui).items() if k != "page"}
    return shared["item"]


def approve_item(ui: UI, item: dict[str, Any]) -> Any:
    """As the approver: submit the dossier, record the appraisal, approve with a decision number and date."""
    page = ui.page(username="lanhdao")
    page.goto(item["url"])
    ui.shot(page, "item-as-approver")
    steps = (
        ("Nộp hồ sơ", "Đã nộp hồ sơ", "dossier-submitted"),
        ("Ghi nhận đang thẩm định", "Đang thẩm định", "in-appraisal"),
    )
    for action, state, slug in steps:
        step = page.locator("details.step").filter(
            has=page.locator("summary", has_text=re.compile(f"^{action}$"))
        )
        step.locator("summary").click()
        field(step, "Ngày").fill(today().isoformat())
        submit(page, step, action)
        assert f"Đã ghi bước: {state}." in page.locator(".messages").inner_text()
        ui.shot(page, f"step-{slug}")
    step = page.locator("details.step").filter(
        has=page.locator("summary", has_text=re.compile("^Phê duyệt$"))
    )
    step.locator("summary").click()
    field(step, "Ngày").fill(today().isoformat())
    field(step, "Số quyết định").fill(DECISION)
    field(step, "Ngày quyết định").fill(today().isoformat())
    field(step, "Cơ quan quyết định").fill("Chủ tịch UBND tỉnh Yên Bái")
    ui.shot(page, "approval-form")
    submit(page, step, "Phê duyệt")
    return page


def the_approved_item(ui: UI, shared: dict[str, Any]) -> dict[str, Any]:
    item = the_item(ui, shared)
    if not item.get("approved"):
        approve_item(ui, item)
        item["approved"] = True
    return item


# --- the flows ----------------------------------------------------------------------------------------


def test_sign_in(ui):
    page = ui.page()
    page.goto("/aid/")
    assert "/login/?next=/aid/" in page.url
    ui.shot(page, "sent-to-sign-in")
    field(page, "Tên đăng nhập").fill("bientap")
    field(page, "Mật khẩu").fill("caunoi-demo-2026")
    submit(page, page.locator("main form"), "Đăng nhập")
    assert page.url.endswith("/aid/")
    assert page.locator("h1").inner_text() == "Khoản viện trợ"
    assert page.get_by_role("button", name="Đăng xuất").is_visible()
    ui.shot(page, "signed-in")


def test_create_an_aid_item_with_sectors_a_place_and_a_eur_commitment(ui, shared):
    made = create_item(ui)
    shared["item"] = {k: v for k, v in made.items() if k != "page"}
    page = made["page"]
    assert page.locator("h1").inner_text() == f"{made['code']} — {TITLE}"
    where = page.locator("section[aria-labelledby=where-h]").inner_text()
    assert "Y tế — 60%" in where and "Giáo dục và đào tạo — 40%" in where
    assert f"{made['place']} — 100%" in where
    money = page.locator("section[aria-labelledby=money-h]")
    eur = money.locator("tr", has=page.locator("th", has_text=re.compile("^EUR$")))
    assert eur.locator("td").first.inner_text() == "10.000"
    assert "10.800 USD" in money.locator("tr.converted").first.inner_text()
    assert "1 EUR = 1,08 USD" in money.inner_text()
    assert page.locator(".status").first.inner_text() == "Đề xuất"


def test_approve_it(ui, shared):
    item = the_item(ui, shared)
    page = approve_item(ui, item)
    item["approved"] = True
    assert "Đã ghi bước: Đã phê duyệt." in page.locator(".messages").inner_text()
    assert page.locator("h1 + p .status, p .status").first.inner_text() == "Đã phê duyệt"
    timeline = page.locator("ol.timeline").inner_text()
    assert f"Quyết định số {DECISION} ngày {today():%d/%m/%Y}" in timeline
    assert "lanhdao" in timeline
    ui.shot(page, "approved")
    page.get_by_role("link", name="Lịch sử thay đổi").click()
    page.wait_for_url(item["url"] + "history/")
    assert page.locator("h1").inner_text() == f"Lịch sử {item['code']}"
    assert page.locator("main table tbody tr").count() >= 5  # created, sectors, place, commitment, steps
    ui.shot(page, "history")


def test_find_it_by_searching_without_diacritics(ui, shared):
    item = the_item(ui, shared)
    page = ui.page(username="xem")
    page.goto("/aid/")
    field(page, "Tìm kiếm").fill(SEARCH_WITHOUT_DIACRITICS)
    submit(page, page.locator("form.filters"), "Lọc")
    assert "q=gieng+nuoc" in page.url
    rows = page.locator("main table tbody tr")
    assert rows.count() == 1
    assert item["code"] in rows.first.inner_text() and TITLE in rows.first.inner_text()
    assert "1 bản ghi" in page.locator(".pager").inner_text()
    ui.shot(page, "found")
    rows.first.get_by_role("link", name=item["code"]).click()
    page.wait_for_url(item["url"])
    ui.shot(page, "opened")


def test_see_it_on_the_dashboard(ui, shared):
    item = the_approved_item(ui, shared)
    page = ui.page(username="bientap")
    response = page.goto(f"/dashboard/?year={today().year}")
    if response is None or response.status == 404:
        ui.console(page).allowed.append(re.compile("status of 404"))
        pytest.xfail("dashboard not landed")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    ui.shot(page, "dashboard")
    # This year's figures (the demo union's are from earlier years): 10 000 EUR committed at 1.08 = 10 800 USD.
    text = page.locator("main").inner_text()
    assert "10.800 USD" in text, text[:1500]
    assert item["approved"]


def test_an_editor_of_another_office_cannot_see_or_open_it(ui, shared):
    item = the_item(ui, shared)
    # yenbai is a member of Yên Bái only: succession carries rights backwards, never to the successor's work.
    page = ui.page(username="yenbai")
    page.goto("/aid/")
    ui.shot(page, "list-of-yen-bai")
    assert item["code"] not in page.locator("main").inner_text()
    page.goto(f"/aid/?q={item['code']}")
    assert item["code"] not in page.locator("main").inner_text()
    assert page.locator("p.empty").is_visible()
    ui.shot(page, "search-finds-nothing")
    # The 404 itself is logged, and Django's plain 404 page declares no icon, so /favicon.ico 404s too.
    ui.console(page).allowed.append(
        re.compile(r"status of 404 \(Not Found\) \(.*(/aid/\d+/(edit/)?|/favicon\.ico)\)$")
    )
    for suffix in ("", "edit/"):
        response = page.goto(item["url"] + suffix)
        assert response is not None and response.status == 404, suffix
    ui.shot(page, "item-is-not-found")


def test_switch_to_english(ui, shared):
    item = the_item(ui, shared)
    page = ui.page(username="toanquoc")
    page.goto("/aid/")
    assert page.locator("html").get_attribute("lang") == "vi"
    ui.shot(page, "vietnamese")
    with page.expect_navigation():
        page.locator("header").get_by_role("button", name="English").click()
    try:
        assert page.url.endswith("/aid/")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("h1").inner_text() == "Aid items"
        nav = page.get_by_role("navigation", name="Main menu")
        for label in ("Home", "Aid items", "Transactions", "Organisations", "Reports", "Reminders"):
            assert nav.get_by_role("link", name=label, exact=True).is_visible(), label
        assert page.get_by_role("button", name="Sign out").is_visible()
        assert page.get_by_role("button", name="Filter").is_visible()
        assert field(page, "Search").is_visible()
        assert "Khoản viện trợ" not in page.locator("header").inner_text()
        ui.shot(page, "english-list")
        page.goto(item["url"])
        for heading in (
            "Funding",
            "Progress",
            "Participants",
            "Sectors and locations",
            "Details",
            "Documents",
        ):
            assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
        ui.shot(page, "english-item")
    finally:
        with page.expect_navigation():
            page.locator("header").get_by_role("button", name="Tiếng Việt").click()
    assert page.locator("html").get_attribute("lang") == "vi"
    ui.shot(page, "back-to-vietnamese")


def test_the_text_size_control_changes_the_root_font_size(ui):
    page = ui.page(username="quantri")
    root_size = "getComputedStyle(document.documentElement).fontSize"
    assert page.evaluate(root_size) == "16px"
    control = page.get_by_role("form", name="Cỡ chữ")
    try:
        with page.expect_navigation():
            control.locator("button[value='130']").click()
        assert page.evaluate(root_size) == "20.8px"
        assert control.locator("button[value='130']").get_attribute("aria-pressed") == "true"
        ui.shot(page, "text-130")
        with page.expect_navigation():
            control.locator("button[value='90']").click()
        assert page.evaluate(root_size) == "14.4px"
        ui.shot(page, "text-90")
    finally:
        with page.expect_navigation():
            control.locator("button[value='100']").click()
    assert page.evaluate(root_size) == "16px"


def test_keyboard_tab_reaches_the_skip_link_first_and_it_moves_focus_to_main(ui):
    page = ui.page(username="bientap")
    page.goto("/aid/")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        """() => { const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
                   return {cls: e.className, text: e.textContent.trim(), href: e.getAttribute('href'),
                           left: r.left, top: r.top, width: r.width, outline: s.outlineStyle}; }"""
    )
    assert focused["cls"] == "skip" and focused["href"] == "#main", focused
    assert focused["text"] == "Bỏ qua, đến nội dung chính"
    assert focused["left"] >= 0 and focused["top"] >= 0 and focused["width"] > 0, (
        "the focused skip link is off screen"
    )
    assert focused["outline"] != "none", "no visible focus on the skip link"
    ui.shot(page, "skip-link-focused")
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'main'")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.getElementById('main').contains(document.activeElement)")
    assert inside_main, "the next Tab after the skip link should stay in the main content"
    ui.shot(page, "focus-in-main")


def test_phone_width_has_no_horizontal_scroll(ui, shared):
    item = the_item(ui, shared)
    page = ui.page(viewport=PHONE)
    overflowing = {}

    def check(step: str) -> None:
        width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            overflowing[page.url] = width
        ui.shot(page, step)

    page.goto("/login/")
    check("login")
    ui.sign_in(page, "bientap")
    check("home")
    for step, url in (
        ("aid-list", "/aid/"),
        ("item", item["url"]),
        ("new-item", "/aid/new/"),
        ("transactions", "/transactions/"),
        ("organisations", "/organisations/"),
        ("reminders", "/reminders/"),
    ):
        page.goto(url)
        check(step)
    assert not overflowing, f"pages wider than the 390 px screen (scrollWidth, innerWidth): {overflowing}"


def test_pages_declare_an_icon(ui):
    """Without one, Chromium asks for /favicon.ico and logs its 404 as a console error on every page."""
    page = ui.page()
    page.goto("/login/")
    icon = page.locator("link[rel~=icon]")
    assert icon.count() == 1
    assert page.request.get(icon.get_attribute("href") or "").ok
