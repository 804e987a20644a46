import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from caunoi.core.errors import RuleError
from caunoi.core.permissions import SYSTEM
from caunoi.relations.alerts import agreement_alerts
from caunoi.relations.models import Agreement, CooperationField
from caunoi.relations.services import agreements as svc
from caunoi.relations.status import agreement_status
from tests.conftest import TODAY

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.mark.parametrize(
    ("dates", "on", "status"),
    [
        ({}, D(2024, 1, 1), "draft"),
        ({"signed_on": D(2022, 9, 1)}, D(2022, 8, 31), "draft"),
        ({"signed_on": D(2022, 9, 1), "period_start": D(2023, 1, 1)}, D(2022, 10, 1), "signed"),
        ({"signed_on": D(2022, 9, 1)}, D(2030, 1, 1), "in_force"),
        ({"signed_on": D(2022, 9, 1), "period_end": D(2025, 12, 31)}, D(2025, 10, 1), "in_force"),  # 91 days
        ({"signed_on": D(2022, 9, 1), "period_end": D(2025, 12, 31)}, D(2025, 10, 2), "expiring"),  # 90 days
        ({"signed_on": D(2022, 9, 1), "period_end": D(2025, 12, 31)}, D(2025, 12, 31), "expiring"),
        ({"signed_on": D(2022, 9, 1), "period_end": D(2025, 12, 31)}, D(2026, 1, 1), "expired"),
    ],
)
def test_status_follows_the_dates(make_agreement, dates, on, status):
    assert agreement_status(make_agreement(**dates), on) == status


def test_terminated_from_its_day(make_agreement):
    agreement = make_agreement(signed_on=D(2020, 1, 1))
    svc.terminate_agreement(agreement, D(2024, 5, 1), note="Hai bên thống nhất chấm dứt", actor=SYSTEM)
    assert agreement_status(agreement, D(2024, 4, 30)) == "in_force"
    assert agreement_status(agreement, D(2024, 5, 1)) == "terminated"
    with pytest.raises(RuleError) as error:
        svc.terminate_agreement(make_agreement(signed_on=D(2020, 1, 1)), D(2019, 1, 1), actor=SYSTEM)
    assert error.value.code == "relations.terminated_before_signed"


def test_a_period_known_to_the_year_runs_to_its_last_day(make_agreement):
    agreement = make_agreement(
        signed_on=D(2022, 9, 20),
        signed_precision="month",
        period_start=D(2022, 1, 1),
        period_end=D(2025, 1, 1),
        period_precision="year",
    )
    assert (agreement.signed_on, agreement.period_start, agreement.period_end) == (
        D(2022, 9, 1),
        D(2022, 1, 1),
        D(2025, 12, 31),
    )


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"period_start": D(2025, 1, 1), "period_end": D(2024, 1, 1)}, "relations.dates_order", "period_end"),
        ({"signed_on": D(2025, 1, 1), "period_end": D(2024, 12, 31)}, "relations.dates_order", "period_end"),
        ({"signed_on": D(2027, 1, 1)}, "relations.date_in_future", "signed_on"),
        ({"title": " "}, "relations.required", "title"),
        ({"kind": "treaty"}, "relations.choice_unknown", "kind"),
    ],
)
def test_agreement_rules_save_nothing(make_agreement, office, kwargs, code, field):
    with pytest.raises(RuleError) as error:
        make_agreement(**kwargs)
    assert (error.value.code, error.value.field) == (code, field)
    assert Agreement.objects.filter(office=office).count() == 0


def test_an_agreement_needs_both_sides(make_agreement, province, partner):
    for parties in ([(province, "ours")], [(partner, "theirs")], []):
        with pytest.raises(RuleError) as error:
            make_agreement(parties=parties)
        assert error.value.code == "relations.agreement_sides"


def test_an_organisation_is_a_party_once(make_agreement, province, partner):
    with pytest.raises(RuleError) as error:
        make_agreement(parties=[(province, "ours"), (partner, "theirs"), (partner, "ours")])
    assert (error.value.code, error.value.field) == ("aid.duplicate_entry", "parties")
    assert "Tỉnh Viêng Chăn" in error.value.vi


def test_parties_and_fields(make_agreement, province, partner, org):
    fields = list(CooperationField.objects.filter(code__in=["nong-nghiep", "lao-dong"]))
    agreement = make_agreement(fields=fields)
    assert sorted(f.code for f in agreement.fields.all()) == ["lao-dong", "nong-nghiep"]
    other = org("Tỉnh Xay Nha Bu Ly")
    svc.set_parties(agreement, [(province, "ours"), (partner, "theirs"), (other, "theirs")], actor=SYSTEM)
    assert sorted((r.organisation.name, r.side) for r in agreement.party_rows.all()) == [
        ("Tỉnh Viêng Chăn", "theirs"),
        ("Tỉnh Xay Nha Bu Ly", "theirs"),
        ("Ủy ban nhân dân tỉnh Thử Nghiệm", "ours"),
    ]
    archived = CooperationField.objects.get(code="thuong-mai")
    archived.archived_at = timezone.now()
    archived.save()
    with pytest.raises(RuleError) as error:
        svc.set_fields(agreement, [archived], actor=SYSTEM)
    assert error.value.code == "relations.field_archived"


def test_renewals(make_agreement):
    first = make_agreement(signed_on=D(2019, 1, 1), period_end=D(2021, 12, 31))
    second = make_agreement(signed_on=D(2022, 1, 1), period_end=D(2024, 12, 31), renews=first)
    with pytest.raises(RuleError) as error:
        svc.update_agreement(first, renews=second, actor=SYSTEM)
    assert error.value.code == "relations.renews_itself"
    with pytest.raises(RuleError) as error:
        make_agreement(signed_on=D(2018, 1, 1), renews=first)
    assert error.value.code == "relations.renewal_before_original"


def test_alert_for_an_agreement_ending_within_90_days(make_agreement, office):
    make_agreement(title="Sắp hết", signed_on=D(2024, 1, 1), period_end=D(2027, 2, 25))
    make_agreement(title="Còn lâu", signed_on=D(2024, 1, 1), period_end=D(2027, 2, 26))
    alerts = agreement_alerts(office, TODAY)
    assert [(a.kind, a.title, a.days) for a in alerts] == [("agreement_expiring", "Sắp hết", 90)]
    assert "25/02/2027" in alerts[0].vi and "90 ngày" in alerts[0].vi and "in 90 days" in alerts[0].en


def test_alert_for_an_expired_agreement_until_something_renews_it(make_agreement, office):
    old = make_agreement(title="Cũ", signed_on=D(2022, 9, 1), period_end=D(2025, 12, 31))
    assert [(a.kind, a.days) for a in agreement_alerts(office, TODAY)] == [("agreement_expired", -331)]
    draft = make_agreement(title="Gia hạn (dự thảo)", renews=old)
    alerts = agreement_alerts(office, TODAY)
    assert len(alerts) == 1 and "Gia hạn (dự thảo)" in alerts[0].vi
    svc.update_agreement(draft, signed_on=D(2026, 11, 1), period_end=D(2029, 12, 31), actor=SYSTEM)
    assert agreement_alerts(office, TODAY) == []


def test_no_alert_when_the_parties_decided_not_to_renew(make_agreement, office):
    old = make_agreement(signed_on=D(2022, 9, 1), period_end=D(2025, 12, 31))
    svc.update_agreement(old, no_renewal_reason="Đã hoàn thành mục tiêu", actor=SYSTEM)
    assert agreement_alerts(office, TODAY) == []


def test_a_successor_is_alerted_to_its_predecessors_agreements(relations_demo):
    from caunoi.core.models import Office

    lao_cai = Office.objects.get(code="lao-cai")
    assert [a.kind for a in agreement_alerts(lao_cai, TODAY)] == ["agreement_expired"]


PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"


def test_the_signed_document_is_checked(make_agreement, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    agreement = make_agreement(signed_on=D(2022, 9, 1), document=ContentFile(PDF, name="thoa-thuan.pdf"))
    assert agreement.document.name.startswith("relations/agreements/")
    assert (tmp_path / agreement.document.name).read_bytes() == PDF
    for name, content, code in [
        ("virus.exe", b"MZ\x90", "relations.file_type"),
        ("fake.pdf", b"MZ\x90\x00 not a pdf", "relations.file_content"),
        ("empty.pdf", b"", "relations.file_empty"),
        ("big.pdf", PDF + b"0" * (20 * 1024 * 1024), "relations.file_too_large"),
    ]:
        with pytest.raises(RuleError) as error:
            svc.attach_document(agreement, ContentFile(content, name=name), actor=SYSTEM)
        assert error.value.code == code, name


def test_aid_items_serve_agreements(make_agreement, make_item):
    agreement = make_agreement(signed_on=D(2022, 9, 1))
    item = make_item()
    link = svc.link_aid_item(agreement, item, note="Hỗ trợ trường học", actor=SYSTEM)
    assert svc.link_aid_item(agreement, item, actor=SYSTEM) == link
    assert [lk.aid_item.code for lk in agreement.aid_links.all()] == [item.code]


def test_parties_and_fields_can_be_changed_later(make_agreement, province, partner, org):
    from caunoi.core.audit import archive

    agreement = make_agreement(signed_on=D(2022, 9, 1))
    city = org("Thành phố Mimasaka", "JP")
    svc.set_parties(agreement, [(province, "ours"), (partner, "theirs"), (city, "theirs")], actor=SYSTEM)
    assert sorted(agreement.party_rows.values_list("organisation__name", "side")) == [
        ("Thành phố Mimasaka", "theirs"),
        ("Tỉnh Viêng Chăn", "theirs"),
        ("Ủy ban nhân dân tỉnh Thử Nghiệm", "ours"),
    ]
    # a party archived since it signed stays; an archived organisation cannot become a party
    archive(partner, actor=SYSTEM)
    svc.set_parties(agreement, [(province, "ours"), (partner, "theirs")], actor=SYSTEM)
    assert agreement.party_rows.count() == 2
    gone = org("Tỉnh Đã Lưu Trữ")
    archive(gone, actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.set_parties(agreement, [(province, "ours"), (gone, "theirs")], actor=SYSTEM)
    assert (error.value.code, error.value.field) == ("relations.archived", "parties")
    health, culture = (
        CooperationField.objects.get(code="y-te"),
        CooperationField.objects.get(code="van-hoa-du-lich"),
    )
    svc.set_fields(agreement, [health, culture], actor=SYSTEM)
    health.archived_at = timezone.now()
    health.save()
    svc.set_fields(agreement, [health], actor=SYSTEM)  # kept, though archived since
    assert list(agreement.fields.values_list("code", flat=True)) == ["y-te"]
    svc.set_fields(agreement, [], actor=SYSTEM)
    with pytest.raises(RuleError) as error:
        svc.set_fields(agreement, [health], actor=SYSTEM)
    assert error.value.code == "relations.field_archived"
    archive(agreement, actor=SYSTEM)
    for change in (
        lambda: svc.set_parties(agreement, [(province, "ours"), (city, "theirs")], actor=SYSTEM),
        lambda: svc.set_fields(agreement, [culture], actor=SYSTEM),
    ):
        with pytest.raises(RuleError) as error:
            change()
        assert error.value.code == "relations.archived"
    assert agreement.party_rows.count() == 2 and agreement.fields.count() == 0
