"""The exchange-rate forms: they collect input; money.services checks every rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from caunoi.core.models import Office
from caunoi.money.models import RateSource
from caunoi.web.forms import DATE, NumberField

COMMON = ""  # the office choice of a rate common to every office


def office_choices(form: forms.Form, offices: list[Office], common: bool) -> None:
    """The offices a rate may be entered for, and "common to every office" where the user may enter those."""
    choices = [(o.code, o.name) for o in offices]
    if common:
        choices.append((COMMON, str(_("Chung cho mọi cơ quan"))))
    office_field: Any = form.fields["office"]
    office_field.choices = choices


class RateCorrectForm(forms.Form):
    rate = NumberField(
        label=_("Tỷ giá"), help_text=_("1 đơn vị tiền gốc bằng bao nhiêu đơn vị tiền quy đổi.")
    )
    valid_from = forms.DateField(label=_("Áp dụng từ ngày"), widget=DATE)
    valid_to = forms.DateField(
        label=_("Áp dụng đến ngày"),
        widget=DATE,
        required=False,
        help_text=_("Để trống nếu chưa có ngày kết thúc."),
    )
    source = forms.ChoiceField(label=_("Nguồn"), choices=RateSource.choices)
    reference = forms.CharField(
        label=_("Căn cứ"),
        max_length=200,
        required=False,
        help_text=_("Ví dụ: thông báo tỷ giá hạch toán tháng, số thỏa thuận tài trợ."),
    )


class RateForm(RateCorrectForm):
    office = forms.ChoiceField(label=_("Cơ quan"))
    base = forms.CharField(label=_("Tiền gốc (ISO 4217)"), max_length=3)
    quote = forms.CharField(label=_("Tiền quy đổi (ISO 4217)"), max_length=3, initial="VND")
    field_order = ["office", "base", "quote", "rate", "valid_from", "valid_to", "source", "reference"]

    def __init__(self, *args: Any, offices: list[Office], common: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        office_choices(self, offices, common)


class RateCorrectionForm(RateCorrectForm):
    reason = forms.CharField(label=_("Lý do sửa"), max_length=100, required=False)


class RateImportForm(forms.Form):
    office = forms.ChoiceField(label=_("Cơ quan"))
    month = forms.CharField(
        label=_("Tháng áp dụng"),
        max_length=7,
        required=False,
        help_text=_("Ví dụ 2026-01: điền ngày áp dụng cho các dòng để trống ngày."),
    )
    file = forms.FileField(label=_("Tệp CSV"))

    def __init__(self, *args: Any, offices: list[Office], common: bool, **kwargs: Any):
        super().__init__(*args, **kwargs)
        office_choices(self, offices, common)
