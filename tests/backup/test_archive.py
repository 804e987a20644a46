"""The archive `create_backup` writes (in this process, from the test database) and what `restore_backup`
refuses before it changes anything."""

from __future__ import annotations

import hashlib
import json
import shutil
import tarfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test import override_settings

from caunoi.aid.models import AidItem
from caunoi.backup.backup import create_backup
from caunoi.backup.native import major_of
from caunoi.backup.restore import restore_backup
from caunoi.core.errors import RuleError
from caunoi.core.models import Office
from caunoi.core.permissions import SYSTEM

PLANTED = b"%PDF-1.4 planted"


@pytest.fixture(scope="module")
def folder(django_db_setup, django_db_blocker, tmp_path_factory):  # type: ignore[no-untyped-def]
    """A backups folder that held two older archives, after one backup with --keep 2."""
    root = tmp_path_factory.mktemp("archive")
    backups = root / "backups"
    backups.mkdir()
    for name in ("caunoi-backup-20250101-000000.tar.gz", "caunoi-backup-20250102-000000.tar.gz"):
        (backups / name).write_bytes(b"old")
    (root / "media" / "aid").mkdir(parents=True)
    (root / "media" / "aid" / "giay-phep.pdf").write_bytes(PLANTED)
    with override_settings(MEDIA_ROOT=root / "media"), django_db_blocker.unblock():
        create_backup(backups, actor=SYSTEM, keep=2)
    return backups


@pytest.fixture
def archive(folder: Path) -> Path:
    return max(folder.glob("*.tar.gz"), key=lambda p: p.name)


@pytest.fixture(autouse=True)
def data_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path / "data"
    settings.MEDIA_ROOT = tmp_path / "data" / "media"


def _rewrite(archive: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """The archive with its content changed by `change(folder)`, manifest first again."""
    content = target.parent / "content"
    with tarfile.open(archive) as tar:
        tar.extractall(content, filter="data")
    change(content)
    with tarfile.open(target, "w:gz") as tar:
        tar.add(content / "manifest.json", arcname="manifest.json")
        for path in sorted(content.rglob("*")):
            if path.is_file() and path.name != "manifest.json":
                tar.add(path, arcname=path.relative_to(content).as_posix())
    shutil.rmtree(content)
    return target


def _refusal(path: Path) -> RuleError:
    with pytest.raises(RuleError) as caught:
        restore_backup(path, actor=SYSTEM)
    return caught.value


def test_keep_leaves_the_newest_archives(folder: Path, archive: Path) -> None:
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["caunoi-backup-20250102-000000.tar.gz", archive.name]
    assert archive.name.startswith("caunoi-backup-2026")


@pytest.mark.django_db
def test_archive_holds_manifest_snapshot_rows_and_media(archive: Path) -> None:
    with tarfile.open(archive) as tar:
        members = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
        digests = {name: hashlib.sha256(tar.extractfile(name).read()).hexdigest() for name in members[1:]}  # type: ignore[union-attr]
    snapshot = "caunoi.sqlite3" if connection.vendor == "sqlite" else "caunoi.pgdump"
    assert members[0] == "manifest.json"
    assert sorted(members[1:]) == sorted(
        [f"database/{snapshot}", "database/rows.jsonl", "media/aid/giay-phep.pdf"]
    )
    assert digests == {name: entry["sha256"] for name, entry in manifest["files"].items()}
    assert manifest["files"]["media/aid/giay-phep.pdf"]["size"] == len(PLANTED)
    assert manifest["database"]["vendor"] == connection.vendor
    assert manifest["database"]["snapshot"] == snapshot
    assert manifest["migrations"]["aid"][0] == "0001_initial"
    assert manifest["rows"]["aid_aiditem"] == AidItem.objects.count()
    assert manifest["rows"]["aid_historicalaiditem"] == AidItem.history.count()
    assert manifest["format"] == 1


@pytest.mark.django_db
def test_a_database_with_offices_is_refused(archive: Path) -> None:
    error = _refusal(archive)
    assert error.code == "backup.not_empty"
    assert error.problem.params == {"offices": Office.objects.count(), "users": User.objects.count()}


@pytest.mark.django_db
def test_an_altered_file_is_refused(archive: Path, tmp_path: Path) -> None:
    def alter(content: Path) -> None:
        rows = content / "database" / "rows.jsonl"
        rows.write_text(rows.read_text(encoding="utf-8").replace("Yên Bái", "Yên Bai", 1), encoding="utf-8")

    error = _refusal(_rewrite(archive, tmp_path / "altered.tar.gz", alter))
    assert (error.code, error.problem.params) == ("backup.checksum", {"name": "database/rows.jsonl"})


@pytest.mark.django_db
def test_an_unlisted_file_is_refused(archive: Path, tmp_path: Path) -> None:
    error = _refusal(
        _rewrite(archive, tmp_path / "more.tar.gz", lambda c: (c / "media" / "x.sh").write_text("echo"))
    )
    assert (error.code, error.problem.params) == ("backup.unlisted_file", {"name": "media/x.sh"})


@pytest.mark.django_db
def test_a_newer_schema_is_refused(archive: Path, tmp_path: Path) -> None:
    def newer(content: Path) -> None:
        manifest = json.loads((content / "manifest.json").read_text(encoding="utf-8"))
        manifest["migrations"]["aid"].append("0099_future")
        (content / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    error = _refusal(_rewrite(archive, tmp_path / "newer.tar.gz", newer))
    assert error.code == "backup.newer_schema"
    assert "aid.0099_future" in error.vi and "aid.0099_future" in error.en
    assert "newer caunoi" in error.en


@pytest.mark.django_db
def test_what_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("không phải bản sao lưu")
    assert _refusal(text).code == "backup.not_an_archive"
    assert _refusal(tmp_path / "missing.tar.gz").code == "backup.archive_missing"


@pytest.mark.django_db
def test_only_the_operator_backs_up_and_restores(archive: Path, tmp_path: Path) -> None:
    admin_of_an_office = User.objects.get(username="quantri")
    with pytest.raises(RuleError) as caught:
        create_backup(tmp_path, actor=admin_of_an_office)
    assert caught.value.code == "backup.system_only"
    with pytest.raises(RuleError) as caught:
        restore_backup(archive, actor=admin_of_an_office)
    assert caught.value.code == "backup.system_only"


@pytest.mark.django_db
def test_keep_needs_a_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleError) as caught:
        create_backup(tmp_path / "one.tar.gz", actor=SYSTEM, keep=3)
    assert caught.value.code == "backup.keep_needs_dir"


@pytest.mark.django_db
def test_the_command_says_why_in_both_languages(archive: Path) -> None:
    with pytest.raises(CommandError) as caught:
        call_command("restore", str(archive))
    assert "chỉ phục hồi vào cơ sở dữ liệu trống" in str(caught.value)
    assert "restore only into an empty database" in str(caught.value)


def test_pg_tool_versions_are_read_by_major() -> None:
    assert major_of("pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)") == 15
    assert major_of("pg_restore (PostgreSQL) 9.6.24") == 9
    assert major_of("nothing") == 0
