"""The aid ledger: aid items, who takes part in them, where and in what sectors, and their money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from caunoi.aid.lifecycle import Status
from caunoi.core.models import OfficeOwned, office_key
from caunoi.core.searchable import Searchable


class Modality(models.TextChoices):
    PROGRAMME = "programme", _("Chương trình")
    PROJECT = "project", _("Dự án")
    NON_PROJECT = "non_project", _("Phi dự án")


class Sector(models.Model):
    """A report group (Y tế, Giáo dục và đào tạo…): an editable list, each mapped to OECD DAC codes."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=200)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=200)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return sector_name(self.name, self.name_en)


def sector_name(name: str, name_en: str) -> str:
    """A sector's name in the active language (its English name where it has one)."""
    from django.utils.translation import get_language

    return name_en if name_en and (get_language() or "vi").startswith("en") else name


class DacVocabulary(models.TextChoices):
    DAC5 = "1", _("OECD DAC CRS 5 chữ số")
    DAC3 = "2", _("OECD DAC CRS 3 chữ số")


class SectorDacCode(models.Model):
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="dac_codes")
    vocabulary = models.CharField(max_length=2, choices=DacVocabulary.choices)
    code = models.CharField(max_length=5)

    class Meta:
        verbose_name = _("mã DAC")
        verbose_name_plural = _("mã DAC")
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="dac_code_in_one_group")]

    def __str__(self) -> str:
        return self.code


class AidItem(OfficeOwned):
    """A khoản viện trợ: a programme, project or non-project item."""

    office = office_key(db_index=False)  # the indexes below begin with it

    code = models.CharField(_("mã"), max_length=60)
    modality = models.CharField(_("hình thức"), max_length=12, choices=Modality.choices)
    title = models.CharField(_("tên"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    objectives = models.TextField(_("mục tiêu"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PROPOSAL)
    # Set only by the lifecycle service from the approval's StatusChange; kept here to filter by year fast.
    approved_on = models.DateField(_("ngày phê duyệt"), null=True, blank=True, editable=False)
    # Set only by the lifecycle service, on the step to a status that ends the item (revoked, cancelled): a
    # year counts an approved item unless it ended by the year's end, read from here without the steps.
    ended_on = models.DateField(_("ngày chấm dứt"), null=True, blank=True, editable=False)
    # Set only by set_sectors (the largest share): the report counts each item once, in this sector.
    primary_sector = models.ForeignKey(
        Sector,
        verbose_name=_("lĩnh vực chính"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    planned_start = models.DateField(_("bắt đầu (kế hoạch)"), null=True, blank=True)
    planned_end = models.DateField(_("kết thúc (kế hoạch)"), null=True, blank=True)
    actual_start = models.DateField(_("bắt đầu (thực tế)"), null=True, blank=True, editable=False)
    actual_end = models.DateField(_("kết thúc (thực tế)"), null=True, blank=True, editable=False)
    beneficiaries_count = models.PositiveIntegerField(_("số người hưởng lợi"), null=True, blank=True)
    beneficiary_groups = models.CharField(_("nhóm hưởng lợi"), max_length=500, blank=True)
    counterpart_amount = models.DecimalField(
        _("vốn đối ứng"), max_digits=18, decimal_places=2, null=True, blank=True
    )
    counterpart_currency = models.CharField(_("tiền tệ vốn đối ứng"), max_length=3, blank=True)
    counterpart_source = models.CharField(_("nguồn vốn đối ứng"), max_length=300, blank=True)
    iati_identifier = models.CharField(_("mã IATI"), max_length=200, blank=True)
    is_illustrative = models.BooleanField(
        _("dữ liệu minh họa"),
        default=False,
        help_text=_("Bản ghi minh họa, không phải số liệu thật của một tổ chức."),
    )
    # Set only by `services.set_public`: the office publishes the item on its open aid portal
    # (`caunoi.portal`), which shows it only while it is approved or later and not archived.
    is_public = models.BooleanField(_("công khai"), default=False, editable=False)
    search_text = models.TextField(blank=True, editable=False)
    # History is read per record (id) and per user; its copies of foreign keys need no index of their own.
    history = HistoricalRecords(excluded_fields=["search_text"], no_db_index=["office", "primary_sector"])

    class Meta:
        verbose_name = _("khoản viện trợ")
        verbose_name_plural = _("khoản viện trợ")
        ordering = ["office", "code"]
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="aid_code_unique_per_office")]
        indexes = [
            models.Index(fields=["office", "approved_on"]),
            models.Index(fields=["office", "status"]),
            models.Index(fields=["office", "iati_identifier"]),
            models.Index(fields=["approved_on", "id"]),  # the national list, newest approvals first
            # The list as shown by default (archived left out): counted and paged from this index alone
            # (SQLite counted 50.000 items by reading the table: 8–38 ms of every list drawn afresh).
            models.Index(fields=["archived_at", "approved_on", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.code} — {self.title}"


class Role(models.TextChoices):
    FUNDING = "funding", _("Nhà tài trợ")
    ACCOUNTABLE = "accountable", _("Cơ quan chịu trách nhiệm")
    EXTENDING = "extending", _("Cơ quan chuyển giao vốn")
    IMPLEMENTING = "implementing", _("Đơn vị thực hiện")
    LINE_AGENCY = "line_agency", _("Cơ quan chủ quản")
    OWNER = "owner", _("Chủ khoản viện trợ")


# IATI OrganisationRole codes; the two Vietnamese roles map to the closest IATI role.
IATI_ROLE = {
    Role.FUNDING: "1",
    Role.ACCOUNTABLE: "2",
    Role.EXTENDING: "3",
    Role.IMPLEMENTING: "4",
    Role.LINE_AGENCY: "2",
    Role.OWNER: "4",
}


class Participation(models.Model):
    # Indexed by the unique constraint (item, organisation, role), which begins with it.
    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="participations", db_index=False)
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="participations"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=Role.choices)
    history = HistoricalRecords(no_db_index=["organisation"])

    class Meta:
        verbose_name = _("bên tham gia")
        verbose_name_plural = _("bên tham gia")
        constraints = [
            models.UniqueConstraint(fields=["item", "organisation", "role"], name="one_role_per_participant")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.get_role_display()}"

    @property
    def iati_role(self) -> str:
        return IATI_ROLE[Role(self.role)]


class StatusChange(models.Model):
    """One dated step of an item's lifecycle, with who recorded it; an approval carries its decision."""

    # Indexed by (item, to_status, on), which begins with it.
    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="status_changes", db_index=False)
    from_status = models.CharField(_("từ"), max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(_("sang"), max_length=20, choices=Status.choices)
    on = models.DateField(_("ngày"))
    decision_number = models.CharField(_("số quyết định"), max_length=80, blank=True)
    decision_date = models.DateField(_("ngày quyết định"), null=True, blank=True)
    authority = models.CharField(_("cơ quan quyết định"), max_length=300, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người ghi"), on_delete=models.PROTECT, null=True, blank=True
    )
    recorded_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("bước trạng thái")
        verbose_name_plural = _("bước trạng thái")
        ordering = ["item", "on", "id"]
        indexes = [models.Index(fields=["item", "to_status", "on"])]  # "revoked by year end" lookups

    def __str__(self) -> str:
        return f"{self.item.code}: {self.from_status or '∅'} → {self.to_status} ({self.on})"


class ItemSector(models.Model):
    # Indexed by the unique constraint (item, sector).
    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="sector_shares", db_index=False)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(_("tỷ lệ %"), max_digits=5, decimal_places=2)
    history = HistoricalRecords(no_db_index=["sector"])

    class Meta:
        verbose_name = _("lĩnh vực của khoản viện trợ")
        verbose_name_plural = _("lĩnh vực của khoản viện trợ")
        constraints = [models.UniqueConstraint(fields=["item", "sector"], name="sector_once_per_item")]

    def __str__(self) -> str:
        return f"{self.sector} {self.share}%"


class ItemPlace(models.Model):
    """Where an item works, as the unit it was recorded with (kept even after the 2025 reform)."""

    # Indexed by the unique constraint (item, unit).
    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="place_shares", db_index=False)
    unit = models.ForeignKey("geography.AdminUnit", on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(_("tỷ lệ %"), max_digits=5, decimal_places=2)
    history = HistoricalRecords(no_db_index=["unit"])

    class Meta:
        verbose_name = _("địa bàn của khoản viện trợ")
        verbose_name_plural = _("địa bàn của khoản viện trợ")
        constraints = [models.UniqueConstraint(fields=["item", "unit"], name="place_once_per_item")]

    def __str__(self) -> str:
        return f"{self.unit} {self.share}%"


class TransactionKind(models.TextChoices):
    # Values are the IATI TransactionType codes.
    INCOMING = "1", _("Vốn nhận vào")
    COMMITMENT = "2", _("Cam kết")
    DISBURSEMENT = "3", _("Giải ngân")
    EXPENDITURE = "4", _("Chi tiêu")


CONVERTED_FIELDS = [
    "usd_value",
    "usd_rate",
    "usd_cross_rate",
    "vnd_value",
    "vnd_rate",
    "vnd_cross_rate",
]


def _rate_key() -> models.ForeignKey[Any, Any]:
    # A rate is archived, never deleted, while money names it; SET_NULL only spares a server operator's
    # deletion in the admin from failing.
    return models.ForeignKey(
        "money.ExchangeRate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        db_index=False,
    )


class TransactionQuerySet(models.QuerySet["Transaction"]):
    def counted(self) -> TransactionQuerySet:
        """The transactions every figure sums: neither archived nor reversed."""
        return self.filter(archived_at__isnull=True, reversed_at__isnull=True)


class Transaction(OfficeOwned):
    office = office_key(db_index=False)  # indexed by (office, kind, value_date), which begins with it
    # Indexed by (item, kind), which begins with it.
    item = models.ForeignKey(AidItem, on_delete=models.PROTECT, related_name="transactions", db_index=False)
    kind = models.CharField(_("loại"), max_length=2, choices=TransactionKind.choices)
    amount = models.DecimalField(_("số tiền"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("tiền tệ"), max_length=3)
    value_date = models.DateField(_("ngày giá trị"))
    provider = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("bên cấp"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    provider_name = models.CharField(_("tên bên cấp"), max_length=300, blank=True)
    receiver = models.ForeignKey(
        "directory.Organisation",
        verbose_name=_("bên nhận"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    receiver_name = models.CharField(_("tên bên nhận"), max_length=300, blank=True)
    reference = models.CharField(_("số chứng từ"), max_length=120, blank=True)
    description = models.CharField(_("diễn giải"), max_length=500, blank=True)
    # A reversed transaction stays in the ledger (shown struck through) and counts in no figure.
    reversed_at = models.DateTimeField(_("hủy lúc"), null=True, blank=True, editable=False)
    reversed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người hủy"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    reversal_reason = models.CharField(_("lý do hủy"), max_length=500, blank=True, editable=False)
    # Its value in USD and in VND and the rates that gave each (two rows for a cross rate), kept beside the
    # amount as recorded (as d-portal does) so that reports sum them in the database. Empty while no rate
    # is in force: "not converted". Set by `caunoi.aid.converted` on every save and when rates change.
    usd_value = models.DecimalField(null=True, blank=True, max_digits=30, decimal_places=2, editable=False)
    usd_rate = _rate_key()
    usd_cross_rate = _rate_key()
    vnd_value = models.DecimalField(null=True, blank=True, max_digits=30, decimal_places=2, editable=False)
    vnd_rate = _rate_key()
    vnd_cross_rate = _rate_key()
    # Derived values: their history is the rates' and the amount's.
    history = HistoricalRecords(
        no_db_index=["office", "provider", "receiver", "reversed_by"], excluded_fields=CONVERTED_FIELDS
    )

    objects = TransactionQuerySet.as_manager()

    class Meta:
        verbose_name = _("giao dịch")
        verbose_name_plural = _("giao dịch")
        ordering = ["item", "value_date", "id"]
        indexes = [
            models.Index(fields=["office", "kind", "value_date"]),
            models.Index(fields=["item", "kind"]),
        ]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gt=0), name="amount_positive")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} {self.currency} {self.value_date}"

    @property
    def counts(self) -> bool:
        """Whether figures sum it (the in-memory twin of `counted()`)."""
        return self.archived_at is None and self.reversed_at is None

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Whichever path saves it (services, corrections, spreadsheet, IATI replacement), its converted
        # values follow its amount, currency, date and office.
        from caunoi.aid.converted import convert_one

        convert_one(self)
        super().save(*args, **kwargs)


class ClosedYear(models.Model):
    """A year of an office whose figures are locked once its annual report is sent (a period lock): money
    dated in it can be neither recorded nor corrected until the office administrator reopens it. Reopened
    rows stay, with who reopened and why; the history keeps every close and reopen."""

    office = office_key(db_index=False)  # indexed by the unique constraint (office, year)
    year = models.PositiveSmallIntegerField(_("năm"))
    closed_at = models.DateTimeField(_("khóa lúc"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người khóa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reopened_at = models.DateTimeField(_("mở lại lúc"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người mở lại"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.CharField(_("lý do mở lại"), max_length=500, blank=True)
    history = HistoricalRecords(no_db_index=["office", "closed_by", "reopened_by"])

    class Meta:
        verbose_name = _("năm đã khóa số liệu")
        verbose_name_plural = _("năm đã khóa số liệu")
        ordering = ["office", "-year"]
        constraints = [models.UniqueConstraint(fields=["office", "year"], name="one_lock_per_office_year")]

    def __str__(self) -> str:
        return f"{self.office.code} {self.year}"

    @property
    def is_closed(self) -> bool:
        return self.reopened_at is None


HUNDRED = Decimal(100)


class DocumentKind(models.TextChoices):
    PROPOSAL = "proposal", _("Đề xuất dự án")
    DOSSIER = "dossier", _("Hồ sơ đề nghị phê duyệt")
    DECISION = "decision", _("Quyết định phê duyệt")
    AGREEMENT = "agreement", _("Thỏa thuận viện trợ")
    REPORT = "report", _("Báo cáo")
    PHOTO = "photo", _("Ảnh")
    OTHER = "other", _("Khác")


class ItemDocument(Searchable, models.Model):
    """A file kept with an aid item (proposal, decision, report, photo…)."""

    SEARCH_FIELDS = ("title",)

    item = models.ForeignKey(AidItem, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("loại"), max_length=12, choices=DocumentKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    file = models.FileField(_("tệp"), upload_to="aid/%Y/")
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        verbose_name = _("tài liệu")
        verbose_name_plural = _("tài liệu")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title
