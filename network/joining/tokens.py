"""The signed link that confirms a join request's e-mail address (no login, valid seven days)."""

from datetime import timedelta

from django.core import signing

SALT = "network.join-confirm"
MAX_AGE = timedelta(days=7)


def make(join_request):
    return signing.dumps({"id": join_request.pk}, salt=SALT)


def read(token):
    """The request's pk, "expired", or None for a tampered or malformed link."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        return "expired"
    except signing.BadSignature:
        return None
    pk = data.get("id") if isinstance(data, dict) else None
    return pk if isinstance(pk, int) else None
