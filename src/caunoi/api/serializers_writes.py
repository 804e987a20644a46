"""What a request sends to create or change an organisation or an event; the services check every rule."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from caunoi.directory.models import OrgKind
from caunoi.relations.dates import Precision
from caunoi.relations.models import EventKind


class OrganisationInput(serializers.Serializer[Any]):
    office = serializers.CharField(help_text="Mã cơ quan / office code")
    kind = serializers.ChoiceField(choices=OrgKind.choices)
    name = serializers.CharField(max_length=300)
    name_original = serializers.CharField(max_length=300, required=False, allow_blank=True)
    acronym = serializers.CharField(max_length=40, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False, allow_blank=True)
    iati_type = serializers.CharField(max_length=3, required=False, allow_blank=True)
    iati_ref = serializers.CharField(max_length=120, required=False, allow_blank=True)
    website = serializers.URLField(max_length=200, required=False, allow_blank=True)
    notes = serializers.CharField(required=False, allow_blank=True)
    is_illustrative = serializers.BooleanField(required=False)


class OrganisationChange(OrganisationInput):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("office")
        for field in self.fields.values():
            field.required = False


class EventInput(serializers.Serializer[Any]):
    office = serializers.CharField(help_text="Mã cơ quan / office code")
    title = serializers.CharField(max_length=500)
    kind = serializers.ChoiceField(choices=EventKind.choices)
    start_on = serializers.DateField()
    end_on = serializers.DateField(required=False, allow_null=True)
    date_precision = serializers.ChoiceField(choices=Precision.choices, required=False)
    place = serializers.CharField(max_length=300, required=False, allow_blank=True)
    country = serializers.CharField(max_length=2, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    outcomes = serializers.CharField(required=False, allow_blank=True)
    is_illustrative = serializers.BooleanField(required=False)
    organisers = serializers.ListField(
        child=serializers.IntegerField(), required=False, help_text="id các tổ chức / organisation ids"
    )


class EventChange(EventInput):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("office")
        self.fields.pop("organisers")
        for field in self.fields.values():
            field.required = False
