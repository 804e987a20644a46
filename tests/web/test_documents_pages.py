"""The documents pages: annual report and annex downloads (the `annual` exporter), drafts generated from
records, edited in the browser, saved as versions and checked (both values shown for a wrong figure), who may
do what, other offices' drafts (404), bad input (a message, never a 500), and query counts."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from caunoi.core.models import Preference
from caunoi.core.permissions import SYSTEM
from caunoi.documents.drafts import generate_draft, save_version
from caunoi.documents.models import AnnualReportDraft, DraftVersion

pytestmark = pytest.mark.django_db
INDEX = "/documents/"
GENERATE = "/documents/drafts/generate/"


def html(response: Any) -> str:
    return response.content.decode()


def text(response: Any) -> str:
    """The page's visible text, tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html(response)))


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.wsgi_request._messages]


def draft_url(draft: AnnualReportDraft) -> str:
    return f"/documents/drafts/{draft.pk}/"


@pytest.fixture
def draft(yen_bai: Any) -> AnnualReportDraft:
    from django.contrib.auth import get_user_model

    return generate_draft(yen_bai, 2022, actor=get_user_model().objects.get(username="bientap")).draft


def test_index_offers_the_report_and_annexes_for_the_chosen_year(login):
    response = login("xem").get(INDEX + "?office=yen-bai&year=2022")

    assert response.status_code == 200
    page = html(response)
    for fmt in ("docx", "pdf", "md", "xlsx"):
        assert f"/documents/annual/?office=yen-bai&amp;year=2022&amp;format={fmt}" in page
    assert "Báo cáo năm 2022 từ dữ liệu" in page
    assert 'href="/documents/"' in page  # the nav link "Văn bản"
    assert "/documents/drafts/generate/" not in page  # a viewer cannot generate


@pytest.mark.parametrize("query", ["?year=abc", "?year=1800", "?office=nowhere&year=2022", "?year=%00"])
def test_index_bad_query_gives_a_message(login, query):
    response = login("bientap").get(INDEX + query)

    assert response.status_code == 200
    if "year=2022" not in query:
        assert "không hợp lệ" in html(response)


def test_docx_download_opens_and_states_the_total(login):
    from docx import Document

    response = login("xem").get("/documents/annual/?office=yen-bai&year=2022&format=docx")

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert 'filename="bao-cao-nam-2022-yen-bai.docx"' in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    assert "1.404.175" in "\n".join(p.text for p in document.paragraphs)


def test_xlsx_pdf_and_md_downloads(login):
    from openpyxl import load_workbook

    client = login("bientap")
    xlsx = client.get("/documents/annual/?office=yen-bai&year=2022&format=xlsx")
    pdf = client.get("/documents/annual/?office=yen-bai&year=2022&format=pdf")
    md = client.get("/documents/annual/?office=yen-bai&year=2022&format=md")

    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    workbook = load_workbook(io.BytesIO(xlsx.content))
    assert len(workbook.sheetnames) >= 2
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert md["Content-Type"] == "text/markdown; charset=utf-8"
    assert "1.404.175 USD" in md.content.decode("utf-8")


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?office=yen-bai&year=abc&format=docx", 302),
        ("?office=yen-bai&year=2022&format=exe", 302),
        ("?office=tinh-khac&year=2022&format=docx", 404),  # bientap does not see tinh-khac
        ("?office=nowhere&year=2022&format=docx", 404),
        ("?year=2022", 404),
    ],
)
def test_download_bad_input_is_a_message_or_404(login, query, status):
    response = login("bientap").get("/documents/annual/" + query)

    assert response.status_code == status
    if status == 302:
        assert messages_of(response)


def test_generate_edit_save_and_the_wrong_figure_is_flagged_with_both_values(login, yen_bai):
    client = login("bientap")

    response = client.post(GENERATE, {"office": "yen-bai", "year": "2022"})

    draft = AnnualReportDraft.objects.get(office=yen_bai, year=2022)
    assert response.status_code == 302 and response["Location"] == draft_url(draft)
    page = client.get(draft_url(draft))
    assert page.status_code == 200
    body = page.context["form"].initial["body"]
    assert "80.466 USD" in body
    assert "<textarea" in html(page) and "0 sai lệch" in text(page)

    edited = body.replace("80.466", "80.446", 1)
    saved = client.post(draft_url(draft), {"body": edited, "note": "sửa số y tế"})

    assert saved.status_code == 302
    assert draft.versions.count() == 2
    latest = draft.versions.order_by("-number").first()
    assert (
        latest is not None
        and latest.created_by is not None
        and latest.created_by.username == "bientap"
        and latest.note == "sửa số y tế"
    )
    page = client.get(draft_url(draft))
    findings = page.context["findings"]
    errors = [f for f in findings if f.severity == "error"]
    # The figure disagrees with the records and with the total it is a part of: both flagged, both values.
    assert {(f.stated, f.computed, f.against) for f in errors} == {
        ("80.446 USD", "80.466 USD", "Hồ sơ"),
        ("1.404.175 USD", "1.404.155 USD", "Cộng các phần"),
    }
    shown = text(page)
    assert "2 sai lệch" in shown
    assert "văn bản ghi “80.446 USD” nhưng hồ sơ là 80.466 USD" in shown
    assert "Văn bản ghi 80.446 USD Hồ sơ 80.466 USD Chênh lệch 20 USD" in shown
    assert "<mark>80.446 USD</mark>" in html(page)
    # the versions, with who saved them and the note
    rows = re.findall(r"<tr[^>]*><th scope=\"row\">(\d+) <small>(.*?)</tr>", html(page), re.S)
    assert [n for n, _ in rows] == ["2", "1"]
    assert all("bientap" in row for _, row in rows) and "sửa số y tế" in rows[0][1]


def test_the_findings_follow_the_users_language(login, draft):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="bientap")
    save_version(draft, draft.versions.get().body.replace("80.466", "80.446", 1), actor=user)
    Preference.objects.update_or_create(user=user, defaults={"language": "en"})

    page = login("bientap").get(draft_url(draft))

    assert "the text states “80.446 USD” but the records say 80,466 USD" in text(page)


def test_an_older_version_can_be_viewed_and_exported(login, draft):
    save_version(draft, "Văn bản ngắn: 02 dự án với 10 USD.\n", note="thử", actor=SYSTEM)
    client = login("xem")

    first = client.get(draft_url(draft) + "?v=1")
    latest = client.get(draft_url(draft))
    bad = client.get(draft_url(draft) + "?v=abc")
    md = client.get(f"/documents/drafts/{draft.pk}/versions/1/md/")
    docx = client.get(f"/documents/drafts/{draft.pk}/versions/2/docx/")

    assert first.context["shown"].number == 1 and "Đang xem phiên bản cũ số 1" in html(first)
    assert latest.context["shown"].number == 2
    assert bad.status_code == 200 and bad.context["shown"].number == 2 and messages_of(bad)
    assert md.status_code == 200 and "80.466 USD" in md.content.decode("utf-8")
    assert 'filename="bao-cao-nam-2022-yen-bai-v1.md"' in md["Content-Disposition"]
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert client.get(f"/documents/drafts/{draft.pk}/versions/9/md/").status_code == 404
    assert client.get(f"/documents/drafts/{draft.pk}/versions/1/exe/").status_code == 404


def test_a_viewer_reads_but_cannot_save_or_generate(login, draft):
    client = login("xem")

    page = client.get(draft_url(draft))
    saved = client.post(draft_url(draft), {"body": "Sửa linh tinh 1.000 USD", "note": ""})
    generated = client.post(GENERATE, {"office": "yen-bai", "year": "2022"})

    assert page.status_code == 200 and page.context["form"] is None
    assert "Lưu thành phiên bản mới" not in html(page)
    assert saved.status_code == 403
    assert "Bạn không có quyền “nhập, sửa dữ liệu” trong cơ quan yen-bai." in html(saved)
    assert generated.status_code == 302 and any("không có quyền" in m for m in messages_of(generated))
    assert draft.versions.count() == 1


@pytest.mark.parametrize("username", ["lanhdao", "quantri"])
def test_approvers_and_office_admins_may_save(login, draft, username):
    response = login(username).post(draft_url(draft), {"body": "Nội dung mới.", "note": ""})

    assert response.status_code == 302
    latest = draft.versions.order_by("-number").first()
    assert latest is not None and latest.created_by is not None and latest.created_by.username == username


def test_another_offices_editor_gets_404(login, draft, stranger):
    client = login("khac")

    assert client.get(draft_url(draft)).status_code == 404
    assert client.post(draft_url(draft), {"body": "x", "note": ""}).status_code == 404
    assert client.get(f"/documents/drafts/{draft.pk}/versions/1/md/").status_code == 404
    assert client.post(GENERATE, {"office": "yen-bai", "year": "2022"}).status_code == 404
    assert client.get(INDEX + "?office=yen-bai&year=2022").context["office"].code == "tinh-khac"
    assert draft.versions.count() == 1


def test_the_national_viewer_reads_but_cannot_save(login, draft):
    client = login("toanquoc")

    assert client.get(draft_url(draft)).status_code == 200
    assert client.post(draft_url(draft), {"body": "x", "note": ""}).status_code == 403
    assert draft.versions.count() == 1


def test_an_empty_text_is_refused_next_to_the_field(login, draft):
    response = login("bientap").post(draft_url(draft), {"body": "   \r\n  ", "note": ""})

    assert response.status_code == 400
    assert response.context["form"].errors["body"]
    assert draft.versions.count() == 1


def test_bad_generate_input_is_a_message(login):
    client = login("bientap")

    bad_year = client.post(GENERATE, {"office": "yen-bai", "year": "20x2"})

    assert bad_year.status_code == 302 and messages_of(bad_year)
    assert client.get(GENERATE).status_code == 405
    assert not AnnualReportDraft.objects.filter(office__code="yen-bai").exists()


def test_query_counts_do_not_grow_with_versions_or_drafts(login, draft, yen_bai):
    client = login("bientap")
    client.get(draft_url(draft))  # warm caches (sessions, content types)

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    draft_before, index_before = count(draft_url(draft)), count(INDEX + "?office=yen-bai&year=2022")
    for n in range(6):
        save_version(draft, f"Phiên bản {n}: 02 dự án.\n", note=f"n{n}", actor=SYSTEM)
    for year in (2019, 2020, 2021):
        AnnualReportDraft.objects.create(office=yen_bai, year=year)
    # the latest version is now a short text: compare with the same amount of text checked
    save_version(draft, DraftVersion.objects.get(draft=draft, number=1).body, actor=SYSTEM)

    assert count(draft_url(draft)) == draft_before
    assert count(INDEX + "?office=yen-bai&year=2022") == index_before
