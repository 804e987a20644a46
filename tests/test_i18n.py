"""The English catalog: complete, compiled, covering every string marked in the source, and really used.

The source language of caunoi's interface is Vietnamese; English comes from src/caunoi/locale/en. None of these
tests needs GNU gettext (the comparison with Django's own `makemessages` runs only where xgettext is
installed).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.test import Client
from django.utils import translation

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "caunoi" / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def _tool(name: str) -> ModuleType:
    module_name = f"caunoi_tools_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def _entries(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def _ids(message: Message) -> tuple[str, ...]:
    """(msgid,) or (msgid, msgid_plural)."""
    return tuple(message.id) if isinstance(message.id, tuple | list) else (str(message.id),)


def _strings(message: Message) -> tuple[str, ...]:
    """(msgstr,) or (msgstr[0], msgstr[1])."""
    value = message.string
    return tuple(str(s or "") for s in value) if isinstance(value, tuple | list) else (str(value or ""),)


def _key(message: Message) -> tuple[str | None, str]:
    return (message.context, _ids(message)[0])


def test_the_catalog_is_complete_and_has_no_fuzzy_entries(catalog):
    entries = _entries(catalog)
    assert len(entries) > 400
    assert not catalog.fuzzy, "the header is marked fuzzy"
    fuzzy = [_key(m)[1] for m in entries if m.fuzzy]
    assert not fuzzy, f"fuzzy entries (check and unmark them): {fuzzy}"
    untranslated = [_key(m)[1] for m in entries if not all(_strings(m))]
    assert not untranslated, f"untranslated entries: {untranslated}"
    assert [_strings(m) for m in entries if m.pluralizable and len(_strings(m)) != 2] == []


def test_the_header_says_english_with_english_plural_forms(catalog):
    assert str(catalog.locale) == "en"
    assert catalog.plural_forms == "nplurals=2; plural=(n != 1);"
    assert catalog.charset.lower() == "utf-8"


def test_placeholders_are_kept_in_every_translation(catalog):
    problems = [(_key(m)[1], [str(e) for e in errors]) for m, errors in catalog.check()]
    assert not problems
    # babel checks only entries flagged python-format; check every %(name)s by hand as well
    import re

    named = re.compile(r"%\(\w+\)s|%%")
    for message in _entries(catalog):
        ids, strings = _ids(message), _strings(message)
        expected = sorted(named.findall(ids[-1]))
        for string in strings:
            assert sorted(named.findall(string)) == expected, (ids[0], string)


def test_the_compiled_catalog_is_up_to_date():
    compile_messages = _tool("compile_messages")
    assert MO.exists(), "run `make messages` (tools/compile_messages.py)"
    assert MO.read_bytes() == compile_messages.compile_po(PO), (
        "django.mo is older than django.po: run `make messages` (or python tools/compile_messages.py)"
    )


def test_every_string_marked_in_the_source_is_in_the_catalog(catalog):
    extract = _tool("extract_messages")
    found = extract.extract_all()
    assert len(found) > 400
    known = {_key(m): m for m in _entries(catalog)}
    missing = sorted({f"{f.where}: {f.msgid!r}" for f in found if f.key not in known})
    assert not missing, "not in the catalog (run `make messages` and translate):\n" + "\n".join(missing)
    plurals = [f for f in found if f.plural]
    assert plurals
    for f in plurals:
        assert known[f.key].pluralizable and known[f.key].id[1] == f.plural, f.where


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")
def test_the_extractor_finds_what_django_makemessages_finds(tmp_path):
    """tools/extract_messages.py (babel) against Django's own makemessages (xgettext) on a copy of the source."""
    source = ROOT / "src" / "caunoi"
    copy = tmp_path / "caunoi"
    extract = _tool("extract_messages")
    for path in extract.source_files(source):
        target = copy / path.relative_to(source)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    out = tmp_path / "locale"
    script = (
        "import django\n"
        "from django.conf import settings\n"
        f"settings.configure(USE_I18N=True, LOCALE_PATHS=[{str(out)!r}])\n"
        "django.setup()\n"
        "from django.core.management import call_command\n"
        "call_command('makemessages', locale=['en'], extensions=['html', 'txt', 'py', 'svg'], no_location=True, verbosity=0)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=copy, check=True, timeout=120)
    with (out / "en" / "LC_MESSAGES" / "django.po").open("rb") as handle:
        theirs = {_key(m) for m in _entries(read_po(handle))}
    ours = {f.key for f in extract.extract_all(copy)}
    assert ours == theirs


# --- the catalog in use -------------------------------------------------------------------------------


class _Texts(HTMLParser):
    """The visible text nodes and the accessible-name attributes of a page."""

    ATTRIBUTES = {"aria-label", "title", "placeholder", "alt"}

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title"):
            self._skip += 1
        self.texts += [value for name, value in attrs if name in self.ATTRIBUTES and value]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.texts.append(data)


def _untranslated_labels(html: str, vietnamese: set[str]) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    found = []
    for text in parser.texts:
        label = text.strip().strip("‹›▲▼←→·:*").strip()
        if label in vietnamese:
            found.append(label)
    return found


@pytest.fixture(autouse=True)
def _back_to_the_default_language() -> Iterator[None]:
    yield
    translation.deactivate()  # the middleware activates the user's language in this thread


def _to_english(client: Client) -> None:
    switched = client.post("/language/", {"language": "en", "next": "/aid/"})
    assert (switched.status_code, switched["Location"]) == (302, "/aid/")


@pytest.fixture
def english_client(client: Client, django_user_model: Any) -> Client:
    client.force_login(django_user_model.objects.get(username="bientap"))
    _to_english(client)
    return client


@pytest.fixture
def vietnamese_labels(catalog: Catalog) -> set[str]:
    """The msgids whose English differs, except one- and two-letter ones ("CN" is Sunday and China)."""
    return {
        _key(m)[1].replace("%%", "%")
        for m in _entries(catalog)
        if not m.pluralizable and m.string != m.id and len(_key(m)[1]) > 2
    }


@pytest.mark.django_db
def test_switching_to_english_translates_the_pages(client, yen_bai, vietnamese_labels):
    from caunoi.aid.models import AidItem

    signed_in = client.post("/login/", {"username": "bientap", "password": "caunoi-demo-2026"})
    assert (signed_in.status_code, signed_in["Location"]) == (302, "/")
    _to_english(client)

    item = AidItem.objects.get(office=yen_bai, code="YB-2022-01")
    expectations = {
        "/aid/": (
            [
                "<h1>Aid items</h1>",
                ">Sign out<",
                "Text size",
                ">Search<",
                ">Filter<",
                "Clear filters",
                "Record a new aid item",
                "Skip to main content",
                "Approval year",
                ">Modality<",
                "records",
            ],
            [
                "Khoản viện trợ<",
                "Đăng xuất",
                "Cỡ chữ",
                "Tìm kiếm",
                ">Lọc<",
                "Bỏ lọc",
                "Năm phê duyệt",
                "Hình thức",
                "bản ghi",
            ],
        ),
        "/": (
            ["<h1>Home</h1>", ">Reminders<", "See all reminders", ">Transactions<", ">Organisations<"],
            ["Trang chủ", "Nhắc việc", "Xem tất cả nhắc việc", "Giao dịch", "Tổ chức<"],
        ),
        f"/aid/{item.pk}/": (
            [
                '<html lang="en"',
                ">Funding<",
                ">Commitment<",
                ">Disbursed<",
                ">Remaining<",
                ">Progress<",
                ">Participants<",
                "Sectors and locations",
                ">Documents<",
                "Change history",
                "Edit details",
                ">Donor<",
                "Record a transaction",
                ">Value date<",
            ],
            [
                '<html lang="vi"',
                ">Tiền<",
                "Đã giải ngân",
                "Còn lại",
                "Tiến trình",
                "Các bên tham gia",
                "Lĩnh vực và địa bàn",
                "Tài liệu",
                "Lịch sử thay đổi",
                "Sửa thông tin",
                "Nhà tài trợ",
                "Ghi giao dịch",
                "Ngày giá trị",
            ],
        ),
    }
    for url, (english, vietnamese) in expectations.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"] == "en", url
        html = response.content.decode()
        assert [text for text in english if text not in html] == [], url
        assert [text for text in vietnamese if text in html] == [], url
        assert _untranslated_labels(html, vietnamese_labels) == [], url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/aid/new/",
        "/aid/?q=zzzz-nothing",
        "/transactions/",
        "/organisations/",
        "/reminders/",
        "/reports/aid/?year=2022&office=yen-bai",
        "/reports/aid/?year=abc",
        "/dashboard/",
        "/dashboard/?year=2022",
        "/documents/",
        "/iati/",
        "/iati/upload/",
        "/relations/",
        "/relations/calendar/",
        "/relations/dashboard/",
        "/relations/partners/",
        "/relations/agreements/",
        "/relations/associations/",
        "/relations/events/",
        "/relations/plans/",
        "/relations/events/new/",
        "/rates/",
        "/rates/new/",
        "/rates/import/",
        "/reported/",
        "/reported/upload/",
        "/publishing/",
        "/publishing/new/",
        "/publishing/channels/",
        "/publishing/bulletin/",
    ],
)
def test_no_page_keeps_a_vietnamese_label_in_english(english_client, url, vietnamese_labels):
    response = english_client.get(url)
    assert response.status_code == 200
    assert _untranslated_labels(response.content.decode(), vietnamese_labels) == []


@pytest.mark.django_db
def test_item_subpages_in_english(english_client, yen_bai, vietnamese_labels):
    from caunoi.aid.models import AidItem

    item = AidItem.objects.get(office=yen_bai, code="YB-2022-15")
    for suffix in ("edit/", "sectors/", "places/", "history/"):
        response = english_client.get(f"/aid/{item.pk}/{suffix}")
        assert response.status_code == 200, suffix
        assert _untranslated_labels(response.content.decode(), vietnamese_labels) == [], suffix


@pytest.mark.django_db
def test_vietnamese_stays_the_default(client):
    client.post("/login/", {"username": "xem", "password": "caunoi-demo-2026"})
    html = client.get("/aid/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<h1>Khoản viện trợ</h1>" in html and "Aid items" not in html
