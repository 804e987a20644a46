"""Business-rule errors whose message renders in Vietnamese and in English from one translatable template.

Each rule's message is a `Msg` constant in its app's `messages.py`; raising `SOME_MSG(field=..., **params)`
gives a `RuleError`. A failing import gathers several as `Problem`s in one `RuleErrors`.

The template is Vietnamese (the source language) and is the gettext msgid: the English text is its entry in
the catalog. A parameter is given once; when it depends on the language it is a lazy translation (a choice
label, `gettext_lazy`), a `Decimal` quantity (formatted the language's way, `1.404.175` / `1,404,175`), a
date (`05/12/2026` / `5 December 2026`, `caunoi.core.shown.day`) or another `Problem`, and the message renders
it under `translation.override(lang)`.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.functional import Promise, lazy

from caunoi.core import shown

ALL_MESSAGES: dict[str, Msg] = {}
Text = str | Promise  # a parameter's text: plain, or a lazy translation rendered in the message's language


@dataclass(frozen=True)
class Msg:
    code: str
    vi: str  # the template in Vietnamese, marked with gettext_noop where it is defined: the catalog's msgid

    def __post_init__(self) -> None:
        if self.code in ALL_MESSAGES and ALL_MESSAGES[self.code] != self:
            raise ValueError(f"message code {self.code} defined twice")
        ALL_MESSAGES[self.code] = self

    def template(self, lang: str) -> str:
        """The template in `lang`: the Vietnamese itself, or its translation in the catalog."""
        with translation.override(lang):
            return translation.gettext(self.vi)

    @property
    def en(self) -> str:
        return self.template("en")

    def placeholders(self, lang: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(self.template(lang)) if name}

    def __call__(self, field: str | None = None, **params: Any) -> RuleError:
        return RuleError(self, field=field, params=params)


@dataclass(frozen=True)
class Worded:
    """A parameter worded by someone else in each language ahead of time (Django's password validators'
    reasons): the message takes the wording of the language it renders in."""

    texts: dict[str, str]


def _shown(value: Any, lang: str) -> Any:
    """A parameter as the message shows it in `lang` (called under the override of `lang`)."""
    if isinstance(value, Worded):
        return value.texts[lang]
    if isinstance(value, Problem):
        return value.text(lang)
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, Decimal):
        return shown.number(value, lang=lang)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return shown.day(value, lang=lang)
    return value


def _filled(template: str, lang: str, params: dict[str, Any]) -> str:
    with translation.override(lang):
        return translation.gettext(template).format(
            **{name: _shown(value, lang) for name, value in params.items()}
        )


def _render(msg: Msg, lang: str, params: dict[str, Any]) -> str:
    return _filled(msg.vi, lang, params)


def _phrase_now(template: str, params: dict[str, Any]) -> str:
    lang = translation.get_language() or "vi"
    return _filled(template, "vi" if lang.startswith("vi") else "en", params)


_lazy_phrase = lazy(_phrase_now, str)


def _joined_now(items: Iterable[Any], separator: str) -> str:
    return separator.join(str(item) for item in items)


def _lowercase_now(text: Any) -> str:
    return str(text).lower()


# Lazy, so that the labels they take are read in the language of the message that shows them.
joined = lazy(_joined_now, str)  # "Đề xuất, Đã phê duyệt" / "Proposal, Approved"
lowercase = lazy(_lowercase_now, str)  # a choice label inside a sentence


def phrase(template: str, **params: Any) -> str:
    """A part of a message built like a message (a template marked with gettext_noop, parameters given once),
    rendered lazily in the language of the message that shows it."""
    return _lazy_phrase(template, params)


@dataclass
class Problem:
    """One thing wrong with an input, with where it is (field, or row and column of a file)."""

    msg: Msg
    params: dict[str, Any] = field(default_factory=dict)
    field: str | None = None
    row: int | None = None
    column: str | None = None
    source: str | None = None

    @property
    def code(self) -> str:
        return self.msg.code

    @property
    def vi(self) -> str:
        return _render(self.msg, "vi", self.params)

    @property
    def en(self) -> str:
        return _render(self.msg, "en", self.params)

    def text(self, lang: str | None = None) -> str:
        lang = lang or (translation.get_language() or "vi")
        return self.vi if lang.startswith("vi") else self.en

    def where(self) -> str:
        parts = []
        if self.source:
            parts.append(self.source)
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        elif self.field:
            parts.append(self.field)
        return ", ".join(parts)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "source": self.source,
            "row": self.row,
            "column": self.column,
            "field": self.field,
            "vi": self.vi,
            "en": self.en,
        }


class RuleErrors(Exception):
    """One or more business rules refused an operation; nothing was saved."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("; ".join(p.vi for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(f"{p.where() + ': ' if p.where() else ''}{p.vi} / {p.en}" for p in self.problems)


class RuleError(RuleErrors):
    """A single broken rule."""

    def __init__(self, msg: Msg, field: str | None = None, params: dict[str, Any] | None = None):
        self.problem = Problem(msg, dict(params or {}), field=field)
        super().__init__([self.problem])

    @property
    def code(self) -> str:
        return self.problem.code

    @property
    def vi(self) -> str:
        return self.problem.vi

    @property
    def en(self) -> str:
        return self.problem.en

    @property
    def field(self) -> str | None:
        return self.problem.field


# SQLite's "database is locked" after its busy timeout; PostgreSQL's lock_not_available after lock_timeout.
_BUSY_TEXTS = ("database is locked", "database table is locked")
_LOCK_NOT_AVAILABLE = "55P03"


def database_busy(error: BaseException) -> bool:
    """Whether a database error means "another writer holds the lock, try again" (not a broken database)."""
    if getattr(error.__cause__, "sqlstate", None) == _LOCK_NOT_AVAILABLE:
        return True
    return any(text in str(error) for text in _BUSY_TEXTS)
