"""Existing transactions get their converted values, as every new or corrected one does."""

from typing import Any

from django.db import migrations


def fill(apps: Any, schema_editor: Any) -> None:
    from caunoi.aid.converted import fill_converted

    fill_converted(apps.get_model("aid", "Transaction").objects.all())


class Migration(migrations.Migration):
    dependencies = [("aid", "0010_transaction_converted_values")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
