"""Routes of the plan and calendar-occasion forms (added to the relations URLs)."""

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
