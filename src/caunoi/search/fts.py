"""SQLite's index for the search: an FTS5 table with the trigram tokenizer over each folded `search_text`
column, so that a word of three characters or more is found from the index instead of a scan of the table.

Each index reads its text from the record's own table through a view that puts a space before it (an
external-content table: nothing is stored twice; the space lets a word of two characters be found where a
word begins, as " ha"), and triggers keep it in step with every insert, update and delete, whoever writes
(services, bulk inserts, loaddata, restore). Django remakes a SQLite table when a later migration alters it, which drops its triggers:
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
SHORT_WORD = 2  # a word this long is looked up where a word begins


def index_name(table: str) -> str:
    return f"{table}_search_fts"


def _view_name(table: str) -> str:
    return f"{table}_search_v"


def _triggers(table: str) -> dict[str, str]:
    fts = index_name(table)
    remove = (
        f"INSERT INTO {fts}({fts}, rowid, search_text) VALUES ('delete', old.id, ' ' || old.search_text);"
    )
    add = f"INSERT INTO {fts}(rowid, search_text) VALUES (new.id, ' ' || new.search_text);"
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
    fts, view = index_name(table), _view_name(table)
    cursor.execute(
        f"CREATE VIEW IF NOT EXISTS {view} AS SELECT id, ' ' || search_text AS search_text FROM {table}"
    )
    cursor.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5("
        f"search_text, content='{view}', content_rowid='id', tokenize='trigram')"
    )
    for name, body in _triggers(table).items():
        cursor.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    cursor.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def drop(cursor: Any, table: str) -> None:
    fts = index_name(table)
    for name in _triggers(table):
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {fts}")
    cursor.execute(f"DROP VIEW IF EXISTS {_view_name(table)}")


def in_step(cursor: Any, table: str) -> bool:
    """The index, its triggers and its content agree with the table (FTS5's integrity check against it)."""
    fts = index_name(table)
    wanted = {fts, _view_name(table), *_triggers(table)}
    cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'trigger')")
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
    """An FTS5 query that holds every word of the query: three characters or more anywhere, two where a word
    begins (" ha"); a single character is left to the caller's check.

    Each word is a quoted string (a quote doubled inside), so nothing a user types (", *, NEAR, AND, ( ) …)
    is read as FTS5 syntax. Empty when no word can be looked up: the caller then scans."""
    terms = [word if len(word) >= SHORTEST_WORD else f" {word}" for word in words if len(word) >= SHORT_WORD]
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms)


def rowids(cursor: Any, table: str, expression: str, after: int, limit: int) -> list[int]:
    """The next `limit` rows the index finds, in key order after `after` (FTS5 streams them: a query that
    matches the whole table costs only what is read)."""
    index = index_name(table)
    cursor.execute(
        f"SELECT rowid FROM {index} WHERE {index} MATCH %s AND rowid > %s ORDER BY rowid LIMIT %s",
        [expression, after, limit],
    )
    return [row[0] for row in cursor.fetchall()]
