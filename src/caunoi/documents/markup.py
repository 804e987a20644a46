"""The small Markdown subset a report's prose is written in, read into blocks every renderer shares.

Staff edit drafts as Markdown in the web application; Word, PDF and Markdown output are all made from the same
blocks so that they say the same thing. Supported: ``##``/``###``/``####`` headings, paragraphs (lines joined,
blank line between), ``- `` list items, ``**bold**`` and ``*italic*``. Anything else is kept as plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item"]
_INLINE = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # heading level: 2 (section), 3 (subsection), 4

    def runs(self) -> list[Run]:
        return inline_runs(self.text)


def inline_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        if match.group(1) is not None:
            runs.append(Run(match.group(1), bold=True))
        else:
            runs.append(Run(match.group(2), italic=True))
        position = match.end()
    if position < len(text):
        runs.append(Run(text[position:]))
    return runs


def plain(text: str) -> str:
    """The text without emphasis marks."""
    return "".join(run.text for run in inline_runs(text))


def parse(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            blocks.append(Block("paragraph", " ".join(pending)))
            pending.clear()

    for raw in markdown.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        heading = re.match(r"(#{1,4})\s+(.*)", line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append(Block("heading", heading.group(2).strip(), max(2, len(heading.group(1)))))
        elif line.startswith(("- ", "+ ")):
            flush()
            blocks.append(Block("item", line[2:].strip()))
        elif blocks and blocks[-1].kind == "item" and not pending and raw.startswith("  "):
            blocks[-1] = Block("item", f"{blocks[-1].text} {line}")
        else:
            pending.append(line)
    flush()
    return blocks
