"""Matching and ranking a visitor's words, per backend; the search page (querying.py) sees one API.

An engine turns a query into a `Match` and answers four questions about it, each in one query
whatever the amount of content:
- `documents(match)`: every matching document shown in the visitor's language, as a queryset
  (facets and the count run SQL over it: they stay exact however many documents match);
- `ranked_ids(match, restrict, total, offset, limit)`: one page of ids, best first;
- `suggestions(query, language, limit)`: documents for the autocomplete (title, url and type),
  best first.

Engines, fastest first (`engines()`):
- `sqlite.SQLiteEngine` — Wagtail's database backend on SQLite: the FTS5 tables of schema.py,
  ranked inside the index (`MATCH … ORDER BY rank LIMIT`), prefix index for suggestions;
- `postgres.PostgresEngine` — the same on PostgreSQL: GIN indexes, `ts_rank` on a bounded set;
- `generic.WagtailEngine` — anything else (Elasticsearch, OpenSearch, a SQLite without FTS5):
  Wagtail's search API, the backend being configuration; its matches are cut at MAX_MATCHES;
- `generic.SimpleEngine` — a plain `icontains` match, when the search server fails.
querying.py tries them in this order and falls to the next one on any error.
"""

from django.db import connection
from wagtail.search.backends import get_search_backend

from ..backends import analyses_text_itself
from . import generic
from .postgres import PostgresEngine
from .sqlite import SQLiteEngine


def database_engine():
    """The engine below Wagtail's API for the configured database, or None."""
    if analyses_text_itself():
        return None
    backend_path = get_search_backend().__class__.__module__
    if ".database." not in backend_path and not backend_path.endswith(".database"):
        return None
    if connection.vendor == "sqlite":
        return SQLiteEngine.if_available()
    if connection.vendor == "postgresql":
        return PostgresEngine()
    return None


def engines():
    """Engines to try, in order."""
    first = database_engine()
    return [engine for engine in (first, generic.WagtailEngine(), generic.SimpleEngine()) if engine]
