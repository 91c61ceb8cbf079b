"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from django.utils import translation

from mutualaid import ranking


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    ranking.forget_cached()
    yield
    cache.clear()
    # A test that rendered in Spanish must not leave the next one reading Spanish.
    translation.deactivate()


def _is_transactional(request) -> bool:
    marker = request.node.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(request.fixturenames))


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Put back the roles and categories that migrations seeded.

    Transactional tests end with a flush that empties every table. Don't use
    serialized_rollback in this project: the browser tests' event loop gives the main thread a
    fresh connection object without the serialized contents, and restoring it after a flush
    collides with the content types post_migrate has already recreated.
    """
    if not _is_transactional(request):
        yield
        return
    request.getfixturevalue("transactional_db")
    from django.contrib.auth.models import Group

    from mutualaid.models import SEEDED_CATEGORY_NAMES, Category
    from mutualaid.roles import ALL_ROLES, sync_role_permissions

    for role in ALL_ROLES:
        Group.objects.get_or_create(name=role)
    sync_role_permissions()

    with translation.override("en"):
        for order, (slug, name) in enumerate(SEEDED_CATEGORY_NAMES.items()):
            Category.objects.get_or_create(slug=slug, defaults={"name": str(name), "order": order})
    yield
