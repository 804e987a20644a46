"""Annual-report drafts: generate one from records, save edited versions, check and export a version.

These are the services the web application calls; nothing here depends on a request.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.db.models import Max

from caunoi.core import audit
from caunoi.core.models import Office
from caunoi.core.permissions import Action, Actor, authorize, history_user
from caunoi.documents.body import generate_body
from caunoi.documents.draft_checks import check_report_text
from caunoi.documents.exporters import RenderedDocument, render
from caunoi.documents.messages import DRAFT_EMPTY, DRAFT_NO_VERSION, PARAMETER_MISSING
from caunoi.documents.models import AnnualReportDraft, DraftVersion, VersionSource
from caunoi.vntext.checktext import Finding


def draft_for(office: Office, year: int, *, actor: Actor) -> AnnualReportDraft:
    draft = AnnualReportDraft.objects.filter(office=office, year=year).first()
    if draft is None:
        draft = AnnualReportDraft(office=office, year=year)
        audit.save(draft, actor)
    return draft


@transaction.atomic
def _add_version(draft: AnnualReportDraft, body: str, source: str, actor: Any, note: str) -> DraftVersion:
    # Lock the draft row so that two people saving at once get consecutive numbers, not a clash.
    AnnualReportDraft.objects.select_for_update().filter(pk=draft.pk).first()
    last = draft.versions.aggregate(n=Max("number"))["n"] or 0
    return DraftVersion.objects.create(
        draft=draft, number=last + 1, body=body, source=source, note=note, created_by=history_user(actor)
    )


def generate_draft(office: Office, year: int, *, actor: Actor) -> DraftVersion:
    """A new version holding the prose generated from today's records."""
    authorize(actor, Action.EDIT, office)
    draft = draft_for(office, year, actor=actor)
    return _add_version(draft, generate_body(office, year), VersionSource.GENERATED, actor, "")


def save_version(draft: AnnualReportDraft, body: str, *, actor: Actor, note: str = "") -> DraftVersion:
    """Save staff's edited prose as the next version (earlier versions are kept unchanged)."""
    authorize(actor, Action.EDIT, draft.office)
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n")).strip()
    if not text:
        raise DRAFT_EMPTY(field="body")
    return _add_version(draft, text + "\n", VersionSource.EDITED, actor, note.strip())


def latest_version(draft: AnnualReportDraft) -> DraftVersion:
    version = draft.versions.order_by("-number").first()
    if version is None:
        raise DRAFT_NO_VERSION(field="draft", year=draft.year)
    return version


def check_version(version: DraftVersion) -> list[Finding]:
    """The findings on a version's figures (own sums and against records), for the editor to show."""
    return check_report_text(version.draft.office, version.draft.year, version.body)


def version_for(parameters: Mapping[str, Any]) -> DraftVersion:
    """The version an export names: ``version`` (an object or id), or ``draft`` (its latest version)."""
    version = parameters.get("version")
    if isinstance(version, DraftVersion):
        return version
    if version not in (None, ""):
        return DraftVersion.objects.select_related("draft__office").get(pk=int(version))
    draft = parameters.get("draft")
    if isinstance(draft, AnnualReportDraft):
        return latest_version(draft)
    raise PARAMETER_MISSING(field="version", parameter="version")


def export_version(
    version: DraftVersion, fmt: str, *, day: dt.date | None = None, number: str | None = None
) -> RenderedDocument:
    return render("annual-draft", {"version": version, "format": fmt, "date": day, "number": number})
