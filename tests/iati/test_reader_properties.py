"""Property tests: mutated IATI files through `caunoi iati import` never end in a traceback, exit with a
documented status (0 saved or nothing to do, 1 nothing saved), and an import that saves nothing changes
no row of any table. `make test` tries EXAMPLES files; bench/bench_iati_properties.py many more
(CAUNOI_PROPERTY_EXAMPLES) and prints how many were tried and how many ended cleanly
(CAUNOI_PROPERTY_REPORT names the file it reads them from)."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from caunoi.cli import main
from tests.iati.mutations import base, mutation

EXAMPLES = int(os.environ.get("CAUNOI_PROPERTY_EXAMPLES", "150"))
REPORT = os.environ.get("CAUNOI_PROPERTY_REPORT")
BASE = base()
tally = {"tried": 0, "clean": 0, "saved": 0, "refused": 0}
names = itertools.count()


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        found = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
            found[table] = cursor.fetchone()[0]
        return found


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        main(["iati", "import", *args])
    except SystemExit as ended:
        code = int(ended.code or 0)
    else:
        code = 0
    return code, capsys.readouterr().out


@pytest.fixture(scope="module", autouse=True)
def _report():  # type: ignore[no-untyped-def]
    yield
    if REPORT:
        Path(REPORT).write_text(json.dumps(tally))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not REPORT,  # make test: the same files every run
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(change=mutation(BASE), options=st.sampled_from([[], ["--skip-invalid"], ["--dry-run"]]))
def test_a_mutated_file_is_imported_or_refused_cleanly(
    office, tmp_path, capsys, django_settings, command_keeps_connection, change, options
):
    kind, data = change
    path = tmp_path / f"m{next(names)}.xml"
    path.write_bytes(data)
    before = _counts()
    tally["tried"] += 1

    code, out = _run(capsys, str(path), "--office", office.code, "--format", "json", *options)

    assert code in (0, 1), (kind, code, out)
    report = json.loads(out)
    assert report["committed"] == (code == 0 and "--dry-run" not in options)
    if not report["committed"]:
        assert _counts() == before, kind
        tally["refused"] += 1
    else:
        tally["saved"] += 1
    tally["clean"] += 1


@pytest.fixture
def django_settings(settings):  # type: ignore[no-untyped-def]
    # Limits small enough for a mutation to cross them quickly.
    settings.IATI_MAX_ELEMENT_MB = 1
    settings.IATI_MAX_INPUT_MB = 4
    settings.REPORT_CACHE_ENABLED = False
    return settings
