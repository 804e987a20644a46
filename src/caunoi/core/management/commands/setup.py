"""`caunoi setup`: a new union on an empty database — its office, letterhead and first administrator.

Every value can be given as an option (for scripts); in a terminal, what is missing is asked for.
"""

from __future__ import annotations

import getpass
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from caunoi.core import accounts
from caunoi.core import messages as m
from caunoi.core.errors import RuleErrors
from caunoi.core.models import Role
from caunoi.core.permissions import SYSTEM
from caunoi.documents.letterhead import DEFAULT_SIGNER_TITLE, update_letterhead
from caunoi.geography.loader import load_geography
from caunoi.geography.models import AdminUnit


class _BilingualParser(CommandParser):
    """argparse's own errors (an unknown option, a missing value) in Vietnamese and English."""

    def error(self, message: str) -> NoReturn:
        text = str(m.SETUP_BAD_ARGUMENTS(detail=message))
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: {text}\n")
        raise CommandError(text)


@dataclass(frozen=True)
class _Question:
    option: str
    prompt: str
    required: bool = True


QUESTIONS = [
    _Question("office_code", "Mã cơ quan / office code (vd. lao-cai)"),
    _Question("office_name", "Tên cơ quan / office name (Liên hiệp các tổ chức hữu nghị tỉnh …)"),
    _Question("province", "Tỉnh, thành phố (tên hoặc mã) / province (name or code)"),
    _Question("issuing_body", "Tên cơ quan ban hành văn bản / issuing body", required=False),
    _Question("place_name", "Địa danh ghi trên văn bản / place name on documents", required=False),
    _Question("signatory", "Họ tên người ký / signatory", required=False),
    _Question("signatory_title", "Chức vụ người ký / signatory's title", required=False),
    _Question("admin_username", "Tên đăng nhập của quản trị viên / administrator's user name"),
    _Question("admin_email", "Thư điện tử của quản trị viên / administrator's e-mail", required=False),
]


class Command(BaseCommand):
    help = (
        "Tạo liên hiệp mới trên cơ sở dữ liệu trống: cơ quan, tiêu đề văn bản và quản trị viên đầu tiên / "
        "a new union on an empty database: its office, letterhead and first administrator."
    )
    stealth_options = ("stdin",)

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.__class__ = _BilingualParser
        return parser

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--office-code", help="mã cơ quan / office code, e.g. lao-cai")
        parser.add_argument("--office-name", help="tên cơ quan / office name")
        parser.add_argument("--office-name-en", default="", help="tên tiếng Anh / English name")
        parser.add_argument("--abbreviation", default="", help="ký hiệu văn bản / document symbol, e.g. LHHN")
        parser.add_argument("--province", help="tỉnh hiện nay, tên hoặc mã / today's province, name or code")
        parser.add_argument("--parent-body", default="", help="cơ quan chủ quản (dòng trên) / parent body")
        parser.add_argument("--issuing-body", help="cơ quan ban hành / issuing body (office name)")
        parser.add_argument("--place-name", help="địa danh / place name (the province's)")
        parser.add_argument("--signatory", help="họ tên người ký / signatory")
        parser.add_argument("--signatory-title", help=f"chức vụ người ký / title ({DEFAULT_SIGNER_TITLE})")
        parser.add_argument("--admin-username", help="tên đăng nhập / user name")
        parser.add_argument("--admin-email", help="thư điện tử / e-mail")
        parser.add_argument("--admin-name", default="", help="họ tên / full name")
        parser.add_argument(
            "--admin-password", help="mật khẩu (không có thì hỏi) / password (asked if absent)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdin = options.get("stdin", sys.stdin)
        try:
            self._handle(options)
        except RuleErrors as error:
            raise CommandError(str(error)) from error

    def _handle(self, options: dict[str, Any]) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if not AdminUnit.objects.exists():
            self.stdout.write("Nạp đơn vị hành chính / loading the administrative units…")
            started = time.perf_counter()
            load_geography()
            self.stdout.write(f"  {time.perf_counter() - started:.1f} s")
        interactive = bool(getattr(self.stdin, "isatty", lambda: False)())
        values = self._ask(options) if interactive else self._given(options)
        with transaction.atomic():
            office = accounts.create_office(
                actor=SYSTEM,
                code=values["office_code"],
                name=values["office_name"],
                name_en=options["office_name_en"],
                abbreviation=options["abbreviation"],
                province=values["province"],
            )
            update_letterhead(
                office,
                actor=SYSTEM,
                parent_body=options["parent_body"],
                issuing_body=values["issuing_body"],
                symbol=options["abbreviation"],
                place_name=values["place_name"],
                signer_name=values["signatory"],
                signer_title=values["signatory_title"],
            )
            accounts.create_user(
                office,
                actor=SYSTEM,
                username=values["admin_username"],
                email=values["admin_email"],
                full_name=options["admin_name"],
                password=values["admin_password"],
                role=Role.OFFICE_ADMIN,
                must_change_password=False,  # typed by the administrator themselves
            )
        self.stdout.write(self.style.SUCCESS(f"Đã tạo / created: {office.name} ({office.code})."))
        self.stdout.write(
            f"Quản trị viên / administrator: {values['admin_username']}. "
            "Chạy / run: caunoi runserver (hoặc / or granian --interface wsgi caunoi.wsgi:application)."
        )

    def _given(self, options: dict[str, Any]) -> dict[str, Any]:
        """The options of a script; every required one must be there."""
        missing = [
            "--" + q.option.replace("_", "-") for q in QUESTIONS if q.required and not options.get(q.option)
        ]
        if not options.get("admin_password"):
            missing.append("--admin-password")
        if missing:
            raise m.SETUP_MISSING(names=", ".join(missing))
        values = {q.option: (options.get(q.option) or "").strip() for q in QUESTIONS}
        values["province"] = accounts.find_current_province(values["province"])
        values["admin_password"] = options["admin_password"]
        return self._defaults(values)

    @staticmethod
    def _defaults(values: dict[str, Any]) -> dict[str, Any]:
        values["issuing_body"] = values["issuing_body"] or values["office_name"]
        values["place_name"] = values["place_name"] or values["province"].short_name
        return values

    def _ask(self, options: dict[str, Any]) -> dict[str, Any]:
        """Ask for what the options left out; a province or password that is refused is asked again."""
        values: dict[str, Any] = {}
        checks: dict[str, Callable[[str], Any]] = {
            "province": accounts.find_current_province,
            "admin_username": lambda text: accounts.check_identity(text, ""),
        }
        suggestions = {"signatory_title": DEFAULT_SIGNER_TITLE.capitalize()}
        for question in QUESTIONS:
            given = (options.get(question.option) or "").strip()
            if question.option == "issuing_body":
                suggestions["issuing_body"] = values["office_name"]
            if question.option == "place_name":
                suggestions["place_name"] = values["province"].short_name
            check = checks.get(question.option, lambda text: text)
            while True:
                text = given or self._input(question, suggestions.get(question.option, ""))
                given = ""
                try:
                    values[question.option] = check(text)
                    break
                except RuleErrors as error:
                    self.stderr.write(str(error))
        values["admin_password"] = options.get("admin_password") or self._password(values)
        return self._defaults(values)

    def _input(self, question: _Question, suggestion: str) -> str:
        shown = f" [{suggestion}]" if suggestion else ""
        while True:
            text = input(f"{question.prompt}{shown}: ").strip() or suggestion
            if text or not question.required:
                return text

    def _password(self, values: dict[str, Any]) -> str:
        user = get_user_model()(username=values["admin_username"], email=values["admin_email"])
        while True:
            first = getpass.getpass("Mật khẩu / password: ")
            if first != getpass.getpass("Nhập lại / again: "):
                self.stderr.write(str(m.SETUP_PASSWORDS_DIFFER()))
                continue
            try:
                accounts.check_password_rules(first, user)
            except RuleErrors as error:
                self.stderr.write(str(error))
                continue
            return first
