"""What many readers see the same, kept briefly in the shared cache (Redis in production, so
every app server sees the same): the lists' results and the home page's figures.

Each cached thing belongs to a topic ("posts") whose version is part of its key; saving or
deleting a post (or an area, a category, a neighbor's name) moves the version on, so every
server reads afresh at once, and nothing lives past `SHARED_CACHE_SECONDS` anyway. Only what
is the same for every reader of a kind goes here (the key says which kind: signed in or not,
the language, the filters), never anyone's private content.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

POSTS = "posts"
STORE = "store"  # the free store's items, stock and stores
MEETINGS = "meetings"  # meetings, their agendas, RSVPs, polls, decisions and action items
# Areas, categories and neighbors' names show on all of them.
TOPICS = (POSTS, STORE, MEETINGS)
SETTLE_SECONDS = 2


def _version_key(topic: str) -> str:
    return f"shared:{topic}:version"


def version(topic: str) -> str:
    value = cache.get(_version_key(topic))
    if value is None:  # nothing changed since the cache started: nothing to settle
        value = str(time.time_ns() - SETTLE_SECONDS * 1_000_000_000)
        cache.add(_version_key(topic), value, None)
        value = cache.get(_version_key(topic), value)
    return value


def changed(topic: str) -> None:
    """Something of `topic` changed (or is about to, once the transaction commits)."""
    cache.set(_version_key(topic), str(time.time_ns()), None)


def remembered(topic: str, parts, compute, *, seconds: int | None = None):
    """`compute()`, or what it gave for the same `parts` while `topic` hasn't changed.

    The key holds the topic's version, the active language and the local date (pages say
    "open 3 days"), so none of them needs to be among `parts`.
    """
    seconds = settings.SHARED_CACHE_SECONDS if seconds is None else seconds
    if seconds <= 0:
        return compute()
    described = repr((translation.get_language(), timezone.localdate().isoformat(), *parts))
    digest = hashlib.blake2b(described.encode(), digest_size=16).hexdigest()
    current = version(topic)
    key = f"shared:{topic}:{current}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        # The change that moved the version on may not be committed yet: what is read in the
        # moment after might be what was there before, so it is served but not kept.
        if time.time_ns() - int(current) > SETTLE_SECONDS * 1_000_000_000:
            cache.set(key, value, seconds)
    return value
