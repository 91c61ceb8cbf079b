"""The home page is the hub at a glance: what neighbors asked for and shared, and counts."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from needs.models import Need
from needs.tests.factories import NeedFactory
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_home_lists_the_latest_needs_and_offers(client):
    NeedFactory(title="Ride to the clinic on Tuesday")
    OfferFactory(title="Winter coats, kids' sizes")
    body = client.get(reverse("home")).content.decode()
    assert "Ride to the clinic on Tuesday" in body
    assert "Winter coats, kids&#x27; sizes" in body
    assert "Nobody has asked for anything yet" not in body
    assert "No offers yet" not in body


def test_home_says_it_is_empty_only_when_it_is(client):
    body = client.get(reverse("home")).content.decode()
    assert "Nobody has asked for anything yet" in body
    assert "No offers yet" in body


def test_home_counts_open_needs_and_needs_met_this_month(client):
    NeedFactory.create_batch(3)
    NeedFactory(status=Need.Status.MET)
    NeedFactory(status=Need.Status.MET)
    long_ago = NeedFactory(status=Need.Status.MET)
    last_year = timezone.now() - datetime.timedelta(days=400)
    Need.objects.filter(pk=long_ago.pk).update(updated=last_year)
    NeedFactory(hidden=True)
    body = client.get(reverse("home")).content.decode()
    assert "3 open needs" in body
    assert "2 needs met this month" in body


def test_home_counts_speak_spanish(client):
    NeedFactory()
    NeedFactory(status=Need.Status.MET)
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "1 necesidad abierta" in body
    assert "1 necesidad cubierta este mes" in body
