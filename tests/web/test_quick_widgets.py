"""Selects written directly (caunoi.web.quick_widgets) are the HTML Django's widgets draw, character for
character: any choices, groups, values, attributes and errors; any other widget is Django's own."""

from __future__ import annotations

import pytest
from django import forms
from django.utils.translation import gettext_lazy
from hypothesis import given, settings
from hypothesis import strategies as st

from caunoi.aid.models import Sector
from caunoi.core.models import Office
from caunoi.web.forms import AidFilterForm
from caunoi.web.quick_widgets import widget_html

text = st.text(alphabet=st.sampled_from(list("aĂễ <>&\"'0 ")), max_size=6)
value = st.one_of(st.none(), text, st.integers(-3, 3))
plain = st.tuples(value, st.one_of(text, st.just(gettext_lazy("Tất cả"))))
grouped = st.tuples(text, st.lists(st.tuples(value, text), max_size=3))
choices = st.lists(st.one_of(plain, grouped), max_size=6)
chosen = st.one_of(value, st.lists(value, max_size=3))


@settings(max_examples=400, deadline=None)
@given(
    choices=choices,
    data=chosen,
    multiple=st.booleans(),
    required=st.booleans(),
    disabled=st.booleans(),
    bound=st.booleans(),
    attrs=st.dictionaries(
        st.sampled_from(["class", "id", "data-x", "hidden"]), st.one_of(st.booleans(), text)
    ),
)
def test_a_select_is_what_django_draws(choices, data, multiple, required, disabled, bound, attrs):
    field_class = forms.MultipleChoiceField if multiple else forms.ChoiceField
    widget = (forms.SelectMultiple if multiple else forms.Select)(attrs=attrs)
    field = field_class(choices=choices, required=required, disabled=disabled, widget=widget)
    form_class = type("F", (forms.Form,), {"pick": field})
    given_data = {"pick": data} if bound else None
    form = form_class(given_data, initial={"pick": data})
    form.is_valid()  # errors, when bound, add aria-invalid
    bound_field = form["pick"]
    assert widget_html(bound_field) == str(bound_field)


@pytest.mark.django_db
def test_the_aid_filter_forms_fields_are_what_django_draws():
    offices = Office.objects.all()
    Sector.objects.create(code="x&y", name="Giáo dục <cơ bản>", order=99)
    for data in (None, {"status": "approved", "sector": "x&y", "year": "abc"}, {"office": "nope"}):
        form = AidFilterForm(data, offices=offices)
        form.is_valid()
        drawn = [widget_html(field) for field in form]
        assert drawn == [str(field) for field in form]
        assert sum(html.startswith("<select") for html in drawn) == 4


def test_other_widgets_are_djangos_own():
    class F(forms.Form):
        when = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
        on = forms.BooleanField(required=False)
        kind = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
        later = forms.ChoiceField(choices=[("a", "A")], show_hidden_initial=True)

    form = F({"when": "x", "kind": "a"})
    assert [widget_html(field) for field in form] == [str(field) for field in form]
    assert 'type="radio"' in widget_html(form["kind"])
