"""People's diplomacy on the home page and the reminders list: agreements expiring or expired with nothing
renewing them, international workshops whose Decision 06/2020 permission or result report is due, and upcoming
anniversaries worth a celebration.

The relations app registers `relation_reminders` with `caunoi.core.reminders` when it is ready. Records are
named (`caunoi.core.records.RecordRef`); the web layer turns them into addresses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core.models import Office
from caunoi.core.records import RecordRef
from caunoi.core.reminders import Reminder
from caunoi.relations.alerts import Alert, agreement_alerts, workshop_alerts
from caunoi.relations.anniversaries import Anniversary, upcoming_anniversaries
from caunoi.relations.countries import country_name
from caunoi.relations.models import Association, Partnership

# Round anniversaries are shown a season ahead, so that a celebration can be planned; yearly occasions
# (national days, new-year festivals) a month ahead.
ROUND_LEAD_DAYS = 90
YEARLY_LEAD_DAYS = 30


def relation_alerts(offices: Iterable[Office], today: dt.date) -> list[Alert]:
    """The alerts of every office given, each once (an office is alerted to its predecessors' agreements
    too, so an office and its predecessor would otherwise both list them)."""
    seen: set[tuple[str, int]] = set()
    found = []
    for office in offices:
        for alert in agreement_alerts(office, today) + workshop_alerts(office, today):
            if (alert.kind, alert.record_id) not in seen:
                seen.add((alert.kind, alert.record_id))
                found.append(alert)
    return sorted(found, key=lambda a: (a.due, a.title))


def relation_anniversaries(
    offices: Iterable[Office], today: dt.date, lead_days: int = ROUND_LEAD_DAYS
) -> list[Anniversary]:
    seen: set[tuple[dt.date, str]] = set()
    found = []
    for office in offices:
        for anniversary in upcoming_anniversaries(office, today, lead_days):
            if (anniversary.on, anniversary.title) not in seen:
                seen.add((anniversary.on, anniversary.title))
                found.append(anniversary)
    return sorted(found, key=lambda a: (a.on, a.title))


def _english() -> bool:
    return (translation.get_language() or "vi").startswith("en")


def alert_text(alert: Alert) -> str:
    return alert.en if _english() else alert.vi


# An occasion with no English title, named in English by its kind and country (in the page's language).
OCCASION_TITLES = {
    "national_day": gettext_lazy("Quốc khánh %(country)s"),
    "diplomatic_relations": gettext_lazy("Ngày thiết lập quan hệ ngoại giao Việt Nam - %(country)s"),
    "new_year": gettext_lazy("Tết cổ truyền của %(country)s"),
}


def anniversary_title(anniversary: Anniversary) -> str:
    """The anniversary's title in the active language. In Vietnamese, its title; in English an occasion's
    English title (else its kind and country, else its Vietnamese title), and the founding of a partnership
    or an association in a sentence of the catalog around the recorded name (an association's English one)."""
    if not _english():
        return anniversary.title
    if anniversary.kind == "partnership_founding":
        return _("%(years)s năm quan hệ hợp tác với %(name)s") % {
            "years": anniversary.years,
            "name": anniversary.name,
        }
    if anniversary.kind == "association_founding":
        return _("%(years)s năm thành lập %(name)s") % {
            "years": anniversary.years,
            "name": anniversary.title_en or anniversary.name,
        }
    if anniversary.title_en:
        return anniversary.title_en
    composed = OCCASION_TITLES.get(anniversary.kind)
    if composed is None or not anniversary.country:
        return anniversary.title
    return str(composed) % {"country": country_name(anniversary.country)}


def anniversary_text(anniversary: Anniversary) -> str:
    """The anniversary as a reminder or the public home lists it, in the active language."""
    title = anniversary_title(anniversary)
    if anniversary.years and anniversary.is_round:
        text = _("Kỷ niệm %(years)s năm: %(title)s") % {"years": anniversary.years, "title": title}
    else:
        text = title
    if anniversary.approximate:
        text += " " + _("(ngày gần đúng)")
    return text


def alert_record(alert: Alert) -> RecordRef:
    return RecordRef.of("agreement" if alert.kind.startswith("agreement") else "event", alert.record_id)


def visible_records(offices: Iterable[Office]) -> set[str]:
    """The partnerships and associations of these offices, as anniversaries name them ("partnership:3")."""
    offices = list(offices)
    found = {
        f"partnership:{pk}"
        for pk in Partnership.objects.filter(office__in=offices).values_list("pk", flat=True)
    }
    found |= {
        f"association:{pk}"
        for pk in Association.objects.filter(office__in=offices).values_list("pk", flat=True)
    }
    return found


def anniversary_record(anniversary: Anniversary, visible: set[str]) -> RecordRef:
    """The partnership or association when the user may open it, else the calendar of that month."""
    kind, _sep, pk = anniversary.record.partition(":")
    if anniversary.record in visible and kind in ("partnership", "association"):
        return RecordRef(kind, pk)
    return RecordRef("calendar_month", f"{anniversary.on:%Y-%m}")


def relation_reminders(offices: Iterable[Office], today: dt.date) -> list[Reminder]:
    offices = list(offices)
    by_code = {o.code: o for o in offices}
    reminders = []
    for alert in relation_alerts(offices, today):
        # A predecessor's agreement reaches its successor's staff; its page is linked only where they may open it.
        office = by_code.get(alert.office) or Office.objects.get(code=alert.office)
        reminders.append(
            Reminder(
                alert.kind,
                office,
                alert_text(alert),
                alert.due,
                record=alert_record(alert) if alert.office in by_code else None,
                overdue=alert.days < 0,
            )
        )
    visible = visible_records(offices)
    for office in offices:
        for anniversary in upcoming_anniversaries(office, today, ROUND_LEAD_DAYS):
            if not anniversary.is_round and anniversary.days_until > YEARLY_LEAD_DAYS:
                continue
            reminders.append(
                Reminder(
                    f"anniversary_{anniversary.kind}",
                    office,
                    anniversary_text(anniversary),
                    anniversary.on,
                    record=anniversary_record(anniversary, visible),
                )
            )
    unique: dict[tuple[str, dt.date, str], Reminder] = {}
    for reminder in reminders:
        unique.setdefault((reminder.kind, reminder.due, reminder.title), reminder)
    return list(unique.values())
