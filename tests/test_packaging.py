"""An installed caunoi (`pip install /path/to/caunoi`, as the README deploys it) holds every file its source
tree ships: templates of every kind (the dashboard's map is an .svg template), static files, data."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_file_of_the_package_is_package_data():
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["*"]
    files = [
        path.name
        for path in (ROOT / "src" / "caunoi").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".py", ".pyc")
    ]
    assert len(files) > 200
    left_out = sorted({name for name in files if not any(fnmatch(name, p) for p in patterns)})
    assert left_out == []
