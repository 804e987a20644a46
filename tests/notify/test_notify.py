"""Reminders reach people: notifications per user, the bell, choices, the e-mail digest, the daily command."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command

from caunoi.core.permissions import SYSTEM
from caunoi.core.reminders import all_reminders
from caunoi.notify import services
from caunoi.notify.models import Notification, ReminderChoice
from caunoi.web.links import url_of

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 27)


def user(name: str):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def expected_for(name: str) -> int:
    """The reminders of the acting user's offices (and their predecessors) on TODAY."""
    member = user(name).memberships.get()
    return len(all_reminders(member.office.lineage(), TODAY))


def test_collect_notifies_acting_users_once(settings) -> None:  # type: ignore[no-untyped-def]
    first = services.collect(TODAY, actor=SYSTEM)
    editor = user("laocai")
    assert Notification.objects.filter(user=editor).count() == expected_for("laocai") > 0
    # A viewer acts on nothing; Yên Bái's own staff read only since the union merged into Lào Cai's.
    assert not Notification.objects.filter(user__username__in=["xem", "yenbai"]).exists()
    assert not Notification.objects.filter(user=user("toanquoc")).exists()
    again = services.collect(TODAY, actor=SYSTEM)
    assert (again.created, again.resolved) == (0, 0)
    assert first.created == Notification.objects.count()


def test_collect_refuses_no_actor() -> None:
    from caunoi.core.errors import RuleError

    with pytest.raises(RuleError):
        services.collect(TODAY, actor=None)  # type: ignore[arg-type]


def test_a_reminder_that_no_longer_holds_is_resolved() -> None:
    services.collect(TODAY, actor=SYSTEM)
    editor = user("laocai")
    before = services.unread_count(editor)
    later = TODAY + dt.timedelta(days=400)
    result = services.collect(later, actor=SYSTEM)
    fresh = get_user_model().objects.get(pk=editor.pk)
    current = len(all_reminders(editor.memberships.get().office.lineage(), later))
    assert services.unread_count(fresh) == current
    assert result.resolved >= before - current


def test_topics_turned_off_are_not_counted_nor_mailed() -> None:
    services.collect(TODAY, actor=SYSTEM)
    editor = user("laocai")
    editor.email = "laocai@example.org"
    editor.save()
    kinds = list(Notification.objects.filter(user=editor).values_list("kind", flat=True))
    anniversaries = sum(k.startswith("anniversary_") for k in kinds)
    assert anniversaries > 0
    services.set_choices(editor, {"anniversary": (False, False)}, actor=editor)
    assert services.unread_count(get_user_model().objects.get(pk=editor.pk)) == len(kinds) - anniversaries
    sent = services.send_digests(actor=SYSTEM)
    assert sent == 1
    (message,) = mail.outbox
    assert message.to == ["laocai@example.org"]
    assert message.subject == f"[caunoi] {len(kinds) - anniversaries} việc cần chú ý"
    assert Notification.objects.filter(user=editor, emailed_at__isnull=True).count() == 0
    assert services.send_digests(actor=SYSTEM) == 0  # each notification is mailed once


def test_only_the_user_changes_their_choices() -> None:
    from caunoi.core.errors import RuleError

    with pytest.raises(RuleError) as refused:
        services.set_choices(user("laocai"), {"anniversary": (False, False)}, actor=user("bientap"))
    assert refused.value.code == "notify.own_only"
    assert not ReminderChoice.objects.exists()


def test_english_users_read_english_and_keep_their_notifications() -> None:
    from django.utils import translation

    from caunoi.core.models import Preference

    editor = user("laocai")
    Preference.objects.update_or_create(user=editor, defaults={"language": "en"})
    services.collect(TODAY, actor=SYSTEM)
    offices = editor.memberships.get().office.lineage()
    with translation.override("en"):
        english = sorted(r.title for r in all_reminders(offices, TODAY))
    with translation.override("vi"):
        vietnamese = sorted(r.title for r in all_reminders(offices, TODAY))
    assert english != vietnamese
    assert sorted(Notification.objects.filter(user=editor).values_list("title", flat=True)) == english
    Preference.objects.filter(user=editor).update(language="vi")
    assert services.collect(TODAY, actor=SYSTEM).created == 0


def test_the_command_notifies_and_mails(capsys) -> None:  # type: ignore[no-untyped-def]
    get_user_model().objects.filter(username="laocai").update(email="laocai@example.org")
    call_command("reminders", "send", "--date", "2026-11-27")
    out = capsys.readouterr().out
    assert "1 thư đã gửi / " in out and "1 e-mails sent" in out
    assert len(mail.outbox) == 1


def test_the_bell_counts_and_opening_reads(login) -> None:  # type: ignore[no-untyped-def]
    services.collect(TODAY, actor=SYSTEM)
    editor = user("laocai")
    count = services.unread_count(editor)
    client = login("laocai")
    page = client.get("/aid/").content.decode()
    assert f'<span class="badge" aria-hidden="true">{count}</span>' in page
    first = Notification.objects.filter(user=editor).order_by("due", "pk").first()
    answer = client.post(f"/notifications/{first.pk}/open/")
    assert answer.status_code == 302
    assert answer.url == (url_of(first.record) or "/notifications/")
    page = client.get("/aid/").content.decode()  # the kept page is not served with the old count
    assert f'<span class="badge" aria-hidden="true">{count - 1}</span>' in page
    other = login("xem")
    assert other.post(f"/notifications/{first.pk}/open/").status_code == 404


def test_the_settings_page_saves_choices(login) -> None:  # type: ignore[no-untyped-def]
    client = login("laocai")
    assert client.get("/notifications/settings/").status_code == 200
    answer = client.post("/notifications/settings/", {"report_due-app": "on", "anniversary-email": "on"})
    assert answer.status_code == 302
    saved = {c.topic: (c.in_app, c.by_email) for c in ReminderChoice.objects.filter(user=user("laocai"))}
    assert saved["report_due"] == (True, False)
    assert saved["anniversary"] == (False, True)
    assert saved["agreement"] == (False, False)
