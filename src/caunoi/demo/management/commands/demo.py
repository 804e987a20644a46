import contextlib
import fcntl
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from caunoi.demo.loader import DEMO_PASSWORD, load_demo


class Command(BaseCommand):
    help = "Migrate the database and load the demo union (Yên Bái, 2022). Running it twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        with self._alone():
            call_command("migrate", interactive=False, verbosity=0)
            summary = load_demo(timezone.localdate())
        verb = "Đã nạp" if summary.created else "Đã có sẵn"
        self.stdout.write(f"{verb} dữ liệu mẫu: {summary.items} khoản viện trợ của LHHN tỉnh Yên Bái.")
        self.stdout.write(f"Người dùng mẫu (mật khẩu: {DEMO_PASSWORD}):")
        for username, role in summary.users:
            self.stdout.write(f"  {username:10} {role}")

    @contextlib.contextmanager
    def _alone(self) -> Iterator[None]:
        """One `caunoi demo` at a time (a lock file under CAUNOI_DATA_DIR): two at once on a fresh database
        would both create its tables. The second waits for the first, then finds the demo loaded."""
        with (settings.DATA_DIR / "demo.lock").open("a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                self.stderr.write(
                    "Một lệnh caunoi demo khác đang chạy: chờ nó xong… / "
                    "Another caunoi demo is running: waiting for it to finish…"
                )
                fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
