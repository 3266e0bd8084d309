"""Counts the views of counted pages, including those the page cache answers.

Placed before `passerelles.pagecache.PageCacheMiddleware`: a page served from the cache (or a
304 to a browser that has it) never reaches the view, so the page it is and what to count are
read from the page cache's notes (`usage.serving` leaves them while the page is built, the cache
keeps them with the page). Nothing is set on the response: no cookie, no header.
"""

import re

from passerelles.pagecache import notes

from .counting import count
from .serving import NOTE

COUNTED_STATUSES = (200, 304)
# Crawlers, link previews, monitoring and scripts; a browser always sends a User-Agent.
BOTS = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|check|"
    r"curl|wget|python|java/|go-http|okhttp|libwww|httpclient|headless|lighthouse|scrapy",
    re.IGNORECASE,
)


def is_bot(request):
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return not agent or bool(BOTS.search(agent))


class UsageCounterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        target = notes(request).get(NOTE)
        if (
            target is not None
            and request.method == "GET"
            and response.status_code in COUNTED_STATUSES
            and not is_bot(request)
        ):
            page_id, kind = target
            count(page_id, kind)
        return response
