"""Where the public site of an office begins: each app with public pages registers the paths of its own
(in its `AppConfig.ready()`, as reminders are registered), so that `caunoi publish` knows no app by name."""

from __future__ import annotations

from collections.abc import Callable

from caunoi.core.models import Office

# The public paths of an office (None: the national site listing every office).
Roots = Callable[[Office | None], list[str]]
REGISTERED: dict[str, Roots] = {}


def register(name: str, roots: Roots) -> None:
    """Add (or, under the same name, replace: `ready()` may run twice in tests) the roots of an app."""
    REGISTERED[name] = roots


def roots_for(office: Office | None) -> list[str]:
    return [path for roots in REGISTERED.values() for path in roots(office)]
