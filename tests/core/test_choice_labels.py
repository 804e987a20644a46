"""`get_FOO_display()` on office-owned records: the labels gathered once per field, in the reader's language,
the stored value itself when it is not a choice (as Django's own)."""

from __future__ import annotations

import pytest
from django.utils import translation

from caunoi.aid.models import AidItem, Transaction


@pytest.mark.parametrize(
    ("model", "name"), [(AidItem, "status"), (AidItem, "modality"), (Transaction, "kind")]
)
def test_every_choice_shows_its_label_in_the_reader_language(model, name):
    field = model._meta.get_field(name)
    shown = {}
    for lang in ("vi", "en"):
        with translation.override(lang):
            for value, label in field.flatchoices:
                record = model(**{name: value})
                assert getattr(record, f"get_{name}_display")() == str(label)
                shown[(lang, value)] = str(label)
    assert any(shown[("vi", v)] != shown[("en", v)] for v, _ in field.flatchoices)  # really translated


def test_a_value_that_is_not_a_choice_shows_as_stored():
    item = AidItem(status="no-such-status")
    assert item.get_status_display() == "no-such-status"
    item.status = None
    assert item.get_status_display() is None
