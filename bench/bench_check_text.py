"""check-text: time on large texts (linear in their length) and a longer run of mutated files.

Texts: the seed report (../shared/seed) repeated to about 1 MB, and the same flattened into one 5,8 MB line;
then adversarial texts of 1 MB (hyphenated capitals, long digit runs, a cue and a figure repeated). Then
BENCH_CHECK_TEXT_INPUTS (default 2.000) mutated files through main_check_text, counting how many ended
cleanly (exit code 0, 1 or 2 with a message, no exception).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

import common as c


def _timed(text: str) -> float:
    from caunoi.vntext.checktext import check_text

    started = time.perf_counter()
    check_text(text)
    return time.perf_counter() - started


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    import django

    django.setup()
    sys.path.insert(0, str(c.REPO_ROOT / "tests" / "vntext"))
    from test_checktext_properties import SEED, mutate

    from caunoi.vntext.checktext import main_check_text

    seed_path = c.REPO_ROOT.parent / "shared/seed/yen-bai-2022-people-diplomacy-report.txt"
    seed = seed_path.read_text(encoding="utf-8") if seed_path.is_file() else SEED.decode()
    texts = {
        "report repeated, ~1 MB": (seed + "\n\n") * (1_000_000 // len(seed.encode()) + 1),
        "report as one line, ~5,8 MB": (seed.replace("\n", " ") + " ")
        * (5_800_000 // len(seed.encode()) + 1),
        "'AB-' × 1 MB": "AB-" * 333_333,
        "digits, 1 MB": "1" * 1_000_000,
        "'gồm: 1 USD ' × 1 MB": "gồm: 1 USD " * 90_000,
    }
    for name, text in texts.items():
        c.note(
            f"{name} ({len(text.encode()) / 1e6:.1f} MB): {_timed(text):.2f} s  (target: linear; issue: 24,6 s / 203 s)"
        )

    count = int(os.environ.get("BENCH_CHECK_TEXT_INPUTS", "2000"))
    rng = random.Random(2026)
    clean = 0
    codes = {0: 0, 1: 0, 2: 0}
    with tempfile.TemporaryDirectory(prefix="caunoi-check-text-") as folder:
        path = Path(folder) / "input.txt"
        for _ in range(count):
            ops = [
                (rng.randrange(4), rng.randrange(10**6), rng.randrange(10**6))
                for _ in range(rng.randrange(40))
            ]
            path.write_bytes(mutate(SEED, ops))
            try:
                report, code = main_check_text(str(path), "vi")
            except Exception as exc:  # counted, not raised: the count is the figure
                c.note(f"  raised {type(exc).__name__}: {exc}")
                continue
            if code in codes and report:
                codes[code] += 1
                clean += 1
    c.note(
        f"mutated inputs tried: {count}, ended cleanly: {clean} (exit 0: {codes[0]}, 1: {codes[1]}, 2: {codes[2]})"
    )
