"""Serializers of the other records: each model's own columns (foreign keys as ids, the office as its code),
built one way so that every record reads alike. Derived search columns are left out."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from caunoi.core.permissions import Action, can
from caunoi.relations.models import Agreement, Person
from caunoi.relations.status import AgreementStatus, agreement_status

HIDDEN = {"search_text", "name_key", "key"}


def model_serializer(
    model: type[models.Model],
    name: str,
    *,
    exclude: frozenset[str] = frozenset(),
    **extra: Any,
) -> type[serializers.ModelSerializer[Any]]:
    """A read-only serializer of `model`'s concrete columns and many-to-many ids."""
    names = [
        f.name
        for f in model._meta.get_fields()
        if ((f.concrete or f.many_to_many) and not f.auto_created) or f.name == "id"
    ]
    names = [n for n in names if n not in HIDDEN | set(exclude)]
    attrs: dict[str, Any] = dict(extra)
    for field in model._meta.concrete_fields:
        # A choice, an address or an e-mail that may be empty reads as text: its format refuses "".
        formatted = field.choices or isinstance(field, (models.URLField, models.EmailField))
        if field.name in names and formatted and field.blank:
            attrs[field.name] = serializers.CharField(read_only=True)
    if "office" in names:
        attrs["office"] = serializers.CharField(source="office.code", read_only=True)
    meta = type("Meta", (), {"model": model, "fields": [*names, *extra], "read_only_fields": [*names]})
    attrs["Meta"] = meta
    return type(name, (serializers.ModelSerializer,), attrs)


class AgreementStatusField(serializers.Field):
    """The agreement's status as of the day the request asks (`on`, default today): computed, never stored."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, agreement: Agreement) -> str:
        on: dt.date = self.context.get("on") or dt.date.today()
        return str(agreement_status(agreement, on).value)


AgreementSerializer = model_serializer(
    Agreement,
    "AgreementSerializer",
    status=extend_schema_field({"type": "string", "enum": AgreementStatus.values})(AgreementStatusField)(),
)

PERSONAL = ("email", "phone", "notes")


_PersonBase = model_serializer(Person, "PersonBase", exclude=frozenset(PERSONAL))


class PersonSerializer(_PersonBase):  # type: ignore[valid-type,misc]
    """A person's contact details and notes are personal: shown only to those who may change the office's
    records (its staff), not to readers such as a national viewer; the others get null."""

    email = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()

    class Meta(_PersonBase.Meta):  # type: ignore[name-defined]
        fields = [*_PersonBase.Meta.fields, *PERSONAL]

    def _personal(self, person: Person, name: str) -> str | None:
        user = self.context["request"].user
        return getattr(person, name) if can(user, Action.EDIT, person.office) else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_email(self, person: Person) -> str | None:
        return self._personal(person, "email")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_phone(self, person: Person) -> str | None:
        return self._personal(person, "phone")

    @extend_schema_field({"type": "string", "nullable": True})
    def get_notes(self, person: Person) -> str | None:
        return self._personal(person, "notes")
