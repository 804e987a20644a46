"""SQLite's index for the search: an FTS5 table with the trigram tokenizer over each folded `search_text`
column, so that a word of three characters or more is found from the index instead of a scan of the table.

Each index reads its text from the record's own table (an external-content table: nothing is stored twice)
and triggers keep it in step with every insert, update and delete, whoever writes (services, bulk inserts,
loaddata, restore). Django remakes a SQLite table when a later migration alters it, which drops its triggers:
`repair` (run after every migrate) puts back what is missing and rebuilds an index that is out of step.
PostgreSQL uses pg_trgm indexes on the same columns instead (migration 0001).
"""

from __future__ import annotations

from typing import Any

# The tables whose `search_text` column the search reads (caunoi.search.kinds).
TABLES = (
    "aid_aiditem",
    "aid_itemdocument",
    "directory_organisation",
    "relations_agreement",
    "relations_association",
    "relations_event",
    "relations_person",
)
SHORTEST_WORD = 3  # the trigram tokenizer finds nothing shorter


def index_name(table: str) -> str:
    return f"{table}_search_fts"


def _triggers(table: str) -> dict[str, str]:
    fts = index_name(table)
    remove = f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, old.search_text);"
    add = f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, new.search_text);"
    return {
        f"{fts}_insert": f"AFTER INSERT ON {table} BEGIN {add} END",
        f"{fts}_delete": f"AFTER DELETE ON {table} BEGIN {remove} END",
        f"{fts}_update": (
            f"AFTER UPDATE OF search_text ON {table} "
            f"WHEN old.search_text IS NOT new.search_text BEGIN {remove} {add} END"
        ),
    }


def create(cursor: Any, table: str) -> None:
    """The index of one table, its triggers, and its content read from the table."""
    fts = index_name(table)
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5("
        f"search_text, content='{table}', content_rowid='id', tokenize='trigram')"
    )
    for name, body in _triggers(table).items():
        cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop(cursor: Any, table: str) -> None:
    fts = index_name(table)
    for name in _triggers(table):
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {fts}")


def in_step(cursor: Any, table: str) -> bool:
    """The index, its triggers and its content agree with the table (FTS5's integrity check against it)."""
    fts = index_name(table)
    wanted = {fts, *_triggers(table)}
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
    if not wanted <= {row[0] for row in cursor.fetchall()}:
        return False
    try:
        cursor.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    except Exception:  # sqlite3 reports an index out of step as a corrupt virtual table
        return False
    return True


def repair(connection: Any) -> list[str]:
    """Make every index whole again; returns the tables whose index was rebuilt."""
    if connection.vendor != "sqlite":
        return []
    rebuilt = []
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
        for table in TABLES:
            if table not in existing or in_step(cursor, table):
                continue
            drop(cursor, table)
            create(cursor, table)
            rebuilt.append(table)
    return rebuilt


def match_expression(words: list[str]) -> str:
    """An FTS5 query that holds every word of three characters or more as a literal substring.

    Each word is a quoted string (a quote doubled inside), so nothing a user types (", *, NEAR, AND, ( ) …)
    is read as FTS5 syntax. Empty when no word is long enough: the caller then scans."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words if len(word) >= SHORTEST_WORD)
