"""Forms of the external-information pages. They only collect input: every rule (sanitising, consent, the
workflow, who may do what) is checked by `caunoi.publishing.services`, whose messages are shown beside the
field they concern."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from caunoi.aid.models import AidItem
from caunoi.core.models import Office
from caunoi.publishing.models import Article, ArticleStatus, Channel
from caunoi.relations.models import Agreement, Association, Event, Partnership, Person

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
BODY = forms.Textarea(attrs={"rows": 12})
TEXT = forms.Textarea(attrs={"rows": 3})


def offer_offices(form: forms.Form, offices: QuerySet[Office] | None) -> None:
    """The form's office choice: the offices the user may write in, the only one chosen beforehand; no
    office field at all when `offices` is None (an edit: the record keeps its office)."""
    if offices is None:
        del form.fields["office"]
        return
    office_field: Any = form.fields["office"]
    office_field.queryset = offices
    if offices.count() == 1:
        office_field.initial = offices.first()


class ArticleForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none())
    title = forms.CharField(label=_("Tiêu đề"), max_length=500)
    summary = forms.CharField(label=_("Tóm tắt"), widget=TEXT, required=False)
    body = forms.CharField(
        label=_("Nội dung"),
        widget=BODY,
        required=False,
        help_text=_(
            "HTML đơn giản (đoạn, đậm, nghiêng, danh sách, liên kết); mã lệnh và thuộc tính lạ bị loại bỏ."
        ),
    )
    author = forms.CharField(label=_("Tác giả"), max_length=200)
    title_en = forms.CharField(label=_("Tiêu đề tiếng Anh"), max_length=500, required=False)
    summary_en = forms.CharField(label=_("Tóm tắt tiếng Anh"), widget=TEXT, required=False)
    body_en = forms.CharField(label=_("Nội dung tiếng Anh"), widget=BODY, required=False)

    def __init__(self, *args: Any, offices: QuerySet[Office] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_offices(self, offices)


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=[("", _("Tất cả")), *ArticleStatus.choices], required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Lý do"), max_length=500)


def _multi(label: Any, queryset: QuerySet[Any]) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label, queryset=queryset, required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )


class TagsForm(forms.Form):
    """The records the article is about, each list limited to the article's office."""

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        office = article.office_id
        live = {"office_id": office, "archived_at__isnull": True}
        self.fields["events"] = _multi(_("Hoạt động"), Event.objects.filter(**live).order_by("-start_on"))
        self.fields["partnerships"] = _multi(
            _("Đối tác"), Partnership.objects.filter(**live).select_related("organisation")
        )
        self.fields["agreements"] = _multi(_("Thỏa thuận"), Agreement.objects.filter(**live))
        self.fields["associations"] = _multi(_("Hội hữu nghị"), Association.objects.filter(**live))
        self.fields["aid_items"] = _multi(
            _("Khoản viện trợ"), AidItem.objects.filter(**live).order_by("code")
        )
        self.fields["people"] = _multi(
            _("Cá nhân được nêu tên (cần sự đồng ý)"), Person.objects.filter(**live).order_by("name")
        )
        for name in self.fields:
            self.fields[name].initial = list(getattr(article, name).values_list("pk", flat=True))


class ImageForm(forms.Form):
    file = forms.FileField(
        label=_("Ảnh"), help_text=_("JPEG, PNG hoặc WebP; tối đa 10 MB; được thu nhỏ và xóa dữ liệu EXIF.")
    )
    caption = forms.CharField(label=_("Chú thích"), max_length=500)
    alt_text = forms.CharField(label=_("Mô tả ảnh cho người khiếm thị"), max_length=300)
    credit = forms.CharField(label=_("Nguồn ảnh"), max_length=200, required=False)


class PlacementForm(forms.Form):
    channel = forms.ModelChoiceField(label=_("Kênh"), queryset=Channel.objects.none())
    appeared_on = forms.DateField(label=_("Ngày đăng"), widget=DATE)
    issue = forms.CharField(label=_("Số báo, kỳ"), max_length=100, required=False)
    url = forms.CharField(label=_("Đường dẫn"), max_length=500, required=False)

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        channel_field: Any = self.fields["channel"]
        channel_field.queryset = Channel.objects.filter(
            office=office, archived_at__isnull=True, is_own_site=False
        )


class ChannelForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none())
    name = forms.CharField(label=_("Tên kênh"), max_length=300)
    url = forms.CharField(label=_("Địa chỉ"), max_length=500, required=False)

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_offices(self, offices)


class IssueForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none())
    number = forms.CharField(label=_("Số"), max_length=40)
    issued_on = forms.DateField(label=_("Ngày phát hành"), widget=DATE)
    editorial_board = forms.CharField(
        label=_("Ban biên tập (mỗi dòng một người)"), widget=TEXT, required=False
    )
    contacts = forms.CharField(label=_("Thông tin liên hệ (trang bìa sau)"), widget=TEXT, required=False)

    def __init__(self, *args: Any, offices: QuerySet[Office], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_offices(self, offices)


class IssueArticlesForm(forms.Form):
    """The published articles of the office, each with a position: blank leaves it out of the issue."""

    def __init__(self, *args: Any, articles: list[Article], chosen: dict[int, int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.articles = articles
        for article in articles:
            self.fields[f"a{article.pk}"] = forms.IntegerField(
                label=article.title, min_value=1, max_value=99, required=False, initial=chosen.get(article.pk)
            )

    def ordered(self) -> list[Article]:
        picked = [
            (self.cleaned_data[f"a{a.pk}"], index, a)
            for index, a in enumerate(self.articles)
            if self.cleaned_data.get(f"a{a.pk}")
        ]
        return [a for _position, _index, a in sorted(picked, key=lambda p: (p[0], p[1]))]


class PageForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none())
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    slug = forms.CharField(
        label=_("Đường dẫn"),
        max_length=60,
        required=False,
        help_text=_("Chữ thường không dấu và dấu gạch ngang, ví dụ gioi-thieu; để trống: lấy theo tiêu đề."),
    )
    body = forms.CharField(
        label=_("Nội dung"),
        widget=BODY,
        required=False,
        help_text=_(
            "HTML đơn giản (đoạn, đậm, nghiêng, danh sách, liên kết); mã lệnh và thuộc tính lạ bị loại bỏ."
        ),
    )
    title_en = forms.CharField(label=_("Tiêu đề tiếng Anh"), max_length=200, required=False)
    body_en = forms.CharField(label=_("Nội dung tiếng Anh"), widget=BODY, required=False)
    position = forms.IntegerField(label=_("Thứ tự"), min_value=0, max_value=32767, initial=0, required=False)

    def __init__(self, *args: Any, offices: QuerySet[Office] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_offices(self, offices)
