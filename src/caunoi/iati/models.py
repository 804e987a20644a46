"""The IATI identity of an aid item, and what the activity carries beyond the aid ledger.

The ledger (AidItem, Participation, ItemSector, ItemPlace, Transaction, StatusChange) holds what caunoi's
rules understand; `IatiActivity.details` keeps the rest of the publisher's record as published (one JSON
document: caunoi.iati.details), so that an export gives back what was imported. The document is a
snapshot: an update replaces it whole, and the IatiActivity history row of that update (new hash,
last-updated, source) says that it changed, while the ledger tables' own history shows field by field
what changed.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.core.models import OfficeOwned, office_key


class IatiActivity(OfficeOwned):
    """The IATI identity of an aid item: identified by (office, iati_identifier)."""

    office = office_key(db_index=False)  # the unique (office, iati_identifier) begins with it
    item = models.OneToOneField("aid.AidItem", on_delete=models.CASCADE, related_name="iati")
    iati_identifier = models.CharField(_("mã IATI"), max_length=200)
    reporting_org = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reporting_org_ref = models.CharField(max_length=200, blank=True)
    reporting_org_type = models.CharField(max_length=3, blank=True)
    reporting_org_name = models.CharField(max_length=500, blank=True)
    last_updated = models.DateTimeField(_("cập nhật lần cuối (IATI)"), null=True, blank=True)
    default_currency = models.CharField(max_length=3, blank=True)
    default_lang = models.CharField(max_length=8, blank=True)
    status_code = models.CharField(_("trạng thái IATI"), max_length=2, blank=True)
    hierarchy = models.PositiveSmallIntegerField(null=True, blank=True)
    source_file = models.CharField(_("tệp nguồn"), max_length=500, blank=True)
    source_version = models.CharField(_("phiên bản IATI"), max_length=8, blank=True)
    content_hash = models.CharField(max_length=64)
    details = models.JSONField(default=dict, blank=True)
    # Its history is read per activity (id); the copies of its foreign keys need no index. The details
    # document is not copied into it: content_hash says when it changed.
    history = HistoricalRecords(no_db_index=["office", "item", "reporting_org"], excluded_fields=["details"])

    class Meta:
        verbose_name = _("hoạt động IATI")
        verbose_name_plural = _("hoạt động IATI")
        constraints = [
            models.UniqueConstraint(fields=["office", "iati_identifier"], name="iati_identifier_per_office")
        ]

    def __str__(self) -> str:
        return self.iati_identifier
