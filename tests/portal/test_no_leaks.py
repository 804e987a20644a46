"""Nothing unpublished leaks (issue 15's quality bar, for the open aid portal): planted records that are not
public are found on no portal page or download, in either language, crawled from the portal's front page."""

import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from caunoi.aid import services
from caunoi.aid.models import AidItem, StatusChange, Transaction
from caunoi.core.permissions import SYSTEM
from caunoi.relations.models.people import Person

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_report_cache")]
LINK = re.compile(r'(?:href|src)="([^"#]+)"')


def _text(response) -> str:  # type: ignore[no-untyped-def]
    kind = response["Content-Type"]
    if kind.startswith("image/"):
        return ""  # the news photos linked from the office page: no text to leak
    if kind.startswith("application/pdf"):  # the bulletin archive's issues
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    if kind.startswith("application/vnd.openxmlformats"):
        book = load_workbook(io.BytesIO(response.content))
        return "\n".join(str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value)
    return response.content.decode("utf-8-sig")


def crawl(client) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Every portal URL reachable from its front page, its sitemap and the filtered lists, with its text."""
    todo = ["/cong-khai/", "/cong-khai/sitemap.xml", "/cong-khai/cot-du-lieu.csv"]
    seen: dict[str, str] = {}
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        text = _text(response)
        seen[url] = text
        found = LINK.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text)
        for link in found:
            parts = urlsplit(urljoin(url, link.replace("&amp;", "&")))
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if parts.path.startswith("/cong-khai/") and path not in seen:
                todo.append(path)
        if re.fullmatch(r"/cong-khai/[\w-]+/", url):
            for query in ("?year=2022", "?year=2023", "?modality=project"):
                for fmt in ("", "tai-ve.csv", "tai-ve.xlsx", "tai-ve.geojson", "tai-ve.xml"):
                    todo.append(f"{url}{fmt}{query}")
    return seen


@pytest.fixture
def planted(yen_bai, all_public, make_item, approval, office):  # type: ignore[no-untyped-def]
    """A public item with staff-only notes, and items that are not public, each with a telltale text."""
    shown = all_public[0]
    AidItem.objects.filter(pk=shown.pk).update(
        description="GHI-CHU-NOI-BO mô tả", objectives="MUC-TIEU-NOI-BO"
    )
    StatusChange.objects.filter(item=shown).update(note="GHI-CHU-BUOC-NOI-BO")
    Transaction.objects.filter(item=shown).update(reference="CHUNG-TU-NOI-BO", description="DIEN-GIAI-NOI-BO")
    make_item(office=yen_bai, code="AN-1", title="KHONG-CONG-KHAI", status="approved", decision=approval)
    archived = make_item(
        office=yen_bai, code="AN-2", title="DA-LUU-TRU", status="approved", decision=approval
    )
    services.set_public(archived, True, actor=SYSTEM)
    services.archive_item(archived, actor=SYSTEM)
    pipeline = make_item(office=yen_bai, code="AN-3", title="DANG-THAM-DINH", status="in_appraisal")
    AidItem.objects.filter(pk=pipeline.pk).update(is_public=True)  # as if set behind the service's back
    revoked = make_item(office=yen_bai, code="AN-4", title="DA-THU-HOI", status="approved", decision=approval)
    services.set_public(revoked, True, actor=SYSTEM)
    AidItem.objects.filter(pk=revoked.pk).update(status="approval_revoked")
    Person.objects.create(
        office=yen_bai, name="Nguyễn Bí Mật", kind="other", email="bi.mat@example.vn", phone="0912000111"
    )
    secrets = [
        "GHI-CHU-NOI-BO",
        "MUC-TIEU-NOI-BO",
        "GHI-CHU-BUOC-NOI-BO",
        "CHUNG-TU-NOI-BO",
        "DIEN-GIAI-NOI-BO",
        "KHONG-CONG-KHAI",
        "DA-LUU-TRU",
        "DANG-THAM-DINH",
        "DA-THU-HOI",
        "bi.mat@example.vn",
        "0912000111",
    ]
    people = [p.name for p in Person.objects.all()]
    return shown, secrets, people


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_crawl_of_every_page_and_download_finds_nothing_unpublished(client, planted, language):
    shown, secrets, people = planted
    client.cookies["django_language"] = language
    pages = crawl(client)
    kinds = {url.split("?")[0].rsplit(".", 1)[-1] for url in pages if "tai-ve." in url}
    assert kinds == {"csv", "xlsx", "geojson", "xml"}
    assert any(f"/khoan/{shown.pk}/" in url for url in pages)
    assert any(shown.title in text for text in pages.values())
    leaks = sorted(
        (secret, url) for url, text in pages.items() for secret in [*secrets, *people] if secret in text
    )
    assert leaks == []


def test_an_unpublished_item_page_is_not_found(client, planted, yen_bai):
    for code in ("AN-1", "AN-2", "AN-3", "AN-4"):
        item = AidItem.objects.get(office=yen_bai, code=code)
        assert client.get(f"/cong-khai/yen-bai/khoan/{item.pk}/").status_code == 404


def test_the_portal_needs_no_session_and_staff_pages_still_need_sign_in(client, all_public):
    response = client.get("/cong-khai/yen-bai/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
    assert client.get("/aid/").status_code == 302
    item = all_public[0]
    assert client.get(f"/aid/{item.pk}/").status_code == 302
    assert client.post(f"/aid/{item.pk}/public/", {"public": "0"}).status_code == 302
    assert AidItem.objects.get(pk=item.pk).is_public is True
    staff = get_user_model().objects.get(username="bientap")
    client.force_login(staff)
    assert client.get("/cong-khai/yen-bai/").status_code == 200
