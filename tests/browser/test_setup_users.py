"""A union from nothing (issue 12, items 1, 2 and 10), in chromium against the production server: `caunoi setup`
on a fresh database (no demo), the administrator creates an editor, the editor is made to change the password
and records an item, the administrator removes the role and the editor can no longer edit; a page printed
shows the office's name and no navigation."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from typing import Any

import pytest

from tests import production_server

from .conftest import BIN, CHROMIUM, UI, _free_port, _ScratchPostgres, _wait_until_up

pytestmark = pytest.mark.browser
OFFICE = "Liên hiệp các tổ chức hữu nghị tỉnh Lạng Sơn"
ADMIN_PASSWORD = "Quan-tri-Lang-Son-2026"
INITIAL = "Ban-dau-Lang-Son-2026"
OWN = "Cua-bien-tap-2026-ls"


@pytest.fixture(scope="module")
def setup_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server of its own on a database made only by `caunoi setup`."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM}")
    data_dir = tmp_path_factory.mktemp("setup-server")
    database_url = os.environ.get("DATABASE_URL", "")
    scratch = None
    if database_url.startswith(("postgres://", "postgresql://")):
        scratch = _ScratchPostgres.create(database_url)
        database_url = scratch.url(database_url)
    else:
        database_url = f"sqlite:///{data_dir / 'caunoi.sqlite3'}"
    env = {k: v for k, v in os.environ.items() if k not in ("CAUNOI_DEBUG", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DATABASE_URL=database_url,
        CAUNOI_DATA_DIR=str(data_dir),
        CAUNOI_SECRET_KEY="test",
        CAUNOI_ALLOWED_HOSTS="127.0.0.1",
        PYTHONUNBUFFERED="1",
    )
    server = None
    log = data_dir / "server.log"
    try:
        started = time.perf_counter()
        subprocess.run(
            [
                str(BIN / "caunoi"),
                "setup",
                "--office-code=lang-son",
                f"--office-name={OFFICE}",
                "--province=Lạng Sơn",
                "--signatory=Hoàng Văn D",
                "--signatory-title=Chủ tịch",
                "--admin-username=quantri",
                f"--admin-password={ADMIN_PASSWORD}",
            ],
            env=env,
            cwd=data_dir,
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=300,
        )
        print(f"caunoi setup on an empty database: {time.perf_counter() - started:.1f} s")
        port = _free_port()
        with log.open("wb") as out:
            server = subprocess.Popen(
                production_server.command(port),
                env=env,
                cwd=data_dir,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(f"{url}/login/", server, log)
        yield url
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=15)
        if scratch is not None:
            scratch.drop()


@pytest.fixture
def setup_ui(browser: Any, setup_url: str, request: pytest.FixtureRequest) -> Iterator[UI]:
    helper = UI(browser, setup_url, request.node.name)
    try:
        yield helper
    finally:
        helper.close()


def _sign_in(ui: UI, username: str, password: str) -> Any:
    page = ui.page()
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(password)
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    return page


def _field(page: Any, label: str) -> Any:
    """A form field by its label; a required field's label ends with an aria-hidden "*"."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _submit(page: Any, label: str, scope: Any = None) -> None:
    with page.expect_navigation():
        (scope or page).get_by_role("button", name=label, exact=True).click()


def test_a_new_union_s_administrator_gives_and_takes_the_editor_role(setup_ui):
    ui = setup_ui
    admin = _sign_in(ui, "quantri", ADMIN_PASSWORD)
    admin.get_by_role("link", name="Người dùng", exact=True).click()
    admin.wait_for_url("**/users/")
    assert OFFICE in admin.locator("h1").inner_text()
    ui.shot(admin, "users")
    admin.get_by_role("link", name="Thêm người dùng").click()
    _field(admin, "Tên đăng nhập").fill("bientap")
    _field(admin, "Họ và tên").fill("Lý Thị G")
    _field(admin, "Vai trò").select_option(label="Nhập liệu")
    _field(admin, "Mật khẩu ban đầu").fill(INITIAL)
    _field(admin, "Nhập lại mật khẩu ban đầu").fill(INITIAL)
    ui.shot(admin, "new-user")
    _submit(admin, "Tạo người dùng")
    assert "Đã tạo người dùng bientap." in admin.locator(".messages").inner_text()
    user_page = admin.url

    editor = _sign_in(ui, "bientap", INITIAL)
    assert editor.url.endswith("/account/password/")
    editor.goto("/aid/new/")
    assert editor.url.endswith("/account/password/")  # nothing else until the password is their own
    ui.shot(editor, "forced-password-change")
    _field(editor, "Mật khẩu hiện tại").fill(INITIAL)
    _field(editor, "Mật khẩu mới").fill(OWN)
    _field(editor, "Nhập lại mật khẩu mới").fill(OWN)
    _submit(editor, "Đổi mật khẩu")
    assert "Đã đổi mật khẩu." in editor.locator(".messages").inner_text()

    editor.goto("/aid/new/")
    _field(editor, "Mã khoản viện trợ").fill("LS-2026-01")
    _field(editor, "Hình thức").select_option("project")
    _field(editor, "Tên khoản viện trợ").fill("Nhà văn hóa thôn Bản Chắt")
    _field(editor, "Ngày ghi nhận đề xuất").fill(dt.date.today().isoformat())  # the server's clock is real
    _submit(editor, "Lưu", editor.locator("main form"))
    assert "Đã ghi khoản viện trợ LS-2026-01." in editor.locator(".messages").inner_text()
    item_url = editor.url
    ui.shot(editor, "item-recorded")

    admin.goto(user_page)
    _submit(admin, "Bỏ vai trò")
    assert "Đã bỏ vai trò tại lang-son." in admin.locator(".messages").inner_text()
    assert "bỏ vai trò Nhập liệu" in admin.locator("main").inner_text()
    ui.shot(admin, "role-removed")

    # Without a role the form is not offered: the refusal page, not a form whose submit would fail.
    assert editor.goto("/aid/new/").status == 403
    assert editor.locator("main form").count() == 0
    assert editor.goto(f"{item_url}edit/").status == 404
    assert editor.goto(item_url).status == 404  # the office's records no longer exist for them


def test_a_printed_page_has_the_office_s_name_and_no_navigation(setup_ui):
    ui = setup_ui
    page = _sign_in(ui, "quantri", ADMIN_PASSWORD)
    page.goto("/offices/lang-son/")
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', '<details id=d><summary>s</summary><p id=inside>x</p></details>')"
    )
    page.emulate_media(media="print")
    assert not page.locator(".main-nav").is_visible()
    assert not page.get_by_role("button", name="Lưu").is_visible()
    head = page.locator(".print-head")
    assert head.is_visible() and OFFICE in head.inner_text() and "In ngày" in head.inner_text()
    assert page.locator("#inside").is_visible()  # closed sections print open
    page.emulate_media(media="screen")
    assert page.locator(".main-nav").is_visible() and not head.is_visible()
    assert not page.locator("#inside").is_visible()
