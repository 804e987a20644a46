"""check-text on the project's own corpus (tests/data/corpus/corpus.json): precision and recall of error
findings on planted errors, share of the relations a reader checks that are checked, the source report's
findings, and the time on 1 MB of text.

Scoring (see tests/data/corpus/README.md): an error finding on a planted copy is right when one of its figures
contains the planted text; every other error finding (on a clean paragraph, or naming other figures) is a
false alarm. A planted error is caught when such a right finding exists. A relation is checked when a
non-error finding names its stated figure. Held-out paragraphs (never tuned on) are reported apart.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import common as c

CORPUS = c.REPO_ROOT / "tests/data/corpus/corpus.json"
SOURCE = c.REPO_ROOT.parent / "shared/seed/yen-bai-2022-people-diplomacy-report.txt"
BARS = {"precision": 0.95, "recall": 0.85, "relations": 0.8}


@dataclass
class Score:
    right: int = 0
    false_alarms: int = 0
    caught: int = 0
    planted: int = 0
    checked: int = 0
    relations: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.right + self.false_alarms
        return self.right / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.caught / self.planted if self.planted else 1.0

    @property
    def relations_share(self) -> float:
        return self.checked / self.relations if self.relations else 1.0


def _texts(finding) -> list[str]:  # type: ignore[no-untyped-def]
    figures = [finding.figure, *finding.part_figures] if finding.figure else list(finding.part_figures)
    return [figure.text for figure in figures if figure is not None]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _changed_number(find: str, replace: str) -> str:
    """The number the planting changed: "sửa chữa 7" → "sửa chữa 9" gives "9"."""
    before = _NUMBER.findall(find)
    return next((n for n in _NUMBER.findall(replace) if n not in before), "")


def _is_planted(figure_text: str, number: str, replace: str) -> bool:
    """Does a finding's figure show the planted change (its number, or the replaced words for numbers in
    words such as "chín phi dự án")?"""
    if number:
        return number in _NUMBER.findall(figure_text)
    return replace in figure_text or figure_text in replace


def _names(figure_text: str, stated: str) -> bool:
    """Does a finding's figure ("1,5") name the annotated one ("1,5 lần"), or contain it ("21 projects")?"""
    return stated in figure_text or stated.startswith(figure_text + " ")


def score(paragraphs: list[dict]) -> Score:  # type: ignore[type-arg]
    from caunoi.vntext.checktext import check_text

    result = Score()
    for paragraph in paragraphs:
        lang, text = paragraph["lang"], paragraph["text"]
        findings = check_text(text, text_lang=lang)
        for finding in findings:
            if finding.severity == "error":
                result.false_alarms += 1
                result.misses.append(f"{paragraph['id']}: false alarm: {finding.message_en}")
        for relation in paragraph["relations"]:
            result.relations += 1
            if any(
                finding.severity != "error" and any(_names(t, relation["stated"]) for t in _texts(finding))
                for finding in findings
            ):
                result.checked += 1
            else:
                result.misses.append(f"{paragraph['id']}: relation not checked: {relation}")
        for error in paragraph["errors"]:
            result.planted += 1
            copy = text.replace(error["find"], error["replace"], 1)
            errors = [f for f in check_text(copy, text_lang=lang) if f.severity == "error"]
            planted = _changed_number(error["find"], error["replace"])
            right = [f for f in errors if any(_is_planted(t, planted, error["replace"]) for t in _texts(f))]
            result.right += len(right)
            result.false_alarms += len(errors) - len(right)
            if right:
                result.caught += 1
            else:
                result.misses.append(f"{paragraph['id']}: planted error not caught: {error}")
            for wrong in errors:
                if wrong not in right:
                    result.misses.append(
                        f"{paragraph['id']}: false alarm on {error['replace']}: {wrong.message_en}"
                    )
    return result


def _report(name: str, result: Score, bars: bool) -> None:
    figures = {
        "precision": result.precision,
        "recall": result.recall,
        "relations": result.relations_share,
    }
    for key, value in figures.items():
        verdict = ("PASS" if value >= BARS[key] else "MISS") if bars else ""
        c.note(f"{name} {key}: {value:.3f} (target ≥ {BARS[key]}) {verdict}".rstrip())
    c.note(
        f"{name}: {result.right} right error findings, {result.false_alarms} false alarms, "
        f"{result.caught}/{result.planted} planted errors caught, {result.checked}/{result.relations} relations checked"
    )


def main() -> None:
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    from caunoi.vntext.checktext import check_text

    paragraphs = json.loads(Path(CORPUS).read_text(encoding="utf-8"))["paragraphs"]
    tuned = [p for p in paragraphs if not p["heldout"]]
    held = [p for p in paragraphs if p["heldout"]]
    vi = sum(1 for p in paragraphs if p["lang"] == "vi")
    c.note(f"corpus: {vi} Vietnamese and {len(paragraphs) - vi} English paragraphs, {len(held)} held out")
    whole = score(paragraphs)
    _report("all", whole, True)
    _report("tuned", score(tuned), False)
    _report("held-out", score(held), False)
    for batch in sorted({p.get("batch", 1) for p in paragraphs}):
        some = [p for p in paragraphs if p.get("batch", 1) == batch]
        kept = " (held out)" if all(p["heldout"] for p in some) else ""
        _report(f"batch {batch}{kept}", score(some), False)
    for line in whole.misses:
        c.note(f"  {line}")

    if SOURCE.is_file():
        findings = check_text(SOURCE.read_text(encoding="utf-8"))
        brief = [(f.severity, f.figure.text if f.figure else "", str(f.difference)) for f in findings]
        expected = [
            ("ok", "21 chương trình, dự án, phi dự án", "0"),
            ("error", "1.404.155 USD", "20"),
        ]
        c.note(f"source report: {brief} {'PASS' if brief == expected else 'MISS'}")

    text = "\n\n".join(p["text"] for p in paragraphs)
    big = (text + "\n\n") * (1_000_000 // len(text.encode()) + 1)
    started = time.perf_counter()
    check_text(big)
    seconds = time.perf_counter() - started
    c.note(
        f"1 MB of corpus text ({len(big.encode()) / 1e6:.1f} MB): {seconds:.2f} s (target ≤ 2 s) {'PASS' if seconds <= 2 else 'MISS'}"
    )
    english = "\n\n".join(p["text"] for p in paragraphs if p["lang"] == "en")
    timed = {
        "English corpus text": (english, "en"),
        # Adversarial: a cue, a rate or a list every few bytes, each a finding (linear, not a report's speed).
        "'gồm: 1 USD '": ("gồm: 1 USD ", "vi"),
        "'tăng 1 % so với 2 USD '": ("tăng 1 % so với 2 USD ", "vi"),
        "'gấp 2 lần 3 USD '": ("gấp 2 lần 3 USD ", "vi"),
        "'trong đó 1 dự án '": ("trong đó 1 dự án ", "vi"),
    }
    for name, (piece, lang) in timed.items():
        times = []
        for megabytes in (0.25, 1.0):
            sample = (piece + "\n\n" if lang == "en" else piece) * int(
                megabytes * 1_000_000 // len(piece.encode()) + 1
            )
            started = time.perf_counter()
            check_text(sample, text_lang=lang)
            times.append(time.perf_counter() - started)
        c.note(
            f"{name} × 1 MB: {times[1]:.2f} s; ×4 the size takes ×{times[1] / times[0]:.1f} the time (linear: ≈ 4)"
        )


if __name__ == "__main__":
    main()
