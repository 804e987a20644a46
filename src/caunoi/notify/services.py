"""Collect reminders into each person's notifications, and send each person one e-mail digest.

Who receives what: every active user with a role that acts (editor, approver, office administrator) in an office
that is active on the day, for that office and the offices it succeeded (their records are its work now), on
the topics the user has not turned off. A reminder that no longer holds (the item started, the agreement was
renewed) marks its unread notification as read: the bell counts only what still needs doing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from caunoi.core.models import Membership, Office, Preference, Role
from caunoi.core.permissions import Action, Actor, authorize
from caunoi.core.records import url_of
from caunoi.core.reminders import Reminder, all_reminders
from caunoi.notify.messages import OWN_ONLY
from caunoi.notify.models import Notification, ReminderChoice
from caunoi.notify.topics import TOPICS, topic_of

ACTING_ROLES = (Role.EDITOR, Role.APPROVER, Role.OFFICE_ADMIN)


@dataclass(frozen=True)
class Collected:
    users: int
    created: int
    resolved: int


def _key(reminder: Reminder) -> str:
    text = "|".join(
        (
            reminder.kind,
            reminder.office.code,
            reminder.due.isoformat(),
            str(reminder.record or ""),
            reminder.title,
        )
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _order(reminder: Reminder) -> tuple[Any, ...]:
    return (reminder.due, reminder.office.code, reminder.kind, str(reminder.record or ""))


def choices_of(user: Any) -> dict[str, ReminderChoice]:
    """The user's choice per topic; a topic without a row is received both ways."""
    saved = {c.topic: c for c in ReminderChoice.objects.filter(user=user)}
    return {topic: saved.get(topic) or ReminderChoice(user=user, topic=topic) for topic in TOPICS}


def _offices_of(today: dt.date) -> dict[int, list[Office]]:
    """Each acting user's offices (with their predecessors) on `today`."""
    offices: dict[int, dict[int, Office]] = defaultdict(dict)
    memberships = Membership.objects.filter(role__in=ACTING_ROLES, user__is_active=True).select_related(
        "office"
    )
    for membership in memberships:
        if membership.office.is_active_on(today):
            for office in membership.office.lineage():
                offices[membership.user_id][office.pk] = office
    return {user_id: sorted(found.values(), key=lambda o: o.code) for user_id, found in offices.items()}


@transaction.atomic
def collect(today: dt.date, *, actor: Actor) -> Collected:
    """Turn the reminders due on `today` into notifications of the people they concern."""
    offices_of = _offices_of(today)
    for office in {o.pk: o for found in offices_of.values() for o in found}.values():
        authorize(actor, Action.MANAGE_USERS, office)
    languages = dict(Preference.objects.values_list("user_id", "language"))
    computed: dict[tuple[tuple[int, ...], str], list[tuple[str, Reminder]]] = {}

    def reminders(offices: list[Office], language: str) -> list[tuple[str, Reminder]]:
        """(key, reminder in the user's language); the key is the Vietnamese reminder's, so a user who
        changes language gets no second notification."""
        ids = tuple(o.pk for o in offices)
        if (ids, language) not in computed:
            with translation.override("vi"):
                keys = [_key(r) for r in sorted(all_reminders(offices, today), key=_order)]
            with translation.override(language):
                texts = sorted(all_reminders(offices, today), key=_order)
            computed[(ids, language)] = list(zip(keys, texts, strict=True))
        return computed[(ids, language)]

    created = resolved = 0
    users = get_user_model().objects.filter(pk__in=offices_of)
    for user in users:
        wanted = {t for t, c in choices_of(user).items() if c.in_app or c.by_email}
        current = [
            (k, r)
            for k, r in reminders(offices_of[user.pk], languages.get(user.pk, "vi"))
            if topic_of(r.kind) in wanted
        ]
        known = set(Notification.objects.filter(user=user).values_list("key", flat=True))
        fresh = [
            Notification(
                user=user,
                office=r.office,
                kind=r.kind,
                topic=topic_of(r.kind),
                key=k,
                title=r.title[:1000],
                due=r.due,
                overdue=r.overdue,
                record_kind=r.record.kind if r.record else "",
                record_id=r.record.id if r.record else "",
            )
            for k, r in current
            if k not in known
        ]
        Notification.objects.bulk_create(fresh, ignore_conflicts=True)
        created += len(fresh)
        resolved += (
            Notification.objects.filter(user=user, read_at__isnull=True)
            .exclude(key__in=[k for k, _ in current])
            .update(read_at=timezone.now())
        )
    return Collected(len(users), created, resolved)


def unread(user: Any) -> QuerySet[Notification]:
    """The user's unread notifications on the topics they read in the app (one query: the bell is on every
    page)."""
    hidden = ReminderChoice.objects.filter(user=user, in_app=False).values("topic")
    return Notification.objects.filter(user=user, read_at__isnull=True).exclude(topic__in=hidden)


def unread_sql() -> str:
    """`unread(user).count()` in plain SQL, with `unread_params(user.pk)`: every kept page's key asks
    (caunoi.web.front too), and the ORM's building of the query cost more than the rest of serving a kept
    page. (topic is never NULL: NOT IN is exact.)"""
    notes, choices = Notification._meta.db_table, ReminderChoice._meta.db_table
    return (
        f"SELECT COUNT(*) FROM {notes} WHERE user_id = %s AND read_at IS NULL AND topic NOT IN "
        f"(SELECT topic FROM {choices} WHERE user_id = %s AND in_app = %s)"
    )


def unread_params(user_pk: int) -> list[Any]:
    return [user_pk, user_pk, False]


def remember_unread(user: Any, count: int) -> None:
    """Give `user` (a request's user object) its unread count as the caller read it with `unread_sql`."""
    user._caunoi_unread = count


def unread_count(user: Any) -> int:
    """Read once per user object (request): the header's bell and the kept page's key both ask."""
    if not getattr(user, "is_authenticated", False):
        return 0
    count: int | None = getattr(user, "_caunoi_unread", None)
    if count is None:
        with connection.cursor() as cursor:
            cursor.execute(unread_sql(), unread_params(user.pk))
            (count,) = cursor.fetchone()
        remember_unread(user, count)
    return int(count)


def mark_read(notification: Notification, *, actor: Actor) -> None:
    if getattr(actor, "pk", None) != notification.user_id:
        authorize(actor, Action.MANAGE_USERS, notification.office)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def mark_all_read(user: Any, *, actor: Actor) -> int:
    if getattr(actor, "pk", None) != user.pk:
        raise OWN_ONLY()
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def set_choices(user: Any, choices: dict[str, tuple[bool, bool]], *, actor: Actor) -> None:
    """The user's (in app, by e-mail) per topic."""
    if getattr(actor, "pk", None) != user.pk:
        raise OWN_ONLY()
    for topic, (in_app, by_email) in choices.items():
        if topic in TOPICS:
            ReminderChoice.objects.update_or_create(
                user=user, topic=topic, defaults={"in_app": in_app, "by_email": by_email}
            )


def send_digests(*, actor: Actor) -> int:
    """One e-mail per user with an address, listing the notifications not sent yet on the topics they want
    by e-mail; returns the number of e-mails sent."""
    pending = Notification.objects.filter(emailed_at__isnull=True, user__is_active=True).exclude(
        user__email=""
    )
    by_user: dict[int, list[Notification]] = defaultdict(list)
    for notification in pending.select_related("user", "office").order_by("user_id", "due", "pk"):
        by_user[notification.user_id].append(notification)
    if not by_user:
        return 0
    languages = dict(Preference.objects.filter(user_id__in=by_user).values_list("user_id", "language"))
    sent = 0
    with get_connection() as connection:
        for user_id, notifications in by_user.items():
            user = notifications[0].user
            for office in {n.office_id: n.office for n in notifications}.values():
                authorize(actor, Action.MANAGE_USERS, office)
            refused = {c.topic for c in ReminderChoice.objects.filter(user=user, by_email=False)}
            chosen = [n for n in notifications if topic_of(n.kind) not in refused]
            if chosen:
                with translation.override(languages.get(user_id, "vi")):
                    message = _digest(user, chosen)
                message.connection = connection
                message.send()
                sent += 1
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
                emailed_at=timezone.now()
            )
    return sent


def _digest(user: Any, notifications: list[Notification]) -> EmailMessage:
    count = len(notifications)
    subject = ngettext("[caunoi] %(count)d việc cần chú ý", "[caunoi] %(count)d việc cần chú ý", count) % {
        "count": count
    }
    lines = [_("Chào %(name)s,") % {"name": user.get_full_name() or user.get_username()}, ""]
    lines.append(_("Những việc sau cần chú ý:"))
    for n in notifications:
        mark = _("quá hạn") + " " if n.overdue else ""
        lines.append(f"- [{n.office.code}] {n.due:%d/%m/%Y} {mark}{n.title}")
        url = url_of(n.record)
        if url:
            lines.append(f"  {settings.CAUNOI_BASE_URL.rstrip('/')}{url}")
    lines += [
        "",
        _("Chọn loại nhắc việc nhận qua thư tại: %(url)s")
        % {"url": f"{settings.CAUNOI_BASE_URL.rstrip('/')}/notifications/settings/"},
    ]
    return EmailMessage(subject, "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [user.email])
