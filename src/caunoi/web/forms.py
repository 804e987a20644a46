"""Forms of the web application. They only collect input: every rule is checked by the services."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from caunoi.aid.lifecycle import Status
from caunoi.aid.models import DocumentKind, Modality, Sector, TransactionKind, sector_name
from caunoi.aid.models import Role as ParticipantRole
from caunoi.core.models import Office
from caunoi.directory.models import Organisation, OrgKind
from caunoi.directory.services import ORG_FIELDS
from caunoi.vntext.numbers import parse_entered

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class NumberField(forms.DecimalField):
    """A number as staff write it (1.404.175, 8612,50 or 8612.50), read by the aid spreadsheet's parser
    (vntext.numbers.parse_entered). Its limits are the services' (core.limits, money.currencies), which name
    the field in Vietnamese and English; a text box, as a browser's number box refuses 1.404.175."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {"invalid": _("Nhập một số, ví dụ 1.404.175 hoặc 8612,50.")}

    def __init__(self, **kwargs: Any):
        super().__init__(max_digits=None, decimal_places=None, **kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # (stubs: IntegerField's)
        if value in self.empty_values:
            return None
        try:
            return parse_entered(str(value))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class WholeNumberField(forms.IntegerField):
    """A count as staff write it (1.404.175), read as NumberField reads numbers."""

    widget = forms.TextInput(attrs={"inputmode": "numeric"})
    default_error_messages = {"invalid": _("Nhập một số nguyên, ví dụ 1.404.175.")}

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        try:
            number = parse_entered(str(value))
        except ValueError:
            number = None
        if number is None or number != number.to_integral_value():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


class AidFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False)
    year = forms.IntegerField(label=_("Năm phê duyệt"), required=False, min_value=1990, max_value=2100)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    modality = forms.ChoiceField(label=_("Hình thức"), required=False)
    sector = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Sector.objects.all(), required=False, to_field_name="code"
    )
    # Free text, not selects: a national viewer would otherwise get ~24.000 options (measured 3,5 s a page).
    donor = forms.CharField(label=_("Nhà tài trợ"), required=False, max_length=200)
    place = forms.CharField(label=_("Địa bàn"), required=False, max_length=200)
    office = forms.ModelChoiceField(
        label=_("Cơ quan"), queryset=Office.objects.none(), required=False, to_field_name="code"
    )
    archived = forms.BooleanField(label=_("Gồm cả bản ghi đã lưu trữ"), required=False)

    def __init__(self, *args: Any, offices: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields  # the fields' own types, not the base Field's
        fields["status"].choices = [("", _("Tất cả")), *Status.choices]
        fields["modality"].choices = [("", _("Tất cả")), *Modality.choices]
        # The two selects' options from plain values (a model instance per option was a millisecond of the
        # list's page); their querysets still check what is submitted.
        fields["office"].queryset = offices
        rows = list(offices.values_list("pk", "code", "name"))
        self.office_ids: list[int] = [pk for pk, _code, _name in rows]
        fields["office"].choices = [("", fields["office"].empty_label), *((c, n) for _pk, c, n in rows)]
        sectors = Sector.objects.values_list("code", "name", "name_en")
        fields["sector"].choices = [
            ("", fields["sector"].empty_label),
            *((c, sector_name(n, e)) for c, n, e in sectors),
        ]


class AidItemForm(forms.Form):
    code = forms.CharField(label=_("Mã khoản viện trợ"), max_length=60)
    modality = forms.ChoiceField(label=_("Hình thức"), choices=Modality.choices)
    title = forms.CharField(label=_("Tên khoản viện trợ"), max_length=500)
    title_en = forms.CharField(label=_("Tên tiếng Anh"), max_length=500, required=False)
    description = forms.CharField(label=_("Mô tả"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    objectives = forms.CharField(
        label=_("Mục tiêu"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    planned_start = forms.DateField(label=_("Bắt đầu theo kế hoạch"), required=False, widget=DATE)
    planned_end = forms.DateField(label=_("Kết thúc theo kế hoạch"), required=False, widget=DATE)
    beneficiaries_count = WholeNumberField(label=_("Số người hưởng lợi"), required=False)
    beneficiary_groups = forms.CharField(label=_("Nhóm hưởng lợi"), max_length=500, required=False)
    counterpart_amount = NumberField(label=_("Vốn đối ứng"), required=False)
    counterpart_currency = forms.CharField(label=_("Tiền tệ vốn đối ứng"), max_length=3, required=False)
    counterpart_source = forms.CharField(label=_("Nguồn vốn đối ứng"), max_length=300, required=False)


class NewAidItemForm(AidItemForm):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none(), to_field_name="code")
    entered_on = forms.DateField(label=_("Ngày ghi nhận đề xuất"), widget=DATE)

    field_order = ["office", "code", "modality", "title", "title_en", "entered_on"]

    def __init__(self, *args: Any, offices: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["office"].queryset = offices
        if offices.count() == 1:
            self.fields["office"].initial = offices.first().code


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=Status.choices, widget=forms.HiddenInput)
    on = forms.DateField(label=_("Ngày"), widget=DATE)
    decision_number = forms.CharField(label=_("Số quyết định"), max_length=80, required=False)
    decision_date = forms.DateField(label=_("Ngày quyết định"), required=False, widget=DATE)
    authority = forms.CharField(label=_("Cơ quan quyết định"), max_length=300, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class TransactionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại giao dịch"), choices=TransactionKind.choices)
    amount = NumberField(label=_("Số tiền"))
    currency = forms.CharField(label=_("Tiền tệ (ISO 4217)"), max_length=3, initial="USD")
    value_date = forms.DateField(label=_("Ngày giá trị"), widget=DATE)
    provider = forms.ModelChoiceField(
        label=_("Bên cấp"), queryset=Organisation.objects.none(), required=False
    )
    reference = forms.CharField(label=_("Số chứng từ"), max_length=120, required=False)
    rate_to_usd = NumberField(
        label=_("Tỷ giá sang USD (nếu không phải USD)"),
        required=False,
        help_text=_("1 đơn vị tiền này bằng bao nhiêu USD vào ngày giá trị; lưu kèm nguồn “do cán bộ nhập”."),
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["provider"].queryset = Organisation.objects.filter(office=office, archived_at__isnull=True)


class SharesForm(forms.Form):
    """Up to five (choice, percent) rows; empty rows are ignored."""

    ROWS = 5

    def __init__(self, *args: Any, choices: Any, label: str, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for i in range(self.ROWS):
            self.fields[f"choice_{i}"] = forms.ModelChoiceField(
                label=f"{label} {i + 1}", queryset=choices, required=False
            )
            self.fields[f"share_{i}"] = NumberField(label=_("Tỷ lệ %"), required=False)
        self.fields["reason"] = forms.CharField(
            label=_("Lý do thay đổi (bắt buộc sau phê duyệt)"), max_length=100, required=False
        )

    def pairs(self) -> list[tuple[Any, Any]]:
        result = []
        for i in range(self.ROWS):
            choice, share = self.cleaned_data.get(f"choice_{i}"), self.cleaned_data.get(f"share_{i}")
            if choice is not None:
                result.append((choice, 100 if share is None else share))
        return result


class ParticipantForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Tổ chức"), queryset=Organisation.objects.none())
    role = forms.ChoiceField(label=_("Vai trò"), choices=ParticipantRole.choices)

    def __init__(self, *args: Any, office: Office, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["organisation"].queryset = Organisation.objects.filter(office=office, archived_at__isnull=True)


ALLOWED_UPLOADS = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".jpg", ".jpeg", ".png"}


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    file = forms.FileField(label=_("Tệp"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        name = upload.name.lower()
        if not any(name.endswith(ext) for ext in ALLOWED_UPLOADS):
            raise forms.ValidationError(
                _("Chỉ nhận tệp %(types)s.") % {"types": ", ".join(sorted(ALLOWED_UPLOADS))}
            )
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn %(mb)s MB.") % {"mb": settings.MAX_UPLOAD_MB})
        return upload


class OrganisationForm(forms.ModelForm):  # type: ignore[type-arg,unused-ignore]
    class Meta:
        model = Organisation
        fields = list(ORG_FIELDS)  # what directory.services.create_organisation and update_organisation take
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    kind = forms.ChoiceField(label=_("Loại"), choices=OrgKind.choices)
    website = forms.URLField(label=_("Trang web"), required=False, assume_scheme="https")
