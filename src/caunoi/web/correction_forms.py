"""Forms for correcting money and closing years; the services in caunoi.aid.corrections and closing decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from caunoi.aid.models import Transaction
from caunoi.directory.models import Organisation
from caunoi.web.forms import DATE


class CorrectionForm(forms.Form):
    amount = forms.DecimalField(label=_("Số tiền"), max_digits=18, decimal_places=2)
    currency = forms.CharField(label=_("Tiền tệ (ISO 4217)"), max_length=3)
    value_date = forms.DateField(label=_("Ngày giá trị"), widget=DATE)
    provider = forms.ModelChoiceField(
        label=_("Bên cấp"), queryset=Organisation.objects.none(), required=False
    )
    receiver = forms.ModelChoiceField(
        label=_("Bên nhận"), queryset=Organisation.objects.none(), required=False
    )
    reference = forms.CharField(label=_("Số chứng từ"), max_length=120, required=False)
    reason = forms.CharField(label=_("Lý do sửa"), max_length=100, required=False)

    def __init__(self, *args: Any, tx: Transaction, **kwargs: Any):
        kwargs.setdefault(
            "initial",
            {
                "amount": tx.amount,
                "currency": tx.currency,
                "value_date": tx.value_date,
                "provider": tx.provider_id,
                "receiver": tx.receiver_id,
                "reference": tx.reference,
            },
        )
        kwargs["prefix"] = "correct"
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.filter(office=tx.office_id, archived_at__isnull=True)
        fields: dict[str, Any] = self.fields
        fields["provider"].queryset = fields["receiver"].queryset = organisations


class ReversalForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy giao dịch"), max_length=500)

    def __init__(self, *args: Any, **kwargs: Any):
        kwargs["prefix"] = "reverse"
        super().__init__(*args, **kwargs)
