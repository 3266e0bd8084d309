"""The database's own full-text indexes over SearchDocument, created and kept by the database.

- SQLite: two FTS5 tables over the document table (external content, kept in step by triggers):
  `search_document_fts` (shown_in, search_title, search_body), ranked by bm25 with the title
  weighing five times the body, and `search_document_suggest` (shown_in, autocomplete) with
  prefix indexes for the autocomplete;
- PostgreSQL: generated tsvector columns (`search_vector` with the title as weight A, the body as
  B; `title_vector`; `suggest_vector`) with GIN indexes. The text is already analysed by the site,
  so the `simple` configuration only splits it.

`install()` is idempotent: migration 0002 runs it, and so does every `migrate` (post_migrate),
because SQLite drops a table's triggers whenever Django rebuilds that table in a later migration.
"""

import logging

logger = logging.getLogger(__name__)

TABLE = "search_searchdocument"
FTS_TABLE = "search_document_fts"
SUGGEST_TABLE = "search_document_suggest"

SQLITE_TABLES = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"shown_in, search_title, search_body, content='{TABLE}', content_rowid='id')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {SUGGEST_TABLE} USING fts5("
    f"shown_in, autocomplete, content='{TABLE}', content_rowid='id', prefix='1 2 3')",
]
SQLITE_RANK = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rank) VALUES ('rank', 'bm25(0.0, 5.0, 1.0)')"
_ADD = (
    f"INSERT INTO {FTS_TABLE}(rowid, shown_in, search_title, search_body) "
    "VALUES (new.id, new.shown_in, new.search_title, new.search_body); "
    f"INSERT INTO {SUGGEST_TABLE}(rowid, shown_in, autocomplete) VALUES (new.id, new.shown_in, new.autocomplete);"
)
_REMOVE = (
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, shown_in, search_title, search_body) "
    "VALUES ('delete', old.id, old.shown_in, old.search_title, old.search_body); "
    f"INSERT INTO {SUGGEST_TABLE}({SUGGEST_TABLE}, rowid, shown_in, autocomplete) "
    "VALUES ('delete', old.id, old.shown_in, old.autocomplete);"
)
SQLITE_TRIGGERS = {
    "search_document_fts_insert": f"AFTER INSERT ON {TABLE} BEGIN {_ADD} END",
    "search_document_fts_delete": f"AFTER DELETE ON {TABLE} BEGIN {_REMOVE} END",
    "search_document_fts_update": f"AFTER UPDATE ON {TABLE} BEGIN {_REMOVE} {_ADD} END",
}

POSTGRES_COLUMNS = {
    "search_vector": "setweight(to_tsvector('simple'::regconfig, search_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, search_body), 'B')",
    "title_vector": "to_tsvector('simple'::regconfig, search_title)",
    "suggest_vector": "to_tsvector('simple'::regconfig, autocomplete)",
}


def fts5_available(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT sqlite_compileoption_used('ENABLE_FTS5')")
        if cursor.fetchone()[0]:
            return True
        try:
            cursor.execute("CREATE VIRTUAL TABLE temp.passerelles_fts5_probe USING fts5(x)")
            cursor.execute("DROP TABLE temp.passerelles_fts5_probe")
            return True
        except Exception:
            return False


def install(connection):
    if connection.vendor == "sqlite":
        install_sqlite(connection)
    elif connection.vendor == "postgresql":
        install_postgres(connection)


def install_sqlite(connection):
    if not fts5_available(connection):
        logger.warning("SQLite sans FTS5 : la recherche passe par l’API de Wagtail, plus lente.")
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE name IN (%s, %s)", [FTS_TABLE, SUGGEST_TABLE])
        existing = {row[0] for row in cursor.fetchall()}
        for statement in SQLITE_TABLES:
            cursor.execute(statement)
        if FTS_TABLE not in existing:
            cursor.execute(SQLITE_RANK)
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s", [TABLE])
        triggers = {row[0] for row in cursor.fetchall()}
        missing = [name for name in SQLITE_TRIGGERS if name not in triggers]
        for name in missing:
            cursor.execute(f"CREATE TRIGGER {name} {SQLITE_TRIGGERS[name]}")
        if missing or len(existing) < 2:
            # Rows written while a trigger was missing: rebuild both indexes from the table.
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")
            cursor.execute(f"INSERT INTO {SUGGEST_TABLE}({SUGGEST_TABLE}) VALUES ('rebuild')")


def install_postgres(connection):
    with connection.cursor() as cursor:
        for column, expression in POSTGRES_COLUMNS.items():
            cursor.execute(
                f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {column} tsvector "
                f"GENERATED ALWAYS AS ({expression}) STORED"
            )
            cursor.execute(f"CREATE INDEX IF NOT EXISTS {TABLE}_{column}_gin ON {TABLE} USING gin ({column})")


def uninstall(connection):
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for name in SQLITE_TRIGGERS:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            cursor.execute(f"DROP TABLE IF EXISTS {SUGGEST_TABLE}")
        elif connection.vendor == "postgresql":
            for column in POSTGRES_COLUMNS:
                cursor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {column}")
