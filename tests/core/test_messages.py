import importlib
import pkgutil
import unicodedata

import pytest

import caunoi
from caunoi.core.errors import ALL_MESSAGES


def _import_all_message_modules() -> None:
    for module in pkgutil.walk_packages(caunoi.__path__, "caunoi."):
        if module.name.endswith(".messages"):
            importlib.import_module(module.name)


_import_all_message_modules()


def test_there_are_rule_messages_from_every_ledger_app():
    prefixes = {code.split(".")[0] for code in ALL_MESSAGES}
    assert {"aid", "money", "office"} <= prefixes


@pytest.mark.parametrize("code", sorted(ALL_MESSAGES))
def test_every_rule_message_has_vietnamese_and_english_with_the_same_placeholders(code):
    msg = ALL_MESSAGES[code]
    assert msg.vi.strip() and msg.en.strip()
    assert msg.vi != msg.en
    # An English text may use an English variant of a value ({reason_en} beside the Vietnamese {reason}).
    assert msg.placeholders("vi") == {name.removesuffix("_en") for name in msg.placeholders("en")}
    # Vietnamese text must carry Vietnamese diacritics: a message typed without them is a defect.
    assert any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", msg.vi)), msg.vi
    assert unicodedata.is_normalized("NFC", msg.vi)
