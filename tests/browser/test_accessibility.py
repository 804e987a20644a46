"""Accessibility of the public website, checked by axe-core in Debian's chromium (tests/browser/conftest.py).

Every kind of public page, in Vietnamese and in English, must have no "serious" or "critical" axe violation;
one case puts a known violation into a page and checks that axe reports it, so that a silent axe (not loaded,
or checking nothing) cannot pass. The public pages carry no script of their own: with JavaScript off they must
read exactly as with it on.

axe-core is vendored in tests/browser/axe/ (MPL-2.0, see NOTICE): the tests never fetch it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT, SERVER_ENV, UI, Console

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "axe" / "axe.min.js"
AXE_VERSION = "4.14.1"
BLOCKING = ("serious", "critical")
OFFICE = "/cong-khai/yen-bai/"
# Every violation of every page (all impacts), one JSON file per page, for reading after a run (git-ignored).
REPORTS = ROOT / "test-artifacts" / "axe"


def _first_link(pattern: str, *, last: bool = False, scope: str = "main") -> Callable[[Any], str]:
    """The first (or last) link of the page whose address matches `pattern` (the demo's ids are not fixed)."""

    def find(page: Any) -> str:
        hrefs = page.locator(f"{scope} a[href]").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"
        )
        found = [h for h in hrefs if re.fullmatch(pattern, h)]
        assert found, f"no link matching {pattern} on {page.url}"
        return str(found[-1] if last else found[0])

    return find


# Each public page kind: where it is, or the page that links to it and how to find the link there.
PAGES: dict[str, tuple[str, Callable[[Any], str] | None]] = {
    "national": ("/cong-khai/", None),
    "office": (OFFICE, None),
    "office-filtered": (f"{OFFICE}?year=2022&modality=", None),
    "item": (OFFICE, _first_link(r"/cong-khai/yen-bai/khoan/\d+/")),
    "columns": ("/cong-khai/cot-du-lieu.html", None),
    "news-list": (f"{OFFICE}tin-tuc/", None),
    # Both of the demo's articles: one has an English title, the other none (its title is marked Vietnamese).
    "article": (f"{OFFICE}tin-tuc/", _first_link(r"/cong-khai/yen-bai/tin-tuc/\d+/")),
    "article-other": (f"{OFFICE}tin-tuc/", _first_link(r"/cong-khai/yen-bai/tin-tuc/\d+/", last=True)),
    "bulletins": (f"{OFFICE}ban-tin/", None),
    # The pages the office edits (about the union, leadership, contacts…), linked from its navigation.
    "office-page": (OFFICE, _first_link(r"/cong-khai/yen-bai/trang/[\w-]+/", scope="header nav")),
    "office-page-other": (
        OFFICE,
        _first_link(r"/cong-khai/yen-bai/trang/[\w-]+/", scope="header nav", last=True),
    ),
    "not-found": ("/cong-khai/khong-co-co-quan-nay/", None),
    "login": ("/login/", None),
}
LANGUAGES = ("vi", "en")
MAKE_PUBLIC = """
import django
django.setup()
from caunoi.aid.models import AidItem
from caunoi.aid.services import set_public
from caunoi.core.permissions import SYSTEM
for item in AidItem.objects.filter(office__code="yen-bai"):
    set_public(item, True, actor=SYSTEM)
"""


@pytest.fixture(scope="module", autouse=True)
def public_items(base_url: str) -> None:
    """The demo publishes no aid item: every item of Yên Bái (all approved) is put on its portal, by a
    subprocess (Playwright's sync API keeps an event loop in this thread, where Django refuses to query)."""
    env = {**SERVER_ENV, "DJANGO_SETTINGS_MODULE": "caunoi.settings", "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run(
        [sys.executable, "-c", MAKE_PUBLIC], env=env, cwd=ROOT, check=True, capture_output=True, timeout=120
    )


def _open(ui: UI, kind: str, language: str, *, javascript: bool = True) -> Any:
    """A fresh anonymous page of `kind` in `language` (the language cookie the switch button sets)."""
    start, follow = PAGES[kind]
    page = ui.page()
    if kind == "not-found":
        ui.console(page).allowed.append(re.compile(r"status of 404"))
    page.context.add_cookies([{"name": "django_language", "value": language, "url": ui.base_url}])
    page.goto(start)
    if follow is not None:
        page.goto(follow(page))
    if not javascript:
        url = page.url
        context = ui.browser.new_context(
            base_url=ui.base_url, java_script_enabled=False, locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh"
        )
        ui.contexts.append(context)
        context.add_cookies([{"name": "django_language", "value": language, "url": ui.base_url}])
        page = context.new_page()
        ui.consoles[id(page)] = Console()  # no script runs, so nothing can log
        page.goto(url)
    assert page.locator("html").get_attribute("lang") == language, page.url
    return page


def axe_results(page: Any) -> dict[str, Any]:
    """axe's findings on the page as it is now (every rule axe runs by default: WCAG 2.0–2.2 A and AA and its
    best practices): the violations, what it could not decide ("incomplete") and the ids of the rules passed."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's debugging protocol: the page's Content-Security-Policy does not apply.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    assert page.evaluate("axe.version") == AXE_VERSION
    result = page.evaluate(
        """async () => {
          const r = await axe.run(document, {resultTypes: ['violations', 'incomplete']});
          const brief = (list) => list.map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(n => ({target: n.target.join(' '), impact: n.impact, summary: n.failureSummary})),
          }));
          return {violations: brief(r.violations), incomplete: brief(r.incomplete), passes: r.passes.map(v => v.id)};
        }"""
    )
    return dict(result)


def axe_violations(page: Any) -> list[dict[str, Any]]:
    return list(axe_results(page)["violations"])


def describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {n['target']}  [{n['impact']}] {n['summary']!r}" for n in v["nodes"])
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_public_page_has_no_serious_violation(ui: UI, kind: str, language: str) -> None:
    page = _open(ui, kind, language)
    ui.shot(page, f"{kind}-{language}")
    results = axe_results(page)
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{kind}-{language}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    violations = results["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {page.url} ({language}):\n{describe(violations)}"


def test_axe_reports_a_known_violation(ui: UI) -> None:
    page = _open(ui, "office", "vi")
    assert not [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    page.evaluate(
        """() => {
          const img = document.createElement('img');
          img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
          img.id = 'injected-no-alt';
          document.querySelector('main').appendChild(img);
          const link = document.createElement('a');
          link.href = '/cong-khai/';
          link.id = 'injected-empty-link';
          document.querySelector('main').appendChild(link);
        }"""
    )
    found = {v["id"]: v for v in axe_violations(page)}
    assert "image-alt" in found, describe(list(found.values()))
    assert found["image-alt"]["impact"] == "critical"
    assert [n["target"] for n in found["image-alt"]["nodes"]] == ["#injected-no-alt"]
    assert [n["target"] for n in found["link-name"]["nodes"]] == ["#injected-empty-link"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["office-filtered", "item", "article", "bulletins", "columns"])
def test_public_page_reads_the_same_without_javascript(ui: UI, kind: str, language: str) -> None:
    with_js = _open(ui, kind, language)
    without = _open(ui, kind, language, javascript=False)
    assert without.url == with_js.url
    assert without.locator("h1").inner_text().strip()
    assert without.locator("main").inner_text() == with_js.locator("main").inner_text()
    assert without.locator("main").is_visible()
    ui.shot(without, f"{kind}-{language}-no-js")


def _root_font_px(page: Any) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


def test_text_size_control_works_without_javascript(ui: UI) -> None:
    page = _open(ui, "office", "vi", javascript=False)
    base = _root_font_px(page)
    size = page.get_by_role("group", name="Cỡ chữ")
    assert size.get_by_role("radio", name="100%").is_checked()
    size.get_by_role("radio", name="130%").check()
    assert _root_font_px(page) == pytest.approx(base * 1.3)
    ui.shot(page, "130-no-js")
    size.get_by_role("radio", name="90%").check()
    assert _root_font_px(page) == pytest.approx(base * 0.9)


def test_text_size_control_is_remembered_from_page_to_page(ui: UI) -> None:
    page = _open(ui, "office", "en")
    base = _root_font_px(page)
    page.get_by_role("group", name="Text size").get_by_role("radio", name="115%").check()
    assert _root_font_px(page) == pytest.approx(base * 1.15)
    page.get_by_role("navigation", name="The office's pages").get_by_role("link", name="News").click()
    page.wait_for_url("**/tin-tuc/")
    assert page.get_by_role("radio", name="115%").is_checked()
    assert _root_font_px(page) == pytest.approx(base * 1.15)
    ui.shot(page, "115-next-page")
    assert not [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    page.get_by_role("radio", name="100%").check()
    page.reload()
    assert _root_font_px(page) == pytest.approx(base)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(PAGES))
def test_public_page_reflows_on_a_narrow_screen(ui: UI, kind: str, language: str) -> None:
    """At 320 CSS pixels (WCAG 1.4.10) nothing makes the page scroll sideways: a wide table scrolls in its own
    keyboard-reachable box."""
    page = _open(ui, kind, language)
    page.set_viewport_size({"width": 320, "height": 640})
    wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
          .filter(e => !e.closest('svg, .table-scroll') && e.getBoundingClientRect().right > 321)
          .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                    + ' ' + (e.textContent || '').trim().slice(0, 40))"""
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, wide
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not blocking, describe(blocking)


def test_published_static_site_has_no_serious_violation(ui: UI, tmp_path: Path) -> None:
    """The same pages written by `caunoi publish` (Vietnamese at the top, English under en/), opened from disk."""
    env = {**SERVER_ENV, "PYTHONPATH": os.pathsep.join(sys.path)}
    subprocess.run(
        [str(Path(sys.executable).parent / "caunoi"), "publish", "--office", "yen-bai", "-o", str(tmp_path)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    # Every page it wrote but the item pages, which are all alike: the first of them only.
    files = [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path.rglob("*.html"))]
    items = [f for f in files if "/khoan/" in f and not f.startswith("en/")]
    files = [f for f in files if "/khoan/" not in f and not f.startswith("en/")] + items[:1]
    assert "cong-khai/yen-bai/index.html" in files and items, files
    page = ui.page()
    # From disk each file is its own origin: axe's stylesheet rules then try to fetch the CSS and are refused.
    ui.console(page).allowed.append(re.compile(r"Access to XMLHttpRequest at 'file:|net::ERR_FAILED"))
    found = {}
    for language, folder in (("vi", ""), ("en", "en/")):
        for file in files:
            path = tmp_path / folder / file
            assert path.exists(), f"{folder}{file} has no English copy"
            page.goto(path.as_uri())
            assert page.locator("html").get_attribute("lang") == language, path
            blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
            if blocking:
                found[f"{folder}{file}"] = describe(blocking)
    assert not found, "\n".join(f"{file}:\n{text}" for file, text in found.items())
