"""The form renderer: Django's widgets drawn by Jinja2, the templates only Django's engine has (the admin's)
by Django's renderer, and the same controls either way."""

from __future__ import annotations

import re

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.backends.django import Template as DjangoTemplate
from django.template.backends.jinja2 import Template as Jinja2Template

from caunoi.web.renderer import FormRenderer


class Choice(forms.Form):
    kind = forms.ChoiceField(choices=[("a", "Ả <b>"), ("b", "B")], initial="b")
    note = forms.CharField(required=False, max_length=20)
    seen = forms.BooleanField(required=False)


def _without_blank_lines(html: str) -> str:
    return re.sub(r"\n\s*", "", html)


def test_djangos_widgets_are_drawn_by_jinja2_and_the_admins_by_django():
    renderer = FormRenderer()
    assert isinstance(renderer.get_template("django/forms/widgets/select.html"), Jinja2Template)
    assert isinstance(renderer.get_template("admin/widgets/related_widget_wrapper.html"), DjangoTemplate)


def test_the_controls_are_the_same_as_djangos_own_templates_draw():
    for data in (None, {"kind": "a", "note": "x" * 30, "seen": "on"}):
        jinja2, django = Choice(data, renderer=FormRenderer()), Choice(data, renderer=DjangoTemplates())
        drawn = [_without_blank_lines(str(field)) for field in jinja2]
        assert drawn == [_without_blank_lines(str(field)) for field in django]
        assert "Ả &lt;b&gt;" in drawn[0]  # escaped by both
