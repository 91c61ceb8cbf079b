"""Per-account limits on actions that could flood the hub (posting, messaging, proposing,
reporting), counted in the shared cache so every worker process sees the same numbers.

    from mutualaid.ratelimit import rate_limited

    @login_required
    @rate_limited("post", "10/h")
    def need_create(request): ...

Only the methods in `methods` count (POST by default), so looking at a form is free. A
neighbor over the limit gets the friendly 429 page; an htmx request gets a bare 429, which
static/js/hub.js turns into a message. Anonymous visitors are counted by client address.
"""

import re
import time
from dataclasses import dataclass
from functools import wraps

from django.core.cache import cache
from django.shortcuts import render

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    period: int  # seconds

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'10/h', '3/m', '100/d', or with a multiplier: '5/15m'."""
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", text)
        if not match:
            raise ValueError(f"Not a rate: {text!r} (try '10/h')")
        amount, multiplier, unit = match.groups()
        return cls(int(amount), int(multiplier or 1) * _UNITS[unit])


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"rate limited, retry after {retry_after}s")
        self.retry_after = retry_after


def _who(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    # allauth knows how to find the client behind the configured proxies.
    from allauth.account.adapter import get_adapter

    return f"ip:{get_adapter(request).get_client_ip(request)}"


def consume(request, action: str, rate: str | Rate) -> None:
    """Count one `action` for this neighbor; raise RateLimited when over the rate.

    Fixed windows: simple, and with Redis the increment is atomic across workers.
    """
    rate = Rate.parse(rate) if isinstance(rate, str) else rate
    now = int(time.time())
    window = now // rate.period
    key = f"ratelimit:{action}:{_who(request)}:{rate.period}:{window}"
    # add() only sets a missing key, so two workers never reset each other's count.
    cache.add(key, 0, timeout=rate.period + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=rate.period + 1)
        count = 1
    if count > rate.amount:
        raise RateLimited(retry_after=(window + 1) * rate.period - now)


def clear(request, action: str, rate: str | Rate) -> None:
    rate = Rate.parse(rate) if isinstance(rate, str) else rate
    window = int(time.time()) // rate.period
    cache.delete(f"ratelimit:{action}:{_who(request)}:{rate.period}:{window}")


def too_many_requests(request, retry_after: int):
    """The 429 answer: a full page for a browser, a bare status for htmx."""
    context = {"wait_minutes": max(1, -(-retry_after // 60))}
    template = "429.html#message" if getattr(request, "htmx", False) else "429.html"
    response = render(request, template, context, status=429)
    response["Retry-After"] = str(max(retry_after, 1))
    return response


def rate_limited(action: str, rate: str, *, methods: tuple[str, ...] = ("POST",)):
    """Decorate a view: at most `rate` requests of `action` per neighbor (e.g. "10/h").

    Several limits can share one action name; each rate keeps its own counter.
    """
    parsed = Rate.parse(rate)

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                try:
                    consume(request, action, parsed)
                except RateLimited as limited:
                    return too_many_requests(request, limited.retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
