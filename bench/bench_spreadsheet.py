"""Aid spreadsheet import benchmark (issue 13): peak memory and time of `import_file` for a 100.000-row
CSV of new items (10 rows, one per transaction, for each of 10.000 items) and for a 100.000-row CSV whose
every row is wrong, each in a fresh subprocess on a scratch SQLite database; then the property tests of
tests/aid/test_spreadsheet_properties.py run longer, with the count of files tried and ended cleanly.

BENCH_SHEET_ROWS (default 100000) sets the rows of each file; BENCH_SHEET_EXAMPLES (default 1000) the
files each property test tries. Before streaming (issue 13): 392 MB for the new items, 542 MB and 20 MB of
messages for the invalid file.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OFFICE = "bench"
ROWS_PER_ITEM = 10


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _django() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    import django

    django.setup()


def write_file(path: Path, rows: int, valid: bool) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from caunoi.aid.spreadsheet_layout import COLUMNS

    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([c.header for c in COLUMNS])
        for n in range(rows):
            item, line = divmod(n, ROWS_PER_ITEM)
            row = {
                "code": f"B-{item:06d}",
                "modality": "Dự án",
                "title": f'Dự án "Nước sạch" số {item}, giai đoạn 2',
                "status": "Đã phê duyệt",
                "decision_number": f"{item}/QĐ-UBND",
                "decision_date": "05/04/2022" if valid else "31/02/2022",
                "authority": "Chủ tịch UBND tỉnh",
                "funding": f"Quỹ {item % 50}",
                "tx_kind": "Cam kết" if line == 0 else "Giải ngân",
                "tx_amount": "100.000" if line == 0 else "1.000,50",
                "tx_currency": "USD",
                "tx_date": "05/04/2022" if valid else "hôm qua",
            }
            if line:  # the item's own columns stay empty after its first row
                row = {k: v for k, v in row.items() if k == "code" or k.startswith("tx_")}
            writer.writerow([row.get(c.key, "") for c in COLUMNS])


# ---- children: each prints one JSON line ----


def child_setup() -> None:
    _django()
    from django.core.management import call_command

    from caunoi.core.models import Office

    call_command("migrate", interactive=False, verbosity=0)
    Office.objects.get_or_create(code=OFFICE, defaults={"name": "Benchmark"})
    print(json.dumps({"ok": True}))


def child_import(path: str) -> None:
    _django()
    from caunoi.aid.spreadsheet_import import import_file
    from caunoi.core.errors import RuleErrors
    from caunoi.core.models import Office
    from caunoi.core.permissions import SYSTEM

    office = Office.objects.get(code=OFFICE)
    ready = _peak_mib()
    start = time.perf_counter()
    try:
        summary = import_file(office, Path(path), actor=SYSTEM)
        outcome = {"created": len(summary.created), "rows": summary.rows}
    except RuleErrors as error:
        message = str(error)
        outcome = {
            "listed": len(error.problems),
            "total": getattr(error, "total", len(error.problems)),
            "message_mib": len(message.encode()) / 2**20,
        }
    print(
        json.dumps(
            {"seconds": time.perf_counter() - start, "mib": _peak_mib(), "ready_mib": ready, **outcome}
        )
    )


# ---- the parent ----


def _run(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _properties(examples: int) -> dict[str, int]:
    """The property tests with more examples; the tally of how each file ended."""
    with tempfile.TemporaryDirectory(prefix="caunoi-sheet-props-") as folder:
        tally = Path(folder) / "tally.json"
        env = {
            **os.environ,
            "CAUNOI_PROPERTY_EXAMPLES": str(examples),
            "CAUNOI_PROPERTY_TALLY": str(tally),
        }
        test = ROOT / "tests" / "aid" / "test_spreadsheet_properties.py"
        done = subprocess.run(
            [sys.executable, "-m", "pytest", str(test), "-q", "-p", "no:cacheprovider", "-k", "mutated"],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        counts: dict[str, int] = json.loads(tally.read_text()) if tally.exists() else {}
        counts["pytest exit"] = done.returncode
        if done.returncode:
            print(done.stdout[-3000:])
        return counts


def main() -> None:
    rows = int(os.environ.get("BENCH_SHEET_ROWS", "100000"))
    examples = int(os.environ.get("BENCH_SHEET_EXAMPLES", "1000"))
    base_env = {**os.environ, "CAUNOI_DEBUG": "0"}
    base_env.pop("DATABASE_URL", None)
    with tempfile.TemporaryDirectory(prefix="caunoi-bench-sheet-") as folder:
        work = Path(folder)
        template = work / "template"
        template.mkdir()
        _run(["setup"], {**base_env, "CAUNOI_DATA_DIR": str(template)})
        print(f"Import of {rows:,} rows (SQLite, peak RSS of the importing process; before streaming: 392 MB")
        print("for new items, 542 MB and 20 MB of messages for invalid ones)")
        for name, valid in (("new items", True), ("every row invalid", False)):
            path = work / f"{'new' if valid else 'invalid'}.csv"
            write_file(path, rows, valid)
            run_dir = work / name.replace(" ", "-")
            run_dir.mkdir()
            shutil.copy(template / "caunoi.sqlite3", run_dir / "caunoi.sqlite3")
            result = _run(["import", str(path)], {**base_env, "CAUNOI_DATA_DIR": str(run_dir)})
            size = path.stat().st_size / 2**20
            ended = (
                f"{result['created']:,} items created from {result['rows']:,} rows"
                if "created" in result
                else f"refused: {result['listed']:,} problems listed of {result['total']:,}, "
                f"message {result['message_mib']:.2f} MiB"
            )
            print(
                f"  {name:18} file {size:5.1f} MiB  {result['seconds']:7.1f} s  peak {result['mib']:4.0f} MiB "
                f"(Django ready {result['ready_mib']:.0f} MiB)  {ended}"
            )
    print(f"\nProperty tests, {examples:,} mutated files per format (SQLite):")
    counts = _properties(examples)
    tried = sum(v for k, v in counts.items() if k != "pytest exit")
    clean = counts.get("imported", 0) + counts.get("refused", 0)
    print(
        f"  tried {tried:,}, ended cleanly {clean:,} (imported {counts.get('imported', 0):,}, refused "
        f"{counts.get('refused', 0):,}), not clean {counts.get('not clean', 0):,}; pytest exit {counts['pytest exit']}"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "setup":
        child_setup()
    elif len(sys.argv) > 2 and sys.argv[1] == "import":
        child_import(sys.argv[2])
    else:
        main()
