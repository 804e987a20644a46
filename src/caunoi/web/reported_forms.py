"""Forms of the reported figures: the upload of a report, and the confirmation of what was read from it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from caunoi.core.models import Office
from caunoi.reported.models import ReportedFigures
from caunoi.reported.readers import KINDS
from caunoi.reported.services import Correction
from caunoi.vntext.numbers import format_number
from caunoi.web.forms import NumberField, WholeNumberField

SECTOR_ROWS_SPARE = 2


class ReportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Văn bản báo cáo (.txt, .docx hoặc .pdf)"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(KINDS)}),
    )
    office = forms.ModelChoiceField(
        label=gettext_lazy("Cơ quan"), queryset=Office.objects.none(), to_field_name="code"
    )

    def __init__(self, *args: Any, offices: list[Office], **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: dict[str, Any] = self.fields
        fields["office"].queryset = Office.objects.filter(pk__in=[o.pk for o in offices]).order_by("code")
        fields["file"].help_text = _("Tối đa %(mb)s MB.") % {"mb": settings.MAX_UPLOAD_MB}
        if len(offices) == 1:
            fields["office"].initial = offices[0].code

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_MB * 1024 * 1024:
            raise forms.ValidationError(_("Tệp lớn hơn %(mb)s MB.") % {"mb": settings.MAX_UPLOAD_MB})
        return upload


class ConfirmForm(forms.Form):
    first_year = forms.IntegerField(label=gettext_lazy("Từ năm"), min_value=1975, max_value=2100)
    last_year = forms.IntegerField(label=gettext_lazy("Đến năm"), min_value=1975, max_value=2100)
    province = forms.CharField(label=gettext_lazy("Tỉnh"), max_length=120, required=False)
    items = WholeNumberField(
        label=gettext_lazy("Số chương trình, dự án, phi dự án"), required=False, min_value=0
    )
    ngos = WholeNumberField(label=gettext_lazy("Số tổ chức tài trợ"), required=False, min_value=0)
    committed = NumberField(label=gettext_lazy("Giá trị cam kết"), required=False, min_value=0)
    disbursed = NumberField(label=gettext_lazy("Giá trị giải ngân"), required=False, min_value=0)
    currency = forms.CharField(label=gettext_lazy("Tiền tệ (mã ISO)"), max_length=3)

    def correction(self, sectors: list[tuple[str, int | None, Any]]) -> Correction:
        d = self.cleaned_data
        return Correction(
            first_year=d["first_year"],
            last_year=d["last_year"],
            province=d["province"] or "",
            items=d["items"],
            ngos=d["ngos"],
            committed=d["committed"],
            disbursed=d["disbursed"],
            currency=d["currency"],
            sectors=sectors,
        )


class SectorLineForm(forms.Form):
    sector = forms.CharField(label=gettext_lazy("Lĩnh vực"), max_length=120, required=False)
    count = WholeNumberField(label=gettext_lazy("Số dự án"), required=False, min_value=0)
    amount = NumberField(label=gettext_lazy("Giá trị"), required=False, min_value=0)


SectorLines = forms.formset_factory(SectorLineForm, extra=SECTOR_ROWS_SPARE)


def _shown(value: Any) -> str:
    return "" if value is None else format_number(value)


def initial_of(figures: ReportedFigures) -> dict[str, Any]:
    return {
        "first_year": figures.period_start.year,
        "last_year": figures.period_end.year,
        "province": figures.province,
        "items": _shown(figures.items),
        "ngos": _shown(figures.ngos),
        "committed": _shown(figures.committed),
        "disbursed": _shown(figures.disbursed),
        "currency": figures.currency,
    }


def sector_initial(figures: ReportedFigures) -> list[dict[str, Any]]:
    return [
        {"sector": s.sector, "count": _shown(s.count), "amount": _shown(s.amount)}
        for s in figures.sectors.all()
    ]
