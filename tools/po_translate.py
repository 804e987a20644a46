"""Fill the English catalog's empty or fuzzy entries from a Vietnamese→English JSON mapping.

The catalog (src/caunoi/locale/en/LC_MESSAGES/django.po) is the one place translations live; this script
only helps translate many new strings at once:

    python tools/po_translate.py --missing > new.json   # the msgids still to translate, as a JSON skeleton
    (write the English into new.json: a string, or [singular, plural] for plural entries)
    python tools/po_translate.py new.json               # fills them in, clears their fuzzy marks
    python tools/compile_messages.py                    # then compile

It also keeps the header right for English (Language, Plural-Forms, no fuzzy header).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "src" / "caunoi" / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"


def load(po: Path) -> Catalog:
    with po.open("rb") as handle:
        return read_po(handle, locale="en", abort_invalid=True)


HEADER_COMMENT = """\
# English translation of caunoi's user interface.
# The source language (the msgids) is Vietnamese.
# Regenerate with `make messages` (tools/compile_messages.py).
# Distributed under the same license as caunoi (AGPL-3.0-or-later).
#"""


def save(catalog: Catalog, po: Path, touched: bool = True) -> None:
    catalog.fuzzy = False
    catalog.locale = Locale("en")
    catalog.header_comment = HEADER_COMMENT
    if touched:
        catalog.revision_date = dt.datetime.now(dt.UTC).replace(microsecond=0)
    catalog.language_team = "English <caunoi@localhost>"
    catalog.last_translator = "caunoi <caunoi@localhost>"
    catalog.project = "caunoi"
    with po.open("wb") as handle:
        write_po(handle, catalog, width=79, no_location=True, omit_header=False, ignore_obsolete=True)


def pending(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id and (m.fuzzy or not _complete(m))]


def _complete(message: Message) -> bool:
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


def _msgid(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple | list) else message.id)


def missing_skeleton(catalog: Catalog) -> dict[str, object]:
    skeleton: dict[str, object] = {}
    for message in pending(catalog):
        skeleton[_msgid(message)] = ["", ""] if message.pluralizable else ""
    return skeleton


def apply(catalog: Catalog, mapping: dict[str, object]) -> list[str]:
    """Fill pending entries from the mapping; return the msgids still without a translation."""
    left = []
    for message in pending(catalog):
        key = _msgid(message)
        english = mapping.get(key)
        if not english:
            left.append(key)
            continue
        if message.pluralizable:
            if not (isinstance(english, list) and len(english) == 2 and all(english)):
                raise SystemExit(f"{key!r} is a plural entry: give [singular, plural]")
            message.string = tuple(english)
        else:
            if not isinstance(english, str):
                raise SystemExit(f"{key!r} is not a plural entry: give a string")
            message.string = english
        message.flags.discard("fuzzy")
        message.previous_id = []
    return left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("mapping", nargs="?", type=Path, help="JSON object: Vietnamese msgid → English")
    parser.add_argument("--po", type=Path, default=PO)
    parser.add_argument("--missing", action="store_true", help="print the entries still to translate")
    args = parser.parse_args(argv)
    catalog = load(args.po)
    if args.missing:
        json.dump(missing_skeleton(catalog), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    if args.mapping is None:
        parser.error("give a mapping file or --missing")
    mapping = json.loads(args.mapping.read_text(encoding="utf-8"))
    left = apply(catalog, mapping)
    save(catalog, args.po)
    for key in left:
        print(f"untranslated: {key!r}", file=sys.stderr)
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
