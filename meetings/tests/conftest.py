"""Fixtures for the meetings tests."""

import pytest

from mutualaid.roles import ORGANIZER
from mutualaid.tests.factories import UserFactory


@pytest.fixture
def organizer(db):
    return UserFactory(display_name="Rosa", roles=[ORGANIZER])


@pytest.fixture
def neighbor(db):
    return UserFactory(display_name="Lucía")
