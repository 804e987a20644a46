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


def test_demo_run_again_writes_no_row_not_even_history(capsys):
    """Every table, the historical ones included (a second run once added 6 membership history rows)."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    def every_count() -> dict[str, int]:
        return {model._meta.label: model._default_manager.count() for model in apps.get_models()}

    def passwords() -> list[str]:
        return list(get_user_model().objects.order_by("username").values_list("password", flat=True))

    before, hashes = every_count(), passwords()
    assert before["core.HistoricalMembership"] > 0  # the history is kept: it has rows to count
    call_command("demo")
    capsys.readouterr()
    assert every_count() == before
    assert passwords() == hashes


def test_demo_items_are_marked_illustrative_and_donors_are_fictional(yen_bai):
    assert AidItem.objects.filter(office=yen_bai, is_illustrative=False).count() == 0
    donors = Organisation.objects.filter(office=yen_bai, participations__role="funding").distinct()
    assert donors.count() == 8
    assert all(d.is_illustrative and "(minh họa)" in d.name for d in donors)
    named = Organisation.objects.filter(office=yen_bai, name__in=["Tổ chức Tầm nhìn Thế giới", "Tổ chức GNI"])
    assert named.count() == 2
    assert Transaction.objects.filter(provider__in=named).count() == 0  # no invented amount on a real NGO
