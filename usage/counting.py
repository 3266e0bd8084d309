"""Adding one to a day's counter: one statement, safe when requests count at the same time.

An upsert (`INSERT … ON CONFLICT … DO UPDATE SET count = count + 1`), understood alike by
PostgreSQL and SQLite (3.24+): two workers counting the same page at once both land, without a
read first nor a lock held. A counter that cannot be written (table locked or missing, database
read-only) is given up and logged: counting never fails the page it counts.
"""

import logging

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from .models import DailyCount

logger = logging.getLogger(__name__)

TABLE = DailyCount._meta.db_table
UPSERT = (
    f"INSERT INTO {TABLE} (date, page_id, kind, count) VALUES (%s, %s, %s, 1) "
    f"ON CONFLICT (date, page_id, kind) DO UPDATE SET count = {TABLE}.count + 1"
)


def count(page_id, kind, day=None):
    """One more use of `kind` for the page `page_id` today; False when it could not be recorded."""
    day = day or timezone.localdate()
    kind = str(kind)  # a UsageKind or its value
    try:
        if connection.in_atomic_block:
            # Inside a transaction (a registration, a test): a failure must not break it.
            with transaction.atomic():
                _write(day, page_id, kind)
        else:
            _write(day, page_id, kind)  # autocommit: the statement is its own transaction
    except DatabaseError:
        logger.warning("Compteur d'usage non enregistré (%s, page %s)", kind, page_id, exc_info=True)
        return False
    return True


def _write(day, page_id, kind):
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [connection.ops.adapt_datefield_value(day), page_id, kind])
