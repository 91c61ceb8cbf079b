"""Fixtures for the meetings tests."""

import pytest
from django.utils import translation

from mutualaid.roles import ORGANIZER
from mutualaid.tests.factories import UserFactory


@pytest.fixture
def organizer(db):
    return UserFactory(display_name="Rosa", roles=[ORGANIZER])


@pytest.fixture
def neighbor(db):
    return UserFactory(display_name="Lucía")


@pytest.fixture(autouse=True)
def _english():
    # A request in Spanish leaves Spanish active in this thread; these tests read English.
    with translation.override("en"):
        yield
