"""The site's public address, for every absolute link that leaves the browser: e-mails, .ics
files, PDFs, feeds. It comes from the Wagtail Site (Settings › Sites: hostname and port), the
same place `Page.get_full_url` reads, never from the Host header of whatever request happens to
build the link (a worker, a proxy's internal name, `manage.py` on a developer's machine).
`WAGTAILADMIN_BASE_URL` (the admin's workflow mails) is the fallback when no Site exists, and the
demo configures its Site from that setting so both agree.
"""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Site


def site_for(request=None):
    site = Site.find_for_request(request) if request is not None else None
    return site or Site.objects.filter(is_default_site=True).first()


def site_root_url(request=None):
    """`https://passerelles.be` (no trailing slash)."""
    site = site_for(request)
    if site is not None:
        return site.root_url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_url(path, request=None):
    return site_root_url(request) + path


def site_hostname(request=None):
    """`passerelles.be`: the domain of the site (iCalendar UIDs, webcal:// links)."""
    return urlsplit(site_root_url(request)).hostname or "passerelles.be"


def configured_host_and_port():
    """Hostname and port of `WAGTAILADMIN_BASE_URL`, for the Site the demo creates."""
    parts = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname or "localhost", parts.port or default_port
