"""The pages that record references (`caunoi.core.records.RecordRef`) open, by reverse() of the web's URL
names: domain code names records, only the web layer knows their addresses."""

from __future__ import annotations

from collections.abc import Callable

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from caunoi.core.records import RecordRef


def _detail(name: str) -> Callable[[str], str]:
    return lambda pk: reverse(name, args=[int(pk)])


def _aid_report(key: str) -> str:
    year, _sep, office = key.partition(":")
    return reverse("web:aid-report") + "?" + urlencode({"year": year, "office": office})


def _calendar(month: str) -> str:
    return reverse("web:rel-calendar") + "?" + urlencode({"month": month})


PAGES: dict[str, Callable[[str], str]] = {
    "aid_item": _detail("web:aid-detail"),
    "organisation": _detail("web:organisation-detail"),
    "agreement": _detail("web:rel-agreement-detail"),
    "event": _detail("web:rel-event-detail"),
    "partnership": _detail("web:rel-partner-detail"),
    "association": _detail("web:rel-association-detail"),
    "aid_report": _aid_report,
    "calendar_month": _calendar,
}


def url_of(ref: RecordRef | None) -> str:
    """The path of the reference's page; "" for none, or for a reference no page shows (a stored one of a
    kind the web no longer knows)."""
    if ref is None or ref.kind not in PAGES:
        return ""
    try:
        return PAGES[ref.kind](ref.id)
    except (NoReverseMatch, ValueError):
        return ""
