"""Cross-cutting request and response handling: a friendly 'try again' page when the
database is away, a plain 400 for a NUL byte in what was sent, signed-in pages kept out of
shared caches, and the one security header Django has no setting for."""

import logging

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.shortcuts import render
from django.template.response import SimpleTemplateResponse

logger = logging.getLogger(__name__)


def is_database_unavailable(exception: BaseException | None) -> bool:
    """True for errors that mean "PostgreSQL can't be reached", not a bug in a query."""
    if exception is None:
        return False
    if isinstance(exception, (OperationalError, InterfaceError)):
        return True
    return isinstance(exception, DatabaseError) and "connection" in str(exception).lower()


def database_unavailable_response():
    """The 503 page. It renders without touching the database (no context processors)."""
    response = SimpleTemplateResponse("503.html", {}, status=503)
    response["Retry-After"] = "10"
    return response.render()


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_unavailable(exception):
            logger.warning("Database unavailable: %s", exception)
            return database_unavailable_response()
        return None


class CrossOriginResourcePolicyMiddleware:
    """Send Cross-Origin-Resource-Policy on every response, static files included.

    Other sites may not embed our pages, scripts or images: nothing here is meant to be
    loaded cross-origin.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Cross-Origin-Resource-Policy", self.policy)
        return response


def holds_nul(request) -> bool:
    """True when the address, a query or form parameter (name or value) holds a NUL byte."""
    if "\x00" in request.path_info:
        return True
    sent = [request.GET]
    if request.method == "POST":
        sent.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for params in sent
        for key, values in params.lists()
    )


class NulByteMiddleware:
    """Answer a plain 400 page when a request sends a NUL byte, before any view reads it.

    PostgreSQL text cannot hold NUL, so a parameter read raw (a search box, a type-ahead)
    would otherwise end in a server error; no neighbor types one, so it is refused, not
    quietly cleaned. Uploaded files' contents are not looked at.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if holds_nul(request):
            logger.info("Refused a request with a NUL byte: %s %s", request.method, request.path)
            return render(request, "400.html", status=400)
        return self.get_response(request)


class PrivateCacheMiddleware:
    """Mark every response to a signed-in neighbor `Cache-Control: private, no-store`.

    Their pages and downloads (My data, the store ledger export) hold personal data that a
    shared cache or a proxy must never keep and hand to someone else. A view that chose its
    own Cache-Control keeps it; pages seen without an account stay as cacheable as they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            response["Cache-Control"] = "private, no-store"
        return response
