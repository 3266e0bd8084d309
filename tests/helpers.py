"""Checks shared by the suites: query budgets, axe-core in a real browser, HTML validity with vnu."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.servers import html_checker

NODE_MODULES = Path(settings.BASE_DIR) / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"


def without_usage_counter(queries):
    """The statements of a request but the usage counter's write (usage/counting.py): its upsert
    and the savepoint around it. A budget measures what a page costs to build; the counter adds
    one statement to every counted request, cached or not, checked by tests/test_usage.py."""
    from usage.counting import TABLE  # the helper is imported before the apps are ready

    sql = [query["sql"] for query in queries]
    dropped = set()
    for index, statement in enumerate(sql):
        if TABLE in statement:
            dropped.add(index)
            if index and sql[index - 1].startswith("SAVEPOINT"):
                dropped.add(index - 1)
            if index + 1 < len(sql) and sql[index + 1].startswith(
                ("RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT")
            ):
                dropped.add(index + 1)
    return [query for index, query in enumerate(queries) if index not in dropped]


def count_queries(client, url, **kwargs):
    """Requests `url` and returns (response, number of SQL queries it ran, the usage counter's
    write excepted: see without_usage_counter)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **kwargs)
    return response, len(without_usage_counter(queries.captured_queries))


def assert_fixed_query_budget(client, url, grow, budget, small=10, large=60):
    """The page runs the same number of queries, within `budget`, with `small` and `large` items.

    `small` is less than a listing's page (12 or 20 items) and `large` several pages: a query per
    item shown, or per page of results, changes the count. (200 items cost 50 s of PostgreSQL per
    test for the same proof; `make bench` measures 10,000.)

    `grow(n)` must bring the content the page lists to n items. Caches are cleared between the two
    measures so both pay the same price.
    """
    from django.core.cache import cache

    grow(small)
    cache.clear()
    client.get(url)  # warm per-process caches (content types, site root) the same way for both
    response, few = count_queries(client, url)
    assert response.status_code == 200, url
    grow(large)
    cache.clear()
    client.get(url)
    response, many = count_queries(client, url)
    assert response.status_code == 200, url
    assert many == few, f"{url}: {few} requêtes pour {small} éléments, {many} pour {large}"
    assert many <= budget, f"{url}: {many} requêtes, budget {budget}"
    return many


def axe_violations(page, context=None):
    """Runs axe-core (WCAG 2.1 A and AA rules) on the Playwright page; returns the violations."""
    # Evaluated through the DevTools protocol, not as a <script>: the site's Content-Security-Policy
    # (rightly) refuses inline scripts, and the test must not loosen it.
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    result = page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]


def html_errors(html):
    """Validates a document with the Nu HTML Checker (vnu-jar); returns its error messages."""
    messages = html_checker().messages(html)
    return [f"{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]


def is_tagged(response):
    """What `pdfinfo` reports as "Tagged: yes": a structure tree, and the document marked."""
    from pypdf import PdfReader  # only the PDF tests need it

    root = PdfReader(io.BytesIO(response.content)).trailer["/Root"]
    return "/StructTreeRoot" in root and bool(root.get("/MarkInfo", {}).get("/Marked"))


# An e-mail address as a visitor would read one ("@context" and "@type" of JSON-LD are not).
EMAIL_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def email_addresses(text):
    return EMAIL_ADDRESS.findall(text)
