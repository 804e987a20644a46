"""Routes of the people, consent, association-edit and agreement-party forms (added to the relations URLs)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
