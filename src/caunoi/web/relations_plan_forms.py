"""Forms of the annual plans (plan, task, target) and of the calendar's occasions. Like the other relations
forms they only collect input: the rules are the services' (`caunoi.relations.services.plans`, `.calendar`),
and their messages are shown next to the field they concern."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from caunoi.relations.models import (
    AnnualPlan,
    Association,
    DocumentKind,
    DocumentRef,
    EventKind,
    OccasionKind,
    Partnership,
    Recurrence,
    TargetKind,
    TaskTarget,
)
from caunoi.web.forms import WholeNumberField
from caunoi.web.relations_forms import DATE, TEXT, OfficeChoice, OfficeScoped, country_choices

# --- plans ------------------------------------------------------------------------------------------------


def document_label(document: DocumentRef) -> str:
    return f"{document} — {document.issued_on:%d/%m/%Y} — {document.issuer}"


class PlanFields(OfficeScoped):
    """A plan's own fields, and the documents it implements: chosen from the office's, or one added here."""

    year = forms.IntegerField(label=_("Năm"))
    title = forms.CharField(label=_("Tên kế hoạch"), max_length=500)
    implements = forms.ModelMultipleChoiceField(
        label=_("Thực hiện văn bản"),
        queryset=DocumentRef.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Chỉ thị, nghị quyết, kế hoạch cấp trên mà kế hoạch này triển khai."),
    )
    adopted_on = forms.DateField(label=_("Ngày ban hành"), required=False, widget=DATE)
    notes = forms.CharField(label=_("Ghi chú"), required=False, widget=TEXT)
    doc_number = forms.CharField(
        label=_("Văn bản chưa có trong danh sách: số, ký hiệu"),
        max_length=80,
        required=False,
        help_text=_("Vd. 78-KH/TU, 12-CT/TW. Để trống nếu không thêm văn bản mới."),
    )
    doc_kind = forms.ChoiceField(
        label=_("Loại văn bản"), choices=DocumentKind.choices, initial=DocumentKind.PLAN, required=False
    )
    doc_issued_on = forms.DateField(label=_("Ngày ban hành văn bản"), required=False, widget=DATE)
    doc_issuer = forms.CharField(label=_("Cơ quan ban hành"), max_length=300, required=False)
    doc_title = forms.CharField(label=_("Trích yếu"), max_length=500, required=False)
    doc_implements = forms.ModelChoiceField(
        label=_("Văn bản mới thực hiện văn bản"),
        queryset=DocumentRef.objects.none(),
        required=False,
        help_text=_("Vd. Kế hoạch 78-KH/TU thực hiện Chỉ thị 12-CT/TW."),
    )
    doc_url = forms.URLField(
        label=_("Đường dẫn văn bản"), max_length=500, required=False, assume_scheme="https"
    )

    DOCUMENT_FIELDS = ("doc_kind", "doc_issued_on", "doc_issuer", "doc_title", "doc_implements", "doc_url")

    def __init__(self, *args: Any, plan: AnnualPlan | None = None, **kwargs: Any):
        self.plan = plan
        super().__init__(*args, **kwargs)

    def scope(self) -> None:
        super().scope()
        documents = self.own(DocumentRef.objects)
        listed = documents
        if self.plan is not None:  # an archived document the plan already implements stays ticked
            listed = DocumentRef.objects.filter(
                Q(pk__in=documents.values("pk")) | Q(pk__in=self.plan.implements.values("pk"))
            )
        self.fields_["implements"].queryset = listed.order_by("issued_on", "number")
        self.fields_["implements"].label_from_instance = document_label
        self.fields_["doc_implements"].queryset = documents.order_by("issued_on", "number")
        self.fields_["doc_implements"].label_from_instance = document_label

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("doc_number") or "").strip():
            if not data.get("doc_issued_on") and "doc_issued_on" not in self.errors:
                self.add_error("doc_issued_on", _("Văn bản mới cần ngày ban hành."))
        elif any(data.get(name) for name in self.DOCUMENT_FIELDS if name != "doc_kind"):
            self.add_error("doc_number", _("Văn bản mới cần số, ký hiệu."))
        return data

    def new_document(self) -> dict[str, Any] | None:
        """The fields of the document to add, or None."""
        data = self.cleaned_data
        if not (data.get("doc_number") or "").strip():
            return None
        return {
            "kind": data["doc_kind"],
            "number": data["doc_number"],
            "issued_on": data["doc_issued_on"],
            "issuer": data["doc_issuer"],
            "title": data["doc_title"],
            "implements": data["doc_implements"],
            "url": data["doc_url"],
        }


class PlanForm(OfficeChoice, PlanFields):
    field_order = ["office", "year", "title"]


# --- tasks and targets ------------------------------------------------------------------------------------


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Nhiệm vụ"), max_length=700, widget=TEXT)
    owner = forms.CharField(label=_("Đơn vị, người chủ trì"), max_length=300, required=False)
    due_on = forms.DateField(label=_("Hạn"), required=False, widget=DATE)
    order = forms.IntegerField(
        label=_("Thứ tự"), required=False, max_value=1000, help_text=_("Để trống: xếp cuối danh sách.")
    )


class CancelTaskForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), max_length=500, widget=TEXT)
    on = forms.DateField(label=_("Hủy ngày"), widget=DATE)


class TargetForm(OfficeScoped):
    description = forms.CharField(label=_("Chỉ tiêu"), max_length=500)
    kind = forms.ChoiceField(
        label=_("Loại minh chứng"),
        choices=TargetKind.choices,
        help_text=_("Chỉ tiêu đạt khi có đủ minh chứng loại này được gắn và đã diễn ra trong kỳ tính."),
    )
    count = WholeNumberField(label=_("Số lượng cần đạt"), initial=1, max_value=10_000)
    association = forms.ModelChoiceField(
        label=_("Hội hữu nghị"),
        queryset=Association.objects.none(),
        required=False,
        help_text=_("Bắt buộc với chỉ tiêu “Tổ chức đại hội của hội”; để trống với loại khác."),
    )
    partnership = forms.ModelChoiceField(
        label=_("Đối tác"),
        queryset=Partnership.objects.none(),
        required=False,
        help_text=_("Chỉ với hoạt động hoặc thỏa thuận: chỉ tính minh chứng với đối tác này."),
    )
    event_kind = forms.ChoiceField(
        label=_("Loại hoạt động"),
        required=False,
        choices=[("", _("Mọi loại")), *EventKind.choices],
        help_text=_("Chỉ với chỉ tiêu “Tổ chức hoạt động”."),
    )
    window_start = forms.DateField(
        label=_("Tính từ ngày"), required=False, widget=DATE, help_text=_("Để trống: cả năm kế hoạch.")
    )
    window_end = forms.DateField(label=_("Tính đến hết ngày"), required=False, widget=DATE)

    def __init__(self, *args: Any, target: TaskTarget | None = None, **kwargs: Any):
        self.target = target
        super().__init__(*args, **kwargs)

    def scope(self) -> None:
        # the office's live records, and the one the target already names (even if archived since)
        kept = self.target
        associations = Q(pk__in=self.own(Association.objects).values("pk"))
        partnerships = Q(pk__in=self.own(Partnership.objects).values("pk"))
        if kept is not None and kept.association_id:
            associations |= Q(pk=kept.association_id)
        if kept is not None and kept.partnership_id:
            partnerships |= Q(pk=kept.partnership_id)
        self.fields_["association"].queryset = Association.objects.filter(associations).order_by("name")
        self.fields_["partnership"].queryset = (
            Partnership.objects.filter(partnerships)
            .select_related("organisation")
            .order_by("organisation__name")
        )


# --- occasions --------------------------------------------------------------------------------------------


class OccasionFields(OfficeScoped):
    kind = forms.ChoiceField(label=_("Loại dịp"), choices=OccasionKind.choices)
    title = forms.CharField(label=_("Tên dịp"), max_length=300)
    title_en = forms.CharField(label=_("Tên tiếng Anh"), max_length=300, required=False)
    country = forms.ChoiceField(label=_("Quốc gia"))
    recurrence = forms.ChoiceField(
        label=_("Lặp lại"),
        choices=Recurrence.choices,
        help_text=_(
            "Ngày lễ âm lịch (Tết Nguyên đán…) không có ngày dương lịch cố định: chọn “Theo ngày ghi cho từng "
            "năm” rồi ghi ngày của từng năm trên trang của dịp."
        ),
    )
    day = forms.IntegerField(label=_("Ngày (1–31)"), required=False, min_value=1, max_value=31)
    month = forms.IntegerField(label=_("Tháng (1–12)"), required=False, min_value=1, max_value=12)
    origin_year = forms.IntegerField(
        label=_("Năm gốc"),
        required=False,
        max_value=9999,
        help_text=_("Năm sự kiện diễn ra (vd. 1962 với quan hệ ngoại giao Việt Nam - Lào): để tính số năm."),
    )
    duration_days = forms.IntegerField(label=_("Số ngày"), initial=1, max_value=366)
    source_url = forms.URLField(label=_("Nguồn"), max_length=500, required=False, assume_scheme="https")
    source_note = forms.CharField(label=_("Ghi chú nguồn"), max_length=500, required=False)

    def scope(self) -> None:
        super().scope()
        self.fields_["country"].choices = country_choices(_("— chọn —"))


class OccasionForm(OfficeChoice, OccasionFields):
    field_order = ["office", "kind", "title"]


class OccasionDateForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), max_value=9999)
    on = forms.DateField(label=_("Ngày dương lịch"), widget=DATE)
    source_url = forms.URLField(label=_("Nguồn"), max_length=500, required=False, assume_scheme="https")
