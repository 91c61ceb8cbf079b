"""The free store's and meetings' notices: a held thing is back for me, a loan is due, a
shift is tomorrow, my agenda proposal was accepted or declined (with the reason). Who is told,
who isn't, in the reader's language, once; and email only when they want it at once."""

import datetime

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from freestore.models import Loan
from freestore.services import (
    hold_place,
    loan_borrow,
    loan_return,
    loans_remind_overdue,
    shift_sign_up,
    shifts_remind,
)
from freestore.tests.factories import ShiftFactory, ThingFactory
from inbox.display import with_subjects
from inbox.models import Delivery, Notice, NoticeSettings
from meetings import services as meetings
from meetings.tests.factories import MeetingFactory
from mutualaid import roles
from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def said(user, language="en") -> list[str]:
    with translation.override(language):
        notices = with_subjects(Notice.objects.filter(recipient=user).for_list(), reader=user)
        return [render_to_string("inbox/notice_text.html", {"notice": n}).strip() for n in notices]


def test_the_next_in_the_queue_is_told_in_their_language_and_the_borrower_is_not(
    django_capture_on_commit_callbacks,
):
    amina, jun = UserFactory(), UserFactory(language="es")
    loan = loan_borrow(thing=ThingFactory(name="Escalera"), borrower=amina)
    hold_place(thing=loan.thing, neighbor=jun)
    with django_capture_on_commit_callbacks(execute=True):
        loan_return(loan=loan)
    assert said(jun, "es") == ["“Escalera” volvió a la estantería y te espera"]
    assert said(amina) == []
    (email,) = mail.outbox
    assert email.to == [jun.email] and "Escalera" in email.subject
    assert "back on the shelf" not in email.subject


def test_a_held_thing_stays_in_the_inbox_for_a_neighbor_who_chose_so(
    django_capture_on_commit_callbacks,
):
    jun = UserFactory()
    NoticeSettings.objects.create(recipient=jun, store=Delivery.INBOX)
    loan = loan_borrow(thing=ThingFactory(name="Ladder"), borrower=UserFactory())
    hold_place(thing=loan.thing, neighbor=jun)
    with django_capture_on_commit_callbacks(execute=True):
        loan_return(loan=loan)
    assert said(jun) == ["“Ladder” is back on the shelf and kept for you"] and not mail.outbox


def test_a_loan_still_due_is_one_line_however_many_days_it_is_late():
    late = loan_borrow(thing=ThingFactory(name="Drill"), borrower=UserFactory())
    Loan.objects.filter(pk=late.pk).update(due_on=timezone.localdate() - datetime.timedelta(days=3))
    today = timezone.localdate()
    loans_remind_overdue(today=today)
    loans_remind_overdue(today=today + datetime.timedelta(days=1))
    assert said(late.borrower) == ["Could you bring back “Drill”? It is due."]
    assert len(mail.outbox) == 2  # at once, once a day, as before


def test_the_shift_reminder_is_told_once_and_only_to_whoever_is_on_it():
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    shift = ShiftFactory(starts_at=tomorrow.replace(hour=10, minute=0))
    on, off = UserFactory(), UserFactory()
    NoticeSettings.objects.create(recipient=on, store=Delivery.DAILY)
    shift_sign_up(shift=shift, volunteer=on)
    assert shifts_remind() == 0  # waits for the daily summary: no email counted
    shifts_remind()
    assert said(on) == [f"Your shift at {shift.store} is tomorrow"]
    assert said(off) == [] and not mail.outbox


def test_the_proposer_hears_yes_and_no_with_the_reason_and_the_organizer_does_not(
    django_capture_on_commit_callbacks,
):
    organizer = UserFactory(roles=[roles.ORGANIZER])
    lucia = UserFactory(language="es")
    meeting = MeetingFactory()
    yes = meetings.agenda_item_propose(
        meeting=meeting, by=lucia, title="Huerto", kind="discussion", time_box_minutes=10
    )
    no = meetings.agenda_item_propose(
        meeting=meeting, by=lucia, title="Nevera", kind="discussion", time_box_minutes=10
    )
    with django_capture_on_commit_callbacks(execute=True):
        meetings.agenda_item_accept(item=yes, by=organizer)
        meetings.agenda_item_decline(item=no, by=organizer, reason="Ya está en la próxima.")
    assert sorted(said(lucia, "es")) == [
        "Tu propuesta “Huerto” está en el orden del día",
        "Tu propuesta “Nevera” no se tomó: Ya está en la próxima.",
    ]
    assert said(organizer) == []
    assert [m.to for m in mail.outbox] == [[lucia.email], [lucia.email]]
