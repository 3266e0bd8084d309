"""The OpenAPI document describes the public API only (not Wagtail's own admin endpoints)."""

PREFIX = "/api/v1/"


def public_api_only(endpoints, **kwargs):
    """drf-spectacular preprocessing hook: the endpoints of opendata's API, schema excluded."""
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith(PREFIX) and not path.startswith(PREFIX + "schema")
    ]
