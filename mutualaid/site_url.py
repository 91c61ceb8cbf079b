"""The hub's absolute address, for links that leave the page (shared text, emails).

`SITE_URL` when it is set; otherwise the address the request came to (behind a proxy,
`BEHIND_PROXY` makes that https), and for background work without a request the
development address.
"""

from django.conf import settings

DEVELOPMENT_SITE_URL = "http://127.0.0.1:8000"


def site_url(request=None) -> str:
    if settings.SITE_URL:
        return settings.SITE_URL
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return DEVELOPMENT_SITE_URL
