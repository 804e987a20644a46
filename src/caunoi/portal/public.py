"""What the open aid portal may show: the one place that says which items and which of their fields.

An item is public while the office has marked it public (`caunoi.aid.services.set_public`), it is approved
or further along (implementing, suspended, completed, closed) and it is not archived. A revoked or cancelled
item drops off the portal by itself, as does an archived one, even if its mark stays.

Items marked `is_illustrative` (the demo's) are shown, each labelled "dữ liệu minh họa".

Public fields are those the guide calls public in the IATI sense (title, donor, sector, place, amounts,
dates, status, the approval decision). Not public, and read by no page or download of the portal: the
item's description and objectives (staff write working notes there), the lifecycle steps' notes,
documents, transactions' references and descriptions, counterpart details, and every person of
`caunoi.relations`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from caunoi.aid.lifecycle import APPROVED_STATUSES, Status
from caunoi.aid.models import AidItem, ItemPlace, ItemSector, Modality, Participation, Role, StatusChange
from caunoi.aid.years import items_of_year
from caunoi.core.models import Office


@dataclass(frozen=True)
class Column:
    """One column of every download and of the column dictionary; `name` is its header."""

    name: str
    vi: str
    en: str


# The item fields the portal shows, in the order of its downloads. Pages and every download read these
# and only these (`rows.item_row` builds a row with exactly these keys).
PUBLIC_FIELDS: tuple[Column, ...] = (
    Column("code", "Mã khoản viện trợ", "Aid item code"),
    Column("title", "Tên khoản viện trợ", "Title"),
    Column("title_en", "Tên tiếng Anh", "Title in English"),
    Column(
        "modality",
        "Hình thức (programme, project, non_project)",
        "Modality (programme, project, non_project)",
    ),
    Column("status", "Trạng thái (mã)", "Status (code)"),
    Column("office", "Mã cơ quan công bố", "Code of the publishing office"),
    Column("donors", "Nhà tài trợ, cách nhau bằng dấu chấm phẩy", "Donors, separated by semicolons"),
    Column(
        "sectors",
        "Lĩnh vực và tỷ lệ %, cách nhau bằng dấu chấm phẩy",
        "Sectors with their % share, separated by semicolons",
    ),
    Column(
        "places",
        "Địa bàn và tỷ lệ %, cách nhau bằng dấu chấm phẩy",
        "Places with their % share, separated by semicolons",
    ),
    Column("approved_on", "Ngày phê duyệt (YYYY-MM-DD)", "Approval date (YYYY-MM-DD)"),
    Column("decision_number", "Số quyết định phê duyệt", "Approval decision number"),
    Column("decision_date", "Ngày quyết định phê duyệt", "Approval decision date"),
    Column("authority", "Cơ quan phê duyệt", "Approving authority"),
    Column("planned_start", "Bắt đầu (kế hoạch)", "Planned start"),
    Column("planned_end", "Kết thúc (kế hoạch)", "Planned end"),
    Column("actual_start", "Bắt đầu (thực tế)", "Actual start"),
    Column("actual_end", "Kết thúc (thực tế)", "Actual end"),
    Column(
        "committed",
        "Cam kết theo nguyên tệ, cách nhau bằng dấu chấm phẩy",
        "Committed in original currencies, separated by semicolons",
    ),
    Column(
        "committed_usd",
        "Cam kết quy USD (giá trị đã lưu của từng giao dịch)",
        "Committed in USD (each transaction's stored value)",
    ),
    Column(
        "committed_vnd",
        "Cam kết quy VND (giá trị đã lưu của từng giao dịch)",
        "Committed in VND (each transaction's stored value)",
    ),
    Column(
        "disbursed",
        "Giải ngân theo nguyên tệ, cách nhau bằng dấu chấm phẩy",
        "Disbursed in original currencies, separated by semicolons",
    ),
    Column("disbursed_usd", "Giải ngân quy USD", "Disbursed in USD"),
    Column("disbursed_vnd", "Giải ngân quy VND", "Disbursed in VND"),
    Column("beneficiaries_count", "Số người hưởng lợi", "Number of beneficiaries"),
    Column("is_illustrative", "Dữ liệu minh họa (1) hay thật (0)", "Illustrative data (1) or real (0)"),
    Column("url", "Trang của khoản viện trợ trên cổng", "The item's page on the portal"),
)
# The GeoJSON download: one feature per item and place, with these properties besides the item's fields.
PLACE_FIELDS: tuple[Column, ...] = (
    Column("place_code", "Mã đơn vị hành chính", "Administrative unit code"),
    Column("place_name", "Tên đơn vị hành chính", "Administrative unit name"),
    Column("place_share", "Tỷ lệ % của địa bàn", "The place's % share"),
)
# The IATI file carries the same items; these are its descriptions' stand-in (the title, never the notes).
HIDDEN_ITEM_FIELDS = ("description", "objectives")

FILTERS = ("year", "sector", "donor", "modality", "place")
MODALITY_LABELS = {m.value: m.label for m in Modality}


def public_items(office: Office, *, own: bool = False) -> QuerySet[AidItem]:
    """The items the office's portal shows: its own and, as a successor, its predecessors' (records never
    change office, so after the 2025 merger Lào Cai's portal lists Yên Bái's items too, each under its own
    office, as `caunoi.core.permissions` lets a successor read its predecessors' records). `own=True`: only
    the office's own (the national count and the sitemap, which list every office)."""
    offices = [office.pk] if own else [o.pk for o in office.lineage()]
    return AidItem.objects.filter(
        office__in=offices, is_public=True, archived_at__isnull=True, status__in=list(APPROVED_STATUSES)
    )


def offices_with_portal() -> QuerySet[Office]:
    return Office.objects.order_by("name")


def with_details(items: QuerySet[AidItem]) -> QuerySet[AidItem]:
    """The items with what their pages and rows print, read in a few queries."""
    return items.select_related("office", "primary_sector").prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.filter(role=Role.FUNDING).select_related("organisation"),
            to_attr="funders",
        ),
        # Each share with what it names, in one query apiece.
        Prefetch("sector_shares", queryset=ItemSector.objects.select_related("sector")),
        Prefetch("place_shares", queryset=ItemPlace.objects.select_related("unit__province")),
        Prefetch(
            "status_changes",
            queryset=StatusChange.objects.filter(to_status=Status.APPROVED).order_by("-on", "-id"),
            to_attr="approvals",
        ),
    )


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    sector: int | None = None
    donor: int | None = None
    modality: str = ""
    place: int | None = None

    @classmethod
    def from_query(cls, query: dict[str, str]) -> Filters:
        """The filters of a query string; a value that is not one (a typo, a guessed id) is left out."""

        def number(name: str) -> int | None:
            value = query.get(name, "")
            return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None

        modality = query.get("modality", "")
        return cls(
            year=number("year"),
            sector=number("sector"),
            donor=number("donor"),
            modality=modality if modality in MODALITY_LABELS else "",
            place=number("place"),
        )

    def as_query(self) -> dict[str, str]:
        # 0 is a value too (`year=0` keeps nothing, and its query says so again).
        return {name: str(getattr(self, name)) for name in FILTERS if getattr(self, name) not in (None, "")}

    def apply(self, office: Office, items: QuerySet[AidItem], *, year: bool = True) -> QuerySet[AidItem]:
        """The items the filters keep, as a plain filter on ids (so the figures can group them); a year
        keeps the items approved that year, as the annual report counts them (`caunoi.aid.years`);
        `year=False` ignores the year."""
        if year and self.year is not None:
            items = items.filter(pk__in=items_of_year(office.lineage(), self.year).values("pk"))
        if self.sector is not None:
            items = items.filter(sector_shares__sector=self.sector)
        if self.donor is not None:
            items = items.filter(participations__organisation=self.donor, participations__role=Role.FUNDING)
        if self.modality:
            items = items.filter(modality=self.modality)
        if self.place is not None:
            items = items.filter(Q(place_shares__unit=self.place) | Q(place_shares__unit__parent=self.place))
        return AidItem.objects.filter(pk__in=items.values("pk"))
