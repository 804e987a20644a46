"""Compile caunoi's message catalogs (.po → .mo) with babel, so that no GNU gettext is needed.

    python tools/compile_messages.py           # writes every src/caunoi/locale/*/LC_MESSAGES/*.mo
    python tools/compile_messages.py --check   # exits 1 when a .mo is missing or differs from its .po

The output depends only on the .po: fuzzy entries are left out (as msgfmt does), and the header's
"Generated-By" line, the one thing that names the babel version, is dropped, so the same .po gives the same
bytes everywhere (tests/test_i18n.py compares them).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "src" / "caunoi" / "locale"


class _StableCatalog:
    """What write_mo reads of a catalog (its messages and charset), with a version-free header."""

    def __init__(self, catalog: Catalog):
        self.charset = catalog.charset

        messages = list(catalog)
        header = messages[0]
        lines = [line for line in str(header.string).split("\n") if not line.startswith("Generated-By:")]
        messages[0] = Message("", "\n".join(lines), flags=set(header.flags) - {"fuzzy"})
        self._messages = messages

    def __iter__(self) -> Iterator[Message]:
        return iter(self._messages)


def compile_po(po: Path) -> bytes:
    with po.open("rb") as handle:
        catalog = read_po(handle, abort_invalid=True)
    buffer = io.BytesIO()
    write_mo(buffer, _StableCatalog(catalog), use_fuzzy=False)  # type: ignore[arg-type]
    return buffer.getvalue()


def catalogs(locale: Path = LOCALE) -> list[Path]:
    return sorted(locale.glob("*/LC_MESSAGES/*.po"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="only check that every .mo is up to date")
    args = parser.parse_args(argv)
    stale = 0
    for po in catalogs():
        mo = po.with_suffix(".mo")
        data = compile_po(po)
        if mo.exists() and mo.read_bytes() == data:
            continue
        if args.check:
            print(f"{mo.relative_to(ROOT)} is out of date: run `make messages`", file=sys.stderr)
            stale += 1
        else:
            mo.write_bytes(data)
            print(f"compiled {mo.relative_to(ROOT)}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
