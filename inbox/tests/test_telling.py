"""How and when a neighbor is told: their choice per group of notices (email at once, one
email a day, or only the inbox), and the daily summary: who gets it, in their language, once."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from inbox.models import Delivery, NoticeSettings
from inbox.services import inbox_summaries_send
from mutualaid.tests.factories import UserFactory
from needs import services
from needs.tests.factories import MatchFactory, NeedFactory

pytestmark = pytest.mark.django_db


def later(hours=1):
    return timezone.now() + datetime.timedelta(hours=hours)


def test_the_settings_page_shows_the_defaults_and_saves_a_choice(client):
    neighbor = UserFactory()
    client.force_login(neighbor)
    body = client.get(reverse("inbox:settings")).content.decode()
    assert re.search(r'name="answers" value="now"[^>]*checked', body)
    assert re.search(r'name="messages" value="daily"[^>]*checked', body)
    response = client.post(
        reverse("inbox:settings"),
        {"answers": "inbox", "messages": "now", "fits": "daily", "store": "now"},
    )
    assert response.status_code == 302
    saved = NoticeSettings.objects.get(recipient=neighbor)
    assert (saved.answers, saved.messages, saved.fits) == ("inbox", "now", "daily")


def test_asks_are_emailed_at_once_by_default_and_not_when_kept_to_the_inbox():
    told, quiet = UserFactory(), UserFactory()
    NoticeSettings.objects.create(recipient=quiet, answers=Delivery.INBOX)
    services.match_propose(by=UserFactory(), need=NeedFactory(owner=told))
    services.match_propose(by=UserFactory(), need=NeedFactory(owner=quiet))
    assert [m.to for m in mail.outbox] == [[told.email]]
    assert quiet.notices.count() == 1  # still in the inbox


def test_the_summary_brings_the_days_messages_once_in_the_neighbors_language():
    match = MatchFactory(requester=UserFactory(language="es"), offer=None)
    ana = match.requester
    services.message_send(match=match, by=match.recipient, body="¿Mañana a las 10?")
    assert not mail.outbox  # messages wait for the summary by default
    assert inbox_summaries_send(now=later()) == 1
    (email,) = mail.outbox
    assert email.to == [ana.email]
    assert "Un mensaje nuevo de" in email.body and "1 aviso nuevo" in email.subject
    assert "new message" not in email.body.lower()
    assert reverse("inbox:settings") in email.body
    # Once: the next run has nothing new for her.
    assert inbox_summaries_send(now=later(2)) == 0
    assert len(mail.outbox) == 1


def test_the_summary_leaves_out_what_was_read_sent_at_once_or_kept_to_the_inbox():
    reader, answered, inbox_only = UserFactory(), UserFactory(), UserFactory()
    NoticeSettings.objects.create(recipient=inbox_only, messages=Delivery.INBOX)
    for person in (reader, inbox_only):
        match = MatchFactory(requester=person, offer=None)
        services.message_send(match=match, by=match.recipient, body="Hello")
    reader.notices.mark_read()
    # An ask was emailed at once already: no second email for it.
    services.match_propose(by=UserFactory(), need=NeedFactory(owner=answered))
    mail.outbox.clear()
    assert inbox_summaries_send(now=later()) == 0
    assert not mail.outbox


def test_no_summary_for_a_neighbor_who_wants_no_email_at_all():
    match = MatchFactory(requester=UserFactory(email_notifications=False), offer=None)
    services.message_send(match=match, by=match.recipient, body="Hello")
    assert inbox_summaries_send(now=later()) == 0 and not mail.outbox


def test_the_command_says_how_many_summaries_it_sent(capsys):
    match = MatchFactory(offer=None)
    services.message_send(match=match, by=match.recipient, body="Hello")
    call_command("send_inbox_summary")
    assert "Sent 1 summary email(s)." in capsys.readouterr().out


def test_my_data_has_the_choices_and_deleting_the_account_removes_them():
    from inbox.apps import InboxConfig
    from mutualaid.services import account_forget

    neighbor = UserFactory()
    NoticeSettings.objects.create(recipient=neighbor, fits=Delivery.INBOX)
    exported = InboxConfig.export_user_data(None, neighbor)
    assert exported["how_told"]["fits"] == "inbox"
    account_forget(user=neighbor)
    assert not NoticeSettings.objects.filter(recipient=neighbor).exists()
