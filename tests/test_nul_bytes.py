"""A NUL byte in what a request sends never reaches the database: the hub answers with a
plain 400 page instead (PostgreSQL text can't hold NUL, and no neighbor types one)."""

import pytest
from django.urls import reverse

from freestore.tests.factories import ItemFactory, volunteer
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Need

pytestmark = pytest.mark.django_db

SAYS = "couldn't read what was sent"


def test_a_nul_byte_in_the_type_ahead_is_a_plain_400_not_a_server_error(client):
    ItemFactory(name="Winter coat")
    client.force_login(volunteer())
    response = client.get(reverse("freestore:item_suggest") + "?q=%00")
    assert response.status_code == 400
    assert SAYS in response.content.decode()
    # The same screen still works without it.
    ok = client.get(reverse("freestore:item_suggest"), {"q": "coat"})
    assert ok.status_code == 200


def test_a_nul_byte_in_a_parameter_name_is_refused_too(client):
    client.force_login(volunteer())
    response = client.get(reverse("freestore:item_suggest") + "?form-0-name%00=coat")
    assert response.status_code == 400
    assert SAYS in response.content.decode()


def test_a_form_sent_with_a_nul_byte_saves_nothing_and_says_why(client):
    me = UserFactory()
    client.force_login(me)
    response = client.post(
        reverse("needs:create"),
        {
            "title": "Winter coat",
            "details": "any size\x00",
            "urgency": "week",
            "category": CategoryFactory().pk,
            "area": AreaFactory().pk,
            "visibility": "neighbors",
        },
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert SAYS in body and "try again" in body
    assert not Need.objects.filter(owner=me).exists()


def test_a_nul_byte_in_the_address_is_refused(client):
    response = client.get("/report/needs.need%00/1/")
    assert response.status_code == 400


def test_the_refusal_reads_in_spanish(client):
    client.force_login(volunteer())
    response = client.get(
        reverse("freestore:item_suggest") + "?q=%00", headers={"Accept-Language": "es"}
    )
    assert response.status_code == 400
    assert "No pudimos leer lo que se envió" in response.content.decode()
