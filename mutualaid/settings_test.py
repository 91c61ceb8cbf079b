"""Test settings: only what tests need changes. Still the real PostgreSQL."""

import os

os.environ.setdefault("DEBUG", "true")

from .settings import *  # noqa: E402, F403
from .settings import STORAGES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# Apertium takes a tenth of a second a post: the tests that are about translation turn it on.
TRANSLATE_POSTS = False
# Each test starts with empty rate-limit counters; a per-process cache is fine here only.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
from .settings import INSTALLED_APPS  # noqa: E402

# A small reportable model for the moderation app's tests (tables made without migrations).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.moderation_fixture"]
