"""Run in a subprocess against one database (DATABASE_URL, CAUNOI_DATA_DIR): prints, as JSON, what a restore
must keep — every report of every year of the data, every history row, every table's row count, the
uploaded files' checksums. With the argument `plant`, first uploads one document to an aid item."""

import hashlib
import io
import json
import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "caunoi.settings")
django.setup()

from django.apps import apps  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.management.base import CommandError  # noqa: E402

from caunoi.aid.models import AidItem, ItemDocument, Transaction  # noqa: E402
from caunoi.core import audit  # noqa: E402
from caunoi.core.models import Office  # noqa: E402
from caunoi.core.permissions import SYSTEM  # noqa: E402
from caunoi.relations.models import Event  # noqa: E402

PLANTED = "Biên bản bàn giao".encode() + bytes(range(256)) * 40


def plant() -> None:
    item = AidItem.objects.order_by("pk").first()
    document = ItemDocument(item=item, kind="report", title="Biên bản bàn giao", size=len(PLANTED))
    document.file.save("bien-ban.bin", ContentFile(PLANTED), save=False)
    audit.save(document, SYSTEM)


def command(*args: str) -> str:
    out = io.StringIO()
    try:
        call_command(*args, stdout=out)
    except CommandError as error:
        return f"error: {error}"
    return out.getvalue()


def years() -> list[int]:
    found = {d.year for d in AidItem.objects.exclude(approved_on=None).values_list("approved_on", flat=True)}
    found |= {d.year for d in Transaction.objects.values_list("value_date", flat=True)}
    found |= {d.year for d in Event.objects.values_list("start_on", flat=True)}
    return sorted(found)


def state() -> dict[str, object]:
    reports = {}
    codes = list(Office.objects.order_by("code").values_list("code", flat=True))
    for year in years():
        for code in codes:
            for name, args in (("aid", ("report", "aid")), ("diplomacy", ("diplomacy", "report"))):
                key = f"{name} {year} {code}"
                reports[key] = command(*args, "--year", str(year), "--office", code, "--format", "json")
    history, tables = {}, {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        tables[meta.db_table] = model._base_manager.count()
        if meta.object_name.startswith("Historical"):
            columns = [f.attname for f in meta.concrete_fields]
            rows = model._base_manager.order_by("pk").values_list(*columns)
            history[meta.db_table] = [json.dumps(row, default=str, ensure_ascii=False) for row in rows]
    media = {
        str(path.relative_to(settings.MEDIA_ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(settings.MEDIA_ROOT.rglob("*"))
        if path.is_file()
    }
    return {"years": years(), "reports": reports, "history": history, "tables": tables, "media": media}


if __name__ == "__main__":
    if sys.argv[1:] == ["plant"]:
        plant()
    json.dump(state(), sys.stdout, ensure_ascii=False)
