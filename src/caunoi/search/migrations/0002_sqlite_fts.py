"""On SQLite, the FTS5 trigram indexes over the folded columns that the search reads, kept in step by triggers
(caunoi.search.fts); PostgreSQL has its pg_trgm indexes from 0001 and is left alone."""

from django.db import migrations

from caunoi.search import fts


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for table in fts.TABLES:
            fts.create(cursor, table)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        for table in fts.TABLES:
            fts.drop(cursor, table)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_trigram_indexes")]

    operations = [migrations.RunPython(create, drop)]
