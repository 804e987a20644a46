"""The form renderer (settings.FORM_RENDERER): Django's own widget templates drawn by Jinja2, the rest by
Django's template engine.

A select's options cost one Django template include each (a filter form's selects were a tenth of drawing
the aid list); Jinja2 draws the same HTML, but for blank lines, in a fraction of the time. Django ships its
widgets in both languages; the admin's wrappers (admin/widgets/…) exist only as Django templates, so a
template Jinja2 does not have is drawn by Django's renderer.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.forms.renderers import DjangoTemplates, Jinja2
from django.template import TemplateDoesNotExist


class FormRenderer(Jinja2):
    @cached_property
    def django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        try:
            return super().get_template(template_name)
        except TemplateDoesNotExist:
            return self.django.get_template(template_name)
