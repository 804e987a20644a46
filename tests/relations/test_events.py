import datetime as dt

import pytest
from django.core.files.base import ContentFile

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.alerts import workshop_alerts
from caunoi.relations.models import Event
from caunoi.relations.services import events as svc
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db
D = dt.date


def make(office, **kwargs):  # type: ignore[no-untyped-def]
    kwargs.setdefault("title", "Đón đoàn tỉnh Viêng Chăn")
    kwargs.setdefault("kind", "incoming_delegation")
    kwargs.setdefault("start_on", D(2022, 10, 3))
    kwargs.setdefault("actor", SYSTEM)
    return svc.create_event(office, **kwargs)


def test_an_event_lasts_a_day_unless_said_otherwise(office):
    event = make(office)
    assert (event.start_on, event.end_on, event.country) == (D(2022, 10, 3), D(2022, 10, 3), "VN")
    year = make(office, title="Hội đàm", kind="talks", start_on=D(2022, 6, 1), date_precision="year")
    assert (year.start_on, year.end_on) == (D(2022, 1, 1), D(2022, 12, 31))


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"end_on": D(2022, 10, 2)}, "relations.dates_order", "end_on"),
        ({"kind": "party"}, "relations.choice_unknown", "kind"),
        ({"country": "XX"}, "relations.country_unknown", "country"),
        (
            {"permission_requested_on": D(2022, 8, 1)},
            "relations.permission_only_for_workshop",
            "permission_requested_on",
        ),
    ],
)
def test_event_rules(office, kwargs, code, field):
    with pytest.raises(RuleError) as error:
        make(office, **kwargs)
    assert (error.value.code, error.value.field) == (code, field)
    assert Event.objects.filter(office=office).count() == 0


def test_workshop_permission_is_asked_at_least_30_days_ahead(office):
    with pytest.raises(RuleError) as error:
        make(
            office,
            kind="workshop",
            title="Hội thảo",
            start_on=D(2022, 10, 3),
            permission_requested_on=D(2022, 9, 4),
        )
    assert error.value.code == "relations.permission_lead_time"
    assert "04/09/2022" in error.value.vi and "04/10/2022" in error.value.vi and "30" in error.value.en
    event = make(
        office,
        kind="workshop",
        title="Hội thảo",
        start_on=D(2022, 10, 3),
        permission_requested_on=D(2022, 9, 3),
    )
    assert event.permission_requested_on == D(2022, 9, 3)
    with pytest.raises(RuleError) as error:
        svc.update_event(event, permission_granted_on=D(2022, 9, 1), actor=SYSTEM)
    assert error.value.code == "relations.dates_order"
    with pytest.raises(RuleError) as error:
        svc.update_event(event, start_on=D(2022, 9, 30), end_on=D(2022, 9, 30), actor=SYSTEM)
    assert error.value.code == "relations.permission_lead_time"


def test_workshop_alerts_permission_due_and_report_late(office):
    make(office, kind="workshop", title="Hội thảo sắp tới", start_on=D(2027, 1, 10))
    make(office, kind="workshop", title="Hội thảo còn xa", start_on=D(2027, 6, 1))
    make(
        office,
        kind="workshop",
        title="Hội thảo đã qua",
        start_on=D(2026, 11, 2),
        end_on=D(2026, 11, 3),
        permission_requested_on=D(2026, 9, 1),
    )
    alerts = workshop_alerts(office, TODAY)
    assert [(a.kind, a.title, a.due, a.days) for a in alerts] == [
        ("workshop_report", "Hội thảo đã qua", D(2026, 11, 18), -9),
        ("workshop_permission", "Hội thảo sắp tới", D(2026, 12, 11), 14),
    ]


def test_participants_and_headcounts(office, person):
    event = make(office)
    svc.add_participant(event, "host", name="Lãnh đạo Liên hiệp", actor=SYSTEM)
    svc.add_participant(event, "interpreter", person=person("Phiên dịch viên"), actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.add_participant(event, "guest", actor=SYSTEM)
    assert error.value.code == "relations.participant_needs_name"
    svc.set_headcounts(event, {"la": 12, "VN": 20}, actor=SYSTEM)
    svc.set_headcounts(event, {"LA": 15, "VN": 20}, actor=SYSTEM)
    assert dict(event.headcounts.values_list("country", "count")) == {"LA": 15, "VN": 20}
    with pytest.raises(RuleError) as error:
        svc.set_headcounts(event, {"LA": 0}, actor=SYSTEM)
    assert error.value.code == "relations.negative"


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_photos_and_documents_are_checked(office, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = make(office)
    photo = svc.add_photo(
        event, ContentFile(PNG, name="anh.png"), "Toàn cảnh buổi hội đàm", credit="Báo Yên Bái", actor=SYSTEM
    )
    assert photo.file.name.startswith("relations/photos/")
    with pytest.raises(RuleError) as error:
        svc.add_photo(event, ContentFile(b"%PDF-1.7", name="anh.pdf"), "Ảnh", actor=SYSTEM)
    assert error.value.code == "relations.file_type"
    with pytest.raises(RuleError) as error:
        svc.add_photo(event, ContentFile(b"GIF89a", name="anh.jpg"), "Ảnh", actor=SYSTEM)
    assert error.value.code == "relations.file_content"
    with pytest.raises(RuleError) as error:
        svc.add_photo(event, ContentFile(PNG, name="anh.png"), " ", actor=SYSTEM)
    assert error.value.code == "relations.required"
    document = svc.add_document(
        event, ContentFile(b"%PDF-1.7 x", name="bien-ban.pdf"), "Biên bản hội đàm", actor=SYSTEM
    )
    assert document.title == "Biên bản hội đàm"


def test_links_stay_in_the_office(office, relations_demo):
    from caunoi.relations.models import Partnership

    other = Partnership.objects.filter(office=relations_demo).first()
    with pytest.raises(RuleError) as error:
        make(office, partnership=other)
    assert error.value.code == "office.mismatch"
