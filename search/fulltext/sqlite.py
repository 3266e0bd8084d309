"""SQLite FTS5, below Wagtail's API: ranking inside the index, then join back by id.

Wagtail's database backend ranks with a correlated subquery that runs bm25 once per matching
row (seconds at 10,000 documents). Here the ranking happens inside the FTS5 table of schema.py:
`MATCH … ORDER BY rank LIMIT n` (bm25, title weighing five times the body), and only the ids of
one page come back. Which language sees a document is part of the MATCH (`shown_in : "nl"`).

The document table is wide (each row holds its texts), so nothing a request asks about its matches
reads its rows: the matches go once into a temporary table, and the count, the facets and the date
order read only narrow indexes (the document type, the date, the facets' (tag, document) links)
checked against that table (`scan.ScanIn`).
"""

from django.db import connection

from ..models import SearchDocument
from .scan import ScanIn, wide_scan
from .schema import FTS_TABLE, SUGGEST_TABLE
from .terms import RANK_LIMIT, match_for

MATCHES_TABLE = "temp.search_request_matches"
_available = {}


def quoted(term):
    return '"' + term.replace('"', '""') + '"'


class SQLiteEngine:
    name = "sqlite"
    wide_scan = False  # set by documents(): many matches, scan narrow indexes (scan.ScanIn)
    matches = None  # set by documents(): how many documents match
    matches_sql = f"SELECT id FROM {MATCHES_TABLE}"  # their ids, once documents() has run

    @classmethod
    def if_available(cls):
        key = connection.settings_dict["NAME"]
        if key not in _available:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name IN (%s, %s)", [FTS_TABLE, SUGGEST_TABLE]
                )
                _available[key] = cursor.fetchone()[0] == 2
        return cls() if _available[key] else None

    def prepare(self, query, language):
        return match_for(query, language)

    def expression(self, match, columns="search_title search_body", exclude_columns=None):
        alternatives = " OR ".join(quoted(term) for term in match.terms)
        expression = f"shown_in : {quoted(match.language)} AND {{{columns}}} : ({alternatives})"
        if exclude_columns:
            expression += f" NOT {{{exclude_columns}}} : ({alternatives})"
        return expression

    def documents(self, match):
        # Every match, once per request, into a temporary table: the count and each facet then read
        # it instead of running the MATCH again (six times faster at 10,000 documents).
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {MATCHES_TABLE} (id INTEGER PRIMARY KEY)")
            cursor.execute(f"DELETE FROM {MATCHES_TABLE}")
            cursor.execute(
                f"INSERT INTO {MATCHES_TABLE} (id) SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",
                [self.expression(match)],
            )
            self.matches = cursor.rowcount  # the count when no facet is chosen (querying.py)
            cursor.execute(f"SELECT max(id) FROM {SearchDocument._meta.db_table}")  # about how many
            self.wide_scan = wide_scan(self.matches, cursor.fetchone()[0] or 0)
        return SearchDocument.objects.filter(ScanIn(self.matches_sql, scan=self.wide_scan))

    def ranked_ids(self, match, restrict, total, offset, limit):
        """One page of ids, best first. `restrict`: the filtered documents (facets), or None."""
        if total <= RANK_LIMIT["sqlite"]:
            return self._ranked(self.expression(match), restrict, offset, limit)
        # Too many to rank them all: ranked title matches, then the others most recently indexed
        # first. Even the title matches too many (a word in most titles): those newest first too.
        titles = self.expression(match, columns="search_title")
        title_total = self._count(titles, restrict)
        ids = []
        if offset < title_total <= RANK_LIMIT["sqlite"]:
            ids = self._ranked(titles, restrict, offset, limit)
        elif offset < title_total:
            ids = self._latest(titles, restrict, offset, limit)
        if len(ids) < limit:
            others = self.expression(match, exclude_columns="search_title")
            ids += self._latest(others, restrict, max(0, offset - title_total), limit - len(ids))
        return ids

    @staticmethod
    def _matching(select, expression, restrict, tail="", tail_params=()):
        """Runs `SELECT <select> … MATCH expression [AND rowid among restrict] <tail>`; the rows.

        "+rowid" keeps SQLite from handing the filtered ids to FTS5 as rowid lookups (one MATCH
        per id: seconds at 10,000 documents)."""
        sql, params = f"SELECT {select} FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression]
        if restrict is not None:
            restrict_sql, restrict_params = restrict.values("pk").query.sql_with_params()
            sql += f" AND +rowid IN ({restrict_sql})"
            params += list(restrict_params)
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} {tail}", [*params, *tail_params])
            return cursor.fetchall()

    def _count(self, expression, restrict):
        return self._matching("count(*)", expression, restrict)[0][0]

    def _latest(self, expression, restrict, offset, limit):
        """Matches most recently indexed first: FTS5 walks its doclists backwards, no sort, no row read."""
        rows = self._matching(
            "rowid", expression, restrict, "ORDER BY rowid DESC LIMIT %s OFFSET %s", (limit, offset)
        )
        return [row[0] for row in rows]

    def _ranked(self, expression, restrict, offset, limit):
        # Unfiltered, `rank` lets FTS5 sort inside the index (bm25 weights set by schema.py); with
        # filters, bm25 runs only on the rows the filters keep.
        order = "rank" if restrict is None else f"bm25({FTS_TABLE}, 0.0, 5.0, 1.0)"
        rows = self._matching(
            "rowid", expression, restrict, f"ORDER BY {order} LIMIT %s OFFSET %s", (limit, offset)
        )
        return [row[0] for row in rows]

    def suggestions(self, query, language, limit):
        """Documents whose title has a word starting like each word of the query (their title,
        address and type only), in one statement."""
        match = match_for(query, language)
        if not match:
            return []
        words = " AND ".join(
            "(" + " OR ".join(quoted(prefix) + "*" for prefix in group) + ")" for group in match.prefixes
        )
        expression = f"shown_in : {quoted(language)} AND autocomplete : ({words})"
        # The 200 most recently indexed candidates, ranked: bounded work whatever the number of
        # matches; the few kept joined to their title, address and type in the same statement.
        sql = (
            "SELECT document.id, document.title, document.url, document.doc_type FROM "
            f"(SELECT rowid, rank FROM {SUGGEST_TABLE} WHERE {SUGGEST_TABLE} MATCH %s "
            f"ORDER BY rowid DESC LIMIT 200) AS candidate JOIN {SearchDocument._meta.db_table} AS document "
            "ON document.id = candidate.rowid ORDER BY candidate.rank, candidate.rowid DESC LIMIT %s"
        )
        return list(SearchDocument.objects.raw(sql, [expression, limit]))
