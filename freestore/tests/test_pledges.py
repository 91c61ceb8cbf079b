"""'I can donate this': a pledge to the store that its volunteers see and mark received."""

import pytest
from django.test import Client
from django.urls import reverse

from mutualaid.tests.factories import UserFactory
from offers.models import Offer

from ..models import MovementKind, Pledge, StockMovement
from .factories import ItemFactory

pytestmark = pytest.mark.django_db


def test_i_can_donate_this_leads_to_a_pledge_the_volunteers_see(client, volunteer_client):
    formula = ItemFactory(name="Baby formula", target=6, stock=1)
    needed = client.get(reverse("freestore:needed")).content.decode()
    pledge_url = reverse("freestore:pledge", args=[formula.pk])
    assert f'href="{pledge_url}"' in needed

    client.force_login(UserFactory(display_name="Amina"))
    form = client.get(pledge_url).content.decode()
    assert "Baby formula" in form and 'name="quantity" value="5"' in form
    response = client.post(pledge_url, {"quantity": "3"}, follow=True)
    body = response.content.decode()
    assert "Thank you! The store volunteers know you&#x27;ll bring 3." in body
    assert not Offer.objects.exists()

    screen = volunteer_client.get(reverse("freestore:volunteer")).content.decode()
    assert "Promised donations" in screen
    assert "3 × Baby formula" in screen and "Amina" in screen


def test_marking_a_pledge_received_records_the_donation(client, volunteer_client):
    formula = ItemFactory(name="Baby formula", target=6, stock=1)
    neighbor = UserFactory()
    client.force_login(neighbor)
    client.post(reverse("freestore:pledge", args=[formula.pk]), {"quantity": "3"})
    pledge = Pledge.objects.get()

    response = volunteer_client.post(
        reverse("freestore:pledge_receive", args=[pledge.pk]), follow=True
    )
    assert "Recorded: 3 × Baby formula." in response.content.decode()
    formula.refresh_from_db()
    pledge.refresh_from_db()
    assert formula.quantity == 4
    assert pledge.status == Pledge.Status.RECEIVED
    assert pledge.movement.kind == MovementKind.INTAKE and pledge.movement.quantity == 3
    screen = volunteer_client.get(reverse("freestore:volunteer")).content.decode()
    assert "No donations promised right now." in screen

    # A second tap records nothing more.
    volunteer_client.post(reverse("freestore:pledge_receive", args=[pledge.pk]))
    assert StockMovement.objects.filter(kind=MovementKind.INTAKE, quantity=3).count() == 1


def test_a_neighbor_withdraws_their_pledge_and_nobody_else_can():
    formula = ItemFactory(name="Baby formula", target=6)
    amina, other = Client(), Client()
    amina.force_login(UserFactory())
    other.force_login(UserFactory())
    amina.post(reverse("freestore:pledge", args=[formula.pk]), {"quantity": "2"})
    pledge = Pledge.objects.get()
    url = reverse("freestore:pledge_withdraw", args=[pledge.pk])
    assert other.post(url).status_code == 404
    page = amina.post(url, follow=True).content.decode()
    assert "You took back your promise" in page
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.WITHDRAWN
