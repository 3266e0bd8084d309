"""Abuse limits for the public forms: per client address, and per e-mail address and target.

A counsellor registering a group from an EPN's shared connection sends many posts from one
address, each with another e-mail: the per-address limit is generous for that. A flood either
repeats an e-mail (caught by the per-e-mail-and-target limit, which is strict) or sends many
addresses (caught by the per-address limit). Counters live in the shared cache (see the
`passerelles.W001` check): a per-process cache multiplies every limit by the number of workers.
The client address comes from `passerelles.client_ip` (trusted proxies).
"""

import hashlib

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def setting(name, default):
    return getattr(settings, name, default)


def over_limit(request, group, *, ip_rate, email="", target="", email_rate=None):
    """Counts this POST and says whether it goes over one of the limits."""
    if is_ratelimited(request, group=f"{group}:ip", key="ip", rate=ip_rate, method="POST", increment=True):
        return True
    email = (email or "").strip().lower()[:254]
    if not email or not email_rate:
        return False
    bucket = hashlib.sha256(f"{email}|{target}".encode()).hexdigest()
    return is_ratelimited(
        request,
        group=f"{group}:email",
        key=lambda _group, _request: bucket,
        rate=email_rate,
        method="POST",
        increment=True,
    )


def screen_post(request, form, group, *, ip_rate, email_field="email", target="", email_rate=None):
    """A public form's POST, counted against the limits, then validated: the status to answer.

    429 over a limit (the form stays bound: the visitor keeps what they typed and can send it
    later), 400 invalid, 200 valid (the caller then lets a robot caught by the honeypot believe
    it succeeded, and acts for a person).
    """
    email = request.POST.get(email_field, "") if email_field else ""
    if over_limit(request, group, ip_rate=ip_rate, email=email, target=target, email_rate=email_rate):
        return 429
    return 200 if form.is_valid() else 400
