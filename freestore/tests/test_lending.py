"""The lending shelf: borrow, return, renew, queue, overdue reminders. No fees, no deposits."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import formats, timezone

from mutualaid.tests.factories import UserFactory

from ..models import Hold, Loan, ThingStatus
from ..personal_data import export_user_data
from ..services import (
    HOLD_DAYS,
    StoreError,
    hold_place,
    holds_pass_on,
    loan_borrow,
    loan_renew,
    loan_return,
)
from .factories import ThingFactory

pytestmark = pytest.mark.django_db


def test_a_neighbor_borrows_and_returns_and_the_next_in_the_queue_is_emailed(
    django_capture_on_commit_callbacks,
):
    ladder = ThingFactory(name="Ladder")
    amina, jun = UserFactory(display_name="Amina"), UserFactory(display_name="Jun")
    loan = loan_borrow(thing=ladder, borrower=amina)
    ladder.refresh_from_db()
    assert ladder.status == ThingStatus.ON_LOAN
    assert loan.due_on == timezone.localdate() + datetime.timedelta(days=7)
    hold_place(thing=ladder, neighbor=jun)

    with django_capture_on_commit_callbacks(execute=True):
        loan_return(loan=loan)

    assert [m.to for m in mail.outbox] == [[jun.email]]
    assert "Ladder is back on the shelf" in mail.outbox[0].subject
    # The ladder waits for Jun: Amina can't take it again first.
    with pytest.raises(StoreError, match="Someone is waiting"):
        loan_borrow(thing=ladder, borrower=amina)
    loan_borrow(thing=ladder, borrower=jun)
    assert not Hold.objects.filter(closed_at__isnull=True).exists()


def test_a_thing_on_loan_cannot_be_borrowed_twice():
    drill = ThingFactory()
    loan_borrow(thing=drill, borrower=UserFactory())
    with pytest.raises(StoreError, match="not on the shelf"):
        loan_borrow(thing=drill, borrower=UserFactory())
    assert Loan.objects.open().count() == 1


def test_renewing_is_refused_when_someone_is_waiting():
    drill = ThingFactory(loan_days=7)
    loan = loan_borrow(thing=drill, borrower=UserFactory())
    renewed = loan_renew(loan=loan)
    assert renewed.due_on == timezone.localdate() + datetime.timedelta(days=14)
    hold_place(thing=drill, neighbor=UserFactory())
    with pytest.raises(StoreError, match="waiting"):
        loan_renew(loan=loan)


def test_a_borrower_sees_only_their_own_loans(client):
    mine, theirs = ThingFactory(name="My ladder"), ThingFactory(name="Their drill")
    me, them = UserFactory(), UserFactory()
    loan_borrow(thing=mine, borrower=me)
    their_loan = loan_borrow(thing=theirs, borrower=them)
    client.force_login(me)
    body = client.get(reverse("freestore:loans")).content.decode()
    assert "My ladder" in body and "Their drill" not in body
    # Nor can they return or renew someone else's loan.
    assert client.post(reverse("freestore:loan_return", args=[their_loan.pk])).status_code == 404
    assert client.post(reverse("freestore:loan_renew", args=[their_loan.pk])).status_code == 404
    assert Loan.objects.get(pk=their_loan.pk).returned_at is None


def test_the_thing_page_does_not_show_who_has_it_to_other_neighbors(client):
    ladder = ThingFactory()
    loan_borrow(thing=ladder, borrower=UserFactory(display_name="Secretive Sam"))
    client.force_login(UserFactory())
    body = client.get(ladder.get_absolute_url()).content.decode()
    assert "Secretive Sam" not in body and "Join the queue" in body


def test_borrowing_through_the_page_with_a_past_date_is_a_message(client):
    ladder = ThingFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("freestore:thing_borrow", args=[ladder.pk]), {"due_on": "2001-01-01"}, follow=True
    )
    assert "Pick a day from today on" in response.content.decode()
    assert not Loan.objects.exists()


def test_anonymous_visitors_are_asked_to_log_in_to_borrow(client):
    ladder = ThingFactory()
    response = client.post(reverse("freestore:thing_borrow", args=[ladder.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_overdue_reminders_go_once_a_day_to_borrowers_who_want_email():
    late = loan_borrow(thing=ThingFactory(name="Pressure washer"), borrower=UserFactory())
    quiet_user = UserFactory(email_notifications=False)
    quiet = loan_borrow(thing=ThingFactory(), borrower=quiet_user)
    on_time = loan_borrow(thing=ThingFactory(), borrower=UserFactory())
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Loan.objects.filter(pk__in=[late.pk, quiet.pk]).update(due_on=yesterday)
    assert on_time.due_on > yesterday

    call_command("remind_overdue_loans", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("remind_overdue_loans", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert [m.to for m in mail.outbox] == [[late.borrower.email]]
    assert "Pressure washer" in mail.outbox[0].subject


def test_a_volunteer_sends_a_thing_to_repair_and_back(volunteer_client):
    ladder = ThingFactory()
    url = reverse("freestore:thing_status", args=[ladder.pk])
    volunteer_client.post(url, {"status": "in_repair"})
    ladder.refresh_from_db()
    assert ladder.status == ThingStatus.IN_REPAIR
    volunteer_client.post(url, {"status": "available"})
    ladder.refresh_from_db()
    assert ladder.status == ThingStatus.AVAILABLE


def test_a_thing_nobody_came_for_passes_to_the_next_in_the_queue(
    django_capture_on_commit_callbacks,
):
    ladder = ThingFactory(name="Ladder")
    first, second = UserFactory(), UserFactory()
    loan = loan_borrow(thing=ladder, borrower=UserFactory())
    hold_place(thing=ladder, neighbor=first)
    hold_place(thing=ladder, neighbor=second)
    with django_capture_on_commit_callbacks(execute=True):
        loan_return(loan=loan)
    assert [m.to for m in mail.outbox] == [[first.email]]

    later = timezone.now() + datetime.timedelta(days=HOLD_DAYS, hours=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert holds_pass_on(now=later) == 1
    assert [m.to for m in mail.outbox] == [[first.email], [second.email]]
    loan_borrow(thing=ladder, borrower=second)


def _ladder_back_and_held_for_jun():
    ladder = ThingFactory(name="Ladder")
    amina, jun, kim = UserFactory(), UserFactory(display_name="Jun"), UserFactory()
    loan = loan_borrow(thing=ladder, borrower=amina)
    hold_place(thing=ladder, neighbor=jun)
    hold_place(thing=ladder, neighbor=kim)
    loan_return(loan=loan)
    return ladder, jun, kim


def test_a_thing_held_for_the_next_person_says_so_to_them_and_to_others(client):
    ladder, jun, kim = _ladder_back_and_held_for_jun()
    client.force_login(jun)
    body = client.get(ladder.get_absolute_url()).content.decode()
    assert "Held for you" in body and "Available" not in body
    held_until = timezone.localdate() + datetime.timedelta(days=HOLD_DAYS)
    assert "It's back and waiting for you" in body
    assert formats.date_format(held_until) in body
    assert "Borrow it" in body and "Give up my turn" in body

    client.force_login(kim)
    body = client.get(ladder.get_absolute_url()).content.decode()
    assert "Held for the next neighbor in the queue" in body and "Available" not in body
    assert "You are number 2 in the queue" in body
    assert "It's not on the shelf right now" not in body

    client.force_login(UserFactory())
    body = client.get(ladder.get_absolute_url()).content.decode()
    assert "Held for the next neighbor in the queue" in body
    assert "It's back, and held for the next neighbor in the queue." in body
    shelf = client.get(reverse("freestore:shelf")).content.decode()
    assert "Held for the next neighbor in the queue" in shelf and ">Available<" not in shelf


def test_the_person_whose_turn_it_is_can_give_it_up_and_the_next_is_told(
    client, django_capture_on_commit_callbacks
):
    ladder, jun, kim = _ladder_back_and_held_for_jun()
    client.force_login(jun)
    hold = Hold.objects.get(neighbor=jun, closed_at__isnull=True)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("freestore:hold_cancel", args=[hold.pk]))
    assert mail.outbox[-1].to == [kim.email]
    client.force_login(kim)
    assert "Held for you" in client.get(ladder.get_absolute_url()).content.decode()


def test_my_data_gives_the_same_place_in_the_queue_as_the_things_page(client):
    ladder = ThingFactory(name="Ladder")
    loan_borrow(thing=ladder, borrower=UserFactory())
    amina, jun = UserFactory(display_name="Amina"), UserFactory(display_name="Jun")
    hold_place(thing=ladder, neighbor=amina)
    hold_place(thing=ladder, neighbor=jun)
    # Both asked in the same instant: the queue still puts one before the other.
    Hold.objects.update(created_at=timezone.now())
    client.force_login(jun)
    page = client.get(ladder.get_absolute_url()).content.decode()
    assert "You are number 2 in the queue" in page
    holds = export_user_data(jun)["holds"]
    assert [(hold["thing"], hold["place_in_queue"]) for hold in holds] == [("Ladder", 2)]
    assert export_user_data(amina)["holds"][0]["place_in_queue"] == 1
