"""On PostgreSQL, trigram indexes on the folded columns that the search reads, so that `LIKE '%word%'` does not
scan the table; SQLite has no such index and scans (measured by bench/bench_search.py)."""

from django.db import migrations

COLUMNS = [
    ("aid_aiditem", "search_text"),
    ("aid_itemdocument", "search_text"),
    ("directory_organisation", "search_text"),
    ("relations_agreement", "search_text"),
    ("relations_association", "search_text"),
    ("relations_event", "search_text"),
    ("relations_person", "search_text"),
]


def _name(table: str) -> str:
    return f"{table}_search_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {_name(table)} ON {table} USING gin ({column} gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, _column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS {_name(table)}")


class Migration(migrations.Migration):
    dependencies = [
        ("aid", "0002_initial"),
        ("directory", "0001_initial"),
        ("relations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
