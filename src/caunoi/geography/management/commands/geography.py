"""`caunoi geography load` loads the administrative units; `caunoi geography show NAME` finds units."""

from __future__ import annotations

import sys
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandError, CommandParser

from caunoi.core.errors import RuleErrors
from caunoi.geography.loader import load_geography
from caunoi.geography.mapping import current_units, find_units, principal_current_unit
from caunoi.geography.messages import (
    GEO_ACTION_REQUIRED,
    GEO_BAD_ARGUMENTS,
    GEO_BAD_LIMIT,
    GEO_LOAD_TAKES_NO_NAME,
    GEO_NAME_REQUIRED,
    GEO_NOT_FOUND,
    GEO_NOT_LOADED,
    GEO_UNKNOWN_ACTION,
)
from caunoi.geography.models import AdminUnit, Era, Level


class _BilingualParser(CommandParser):
    """argparse's own errors (an unknown option, a missing value) in Vietnamese and English."""

    def error(self, message: str) -> NoReturn:
        text = str(GEO_BAD_ARGUMENTS(detail=message))
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: {text}\n")
        raise CommandError(text)


class Command(BaseCommand):
    help = (
        "Địa giới hành chính / Administrative units: "
        "“load” nạp bảng chính thức (gói vietnamadminunits) / loads the official tables; "
        "“show TÊN” tìm đơn vị và đơn vị hiện nay / finds units and their current units."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = _BilingualParser
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        # Loose on purpose: handle() checks them and answers in both languages.
        parser.add_argument("action", nargs="?", help="load | show")
        parser.add_argument("name", nargs="*", help="tên đơn vị / unit name (show)")
        parser.add_argument("--era", help="legacy | 2025")
        parser.add_argument("--level", help="province | district | commune")
        parser.add_argument("--limit", default="30", help="số dòng tối đa / most rows shown (30)")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            self._handle(options)
        except RuleErrors as e:
            raise CommandError(str(e)) from e

    def _handle(self, options: dict[str, Any]) -> None:
        action = (options.get("action") or "").strip().lower()
        names: list[str] = options.get("name") or []
        if not action:
            raise GEO_ACTION_REQUIRED()
        if action == "load":
            if names:
                raise GEO_LOAD_TAKES_NO_NAME(extra=" ".join(names))
            self._load()
        elif action == "show":
            self._show(" ".join(names).strip(), options)
        else:
            raise GEO_UNKNOWN_ACTION(action=options["action"])

    def _load(self) -> None:
        summary = load_geography()
        for line in summary.lines():
            self.stdout.write(line)
        if summary.changed:
            self.stdout.write(self.style.SUCCESS("Đã nạp / loaded."))
        else:
            self.stdout.write("Không có thay đổi / nothing changed.")

    def _show(self, text: str, options: dict[str, Any]) -> None:
        if not text:
            raise GEO_NAME_REQUIRED(field="name")
        raw_limit = str(options.get("limit") or "30")
        if not raw_limit.isdigit() or int(raw_limit) < 1:
            raise GEO_BAD_LIMIT(field="limit", value=raw_limit)
        limit = int(raw_limit)
        units = find_units(text, era=options.get("era") or None, level=options.get("level") or None)
        if not AdminUnit.objects.exists():
            raise GEO_NOT_LOADED()
        total = units.count()
        if not total:
            raise GEO_NOT_FOUND(text=text)
        for unit in units[:limit]:
            self.stdout.write(self._describe(unit))
            if unit.era == Era.LEGACY:
                principal = principal_current_unit(unit)
                others = [u for u in current_units(unit) if u.pk != principal.pk]
                self.stdout.write(f"    → {principal}")
                for other in others:
                    self.stdout.write(f"      {other}")
        if total > limit:
            self.stdout.write(f"… {total - limit} nữa / more (--limit)")

    @staticmethod
    def _describe(unit: AdminUnit) -> str:
        era = "2025" if unit.era == Era.REFORM_2025 else "cũ/legacy"
        return f"[{era}] {unit} — {Level(unit.level).label}/{unit.level} {unit.code}"
