"""Forms of users, roles, offices and one's own account. They only collect input: the services
(caunoi.core.accounts, caunoi.documents.letterhead) check every rule."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from caunoi.core.models import Office
from caunoi.documents.letterhead import LETTERHEAD_FIELDS
from caunoi.documents.models import DocumentSettings
from caunoi.geography.models import AdminUnit, Era, Level

PASSWORD = forms.PasswordInput(attrs={"autocomplete": "new-password"})


class _TwoPasswords(forms.Form):
    """A new password typed twice."""

    password1 = forms.CharField(label=_("Mật khẩu mới"), widget=PASSWORD, strip=False)
    password2 = forms.CharField(label=_("Nhập lại mật khẩu mới"), widget=PASSWORD, strip=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("Hai lần nhập mật khẩu không giống nhau."))
        return data


class NewUserForm(_TwoPasswords):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    email = forms.CharField(label=_("Thư điện tử"), max_length=254, required=False)
    role = forms.ChoiceField(label=_("Vai trò"))

    field_order = ["username", "full_name", "email", "role", "password1", "password2"]

    def __init__(self, *args: Any, roles: list[tuple[str, Any]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = roles  # type: ignore[attr-defined]
        self.fields["password1"].label = _("Mật khẩu ban đầu")
        self.fields["password1"].help_text = _("Người dùng phải đổi mật khẩu này khi đăng nhập lần đầu.")
        self.fields["password2"].label = _("Nhập lại mật khẩu ban đầu")


class RoleForm(forms.Form):
    office = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Office.objects.none(), to_field_name="code")
    role = forms.ChoiceField(label=_("Vai trò"))

    def __init__(self, *args: Any, offices: Any, roles: list[tuple[str, Any]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices  # type: ignore[attr-defined]
        self.fields["role"].choices = roles  # type: ignore[attr-defined]


class ResetPasswordForm(_TwoPasswords):
    pass


class OwnPasswordForm(_TwoPasswords):
    old_password = forms.CharField(
        label=_("Mật khẩu hiện tại"),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        strip=False,
    )

    field_order = ["old_password", "password1", "password2"]


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Ngôn ngữ"), choices=settings.LANGUAGES)


def _current_provinces() -> Any:
    return AdminUnit.objects.filter(era=Era.REFORM_2025, level=Level.PROVINCE).order_by("short_name")


class OfficeForm(forms.Form):
    name = forms.CharField(label=_("Tên cơ quan"), max_length=255)
    name_en = forms.CharField(label=_("Tên tiếng Anh"), max_length=255, required=False)
    abbreviation = forms.CharField(label=_("Ký hiệu văn bản"), max_length=32, required=False)
    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=AdminUnit.objects.none())

    def __init__(self, *args: Any, office: Office | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        province: Any = self.fields["province"]
        province.queryset = _current_provinces()
        if office is not None and office.home_province_id not in {
            None,
            *province.queryset.values_list("pk", flat=True),
        }:
            # An office of before the 2025 reform keeps its province unless a province of today is chosen.
            province.required = False
            province.help_text = _("Hiện là %(unit)s (trước 01/7/2025).") % {"unit": office.home_province}


class NewOfficeForm(OfficeForm):
    code = forms.CharField(
        label=_("Mã cơ quan"), max_length=32, help_text=_("Chữ thường không dấu, vd. lao-cai.")
    )

    field_order = ["code", "name", "name_en", "abbreviation", "province"]


class LetterheadForm(forms.ModelForm):  # type: ignore[type-arg,unused-ignore]
    """What the office's documents print; blank fields are derived from the office."""

    prefix = "letterhead"

    class Meta:
        model = DocumentSettings
        fields = list(LETTERHEAD_FIELDS)  # what a document's letterhead is drawn from
        widgets = {"recipients": forms.Textarea(attrs={"rows": 4})}
