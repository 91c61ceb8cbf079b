"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Transactional tests end with a flush that empties every table. post_migrate then
    recreates the roles and permissions, but not the categories a migration seeded, so
    put those back before each transactional test. (Serialized rollback cannot be relied
    on: the browser tests' event loop gives the main thread a fresh connection object.)"""
    if not _is_transactional(request):
        yield
        return
    request.getfixturevalue("transactional_db")
    from mutualaid.models import SEEDED_CATEGORY_NAMES, Category

    with translation.override("en"):
        for order, (slug, name) in enumerate(SEEDED_CATEGORY_NAMES.items()):
            Category.objects.get_or_create(slug=slug, defaults={"name": str(name), "order": order})
    yield
