"""Forms of the people's-diplomacy pages. They only collect input: every rule is checked by the services
(`caunoi.relations.services`), whose messages are shown next to the field they concern."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from caunoi.aid.models import AidItem
from caunoi.core.models import Office
from caunoi.directory.models import Organisation, OrgKind
from caunoi.iati.codelists import codelist
from caunoi.relations.countries import country_name
from caunoi.relations.dates import Precision
from caunoi.relations.models import (
    Agreement,
    AgreementKind,
    Association,
    CongressKind,
    ConsentKind,
    CooperationField,
    EventKind,
    FoundingStepKind,
    Occasion,
    ParticipantRole,
    PartnerLevel,
    Partnership,
    PartnershipKind,
    PartnershipStatus,
    Person,
    PersonKind,
    Position,
    Side,
    TaskTarget,
)
from caunoi.relations.services.partners import PARTNER_KINDS
from caunoi.relations.status import AgreementStatus
from caunoi.web.forms import WholeNumberField

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TEXT = forms.Textarea(attrs={"rows": 3})
ALL = [("", _("Tất cả"))]


@cache
def _countries() -> tuple[tuple[str, str], ...]:
    codes = codelist("Country")
    return tuple(sorted(((c, f"{country_name(c)} ({c})") for c in codes), key=lambda p: p[1]))


def shorten(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


def country_choices(blank: Any = None) -> list[tuple[str, Any]]:
    return ([("", blank)] if blank is not None else []) + list(_countries())


def precision_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=Precision.choices,
        initial=Precision.DAY,
        help_text=_("Nếu chỉ biết tháng hoặc năm, chọn “Tháng” hoặc “Năm”; ngày nhập vào được hiểu theo đó."),
    )


class OfficeScoped(forms.Form):
    """A form of one office's records: its choices are that office's (or, when creating, the offices the user
    may write in — the services then refuse a record of another office)."""

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.offices = offices
        self.fields_: dict[str, Any] = self.fields  # the fields' own types, not the base Field's
        self.scope()

    def scope(self) -> None:
        pass

    def own(self, queryset: Any) -> Any:
        return queryset.filter(office__in=self.offices, archived_at__isnull=True)


class OfficeChoice(OfficeScoped):
    """Creating a record: which office it belongs to (preselected when the user writes in only one)."""

    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none(), to_field_name="code")

    def scope(self) -> None:
        self.fields_["office"].queryset = self.offices
        if len(self.offices) == 1:
            self.fields_["office"].initial = self.offices[0].code
        super().scope()


# --- partners ---------------------------------------------------------------------------------------------


class PartnerFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, help_text=_("Có thể gõ không dấu."))
    country = forms.ChoiceField(label=_("Quốc gia"), required=False)
    kind = forms.ChoiceField(label=_("Loại quan hệ"), required=False, choices=ALL + PartnershipKind.choices)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=ALL + PartnershipStatus.choices)

    def __init__(self, *args: Any, countries: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["country"].choices = ALL + [(c, country_name(c)) for c in countries]


class PartnershipFields(OfficeScoped):
    level = forms.ChoiceField(label=_("Cấp"), choices=PartnerLevel.choices)
    kind = forms.ChoiceField(label=_("Loại quan hệ"), choices=PartnershipKind.choices)
    since = forms.DateField(label=_("Quan hệ từ"), required=False, widget=DATE)
    since_precision = precision_field(_("Độ chính xác của ngày"))
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=PartnershipStatus.choices, initial=PartnershipStatus.ACTIVE
    )
    ended_on = forms.DateField(label=_("Chấm dứt ngày"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)


class PartnershipForm(OfficeChoice, PartnershipFields):
    organisation = forms.ModelChoiceField(
        label=_("Đối tác (trong danh bạ tổ chức)"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Chọn địa phương hoặc tổ chức nước ngoài đã có, hoặc ghi đối tác mới ở ba ô dưới."),
    )
    new_name = forms.CharField(label=_("Hoặc tên đối tác mới (tiếng Việt)"), max_length=300, required=False)
    new_name_original = forms.CharField(label=_("Tên nguyên gốc"), max_length=300, required=False)
    new_kind = forms.ChoiceField(
        label=_("Loại tổ chức"),
        required=False,
        choices=[(k.value, k.label) for k in OrgKind if k in PARTNER_KINDS],
        initial=OrgKind.FOREIGN_LOCALITY,
    )
    new_country = forms.ChoiceField(label=_("Quốc gia"), required=False)
    our_party = forms.ModelChoiceField(
        label=_("Bên ta"), queryset=Organisation.objects.none(), required=False
    )

    field_order = ["office", "organisation", "new_name", "new_name_original", "new_kind", "new_country"]

    def scope(self) -> None:
        super().scope()
        self.fields_["organisation"].queryset = self.own(Organisation.objects).filter(kind__in=PARTNER_KINDS)
        self.fields_["our_party"].queryset = self.own(Organisation.objects).filter(
            kind__in=[OrgKind.VN_AGENCY, OrgKind.VN_PEOPLES_ORG]
        )
        self.fields_["new_country"].choices = country_choices(_("— chọn —"))

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("organisation") and not (data.get("new_name") or "").strip():
            self.add_error("organisation", _("Hãy chọn đối tác hoặc ghi tên đối tác mới."))
        elif data.get("organisation") and (data.get("new_name") or "").strip():
            self.add_error("new_name", _("Chọn đối tác có sẵn hoặc ghi đối tác mới, không cả hai."))
        elif not data.get("organisation") and not data.get("new_country"):
            self.add_error("new_country", _("Đối tác mới cần quốc gia."))
        return data


class ContactForm(forms.Form):
    side = forms.ChoiceField(label=_("Phía"), choices=Side.choices)
    name = forms.CharField(label=_("Họ tên"), max_length=200)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    unit = forms.CharField(label=_("Đơn vị"), max_length=300, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=40, required=False)


# --- agreements -------------------------------------------------------------------------------------------


class AgreementFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, help_text=_("Có thể gõ không dấu."))
    status = forms.ChoiceField(
        label=_("Tình trạng hôm nay"), required=False, choices=ALL + AgreementStatus.choices
    )
    kind = forms.ChoiceField(label=_("Loại"), required=False, choices=ALL + AgreementKind.choices)
    year = forms.IntegerField(label=_("Năm ký"), required=False, min_value=1950, max_value=2100)


class AgreementDates(forms.Form):
    signed_on = forms.DateField(
        label=_("Ngày ký"), required=False, widget=DATE, help_text=_("Để trống nếu còn là dự thảo.")
    )
    signed_precision = precision_field(_("Độ chính xác ngày ký"))
    signed_place = forms.CharField(label=_("Nơi ký"), max_length=300, required=False)
    period_start = forms.DateField(label=_("Hiệu lực từ"), required=False, widget=DATE)
    period_end = forms.DateField(label=_("Hiệu lực đến"), required=False, widget=DATE)
    period_precision = precision_field(_("Độ chính xác kỳ hạn"))


class AgreementForm(OfficeChoice, AgreementDates):
    title = forms.CharField(label=_("Tên thỏa thuận"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại"), choices=AgreementKind.choices)
    number = forms.CharField(label=_("Số"), max_length=80, required=False)
    partnership = forms.ModelChoiceField(
        label=_("Thuộc quan hệ đối tác"), queryset=Partnership.objects.none(), required=False
    )
    ours = forms.ModelMultipleChoiceField(
        label=_("Các bên ký phía ta"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    theirs = forms.ModelMultipleChoiceField(
        label=_("Các bên ký phía đối tác"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    cooperation = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực hợp tác"),
        queryset=CooperationField.objects.filter(archived_at__isnull=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    renews = forms.ModelChoiceField(
        label=_("Gia hạn, thay thế thỏa thuận"), queryset=Agreement.objects.none(), required=False
    )
    document = forms.FileField(
        label=_("Văn bản đã ký"),
        required=False,
        help_text=_("PDF, Word, OpenDocument, Excel hoặc ảnh quét; tối đa 20 MB."),
    )
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)

    field_order = ["office", "title", "kind", "number", "partnership", "ours", "theirs", "cooperation"]

    def scope(self) -> None:
        super().scope()
        orgs = self.own(Organisation.objects)
        self.fields_["ours"].queryset = orgs.filter(kind__in=[OrgKind.VN_AGENCY, OrgKind.VN_PEOPLES_ORG])
        self.fields_["theirs"].queryset = orgs.exclude(kind__in=[OrgKind.VN_AGENCY, OrgKind.VN_PEOPLES_ORG])
        self.fields_["partnership"].queryset = self.own(Partnership.objects).select_related("organisation")
        self.fields_["renews"].queryset = self.own(Agreement.objects)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        both = set(data.get("ours") or []) & set(data.get("theirs") or [])
        if both:
            self.add_error(
                "theirs",
                _("%(name)s không thể ở cả hai phía.") % {"name": ", ".join(o.name for o in both)},
            )
        return data


class AgreementEditForm(AgreementDates):
    title = forms.CharField(label=_("Tên thỏa thuận"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại"), choices=AgreementKind.choices)
    number = forms.CharField(label=_("Số"), max_length=80, required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)
    no_renewal_reason = forms.CharField(
        label=_("Lý do không gia hạn"),
        required=False,
        widget=TEXT,
        help_text=_("Ghi khi các bên quyết định không gia hạn: thỏa thuận hết hạn sẽ không còn được nhắc."),
    )

    field_order = ["title", "kind", "number"]


class AgreementPartiesForm(OfficeScoped):
    """The parties on each side and the fields of cooperation of an existing agreement. Each side offers only its
    own kind of organisation (Vietnamese bodies on ours), so none can be on both."""

    ours = forms.ModelMultipleChoiceField(
        label=_("Các bên ký phía ta"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    theirs = forms.ModelMultipleChoiceField(
        label=_("Các bên ký phía đối tác"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    cooperation = forms.ModelMultipleChoiceField(
        label=_("Lĩnh vực hợp tác"),
        queryset=CooperationField.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, agreement: Agreement, **kwargs: Any):
        self.agreement = agreement
        super().__init__(*args, **kwargs)

    def scope(self) -> None:
        # The office's live organisations, and the agreement's own parties and fields even if archived since.
        party_ids = list(self.agreement.party_rows.values_list("organisation_id", flat=True))
        orgs = Organisation.objects.filter(office__in=self.offices).filter(
            Q(archived_at__isnull=True) | Q(pk__in=party_ids)
        )
        ours = [OrgKind.VN_AGENCY, OrgKind.VN_PEOPLES_ORG]
        self.fields_["ours"].queryset = orgs.filter(kind__in=ours)
        self.fields_["theirs"].queryset = orgs.exclude(kind__in=ours)
        field_ids = list(self.agreement.fields.values_list("pk", flat=True))
        self.fields_["cooperation"].queryset = CooperationField.objects.filter(
            Q(archived_at__isnull=True) | Q(pk__in=field_ids)
        )


class DocumentUploadForm(forms.Form):
    document = forms.FileField(label=_("Văn bản đã ký"))


class TerminateForm(forms.Form):
    terminated_on = forms.DateField(label=_("Chấm dứt ngày"), widget=DATE)
    note = forms.CharField(label=_("Lý do chấm dứt"), required=False, widget=TEXT)


class LinkAidItemForm(OfficeScoped):
    aid_item = forms.ModelChoiceField(label=_("Khoản viện trợ"), queryset=AidItem.objects.none())
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)

    def scope(self) -> None:
        self.fields_["aid_item"].queryset = self.own(AidItem.objects).order_by("code")


# --- associations -----------------------------------------------------------------------------------------


class AssociationFields(forms.Form):
    name = forms.CharField(label=_("Tên hội"), max_length=300)
    name_en = forms.CharField(label=_("Tên tiếng Anh"), max_length=300, required=False)
    counterpart_country = forms.ChoiceField(label=_("Nước đối tác"))
    founding_decision_number = forms.CharField(
        label=_("Số quyết định thành lập"), max_length=80, required=False
    )
    founding_decision_date = forms.DateField(
        label=_("Ngày quyết định thành lập"), required=False, widget=DATE
    )
    founding_decision_body = forms.CharField(label=_("Cơ quan quyết định"), max_length=300, required=False)
    founded_on = forms.DateField(
        label=_("Ngày thành lập"),
        required=False,
        widget=DATE,
        help_text=_("Để trống với hội đang làm thủ tục thành lập: ghi từng bước trên trang của hội."),
    )
    founded_precision = precision_field(_("Độ chính xác ngày thành lập"))
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["counterpart_country"].choices = country_choices(_("— chọn —"))


class AssociationForm(OfficeChoice, AssociationFields):
    field_order = ["office"]


class AssociationEditForm(OfficeScoped, AssociationFields):
    """An association's own fields, after its creation."""

    organisation = forms.ModelChoiceField(
        label=_("Bản ghi trong danh bạ tổ chức"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Hội trong danh bạ tổ chức (tổ chức nhân dân Việt Nam), nếu đã có."),
    )

    field_order = ["name", "name_en", "counterpart_country", "organisation"]

    def scope(self) -> None:
        self.fields_["organisation"].queryset = self.own(Organisation.objects).filter(
            kind=OrgKind.VN_PEOPLES_ORG
        )


class MemberForm(OfficeScoped):
    """A named member of an association: a person already recorded, and since when."""

    person = forms.ModelChoiceField(
        label=_("Người"),
        queryset=Person.objects.none(),
        help_text=_("Người đã ghi trong Danh bạ cá nhân. Chỉ nêu tên khi người đó đã đồng ý được nêu tên."),
    )
    joined_on = forms.DateField(label=_("Ngày vào hội"), widget=DATE)
    left_on = forms.DateField(label=_("Ngày ra hội"), required=False, widget=DATE)

    def scope(self) -> None:
        self.fields_["person"].queryset = self.own(Person.objects).order_by("name")


class MemberLeftForm(forms.Form):
    left_on = forms.DateField(label=_("Ngày ra hội"), widget=DATE)


class FoundingStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Bước"), choices=FoundingStepKind.choices)
    on = forms.DateField(label=_("Ngày"), widget=DATE)
    precision = precision_field(_("Độ chính xác"))
    body = forms.CharField(label=_("Cơ quan"), max_length=300, required=False)
    reference = forms.CharField(label=_("Số văn bản"), max_length=120, required=False)
    place = forms.CharField(label=_("Địa điểm (đại hội)"), max_length=300, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TermForm(forms.Form):
    number = forms.IntegerField(label=_("Nhiệm kỳ thứ"), min_value=1, max_value=100)
    start = forms.DateField(label=_("Từ"), widget=DATE)
    end = forms.DateField(label=_("Đến"), widget=DATE)


class CommitteeMemberForm(OfficeScoped):
    term = forms.ChoiceField(label=_("Nhiệm kỳ"))
    person = forms.ModelChoiceField(label=_("Người"), queryset=Person.objects.none())
    position = forms.ChoiceField(label=_("Chức danh"), choices=Position.choices)
    start = forms.DateField(label=_("Từ"), required=False, widget=DATE, help_text=_("Trống: cả nhiệm kỳ."))
    end = forms.DateField(label=_("Đến"), required=False, widget=DATE)

    def __init__(self, *args: Any, terms: list[Any], **kwargs: Any):
        self.terms = terms
        super().__init__(*args, **kwargs)

    def scope(self) -> None:
        self.fields_["term"].choices = [(t.pk, str(t.number)) for t in self.terms]
        self.fields_["person"].queryset = self.own(Person.objects)


class MemberCountForm(forms.Form):
    on = forms.DateField(label=_("Tính đến ngày"), widget=DATE)
    count = WholeNumberField(label=_("Số hội viên"), min_value=0, max_value=10_000_000)
    note = forms.CharField(label=_("Ghi chú"), max_length=300, required=False)


class PlanCongressForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Loại đại hội"), choices=CongressKind.choices, initial=CongressKind.REGULAR
    )
    term_number = forms.IntegerField(label=_("Nhiệm kỳ thứ"), min_value=1, max_value=100)
    on = forms.DateField(label=_("Ngày dự kiến"), widget=DATE)
    precision = precision_field(_("Độ chính xác"))
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)
    target = forms.ModelChoiceField(
        label=_("Là minh chứng cho chỉ tiêu"),
        queryset=TaskTarget.objects.none(),
        required=False,
        help_text=_(
            "Chỉ tiêu “tổ chức đại hội” của hội này trong các kế hoạch năm; tính là đạt khi đại hội đã tổ chức."
        ),
    )

    def __init__(self, *args: Any, association: Association, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["target"].queryset = (
            TaskTarget.objects.filter(
                association=association,
                kind="congress_held",
                task__cancelled_on__isnull=True,
                task__plan__archived_at__isnull=True,
            )
            .select_related("task__plan")
            .order_by("-task__plan__year", "id")
        )
        fields["target"].label_from_instance = lambda t: f"{t.task.plan.year} — {t.description}"


class CongressHeldForm(forms.Form):
    on = forms.DateField(label=_("Ngày tổ chức"), widget=DATE)
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)


# --- events -----------------------------------------------------------------------------------------------


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, help_text=_("Có thể gõ không dấu."))
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1950, max_value=2100)
    kind = forms.ChoiceField(label=_("Loại"), required=False, choices=ALL + EventKind.choices)
    partner = forms.ModelChoiceField(label=_("Đối tác"), queryset=Partnership.objects.none(), required=False)

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["partner"].queryset = Partnership.objects.filter(
            office__in=offices, archived_at__isnull=True
        ).select_related("organisation")
        # Short labels: on a phone the filter row is as wide as its widest option.
        fields["partner"].label_from_instance = lambda p: shorten(p.organisation.name, 30)
        fields["kind"].choices = ALL + [
            (value, shorten(str(label), 30)) for value, label in EventKind.choices
        ]


class EventFields(OfficeScoped):
    kind = forms.ChoiceField(label=_("Loại hoạt động"), choices=EventKind.choices)
    title = forms.CharField(label=_("Tên hoạt động"), max_length=500)
    start_on = forms.DateField(label=_("Từ ngày"), widget=DATE)
    end_on = forms.DateField(
        label=_("Đến ngày"), required=False, widget=DATE, help_text=_("Trống: hoạt động trong một ngày.")
    )
    date_precision = precision_field(_("Độ chính xác ngày"))
    place = forms.CharField(label=_("Địa điểm"), max_length=300, required=False)
    country = forms.ChoiceField(label=_("Quốc gia diễn ra"), initial="VN")
    partnership = forms.ModelChoiceField(
        label=_("Đối tác"), queryset=Partnership.objects.none(), required=False
    )
    agreement = forms.ModelChoiceField(
        label=_("Thực hiện thỏa thuận"), queryset=Agreement.objects.none(), required=False
    )
    aid_item = forms.ModelChoiceField(
        label=_("Khoản viện trợ"), queryset=AidItem.objects.none(), required=False
    )
    association = forms.ModelChoiceField(
        label=_("Hội hữu nghị"), queryset=Association.objects.none(), required=False
    )
    occasion = forms.ModelChoiceField(label=_("Nhân dịp"), queryset=Occasion.objects.none(), required=False)
    organisers = forms.ModelMultipleChoiceField(
        label=_("Đơn vị tổ chức"), queryset=Organisation.objects.none(), required=False
    )
    description = forms.CharField(label=_("Nội dung"), required=False, widget=TEXT)
    outcomes = forms.CharField(label=_("Kết quả"), required=False, widget=TEXT)
    permission_requested_on = forms.DateField(
        label=_("Ngày xin phép (Quyết định 06/2020)"),
        required=False,
        widget=DATE,
        help_text=_("Chỉ với hội nghị, hội thảo quốc tế: xin phép trước ít nhất 30 ngày."),
    )
    permission_authority = forms.CharField(label=_("Cơ quan cho phép"), max_length=300, required=False)
    permission_number = forms.CharField(label=_("Số văn bản cho phép"), max_length=80, required=False)
    permission_granted_on = forms.DateField(label=_("Ngày cho phép"), required=False, widget=DATE)
    result_reported_on = forms.DateField(label=_("Ngày gửi báo cáo kết quả"), required=False, widget=DATE)

    LINKS = ("partnership", "agreement", "aid_item", "association", "occasion")

    def scope(self) -> None:
        super().scope()
        self.fields_["country"].choices = country_choices()
        self.fields_["partnership"].queryset = self.own(Partnership.objects).select_related("organisation")
        self.fields_["agreement"].queryset = self.own(Agreement.objects)
        self.fields_["aid_item"].queryset = self.own(AidItem.objects).order_by("code")
        self.fields_["aid_item"].label_from_instance = lambda i: f"{i.code} — {i.title}"
        self.fields_["association"].queryset = self.own(Association.objects)
        self.fields_["occasion"].queryset = self.own(Occasion.objects)
        self.fields_["organisers"].queryset = self.own(Organisation.objects)


class EventForm(OfficeChoice, EventFields):
    field_order = ["office", "kind", "title"]


class ParticipantForm(OfficeScoped):
    role = forms.ChoiceField(label=_("Vai trò"), choices=ParticipantRole.choices)
    person = forms.ModelChoiceField(label=_("Người đã có"), queryset=Person.objects.none(), required=False)
    name = forms.CharField(label=_("Hoặc họ tên"), max_length=200, required=False)
    organisation = forms.ModelChoiceField(
        label=_("Tổ chức"), queryset=Organisation.objects.none(), required=False
    )

    def scope(self) -> None:
        self.fields_["person"].queryset = self.own(Person.objects)
        self.fields_["organisation"].queryset = self.own(Organisation.objects)


class HeadcountForm(forms.Form):
    """Up to six (nationality, number) rows; empty rows are ignored."""

    ROWS = 6

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for i in range(self.ROWS):
            self.fields[f"country_{i}"] = forms.ChoiceField(
                label=_("Quốc tịch %(n)s") % {"n": i + 1},
                choices=country_choices(""),
                required=False,
            )
            self.fields[f"count_{i}"] = WholeNumberField(
                label=_("Số người %(n)s") % {"n": i + 1}, required=False, min_value=0, max_value=1_000_000
            )

    def pairs(self) -> list[tuple[Any, Any]]:
        return [(self[f"country_{i}"], self[f"count_{i}"]) for i in range(self.ROWS)]

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for i in range(self.ROWS):
            country, count = self.cleaned_data.get(f"country_{i}"), self.cleaned_data.get(f"count_{i}")
            if country and count is not None:
                found[country] = found.get(country, 0) + count
            elif country or count is not None:
                self.add_error(f"count_{i}", _("Hãy ghi cả quốc tịch và số người."))
        return found


class PhotoForm(forms.Form):
    file = forms.FileField(label=_("Ảnh"), help_text=_("JPEG, PNG hoặc WebP; tối đa 10 MB."))
    caption = forms.CharField(label=_("Chú thích"), max_length=500)
    credit = forms.CharField(label=_("Nguồn ảnh"), max_length=200, required=False)


class EventDocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp"), help_text=_("PDF, Word, OpenDocument, Excel hoặc ảnh; tối đa 20 MB.")
    )
    title = forms.CharField(label=_("Tên văn bản"), max_length=500)


# --- people -----------------------------------------------------------------------------------------------


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, help_text=_("Có thể gõ không dấu."))
    kind = forms.ChoiceField(label=_("Nhóm"), required=False, choices=ALL + PersonKind.choices)


class PersonFields(OfficeScoped):
    name = forms.CharField(label=_("Họ tên"), max_length=200)
    kind = forms.ChoiceField(label=_("Nhóm"), choices=PersonKind.choices)
    nationality = forms.ChoiceField(label=_("Quốc tịch"), required=False)
    organisation = forms.ModelChoiceField(
        label=_("Tổ chức"), queryset=Organisation.objects.none(), required=False
    )
    institution = forms.CharField(
        label=_("Nơi học tập, công tác"),
        max_length=300,
        required=False,
        help_text=_("Với lưu học sinh: trường đang học (vd. Cao đẳng Y tế Yên Bái)."),
    )
    email = forms.CharField(label=_("Thư điện tử"), max_length=254, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=40, required=False)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)

    def scope(self) -> None:
        super().scope()
        self.fields_["nationality"].choices = country_choices(_("— chưa rõ —"))
        self.fields_["organisation"].queryset = self.own(Organisation.objects).order_by("name")


class PersonForm(OfficeChoice, PersonFields):
    field_order = ["office", "name", "kind"]


class ConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Đồng ý cho"), choices=ConsentKind.choices)
    given_on = forms.DateField(label=_("Ngày đồng ý"), widget=DATE)
    note = forms.CharField(
        label=_("Ghi chú"),
        max_length=300,
        required=False,
        help_text=_("Đồng ý bằng cách nào: phiếu đồng ý có chữ ký, thư điện tử…"),
    )


class WithdrawConsentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rút lại sự đồng ý cho"), choices=ConsentKind.choices)
    withdrawn_on = forms.DateField(label=_("Ngày rút lại"), widget=DATE)


# --- calendar, dashboard, plans ---------------------------------------------------------------------------


class EvidenceForm(forms.Form):
    record = forms.ChoiceField(label=_("Minh chứng"))
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["record"].choices = [("", _("— chọn —")), *choices]
