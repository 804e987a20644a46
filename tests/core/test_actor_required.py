"""No service runs with full rights by default: every function of caunoi that takes an `actor` requires it,
by keyword, and `None` is nobody (not the system)."""

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from typing import Any

import pytest

import caunoi
from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM, Action, authorize, can, visible_offices


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(caunoi.__path__, "caunoi."):
        if ".migrations" in info.name or info.name.endswith((".__main__", ".wsgi", ".asgi")):
            continue
        yield importlib.import_module(info.name)


def _functions() -> Iterator[tuple[str, Any]]:
    """Every function and method defined in caunoi's modules (not the ones they import)."""
    for module in _modules():
        for name, value in vars(module).items():
            if inspect.isfunction(value) and value.__module__ == module.__name__:
                yield f"{module.__name__}.{name}", value
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                for attr, method in vars(value).items():
                    if inspect.isfunction(method):
                        yield f"{module.__name__}.{name}.{attr}", method


# Helpers that only hand the actor on (to history rows, or to an `authorize` of their caller's) may take it by
# position, as do private functions; all of them still require it.
PASSERS_ON = {
    "caunoi.core.audit.save",
    "caunoi.core.audit.delete",
    "caunoi.core.permissions.history_user",
    "caunoi.relations.services.common.apply",
}


def _actor_offenders() -> list[str]:
    offenders = []
    for qualname, function in _functions():
        parameter = inspect.signature(function).parameters.get("actor")
        if parameter is None:
            continue
        if parameter.default is not inspect.Parameter.empty:
            offenders.append(f"{qualname}: actor has a default ({parameter.default!r})")
        elif parameter.kind is not inspect.Parameter.KEYWORD_ONLY and not (
            qualname in PASSERS_ON or function.__name__.startswith("_")
        ):
            offenders.append(f"{qualname}: actor may be passed by position")
    return offenders


def test_every_actor_parameter_is_a_required_keyword():
    assert _actor_offenders() == []


def test_the_walk_finds_the_services():
    names = {
        qualname for qualname, function in _functions() if "actor" in inspect.signature(function).parameters
    }
    assert {
        "caunoi.aid.services.create_item",
        "caunoi.core.audit.archive",
        "caunoi.iati.writer.Writer.__init__",
        "caunoi.documents.drafts.save_version",
    } <= names
    assert len(names) >= 80


def test_the_walk_catches_a_default(monkeypatch):
    def careless(office: Office, *, actor: Any = None) -> None: ...

    careless.__module__ = "caunoi.aid.services"
    monkeypatch.setattr("caunoi.aid.services.careless", careless, raising=False)
    assert _actor_offenders() == ["caunoi.aid.services.careless: actor has a default (None)"]


def test_the_walk_catches_a_positional_actor(monkeypatch):
    def loose(office: Office, actor: Any) -> None: ...

    loose.__module__ = "caunoi.aid.services"
    monkeypatch.setattr("caunoi.aid.services.loose", loose, raising=False)
    assert _actor_offenders() == ["caunoi.aid.services.loose: actor may be passed by position"]


@pytest.mark.django_db
def test_none_is_nobody(office):
    assert can(None, Action.VIEW, office) is False
    assert list(visible_offices(None)) == []
    with pytest.raises(RuleError) as refused:
        authorize(None, Action.EDIT, office)
    assert refused.value.code == "permission.denied"


@pytest.mark.django_db
def test_the_system_may_do_everything(office):
    assert all(can(SYSTEM, action, office) for action in Action)
    authorize(SYSTEM, Action.PURGE, office)
