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

    try:
        execute_from_command_line(["caunoi", *args])
    except (OperationalError, ProgrammingError) as error:
        # Most often a database that is not migrated yet: say what to do rather than print a traceback.
        sys.stderr.write(
            "Lỗi cơ sở dữ liệu / database error: "
            f"{error}\nHãy chạy `caunoi migrate` / run `caunoi migrate`, then try again.\n"
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
