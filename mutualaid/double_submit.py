"""One record for a double tap: the same create form sent twice in a few seconds is done once.

A slow phone and an impatient thumb send the same POST twice. Views that create something
are decorated with `@creates_once`. The first POST is handled as usual; if it ends in a
redirect (the sign of a successful form), an identical POST from the same neighbor within
`DOUBLE_SUBMIT_WINDOW` seconds gets the same redirect instead of being done again, and a
copy arriving while the first is still running waits for it. "Identical" means the same
account, path and fields (the CSRF token aside). Failed submissions are not remembered, so
correcting and resending always works (a redirect that carries an error message counts as
failed). Buttons meant to be pressed repeatedly, like "move
up", are not decorated. The fingerprints live in the shared cache, so this holds across
worker processes.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponseRedirect

PENDING = "pending"
WAIT_SECONDS = 10.0


def fingerprint(request) -> str:
    digest = hashlib.sha256()
    digest.update(f"{request.user.pk}\n{request.path}\n".encode())
    for key in sorted(request.POST):
        if key == "csrfmiddlewaretoken":
            continue
        for value in request.POST.getlist(key):
            digest.update(f"{key}={value}\n".encode(errors="surrogatepass"))
    for key in sorted(request.FILES):
        for upload in request.FILES.getlist(key):
            digest.update(f"{key}@{upload.name}:{upload.size}\n".encode())
    return "double-submit:" + digest.hexdigest()


def creates_once(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        window = getattr(settings, "DOUBLE_SUBMIT_WINDOW", 10)
        if request.method != "POST" or not request.user.is_authenticated or not window:
            return view(request, *args, **kwargs)
        key = fingerprint(request)
        if not cache.add(key, PENDING, timeout=window + WAIT_SECONDS):
            replay = _wait_for_first(key)
            if replay is not None:
                response = HttpResponseRedirect(replay)
                response["X-Double-Submit"] = "replayed"
                return response
            cache.add(key, PENDING, timeout=window + WAIT_SECONDS)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        if is_success(request, response):
            cache.set(key, response["Location"], timeout=window)
        else:
            cache.delete(key)
        return response

    # The double-submit test finds every decorated view by this mark (functools.wraps
    # carries it through the decorators above).
    wrapped.creates_once = True
    return wrapped


def is_success(request, response) -> bool:
    """A redirect without an error message: the form did what it was asked."""
    if response.status_code not in (301, 302, 303) or not response.get("Location"):
        return False
    queued = getattr(getattr(request, "_messages", None), "_queued_messages", [])
    return not any(message.level >= messages.ERROR for message in queued)


def _wait_for_first(key: str) -> str | None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        value = cache.get(key)
        if value is None:
            return None  # the first one failed or expired: handle this one normally
        if value != PENDING:
            return value
        time.sleep(0.05)
    return None
