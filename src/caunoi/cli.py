"""The `caunoi` console script: Django's management commands, with caunoi's settings."""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv[1:] if argv is None else argv)
    if args:
        # Command names read better with hyphens (`caunoi check-text`); Django's modules use underscores.
        args[0] = args[0].replace("-", "_")
    from django.db.utils import OperationalError, ProgrammingError

    from caunoi.core.errors import database_busy

    try:
        execute_from_command_line(["caunoi", *args])
    except (OperationalError, ProgrammingError) as error:
        sys.exit(_database_error(error, database_busy(error)))


# Exit statuses (README, "Commands"): 1 refused or failed, 2 bad arguments, 3 busy: try again.
EXIT_BUSY = 3
_NOT_MIGRATED = ("no such table", "no such column", "does not exist")


def _database_error(error: Exception, busy: bool) -> int:
    """Say what a database error means and what to do, rather than print a traceback."""
    from caunoi.core.messages import DATABASE_BUSY
    from caunoi.iati.locks import WAIT_SECONDS

    if busy:
        problem = DATABASE_BUSY(seconds=WAIT_SECONDS)
        sys.stderr.write(f"{problem.vi}\n{problem.en}\n")
        return EXIT_BUSY
    hint = ""
    if any(text in str(error) for text in _NOT_MIGRATED):
        hint = "Hãy chạy `caunoi migrate` rồi thử lại. / Run `caunoi migrate`, then try again.\n"
    sys.stderr.write(f"Lỗi cơ sở dữ liệu / database error: {error}\n{hint}")
    return 1


if __name__ == "__main__":
    main()
