"""Notifications name the record they open (kind, id) instead of keeping its address."""

import re
from typing import Any

from django.db import migrations, models

# The addresses 0001's notifications were given, and the record each names.
ADDRESSES = [
    (re.compile(r"^/aid/(\d+)/$"), "aid_item"),
    (re.compile(r"^/organisations/(\d+)/$"), "organisation"),
    (re.compile(r"^/relations/agreements/(\d+)/$"), "agreement"),
    (re.compile(r"^/relations/events/(\d+)/$"), "event"),
    (re.compile(r"^/relations/partners/(\d+)/$"), "partnership"),
    (re.compile(r"^/relations/associations/(\d+)/$"), "association"),
    (re.compile(r"^/relations/calendar/\?month=(\d{4}-\d{2})$"), "calendar_month"),
]
REPORT = re.compile(r"^/reports/aid/\?year=(\d{4})&office=([^&]+)$")


def record_of(url: str) -> tuple[str, str]:
    """(kind, id) of the record an address of 0001 opens; ("", "") for none."""
    report = REPORT.match(url)
    if report:
        return "aid_report", f"{report[1]}:{report[2]}"
    for pattern, kind in ADDRESSES:
        found = pattern.match(url)
        if found:
            return kind, found[1]
    return "", ""


def name_records(apps: Any, schema_editor: Any) -> None:
    Notification = apps.get_model("notify", "Notification")
    for notification in Notification.objects.exclude(url="").only("pk", "url"):
        kind, key = record_of(notification.url)
        Notification.objects.filter(pk=notification.pk).update(record_kind=kind, record_id=key)


class Migration(migrations.Migration):
    dependencies = [
        ("notify", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="record_kind",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddField(
            model_name="notification",
            name="record_id",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(name_records, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="notification",
            name="url",
        ),
    ]
