"""The visitor's address behind the reverse proxies we trust, for the abuse limits.

Behind a proxy every request comes from the proxy's address: keyed on `REMOTE_ADDR`, the abuse
limits would put every visitor in one bucket. Each trusted proxy appends the address it received
the request from to `X-Forwarded-For`; with `TRUSTED_PROXY_COUNT` proxies in front of the
application, the client is the entry that many places from the right. Entries further left were
written by the client itself and prove nothing, so they are never used.

`TRUSTED_PROXY_COUNT = 0` (the default, no proxy) uses `REMOTE_ADDR`. django-ratelimit calls
`client_ip` through `RATELIMIT_IP_META_KEY`, django-axes through `AXES_CLIENT_IP_CALLABLE`.
"""

import ipaddress

from django.conf import settings


def trusted_proxy_count():
    return max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 0) or 0), 0)


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    count = trusted_proxy_count()
    if not count:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < count:
        # Fewer entries than proxies: the request skipped a proxy; the nearest address is all we know.
        return valid_or(forwarded[0] if forwarded else remote, remote)
    return valid_or(forwarded[-count], remote)


def valid_or(candidate, fallback):
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return fallback
