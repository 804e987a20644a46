"""The README documents every setting and every command (after datasette's tests/test_docs.py)."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS = (ROOT / "src/caunoi/settings.py").read_text(encoding="utf-8")
VARIABLES = sorted(set(re.findall(r'env_(?:str|bool|list)\("([A-Z_]+)"', SETTINGS)))
COMMANDS = sorted(
    p.stem.replace("_", "-")
    for p in (ROOT / "src/caunoi").glob("*/management/commands/*.py")
    if not p.stem.startswith("_")
)


def test_settings_read_variables():
    assert "DATABASE_URL" in VARIABLES and "CAUNOI_SECRET_KEY" in VARIABLES


@pytest.mark.parametrize("variable", VARIABLES)
def test_every_environment_variable_is_in_the_readme_table(variable):
    assert re.search(rf"^\| `{variable}` \|", README, re.MULTILINE), variable


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_in_the_readme(command):
    assert f"caunoi {command}" in README, command


def test_the_environment_is_read_only_in_settings():
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src/caunoi").rglob("*.py")
        # Reading a variable is configuration; handing the environment on to a child process is not.
        if p.name != "settings.py"
        and re.search(
            r"os\.getenv\(|os\.environ(\.get\(|\[|\.setdefault\((?!\"DJANGO_SETTINGS))", p.read_text()
        )
    ]
    assert offenders == []
