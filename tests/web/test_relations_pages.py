"""The people's-diplomacy pages (issue 4, item 9) with the Django test client on the demo union."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM
from caunoi.core.reminders import all_reminders
from caunoi.directory.models import Organisation
from caunoi.relations.completion import task_completion
from caunoi.relations.demo import MIMASAKA
from caunoi.relations.models import (
    Agreement,
    AnnualPlan,
    Association,
    Congress,
    Event,
    EventPhoto,
    Partnership,
    PlanTask,
    Side,
)
from caunoi.relations.reminders import relation_reminders
from caunoi.relations.services import agreements as agreement_services
from caunoi.relations.services import events as event_services
from caunoi.relations.services import partners as partner_services
from caunoi.relations.services.associations import founding_stage
from caunoi.relations.status import AgreementStatus, agreement_status
from caunoi.web.links import url_of
from caunoi.web.views.relations.agreements import status_q
from caunoi.web.views.relations.associations import _annotated
from caunoi.web.views.relations.plans import TASKS
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db
FRAMEWORK = "Thỏa thuận khung về triển khai"
CONGRESS_TASK = "Hoàn thành tổ chức Đại hội các Hội hữu nghị"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def text(response: Any) -> str:
    return response.content.decode()


def framework(office: Office) -> Agreement:
    return Agreement.objects.get(office=office, title__startswith=FRAMEWORK)


def mimasaka(office: Office) -> Partnership:
    return Partnership.objects.get(office=office, organisation__name=MIMASAKA)


def association(office: Office, label: str) -> Association:
    return Association.objects.get(office=office, name__contains=label)


def congress_task(office: Office) -> Any:
    plan = AnnualPlan.objects.get(office=office, year=2023)
    return plan, plan.tasks.get(title__startswith=CONGRESS_TASK)


def messages_of(response: Any) -> str:
    return " ".join(str(m) for m in response.context["messages"]) if response.context else ""


# --- every page renders ---------------------------------------------------------------------------------


LIST_URLS = [
    "/relations/",
    "/relations/partners/",
    "/relations/partners/?q=vieng+chan&country=LA&kind=friendship_cooperation&status=active",
    "/relations/partners/new/",
    "/relations/agreements/",
    "/relations/agreements/?status=expired&kind=framework&year=2022",
    "/relations/agreements/new/",
    "/relations/associations/",
    "/relations/associations/?q=viet+phap",
    "/relations/associations/new/",
    "/relations/events/",
    "/relations/events/?year=2022&kind=student_activity",
    "/relations/events/new/?kind=incoming_delegation",
    "/relations/events/new/?kind=workshop",
    "/relations/calendar/",
    "/relations/calendar/?month=2022-09",
    "/relations/plans/",
    "/relations/dashboard/",
    "/relations/dashboard/?year=2022",
    "/reminders/",
    "/",
]


@pytest.mark.parametrize("url", LIST_URLS)
def test_every_list_page_renders_for_an_editor(login, url):
    response = login("bientap").get(url)
    assert response.status_code == 200, url
    assert "<script>" not in text(response) and " style=" not in text(response), url


def detail_urls(office: Office) -> list[str]:
    urls = []
    for partnership in Partnership.objects.filter(office=office):
        urls += [f"/relations/partners/{partnership.pk}/{s}" for s in ("", "edit/", "history/")]
    for agreement in Agreement.objects.filter(office=office):
        urls += [f"/relations/agreements/{agreement.pk}/{s}" for s in ("", "edit/", "history/")]
    for item in Association.objects.filter(office=office):
        urls += [f"/relations/associations/{item.pk}/{s}" for s in ("", "congress/", "history/")]
    for event in Event.objects.filter(office=office):
        urls += [f"/relations/events/{event.pk}/{s}" for s in ("", "edit/", "history/")]
    for plan in AnnualPlan.objects.filter(office=office):
        urls += [f"/relations/plans/{plan.pk}/{s}" for s in ("", "history/")]
    return urls


def test_every_history_page_links_back_to_its_record(login, yen_bai):
    """relations.common.history_view: "← <the record>" to its page, and the trail ends "Lịch sử thay đổi"."""
    from django.utils.html import escape

    client = login("bientap")
    kinds = [
        ("partners", Partnership),
        ("agreements", Agreement),
        ("associations", Association),
        ("events", Event),
        ("plans", AnnualPlan),
    ]
    for path, model in kinds:
        record = model.objects.filter(office=yen_bai).first()
        assert record is not None, path
        page = f"/relations/{path}/{record.pk}/"
        html = text(client.get(page + "history/"))
        assert f'<p><a href="{page}">← {escape(str(record))}</a></p>' in html, page
        assert '<span aria-current="page">Lịch sử thay đổi</span>' in html, page


@pytest.mark.parametrize("username", ["bientap", "xem", "toanquoc", "quantri"])
def test_every_record_page_renders_for_each_role(login, yen_bai, username):
    client = login(username)
    urls = detail_urls(yen_bai)
    assert len(urls) > 40
    read_only = username in ("xem", "toanquoc")
    for url in urls:
        form = url.endswith(("new/", "edit/"))
        # Viewers get the refusal page for forms (test_refusal_pages walks every form route).
        assert client.get(url).status_code == (403 if read_only and form else 200), (username, url)


def test_a_viewer_reads_but_is_offered_no_form(login, yen_bai):
    client = login("xem")
    page = text(client.get(f"/relations/agreements/{framework(yen_bai).pk}/"))
    assert "Tải lên văn bản đã ký" not in page and "Lưu trữ" not in page
    refused = client.get("/relations/events/new/")
    assert refused.status_code == 403 and "Bạn chỉ có quyền xem" in text(refused)
    editor_page = text(login("bientap").get(f"/relations/agreements/{framework(yen_bai).pk}/"))
    assert "Tải lên văn bản đã ký" in editor_page and "Lưu trữ" in editor_page


# --- the expired Mimasaka agreement -----------------------------------------------------------------------


def test_the_mimasaka_framework_agreement_shows_as_expired(login, yen_bai):
    agreement = framework(yen_bai)
    assert agreement_status(agreement, TODAY) == AgreementStatus.EXPIRED
    client = login("xem")
    overview = text(client.get("/relations/"))
    alerts = overview[overview.index('id="alerts"') :]
    assert "Mimasaka" in alerts and "đã hết hạn từ ngày 31/12/2025" in alerts
    assert f'href="/relations/agreements/{agreement.pk}/"' in alerts
    detail = text(client.get(f"/relations/agreements/{agreement.pk}/"))
    assert 'id="agreement-status">Đã hết hạn<' in detail
    listed = text(client.get("/relations/agreements/", {"status": "expired"}))
    assert FRAMEWORK in listed and "1 bản ghi" in listed
    assert FRAMEWORK not in text(client.get("/relations/agreements/", {"status": "in_force"}))
    for url in ("/", "/reminders/"):
        assert "Mimasaka" in text(client.get(url)) and "đã hết hạn" in text(client.get(url)), url


def test_relation_reminders_reach_the_home_page_list(yen_bai):
    reminders = relation_reminders([yen_bai], TODAY)
    expired = [r for r in reminders if r.kind == "agreement_expired"]
    assert len(expired) == 1 and expired[0].overdue and expired[0].due == dt.date(2025, 12, 31)
    assert url_of(expired[0].record) == f"/relations/agreements/{framework(yen_bai).pk}/"
    assert any(r.kind.startswith("anniversary_") for r in reminders)
    assert any(r.kind == "agreement_expired" for r in all_reminders([yen_bai], TODAY))
    # The successor office is alerted to its predecessor's agreement, without a link it could not open.
    lao_cai = Office.objects.get(code="lao-cai")
    inherited = [r for r in relation_reminders([lao_cai], TODAY) if r.kind == "agreement_expired"]
    assert inherited and inherited[0].record is None
    both = relation_reminders([yen_bai, lao_cai], TODAY)
    assert len([r for r in both if r.kind == "agreement_expired"]) == 1


def test_the_english_interface_uses_the_alerts_english_text(login, django_user_model):
    client = login("xem")
    client.post("/language/", {"language": "en", "next": "/relations/"})
    page = text(client.get("/relations/"))
    assert "expired on 31 December 2025" in page


# --- record an incoming delegation linked to the agreement ------------------------------------------------


def test_record_an_incoming_delegation_linked_to_the_mimasaka_agreement(login, yen_bai):
    client = login("bientap")
    agreement, partnership = framework(yen_bai), mimasaka(yen_bai)
    form = client.get(f"/relations/events/new/?kind=incoming_delegation&agreement={agreement.pk}")
    assert 'value="incoming_delegation" selected' in text(form)
    response = client.post(
        "/relations/events/new/",
        {
            "office": "yen-bai",
            "kind": "incoming_delegation",
            "title": "Đón đoàn thành phố Mimasaka thăm và làm việc",
            "start_on": "2026-10-12",
            "end_on": "2026-10-14",
            "date_precision": "day",
            "place": "Thành phố Yên Bái",
            "country": "VN",
            "partnership": partnership.pk,
            "agreement": agreement.pk,
            "description": "Trao đổi về gia hạn thỏa thuận khung.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    event = Event.objects.get(title="Đón đoàn thành phố Mimasaka thăm và làm việc")
    assert response["Location"] == f"/relations/events/{event.pk}/"
    assert (event.agreement, event.partnership, event.office) == (agreement, partnership, yen_bai)
    detail = text(client.get(response["Location"]))
    assert f'href="/relations/agreements/{agreement.pk}/"' in detail and "Đón đoàn vào" in detail
    assert event.title in text(client.get(f"/relations/agreements/{agreement.pk}/"))
    assert event.title in text(client.get(f"/relations/partners/{partnership.pk}/"))
    assert event.title in text(client.get("/relations/events/", {"kind": "incoming_delegation"}))

    # participants, counts by nationality, a photo with its caption
    ok = client.post(
        f"/relations/events/{event.pk}/participants/", {"role": "delegation_head", "name": "Ông A"}
    )
    assert ok.status_code == 302
    counts = client.post(
        f"/relations/events/{event.pk}/headcounts/",
        {"country_0": "JP", "count_0": "8", "country_1": "VN", "count_1": "12"},
    )
    assert counts.status_code == 302
    photo = client.post(
        f"/relations/events/{event.pk}/photos/",
        {"file": SimpleUploadedFile("don-doan.png", PNG, "image/png"), "caption": "Lễ đón đoàn"},
    )
    assert photo.status_code == 302
    page = text(client.get(f"/relations/events/{event.pk}/"))
    assert "Ông A" in page and "Trưởng đoàn" in page and "Nhật Bản" in page and ">20<" in page
    stored = EventPhoto.objects.get(event=event)
    assert 'alt="Lễ đón đoàn"' in page
    image = client.get(f"/relations/events/{event.pk}/photos/{stored.pk}/")
    assert image.status_code == 200 and b"".join(image.streaming_content).startswith(b"\x89PNG")
    history = text(client.get(f"/relations/events/{event.pk}/history/"))
    assert "bientap" in history and "tạo mới" in history


# --- plan a congress, record it held, see the plan task complete -------------------------------------------


def test_plan_a_congress_then_record_it_held_completes_a_target(login, yen_bai):
    client = login("bientap")
    plan, task = congress_task(yen_bai)
    assert task_completion(task, TODAY).met == 0
    page = text(client.get(f"/relations/plans/{plan.pk}/"))
    assert re.search(rf'id="task-{task.pk}".*?class="completion">0/3<', page, re.S)

    phap = association(yen_bai, "Việt - Pháp")
    target = task.targets.get(association=phap)
    form = text(client.get(f"/relations/associations/{phap.pk}/congress/"))
    assert f'<option value="{target.pk}">2023 — Đại hội Hội hữu nghị Việt - Pháp</option>' in form
    planned = client.post(
        f"/relations/associations/{phap.pk}/congress/",
        {
            "kind": "regular",
            "term_number": "2",
            "on": "2023-06-01",
            "precision": "month",
            "place": "Hội trường Liên hiệp",
            "target": target.pk,
        },
    )
    assert planned.status_code == 302
    congress = Congress.objects.filter(association=phap, place="Hội trường Liên hiệp").get()
    assert target.evidence.filter(congress=congress).exists()
    assert task_completion(task, TODAY).met == 0  # planned, not yet held

    held = client.post(f"/relations/congresses/{congress.pk}/held/", {f"c{congress.pk}-on": "2023-06-18"})
    assert held.status_code == 302 and "Đã ghi đại hội đã tổ chức" in messages_of(
        client.get(held["Location"])
    )
    congress.refresh_from_db()
    assert (congress.status, congress.on) == ("held", dt.date(2023, 6, 18))
    assert task_completion(task, TODAY).met == 1
    page = text(client.get(f"/relations/plans/{plan.pk}/"))
    assert re.search(rf'id="task-{task.pk}".*?class="completion">1/3<', page, re.S)
    assert "1/3" in text(client.get("/relations/"))


def test_link_and_unlink_evidence_from_the_plan_page(login, yen_bai):
    client = login("bientap")
    plan = AnnualPlan.objects.get(office=yen_bai, year=2023)
    ties = plan.tasks.get(title__startswith="Củng cố")
    target = ties.targets.get(partnership=mimasaka(yen_bai))
    event = event_services.create_event(
        yen_bai,
        title="Đón đoàn Mimasaka 2023",
        kind="incoming_delegation",
        start_on=dt.date(2023, 5, 2),
        partnership=mimasaka(yen_bai),
        actor=SYSTEM,
    )
    page = text(client.get(f"/relations/plans/{plan.pk}/"))
    assert f'value="event:{event.pk}"' in page
    response = client.post(
        f"/relations/targets/{target.pk}/evidence/", {f"t{target.pk}-record": f"event:{event.pk}"}
    )
    assert response.status_code == 302 and response["Location"].endswith(f"#task-{ties.pk}")
    assert task_completion(ties, TODAY).met == 1
    evidence = target.evidence.get(event=event)
    bad = client.post(f"/relations/targets/{target.pk}/evidence/", {f"t{target.pk}-record": "event:999999"})
    assert bad.status_code == 302 and "Minh chứng" in messages_of(client.get(bad["Location"]))
    assert client.post(f"/relations/evidence/{evidence.pk}/unlink/").status_code == 302
    assert task_completion(ties, TODAY).met == 0


# --- bad input gives a message, never a server error ------------------------------------------------------


def test_bad_input_gives_messages(login, yen_bai):
    client = login("bientap")
    agreement = framework(yen_bai)
    province = Organisation.objects.get(office=yen_bai, name="Ủy ban nhân dân tỉnh Yên Bái")
    city = mimasaka(yen_bai).organisation

    dates = client.post(
        "/relations/events/new/",
        {
            "office": "yen-bai",
            "kind": "talks",
            "title": "Sai ngày",
            "start_on": "2026-10-12",
            "end_on": "2026-10-01",
            "date_precision": "day",
            "country": "VN",
        },
    )
    assert dates.status_code == 200 and "không thể sớm hơn" in text(dates)
    permission = client.post(
        "/relations/events/new/",
        {
            "office": "yen-bai",
            "kind": "workshop",
            "title": "Hội thảo",
            "start_on": "2026-12-10",
            "date_precision": "day",
            "country": "VN",
            "permission_requested_on": "2026-11-20",
        },
    )
    assert "30" in text(permission) and permission.status_code == 200
    garbage = client.post("/relations/events/new/", {"office": "zz", "start_on": "hôm qua", "kind": "x"})
    assert garbage.status_code == 200 and 'class="error"' in text(garbage)

    fake = SimpleUploadedFile("thoa-thuan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    upload = client.post(f"/relations/agreements/{agreement.pk}/upload/", {"document": fake})
    assert upload.status_code == 400 and "thoa-thuan.pdf" in text(upload)
    both_sides = client.post(
        "/relations/agreements/new/",
        {
            "office": "yen-bai",
            "title": "Hai phía",
            "kind": "mou",
            "ours": [province.pk],
            "theirs": [province.pk, city.pk],
            "signed_precision": "day",
            "period_precision": "day",
        },
    )
    assert both_sides.status_code == 200 and 'class="error"' in text(both_sides)
    assert not Agreement.objects.filter(title="Hai phía").exists()
    future = client.post(
        "/relations/agreements/new/",
        {
            "office": "yen-bai",
            "title": "Ký ở tương lai",
            "kind": "mou",
            "ours": [province.pk],
            "theirs": [city.pk],
            "signed_on": "2027-01-01",
            "signed_precision": "day",
            "period_precision": "day",
        },
    )
    assert future.status_code == 200 and "tương lai" in text(future)

    trung = association(yen_bai, "Trung Quốc")
    founding = trung.congresses.get()
    refused = client.post(f"/relations/congresses/{founding.pk}/held/", {f"c{founding.pk}-on": "2023-05-05"})
    assert "Cấp có thẩm quyền đồng ý" in messages_of(client.get(refused["Location"]))
    founding.refresh_from_db()
    assert founding.status == "planned"
    no_date = client.post(f"/relations/congresses/{founding.pk}/held/", {})
    assert "Ngày tổ chức" in messages_of(client.get(no_date["Location"]))
    term = client.post(
        f"/relations/associations/{association(yen_bai, 'Việt - Lào').pk}/terms/",
        {"number": "2", "start": "2020-01-01", "end": "2019-01-01"},
    )
    assert term.status_code == 400 and "không thể sớm hơn" in text(term)
    duplicate = client.post(
        "/relations/partners/new/",
        {
            "office": "yen-bai",
            "organisation": city.pk,
            "level": "city",
            "kind": "cooperation",
            "since_precision": "day",
            "status": "active",
        },
    )
    assert duplicate.status_code == 200 and "Đã có quan hệ đối tác" in text(duplicate)
    counts = client.post(
        f"/relations/events/{Event.objects.filter(office=yen_bai).first().pk}/headcounts/",
        {"country_0": "JP", "count_0": "0"},
    )
    assert counts.status_code == 400 and 'class="error"' in text(counts)

    for url in (
        "/relations/calendar/?month=2026-13",
        "/relations/calendar/?month=abc",
        "/relations/dashboard/?year=abc&office=zz",
        "/relations/dashboard/csv/nothing/",
        "/relations/events/?year=abc&kind=zz&partner=-1&page=999&sort=password",
        "/relations/agreements/?status=zz&year=x",
        "/relations/partners/?country=ZZ&sort=-password",
        "/relations/events/new/?kind=zz&agreement=abc",
    ):
        assert client.get(url).status_code in (200, 404), url


def test_a_viewer_cannot_write(login, yen_bai):
    client = login("xem")
    agreement = framework(yen_bai)
    response = client.post(
        f"/relations/agreements/{agreement.pk}/terminate/", {"terminated_on": "2026-01-01"}
    )
    assert response.status_code == 400 and "Bạn không có quyền" in text(response)
    agreement.refresh_from_db()
    assert agreement.terminated_on is None
    archive = client.post(f"/relations/agreements/{agreement.pk}/archive/")
    assert "Bạn không có quyền" in messages_of(client.get(archive["Location"]))
    create = client.post(
        "/relations/events/new/",
        {
            "office": "yen-bai",
            "kind": "talks",
            "title": "X",
            "start_on": "2026-10-12",
            "date_precision": "day",
            "country": "VN",
        },
    )
    assert create.status_code == 403 and not Event.objects.filter(title="X").exists()


def test_archive_by_staff_restore_by_the_office_administrator(login, yen_bai):
    partnership = mimasaka(yen_bai)
    editor = login("bientap")
    assert editor.post(f"/relations/partners/{partnership.pk}/archive/").status_code == 302
    partnership.refresh_from_db()
    assert partnership.archived_at is not None
    listed = text(editor.get("/relations/partners/"))
    assert "Đã lưu trữ" in listed and MIMASAKA not in listed.split("<tbody>")[1]
    assert MIMASAKA in text(editor.get("/relations/partners/", {"archived": "1"})).split("<tbody>")[1]
    refused = editor.post(f"/relations/partners/{partnership.pk}/restore/")
    assert "Bạn không có quyền" in messages_of(editor.get(refused["Location"]))
    login("quantri").post(f"/relations/partners/{partnership.pk}/restore/")
    partnership.refresh_from_db()
    assert partnership.archived_at is None
    assert editor.post(f"/relations/partners/{partnership.pk}/nonsense/").status_code == 404


# --- other offices' records do not exist --------------------------------------------------------------------


def test_every_url_of_another_office_is_404(login, yen_bai, stranger):
    client = login("khac")
    event = Event.objects.filter(office=yen_bai).first()
    photo = EventPhoto.objects.create(event=event, file="relations/photos/x.png", caption="x")
    _plan, task = congress_task(yen_bai)
    target = task.targets.first()
    congress = Congress.objects.filter(office=yen_bai).first()
    evidence = target.evidence.first()
    urls = detail_urls(yen_bai)
    for url in urls:
        assert client.get(url).status_code == 404, url
    gets = [
        f"/relations/agreements/{framework(yen_bai).pk}/document/",
        f"/relations/events/{event.pk}/photos/{photo.pk}/",
        f"/relations/events/{event.pk}/documents/1/",
    ]
    posts = [
        f"/relations/partners/{mimasaka(yen_bai).pk}/contacts/",
        f"/relations/partners/{mimasaka(yen_bai).pk}/archive/",
        f"/relations/agreements/{framework(yen_bai).pk}/upload/",
        f"/relations/agreements/{framework(yen_bai).pk}/terminate/",
        f"/relations/agreements/{framework(yen_bai).pk}/aid/",
        f"/relations/agreements/{framework(yen_bai).pk}/archive/",
        f"/relations/associations/{congress.association_id}/steps/",
        f"/relations/associations/{congress.association_id}/terms/",
        f"/relations/associations/{congress.association_id}/members/",
        f"/relations/associations/{congress.association_id}/committee/",
        f"/relations/associations/{congress.association_id}/archive/",
        f"/relations/congresses/{congress.pk}/held/",
        f"/relations/congresses/{congress.pk}/cancel/",
        f"/relations/events/{event.pk}/participants/",
        f"/relations/events/{event.pk}/headcounts/",
        f"/relations/events/{event.pk}/photos/",
        f"/relations/events/{event.pk}/documents/",
        f"/relations/events/{event.pk}/archive/",
        f"/relations/targets/{target.pk}/evidence/",
        f"/relations/evidence/{evidence.pk}/unlink/",
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts + [u for u in urls if u.endswith(("edit/", "congress/"))]:
        assert client.post(url, {}).status_code == 404, url
    for url in ("/relations/partners/", "/relations/agreements/", "/relations/events/", "/relations/plans/"):
        page = text(client.get(url))
        assert "Mimasaka" not in page and "Việt - Pháp" not in page, url
    assert "Mimasaka" not in text(client.get("/relations/dashboard/?year=2022"))
    # nor may a form borrow another office's record
    response = client.post(
        "/relations/events/new/",
        {
            "office": "lao-cai",
            "kind": "talks",
            "title": "Mượn",
            "start_on": "2026-10-12",
            "date_precision": "day",
            "country": "VN",
            "agreement": framework(yen_bai).pk,
        },
    )
    assert response.status_code == 200 and not Event.objects.filter(title="Mượn").exists()


# --- lists: export, search, query counts ---------------------------------------------------------------------


def test_lists_export_csv_and_xlsx(login):
    client = login("xem")
    partners = client.get("/relations/partners/", {"format": "csv"}).content.decode("utf-8-sig")
    assert (
        partners.splitlines()[0].startswith("Đối tác,Tên nguyên gốc,Quốc gia")
        and len(partners.splitlines()) == 8
    )
    sheet = load_workbook(io.BytesIO(client.get("/relations/agreements/", {"format": "xlsx"}).content)).active
    assert sheet.max_row == 3 and "Đã hết hạn" in [c.value for c in sheet[3]] + [c.value for c in sheet[2]]
    events = client.get("/relations/events/", {"format": "csv", "year": "2022"}).content.decode("utf-8-sig")
    assert len(events.splitlines()) == 5
    assert client.get("/relations/associations/", {"format": "xlsx"}).status_code == 200
    chart = client.get("/relations/dashboard/csv/months/", {"year": "2022"}).content.decode("utf-8-sig")
    assert chart.splitlines()[-1] == "Tổng,4" and "Không rõ tháng,1" in chart


@pytest.mark.parametrize(
    ("query", "found", "absent"),
    [
        ("vieng chan", "Tỉnh Viêng Chăn", "Tỉnh Vân Nam"),
        ("VIÊNG", "Tỉnh Viêng Chăn", "Mimasaka"),
        ("van nam", "Tỉnh Vân Nam", "Viêng"),
    ],
)
def test_partner_search_works_without_diacritics(login, query, found, absent):
    page = text(login("xem").get("/relations/partners/", {"q": query}))
    assert found in page and absent not in page.split("<tbody>")[1]


def test_agreement_and_event_search_without_diacritics(login):
    client = login("xem")
    assert FRAMEWORK in text(client.get("/relations/agreements/", {"q": "thoa thuan khung"}))
    assert "Bunpimay" in text(client.get("/relations/events/", {"q": "luu hoc sinh bunpimay"}))


def _more_records(office: Office, n: int) -> None:
    province = Organisation.objects.get(office=office, name="Ủy ban nhân dân tỉnh Yên Bái")
    first = Organisation.objects.filter(office=office, name__startswith="Thành phố Thử ").count()
    for i in range(first, first + n):  # an organisation's name is its identity in the office
        org = Organisation.objects.create(
            office=office, name=f"Thành phố Thử {i}", country="KR", kind="foreign_locality"
        )
        partnership = partner_services.create_partnership(
            office, org, level="city", kind="cooperation", actor=SYSTEM
        )
        agreement_services.create_agreement(
            office,
            title=f"Biên bản {i}",
            kind="mou",
            parties=[(province, Side.OURS), (org, Side.THEIRS)],
            partnership=partnership,
            signed_on=dt.date(2024, 1, 1),
            period_end=dt.date(2027, 1, 1),
            actor=SYSTEM,
        )
        event = event_services.create_event(
            office,
            title=f"Đoàn {i}",
            kind="incoming_delegation",
            start_on=dt.date(2024, 3, 1),
            partnership=partnership,
            actor=SYSTEM,
        )
        event_services.set_headcounts(event, {"KR": 3, "VN": 4}, actor=SYSTEM)


@pytest.mark.parametrize(
    "url",
    [
        "/relations/partners/",
        "/relations/agreements/",
        "/relations/events/",
        "/relations/associations/",
        "/relations/plans/",
        "/relations/",
        "/relations/calendar/?month=2024-03",
        "/relations/dashboard/?year=2024",
    ],
)
def test_query_counts_do_not_grow_with_rows(login, yen_bai, url):
    client = login("xem")
    _more_records(yen_bai, 1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _more_records(yen_bai, 6)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few), (url, len(few), len(many))


# --- the page helpers follow the domain's rules -------------------------------------------------------------


def test_computed_status_filter_completion_and_stage_agree_with_the_domain(yen_bai):
    _more_records(yen_bai, 1)
    agreements = list(Agreement.objects.filter(office=yen_bai))
    for day in (TODAY, dt.date(2022, 10, 1), dt.date(2025, 11, 1), dt.date(2019, 6, 1)):
        for status in AgreementStatus:
            by_query = set(Agreement.objects.filter(status_q(status, day), office=yen_bai))
            assert by_query == {a for a in agreements if agreement_status(a, day) == status}, (day, status)
    plan = AnnualPlan.objects.get(office=yen_bai, year=2023)
    for task in TASKS.filter(plan=plan):  # prefetched rows, as the pages read them, and read one by one
        assert task_completion(task, TODAY) == task_completion(PlanTask.objects.get(pk=task.pk), TODAY)
    for item in _annotated(Association.objects.filter(office=yen_bai)):
        assert founding_stage(item) == founding_stage(Association.objects.get(pk=item.pk)), item.name


def test_a_group_of_checkboxes_is_a_fieldset_named_by_its_legend(login):
    page = login("bientap").get("/relations/agreements/new/").content.decode()
    assert 'for=""' not in page
    group = re.search(
        r'<fieldset class="field">\s*<legend>Các bên ký phía ta <span aria-hidden="true">\*</span></legend>',
        page,
    )
    assert group is not None
    assert page.count('<fieldset class="field"') == 3  # ours, theirs, cooperation fields
