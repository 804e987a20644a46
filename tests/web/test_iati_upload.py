"""The IATI pages: an upload runs the same import as `caunoi iati import` and shows its report (counts and
every located problem), bad files import nothing, only editors and above import, other offices are 404, and
the export returns the same IATI XML as `caunoi iati export`."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from lxml import etree

from caunoi.aid.models import AidItem, Transaction
from caunoi.iati.models import IatiActivity
from tests.iati.conftest import activity

pytestmark = pytest.mark.django_db
URL = "/iati/upload/"
# Activities of the Viet Nam sample that are schema-valid but break caunoi's rules (see
# tests/iati/test_import_samples.py): left out of the "valid" upload.
REFUSED_BY_CAUNOI = {"CA-3-P007336001", "NL-KVK-27378529-PCB20VN05A", "XI-IATI-EC_INTPA-2020/42250/1"}
SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "iati" / "samples"


def iati_bytes(*activities: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" '
        f'generated-datetime="2024-05-01T00:00:00Z">{"".join(activities)}\n</iati-activities>\n'
    ).encode()


def upload(client: Any, name: str, content: bytes, **options: str) -> Any:
    data = {"file": SimpleUploadedFile(name, content), "office": "yen-bai", **options}
    return client.post(URL, data)


def text(response: Any) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def counts(response: Any) -> dict[str, int]:
    return dict(response.context["counts"])


def imported_count() -> int:
    return IatiActivity.objects.filter(office__code="yen-bai").count()


def test_the_page_shows_the_form_to_an_editor(login):
    response = login("bientap").get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'enctype="multipart/form-data"' in page and 'name="skip_invalid"' in page
    assert 'name="dry_run"' in page and 'name="recipient_country"' in page
    # Two offices to import into (Lào Cai and its predecessor Yên Bái): the editor chooses.
    assert '<option value="" selected>' in page and '<option value="yen-bai">' in page
    assert 'href="/iati/"' in page  # the nav link "IATI"


@pytest.mark.parametrize(("username", "can_import"), [("bientap", True), ("xem", False)])
def test_the_iati_page_exports_for_every_reader_and_imports_for_editors(login, username, can_import):
    response = login(username).get("/iati/")

    assert response.status_code == 200
    page = response.content.decode()
    assert 'action="/iati/export/"' in page and '<option value="yen-bai">' in page
    assert ('href="/iati/upload/"' in page) is can_import


def test_a_small_valid_file_is_imported_and_counted(login):
    content = iati_bytes(activity("XM-WEB-1"), activity("XM-WEB-2"))

    response = upload(login("bientap"), "hai-hoat-dong.xml", content)

    assert response.status_code == 200
    c = counts(response)
    assert (c["files"], c["read"], c["imported"], c["rejected"], c["transactions"]) == (1, 2, 2, 0, 6)
    assert response.context["summary"].committed
    assert AidItem.objects.filter(code__in=["XM-WEB-1", "XM-WEB-2"], office__code="yen-bai").count() == 2
    shown = text(response)
    assert "Đã lưu vào Liên hiệp các tổ chức hữu nghị tỉnh Yên Bái" in shown
    assert "Tệp hai-hoat-dong.xml Hoạt động đã đọc 2 Nhập mới 2 Cập nhật 0 Không đổi 0 Bị từ chối 0" in shown

    again = upload(login("bientap"), "hai-hoat-dong.xml", content)

    assert (counts(again)["read"], counts(again)["unchanged"], counts(again)["imported"]) == (2, 2, 0)


def test_a_gzipped_file_and_the_options(login):
    content = gzip.compress(iati_bytes(activity("XM-WEB-GZ")))

    dry = upload(login("bientap"), "mot.xml.gz", content, dry_run="on")

    assert counts(dry)["imported"] == 1 and dry.context["summary"].dry_run
    assert "Chạy thử: không lưu gì." in text(dry)
    assert not AidItem.objects.filter(code="XM-WEB-GZ").exists()

    other_country = upload(login("bientap"), "mot.xml.gz", content, recipient_country="la")

    assert (counts(other_country)["read"], counts(other_country)["skipped"]) == (1, 1)
    assert not AidItem.objects.filter(code="XM-WEB-GZ").exists()


def test_a_few_published_viet_nam_activities(login, tmp_path):
    """The first activities of the Viet Nam sample (real published data), copied unchanged."""
    source = SAMPLES / "vn" / "vn_activities_valid.xml"
    if not source.exists():
        pytest.skip(
            "../shared/data/iati/samples/vn/vn_activities_valid.xml absent (shared data not available)"
        )
    root = etree.Element("iati-activities", version="2.03")
    for _, element in etree.iterparse(str(source), tag="iati-activity"):
        if element.findtext("iati-identifier") in REFUSED_BY_CAUNOI:
            continue
        root.append(element)
        if len(root) == 3:
            break
    content = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    identifiers = [a.findtext("iati-identifier") for a in root]

    response = upload(login("bientap"), "vn_activities_valid.xml", content, recipient_country="VN")

    c = counts(response)
    assert (c["read"], c["imported"], c["rejected"]) == (3, 3, 0), response.context["errors"]
    assert IatiActivity.objects.filter(iati_identifier__in=identifiers, office__code="yen-bai").count() == 3


def test_a_file_that_is_not_xml_is_refused_with_its_line(login):
    before = imported_count()

    response = upload(login("bientap"), "khong-phai.xml", b"Day khong phai XML\n<<<\n")

    assert response.status_code == 200
    errors = response.context["errors"]
    assert len(errors) == 1 and errors[0]["file"] == "khong-phai.xml" and errors[0]["line"] == 1
    assert "Không lưu gì: không đọc được tệp" in text(response)
    assert imported_count() == before


def test_a_truncated_file_imports_nothing_and_names_the_line(login):
    whole = iati_bytes(activity("XM-WEB-T1"), activity("XM-WEB-T2"))
    cut = whole[: int(len(whole) * 0.8)]
    before = imported_count()

    response = upload(login("bientap"), "cat-ngang.xml", cut)

    errors = response.context["errors"]
    assert errors and errors[0]["file"] == "cat-ngang.xml"
    assert errors[0]["line"] is not None and errors[0]["line"] > 1
    assert not response.context["summary"].committed
    assert "Không lưu gì: không đọc được tệp" in text(response)
    assert imported_count() == before
    assert not AidItem.objects.filter(code__startswith="XM-WEB-T").exists()
    assert f'cat-ngang.xml, <span class="line">dòng {errors[0]["line"]}</span>' in response.content.decode()


def test_an_invalid_activity_blocks_the_file_unless_skipped(login):
    bad = activity("XM-WEB-BAD", value="1e5")  # exponent notation is not an IATI decimal
    content = iati_bytes(activity("XM-WEB-OK"), bad)

    blocked = upload(login("bientap"), "mot-loi.xml", content)

    assert counts(blocked)["rejected"] == 1 and not blocked.context["summary"].committed
    assert "Không lưu gì vì có hoạt động lỗi" in text(blocked)
    problem = blocked.context["errors"][0]
    assert (problem["file"], problem["activity"]) == ("mot-loi.xml", "XM-WEB-BAD")
    assert problem["line"] and problem["element"]
    assert not AidItem.objects.filter(code="XM-WEB-OK").exists()

    skipped = upload(login("bientap"), "mot-loi.xml", content, skip_invalid="on")

    assert (counts(skipped)["imported"], counts(skipped)["rejected"]) == (1, 1)
    assert AidItem.objects.filter(code="XM-WEB-OK").exists()
    assert not AidItem.objects.filter(code="XM-WEB-BAD").exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("setup.exe", b"MZ\x90\x00"), ("ghi-chu.txt", b"<iati-activities/>"), ("a.gz", b"\x1f\x8b")],
)
def test_other_file_types_are_refused(login, name, content):
    before = imported_count()

    response = upload(login("bientap"), name, content)

    assert response.status_code == 400
    assert "Chỉ nhận tệp .xml hoặc .xml.gz." in response.content.decode()
    assert "summary" not in response.context
    assert imported_count() == before


@override_settings(MAX_UPLOAD_MB=0)
def test_a_file_over_the_size_limit_is_refused(login):
    response = upload(login("bientap"), "lon.xml", iati_bytes(activity("XM-WEB-BIG")))

    assert response.status_code == 400
    assert "Tệp lớn hơn 0 MB" in response.content.decode()
    assert not AidItem.objects.filter(code="XM-WEB-BIG").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [({"office": "tinh-khac"}, "office"), ({"recipient_country": "V1"}, "recipient_country"), ({}, "file")],
)
def test_bad_form_input_is_shown_next_to_the_field(login, data, field):
    client = login("bientap")
    post = {"office": "yen-bai", **data}
    if field != "file":
        post["file"] = SimpleUploadedFile("a.xml", iati_bytes(activity("XM-WEB-F")))

    response = client.post(URL, post)

    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not AidItem.objects.filter(code="XM-WEB-F").exists()


@pytest.mark.parametrize("username", ["xem", "toanquoc"])
def test_a_viewer_cannot_import(login, username):
    client = login(username)
    page = client.get(URL)

    response = upload(client, "a.xml", iati_bytes(activity("XM-WEB-VIEW")))

    # A refusal page, not a form whose submit would fail.
    assert page.status_code == 403 and 'enctype="multipart/form-data"' not in page.content.decode()
    assert "Bạn chỉ có quyền xem" in text(page)
    assert response.status_code == 403
    assert "không có gì được nhập" in text(response)
    assert not AidItem.objects.filter(code="XM-WEB-VIEW").exists()


def test_an_editor_of_another_office_cannot_import_into_it(login, stranger):
    response = upload(login("khac"), "a.xml", iati_bytes(activity("XM-WEB-LC")))

    assert response.status_code == 400 and response.context["form"].errors["office"]
    assert not AidItem.objects.filter(code="XM-WEB-LC").exists()


def test_export_returns_the_offices_iati_xml(login):
    response = login("xem").get("/iati/export/?office=yen-bai&year=2022")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert 'filename="iati-activities-yen-bai-2022.xml"' in response["Content-Disposition"]
    root = etree.fromstring(response.content)
    assert root.tag == "iati-activities" and root.get("version") == "2.03"
    assert len(root.findall("iati-activity")) == 21


@pytest.mark.parametrize(
    ("username", "query", "status"),
    [
        ("bientap", "?office=tinh-khac", 404),
        ("khac", "?office=yen-bai", 404),
        ("bientap", "", 404),
        ("bientap", "?office=yen-bai&year=abc", 302),
        ("bientap", "?office=yen-bai&year=1850", 302),
        ("bientap", "?office=yen-bai&year=2031", 302),  # no item approved that year: a message
    ],
)
def test_export_bad_input(login, stranger, username, query, status):
    response = login(username).get("/iati/export/" + query)

    assert response.status_code == status
    if status == 302:
        assert response["Location"] == "/iati/"
        assert [str(m) for m in response.wsgi_request._messages]


def test_an_upload_writes_its_history_in_the_name_of_the_user(login):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.get(username="bientap")

    upload(login("bientap"), "mot-hoat-dong.xml", iati_bytes(activity("XM-WEB-AI")))

    item = AidItem.objects.get(code="XM-WEB-AI", office__code="yen-bai")
    assert [(h.history_type, h.history_user_id) for h in item.history.all()] == [("+", editor.pk)]
    activity_row = IatiActivity.objects.get(item=item)
    assert [h.history_user_id for h in activity_row.history.all()] == [editor.pk]
    transactions = Transaction.history.filter(item=item)
    assert transactions.count() == 2
    assert {h.history_user_id for h in transactions} == {editor.pk}
