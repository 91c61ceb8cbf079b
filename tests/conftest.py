"""Cross-app test setup."""

import pytest

from mutualaid.tests.factories import UserFactory

from .authz.rules import ANONYMOUS, ROLE_OF, VISITORS


@pytest.fixture
def people(db):
    """One neighbor of every kind the authorization rules speak of (anonymous is None)."""
    people = {
        kind: UserFactory(roles=[ROLE_OF[kind]] if kind in ROLE_OF else None)
        for kind in VISITORS
        if kind != ANONYMOUS
    }
    people[ANONYMOUS] = None
    return people
