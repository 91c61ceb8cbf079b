"""Volunteer shifts: sign up, cancel, never overfilled, a reminder the day before."""

import datetime
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from mutualaid.tests.factories import UserFactory

from ..models import ShiftSignup
from ..services import StoreError, shift_cancel, shift_sign_up
from .factories import ShiftFactory

pytestmark = pytest.mark.django_db


def test_neighbors_sign_up_until_the_shift_is_full_and_can_cancel():
    shift = ShiftFactory(places=2)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    shift_sign_up(shift=shift, volunteer=first)
    shift_sign_up(shift=shift, volunteer=second)
    with pytest.raises(StoreError, match="filled up"):
        shift_sign_up(shift=shift, volunteer=third)
    shift_cancel(shift=shift, volunteer=first)
    shift_sign_up(shift=shift, volunteer=third)
    assert set(shift.signups.values_list("volunteer", flat=True)) == {second.pk, third.pk}


def test_the_shift_page_shows_who_is_on_to_signed_in_neighbors_only(client):
    shift = ShiftFactory()
    shift_sign_up(shift=shift, volunteer=UserFactory(display_name="Marie"))
    assert "Marie" not in client.get(shift.get_absolute_url()).content.decode()
    client.force_login(UserFactory())
    body = client.get(shift.get_absolute_url()).content.decode()
    assert "Marie" in body and "1 place left" in body


def test_signing_up_and_cancelling_through_the_page(client):
    shift = ShiftFactory(places=1)
    client.force_login(UserFactory())
    response = client.post(reverse("freestore:shift_sign_up", args=[shift.pk]), follow=True)
    assert "on the shift. Thank you" in response.content.decode()
    response = client.post(reverse("freestore:shift_cancel", args=[shift.pk]), follow=True)
    assert "off the shift. Thanks" in response.content.decode()
    assert not ShiftSignup.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_twenty_neighbors_racing_for_three_places_never_overfill_the_shift():
    shift = ShiftFactory(places=3)
    people = [UserFactory() for _ in range(20)]
    start = threading.Barrier(20)
    outcomes = []

    def take(person):
        try:
            start.wait()
            shift_sign_up(shift=shift, volunteer=person)
            outcomes.append("on")
        except StoreError:
            outcomes.append("full")
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("on") == 3 and outcomes.count("full") == 17
    assert ShiftSignup.objects.filter(shift=shift).count() == 3


def test_the_reminder_goes_the_day_before_and_only_once():
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    soon = ShiftFactory(starts_at=tomorrow.replace(hour=10, minute=0))
    later = ShiftFactory(starts_at=timezone.now() + datetime.timedelta(days=5))
    on_soon, on_later = UserFactory(), UserFactory()
    shift_sign_up(shift=soon, volunteer=on_soon)
    shift_sign_up(shift=later, volunteer=on_later)

    call_command("remind_shifts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("remind_shifts", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [m.to for m in mail.outbox] == [[on_soon.email]]
    assert "tomorrow" in mail.outbox[0].subject
