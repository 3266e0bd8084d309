"""PostgreSQL full text, below Wagtail's API: GIN indexes and ts_rank on a bounded set.

The tsvector columns of schema.py hold the site's analysed text (`simple` configuration): the
GIN index finds the matches, `ts_rank` orders at most RANK_LIMIT of them (beyond that, the title
matches are ranked by their title and the others follow, most recently indexed first), and only
the ids of one page come back.

The matches are found once per request, into a temporary table: the count and each facet read it
instead of running the full-text match again (and reading every matching row) six times.
"""

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL

from ..models import SearchDocument
from .terms import RANK_LIMIT, match_for

MATCHES_TABLE = "search_request_matches"
TABLE = SearchDocument._meta.db_table


def lexeme(term):
    return "'" + term.replace("'", "''").replace("\\", "\\\\") + "'"


def shown_in(language):
    return SearchDocument.objects.filter(shown_in__contains=f" {language} ")


class PostgresEngine:
    name = "postgresql"
    matches = None  # set by documents(): how many documents match
    matches_sql = f"SELECT id FROM {MATCHES_TABLE}"  # their ids, once documents() has run

    def prepare(self, query, language):
        return match_for(query, language)

    def tsquery(self, match):
        return " | ".join(lexeme(term) for term in match.terms)

    def _matching(self, match):
        condition = RawSQL(
            "search_vector @@ to_tsquery('simple', %s)", [self.tsquery(match)], output_field=BooleanField()
        )
        return shown_in(match.language).filter(condition)

    def documents(self, match):
        """Every match, once per request, into a temporary table (one per connection, truncated
        by the connection's next request: PostgreSQL never vacuums a temporary table, and rows
        merely deleted stayed behind for every later search to read through).

        The search runs in one transaction (querying.py). For the match, the planner is told to
        go through the GIN index: when most rows match it would rather read the whole table, not
        counting that each row's vector is stored apart (TOAST) and must be fetched and unpacked
        (2.5 times slower at 10,000 documents). The table is then analysed, so that the facets
        and the ranking are planned for the number of matches it really holds (3 or 10,000)."""
        with connection.cursor() as cursor:
            cursor.execute(  # no parameters: one round trip for the three statements
                f"CREATE TEMP TABLE IF NOT EXISTS {MATCHES_TABLE} (id bigint PRIMARY KEY); "
                f"TRUNCATE {MATCHES_TABLE}; SET LOCAL enable_seqscan = off"
            )
            sql, params = self._matching(match).values("pk").query.sql_with_params()
            cursor.execute(f"INSERT INTO {MATCHES_TABLE} (id) {sql}", params)
            self.matches = cursor.rowcount  # the count when no facet is chosen (querying.py)
            cursor.execute(f"ANALYZE {MATCHES_TABLE}; SET LOCAL enable_seqscan = on")
        return SearchDocument.objects.filter(pk__in=RawSQL(self.matches_sql, []))

    def ranked_ids(self, match, restrict, total, offset, limit):
        documents = SearchDocument.objects.filter(pk__in=RawSQL(self.matches_sql, []))
        if restrict is not None:
            documents = documents.filter(pk__in=restrict.values("pk"))
        if total <= RANK_LIMIT["postgresql"]:
            return self._ranked(match, documents, offset, limit)
        # Too many to rank by the whole text: the matches with the words in their title first (found
        # through the title's GIN index, ranked by their small title vectors), then the others
        # newest first (read backwards along the primary key). Each part stops at the page asked,
        # so neither reads every match.
        tsquery = self.tsquery(match)
        if restrict is None:
            among, among_params = self.matches_sql, ()
        else:
            among, among_params = documents.values("pk").query.sql_with_params()
        end = offset + limit
        sql = (
            f"(SELECT id, 0 AS part, ts_rank(title_vector, to_tsquery('simple', %s)) AS relevance "
            f"FROM {TABLE} WHERE id IN ({among}) AND title_vector @@ to_tsquery('simple', %s) "
            "ORDER BY relevance DESC, id DESC LIMIT %s) "
            f"UNION ALL (SELECT id, 1, 0 FROM {TABLE} WHERE id IN ({among}) "
            "AND NOT title_vector @@ to_tsquery('simple', %s) ORDER BY id DESC LIMIT %s) "
            "ORDER BY part, relevance DESC, id DESC LIMIT %s OFFSET %s"
        )
        params = [tsquery, *among_params, tsquery, end, *among_params, tsquery, end, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def _ranked(self, match, documents, offset, limit):
        rank = RawSQL("ts_rank(search_vector, to_tsquery('simple', %s))", [self.tsquery(match)])
        ordered = documents.annotate(relevance=rank).order_by("-relevance", "-pk")
        return list(ordered.values_list("pk", flat=True)[offset : offset + limit])

    def suggestions(self, query, language, limit):
        match = match_for(query, language)
        if not match:
            return []
        tsquery = " & ".join(
            "(" + " | ".join(lexeme(prefix) + ":*" for prefix in group) + ")" for group in match.prefixes
        )
        # The 200 most recently indexed candidates, ranked; their title, address and type read at once.
        sql = (
            "SELECT id, title, url, doc_type FROM (SELECT id, title, url, doc_type, suggest_vector "
            "FROM search_searchdocument WHERE suggest_vector @@ to_tsquery('simple', %s) AND shown_in LIKE %s "
            "ORDER BY id DESC LIMIT 200) AS candidates "
            "ORDER BY ts_rank(suggest_vector, to_tsquery('simple', %s)) DESC, id DESC LIMIT %s"
        )
        return list(SearchDocument.objects.raw(sql, [tsquery, f"% {language} %", tsquery, limit]))
