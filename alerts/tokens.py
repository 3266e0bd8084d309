"""Signed links (django.core.signing): nothing stored, nothing guessable, one salt per use.

A confirmation link expires; the links of every mail sent after it (unsubscribe, manage) do not:
a digest read a year later must still stop the next one in one click.
"""

from django.core import signing

CONFIRM_MAX_AGE = 7 * 24 * 3600
SALTS = {"confirm": "alerts.confirm", "unsubscribe": "alerts.unsubscribe", "manage": "alerts.manage"}


def make(purpose, value):
    return signing.dumps(value, salt=SALTS[purpose], compress=True)


def read(purpose, token, max_age=None):
    """The signed value, or None for a forged, altered, expired or absurd token."""
    if not isinstance(token, str) or not token or len(token) > 500:
        return None
    try:
        return signing.loads(token, salt=SALTS[purpose], max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def confirm_token(subscription):
    return make("confirm", subscription.pk)


def unsubscribe_token(subscription):
    return make("unsubscribe", subscription.pk)


def manage_token(email):
    return make("manage", email.strip().lower())
