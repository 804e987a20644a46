import pytest
from django.core.management import call_command

from caunoi.aid.models import AidItem, StatusChange, Transaction
from caunoi.directory.models import Organisation

pytestmark = pytest.mark.django_db


def counts():  # type: ignore[no-untyped-def]
    return (
        AidItem.objects.count(),
        Transaction.objects.count(),
        StatusChange.objects.count(),
        Organisation.objects.count(),
    )


def test_demo_twice_gives_the_same_result(capsys):
    before = counts()
    call_command("demo")
    out = capsys.readouterr().out
    assert "Đã có sẵn dữ liệu mẫu: 21 khoản viện trợ" in out
    assert "bientap    editor @ lao-cai" in out
    assert "yenbai     editor @ yen-bai" in out
    assert counts() == before


def test_demo_items_are_marked_illustrative_and_donors_are_fictional(yen_bai):
    assert AidItem.objects.filter(office=yen_bai, is_illustrative=False).count() == 0
    donors = Organisation.objects.filter(office=yen_bai, participations__role="funding").distinct()
    assert donors.count() == 8
    assert all(d.is_illustrative and "(minh họa)" in d.name for d in donors)
    named = Organisation.objects.filter(office=yen_bai, name__in=["Tổ chức Tầm nhìn Thế giới", "Tổ chức GNI"])
    assert named.count() == 2
    assert Transaction.objects.filter(provider__in=named).count() == 0  # no invented amount on a real NGO
