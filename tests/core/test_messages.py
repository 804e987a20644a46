import importlib
import pkgutil
import unicodedata
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext_lazy

import caunoi
from caunoi.core.errors import ALL_MESSAGES, Problem
from caunoi.core.messages import NUMBER_OUT_OF_RANGE


def _import_all_message_modules() -> None:
    for module in pkgutil.walk_packages(caunoi.__path__, "caunoi."):
        if module.name.endswith(".messages"):
            importlib.import_module(module.name)


_import_all_message_modules()


def test_there_are_rule_messages_from_every_ledger_app():
    prefixes = {code.split(".")[0] for code in ALL_MESSAGES}
    assert {"aid", "money", "office"} <= prefixes


@pytest.mark.parametrize("code", sorted(ALL_MESSAGES))
def test_every_rule_message_has_an_english_translation_in_the_catalog_with_the_same_placeholders(code):
    msg = ALL_MESSAGES[code]
    assert msg.vi.strip() and msg.en.strip()
    assert msg.en != msg.vi, f"no English for {code} in the catalog (add its template to django.po)"
    assert msg.placeholders("en") == msg.placeholders("vi")
    # Vietnamese text must carry Vietnamese diacritics: a message typed without them is a defect.
    assert any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", msg.vi)), msg.vi
    assert unicodedata.is_normalized("NFC", msg.vi)


def test_a_message_renders_each_parameter_once_in_the_language_asked():
    problem = Problem(
        NUMBER_OUT_OF_RANGE,
        {"label": gettext_lazy("Tỷ giá"), "low": Decimal("0.5"), "high": Decimal(1404175), "value": "x"},
    )
    assert problem.vi == "“Tỷ giá” phải từ 0,5 đến 1.404.175 (nhận được x)."
    assert problem.en == "“Exchange rates” must be between 0.5 and 1,404,175 (got x)."
    with translation.override("en"):
        assert problem.text() == problem.en
