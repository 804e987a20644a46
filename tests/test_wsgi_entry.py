"""The production entry (caunoi.wsgi) starts warm: every view imported and the start-up objects frozen out of
the cyclic collector's reach before the first request; it refuses the development secret."""

import json
import os
import subprocess
import sys

PROBE = (
    "import gc, json, sys; import caunoi.wsgi; "
    "print(json.dumps([gc.get_freeze_count(), 'caunoi.portal.views' in sys.modules, "
    "'caunoi.api.views' in sys.modules]))"
)


def _start(tmp_path, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("CAUNOI_DEBUG", "DJANGO_SETTINGS_MODULE")}
    environment.update(CAUNOI_DATA_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, timeout=120
    )


def test_a_worker_starts_with_its_views_imported_and_frozen(tmp_path):  # type: ignore[no-untyped-def]
    started = _start(tmp_path, CAUNOI_SECRET_KEY="entry-test-secret-key-0123456789")
    assert started.returncode == 0, started.stderr[-2000:]
    frozen, portal_views, api_views = json.loads(started.stdout.strip().splitlines()[-1])
    assert portal_views and api_views
    assert frozen > 50_000  # Django, the apps and the views: about 150.000 objects


def test_it_refuses_the_development_secret(tmp_path):  # type: ignore[no-untyped-def]
    started = _start(tmp_path, CAUNOI_SECRET_KEY="")
    assert started.returncode != 0
    assert "CAUNOI_SECRET_KEY is not set" in started.stderr
