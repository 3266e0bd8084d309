"""`column IN (subquery)` that SQLite answers by scanning a narrow index, not by looking up rows.

SQLite looks each id of an `IN` list up through the column's index, then reads the row: at tens of
thousands of matches, that is one wide document row (or one link row) read per match. Written
`+column IN (…)`, the column has no index to go through: SQLite scans the smallest index that
covers the query instead (the type, the date, a facet's (tag, document) link) and checks each entry
against the list, which it builds once. That pays when the list is a good part of the table; for a
few ids, looking them up is cheaper: `scan=False` (the engine says which, see `wide_scan`). Other
databases get the plain `IN`.
"""

from django.db.models import BooleanField, F
from django.db.models.expressions import Expression

# A scanned index entry costs about a fiftieth of a looked-up wide row (measured at 10,000 rows).
SCAN_RATIO = 50


def wide_scan(matches, documents):
    """Whether `matches` ids among about `documents` are better checked by scanning an index."""
    return matches * SCAN_RATIO > documents


class ScanIn(Expression):
    conditional = True
    output_field = BooleanField()

    def __init__(self, subquery, params=(), column="pk", scan=True):
        """`subquery`: SQL text (with `params`) or a queryset of one column."""
        super().__init__()
        self.subquery, self.params, self.scan = subquery, list(params), scan
        self.column = F(column) if isinstance(column, str) else column

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        resolved = self.copy()
        resolved.column = self.column.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return resolved

    def as_sql(self, compiler, connection):
        column, params = compiler.compile(self.column)
        if isinstance(self.subquery, str):
            subquery, subquery_params = self.subquery, self.params
        else:
            subquery, subquery_params = self.subquery.query.sql_with_params()
        plus = "+" if self.scan and connection.vendor == "sqlite" else ""
        return f"{plus}{column} IN ({subquery})", [*params, *subquery_params]
