"""A form field's widget as HTML, selects written directly.

Django draws a select by building a dict per option (`ChoiceWidget.optgroups`) and one template include per
option; on the aid list's filter form that was a fifth of the page. For Django's own `Select` and
`SelectMultiple` the same HTML is written here, character for character (tests/web/test_quick_widgets.py
compares both for every select of caunoi's forms); any other widget is drawn by Django.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe
from markupsafe import escape

QUICK = (forms.Select, forms.SelectMultiple)


def widget_html(field: BoundField) -> SafeString:
    """What `str(field)` gives: the field's widget with its value and attributes."""
    widget = field.field.widget
    if type(widget) not in QUICK or field.field.show_hidden_initial:
        return mark_safe(str(field))
    # BoundField.as_widget's attributes, then the widget's own (Widget.get_context).
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    attrs = widget.build_attrs(widget.attrs, attrs)
    if widget.allow_multiple_selected:
        attrs["multiple"] = True
    return mark_safe(_select(widget, field.html_name, widget.format_value(field.value()), attrs))


def _attrs(attrs: dict[str, Any]) -> str:
    # django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone.
    return "".join(
        f" {name}" if value is True else f' {name}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _select(widget: forms.Select, name: str, value: list[str], attrs: dict[str, Any]) -> str:
    """django/forms/widgets/select.html and select_option.html, as ChoiceWidget.optgroups chooses."""
    chosen = set(value)
    multiple = widget.allow_multiple_selected
    has_selected = False
    out = [f'<select name="{escape(name)}"{_attrs(attrs)}>']
    for option_value, option_label in widget.choices:
        if option_value is None:
            option_value = ""
        grouped = isinstance(option_label, (list, tuple))
        choices = option_label if grouped else [(option_value, option_label)]
        labelled = grouped and bool(option_value)  # the template writes no <optgroup> for an empty name
        if labelled:
            out.append(f'\n  <optgroup label="{escape(option_value)}">')
        for subvalue, sublabel in choices:
            selected = (not has_selected or multiple) and str(subvalue) in chosen
            has_selected |= selected
            mark = " selected" if selected else ""
            out.append(f'\n  <option value="{escape(subvalue)}"{mark}>{escape(sublabel)}</option>')
        if labelled:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)
