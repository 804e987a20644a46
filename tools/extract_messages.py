"""Find every translatable string in caunoi's source without GNU gettext.

Python files are read with babel's Python extractor using the keywords Django's `makemessages` gives xgettext;
templates (.html, .txt) are first turned into Python-like text by Django's own `templatize` (what
`makemessages` does before calling xgettext), so `{% translate %}` and `{% blocktranslate %}` (with plurals
and contexts) come out exactly as `makemessages` sees them.

    python tools/extract_messages.py            # prints the messages as JSON lines: context, msgid, plural, where
"""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.messages.extract import extract

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "caunoi"
TEMPLATE_SUFFIXES = {".html", ".txt", ".svg"}  # .svg: the dashboard map is a template
SKIP_DIRS = {"__pycache__", "locale", "static", "node_modules"}

# Django's makemessages passes these to xgettext on top of xgettext's own Python keywords (_, gettext,
# ngettext, pgettext, npgettext…).
KEYWORDS: dict[str, Any] = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


@dataclass(frozen=True)
class Found:
    context: str | None
    msgid: str
    plural: str | None
    where: str

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


def source_files(root: Path = SOURCE) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS)
        for name in sorted(files):
            path = Path(folder) / name
            if path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES:
                yield path


def _python_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix in TEMPLATE_SUFFIXES:
        from django.utils.translation.template import templatize

        return templatize(text, origin=str(path))
    return text


def extract_file(path: Path, root: Path = SOURCE) -> Iterator[Found]:
    text = _python_text(path)
    if "gettext" not in text and "_(" not in text:
        return
    where = path.relative_to(root).as_posix()
    for lineno, message, _comments, context in extract(
        "python", io.BytesIO(text.encode("utf-8")), keywords=KEYWORDS, options={"encoding": "utf-8"}
    ):
        if isinstance(message, tuple):
            msgid, plural = message[0], message[1]
        else:
            msgid, plural = message, None
        if msgid:
            yield Found(context, msgid, plural, f"{where}:{lineno}")


def extract_all(root: Path = SOURCE) -> list[Found]:
    _setup_django()
    return [found for path in source_files(root) for found in extract_file(path, root)]


def _setup_django() -> None:
    """`templatize` needs Django's settings; any configuration will do."""
    from django.conf import settings

    if not settings.configured:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")


def main() -> None:
    for found in extract_all():
        json.dump(
            {"context": found.context, "msgid": found.msgid, "plural": found.plural, "where": found.where},
            sys.stdout,
            ensure_ascii=False,
        )
        sys.stdout.write("\n")


if __name__ == "__main__":
    main()
