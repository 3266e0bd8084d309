"""Security headers: Content-Security-Policy (django-csp) and Permissions-Policy on every page.

Public pages get a strict policy: our own scripts and styles only (the templates have no inline
script nor style attribute), images from the site, `data:` URIs (Leaflet's stylesheet) and the
map's tile server (`MAP_TILE_URL`), fetches to the site (search autocomplete), no frames, no
plugins, forms posting to the site only. Wagtail's admin writes inline scripts and styles (date
pickers, inline panels, previews in a frame of its own): it gets a policy of its own that still
allows no third-party origin, and so does an editor browsing the site with Wagtail's user bar.
"""

from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"

# Every browser feature the site never uses is switched off for it and for anything it embeds.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "interest-cohort",
    )
)


def tile_source(tile_url):
    """The origin of the map tiles, `{s}` subdomains as a wildcard ('' without a tile server)."""
    if not tile_url:
        return ""
    parts = urlsplit(tile_url)
    host = parts.netloc.replace("{s}.", "*.")
    return f"{parts.scheme}://{host}" if parts.scheme and host else ""


def public_policy(tile_url):
    images = [SELF, "data:"] + ([tile_source(tile_url)] if tile_source(tile_url) else [])
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": images,
            "font-src": [SELF],
            "connect-src": [SELF],
            "media-src": [SELF],
            "frame-src": [NONE],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}


def uses_admin_policy(request):
    if request.path_info.startswith(ADMIN_PREFIX):
        return True
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for the admin and for editors."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and uses_admin_policy(request):
            return PolicyParts(ADMIN_DIRECTIVES, parts.update, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
