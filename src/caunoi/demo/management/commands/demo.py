from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from caunoi.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Migrate the database and load the demo union (Yên Bái, 2022). Running it twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        summary = load_demo(timezone.localdate())
        verb = "Đã nạp" if summary.created else "Đã có sẵn"
        self.stdout.write(f"{verb} dữ liệu mẫu: {summary.items} khoản viện trợ của LHHN tỉnh Yên Bái.")
        self.stdout.write(f"Người dùng mẫu (mật khẩu: {DEMO_PASSWORD}):")
        for username, role in summary.users:
            self.stdout.write(f"  {username:10} {role}")
