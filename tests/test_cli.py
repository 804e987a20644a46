"""The console script's answer to database errors: busy is "try again" (exit 3), not "run caunoi migrate"."""

import pytest
from django.db.utils import OperationalError

from caunoi import cli


def _fails_with(monkeypatch, capsys, error: Exception) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    def run(argv):  # type: ignore[no-untyped-def]
        raise error

    monkeypatch.setattr("django.core.management.execute_from_command_line", run)
    with pytest.raises(SystemExit) as ended:
        cli.main(["iati", "import", "x.xml"])
    return int(ended.value.code), capsys.readouterr().err


def test_a_locked_database_is_busy_not_unmigrated(monkeypatch, capsys):
    code, err = _fails_with(monkeypatch, capsys, OperationalError("database is locked"))

    assert code == 3
    assert err == (
        "Cơ sở dữ liệu đang bận (một thao tác khác đang ghi) quá 20 giây; hãy thử lại sau.\n"
        "The database is busy (another operation is writing) for more than 20 s; try again later.\n"
    )


def test_a_missing_table_asks_for_migrate(monkeypatch, capsys):
    code, err = _fails_with(monkeypatch, capsys, OperationalError("no such table: core_office"))

    assert code == 1 and "Run `caunoi migrate`, then try again." in err


def test_another_database_error_is_shown_without_advice(monkeypatch, capsys):
    code, err = _fails_with(monkeypatch, capsys, OperationalError("disk I/O error"))

    assert (code, err) == (1, "Lỗi cơ sở dữ liệu / database error: disk I/O error\n")
