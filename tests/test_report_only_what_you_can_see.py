"""Reporting is offered only for what the reporter can see: anything else is a 404 that
shows nothing of it."""

import html

import pytest
from django.urls import reverse

from mutualaid import roles
from mutualaid.moderation import services
from mutualaid.moderation.models import ModerationAction, Report
from mutualaid.tests.factories import UserFactory
from needs.tests.factories import MatchFactory, MessageFactory

pytestmark = pytest.mark.django_db


def report_url(item):
    return reverse("report_create", args=[item._meta.label_lower, item.pk])


@pytest.fixture
def message():
    return MessageFactory(body="Meet me behind the laundromat at six, come alone")


def test_a_neighbor_outside_a_thread_cannot_read_a_message_through_the_report_page(client, message):
    client.force_login(UserFactory())
    response = client.get(report_url(message))
    assert response.status_code == 404
    assert "laundromat" not in response.content.decode()


def test_a_neighbor_outside_a_thread_cannot_report_its_messages(client, message):
    client.force_login(UserFactory())
    response = client.post(report_url(message), {"reason": "unsafe"})
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_someone_in_the_thread_reports_a_message_they_were_sent(client, message):
    client.force_login(message.match.recipient)
    page = client.get(report_url(message)).content.decode()
    assert "Meet me behind the laundromat" in page
    client.post(report_url(message), {"reason": "unsafe"})
    assert Report.objects.get().target == message


def test_a_hidden_post_cannot_be_reported_by_a_neighbor_who_cannot_see_it(client):
    match = MatchFactory()
    need = match.need
    need.hidden = True
    need.save()
    client.force_login(UserFactory())
    assert client.get(report_url(need)).status_code == 404


# --- Moderators read a thread only while a report about it is open -------------------------


@pytest.fixture
def moderator():
    return UserFactory(roles=[roles.MODERATOR])


def test_a_moderator_cannot_read_a_conversation_nobody_reported(client, message, moderator):
    client.force_login(moderator)
    response = client.get(message.match.get_absolute_url())
    assert response.status_code == 404
    assert "laundromat" not in response.content.decode()


def test_a_moderator_reads_a_reported_thread_and_the_read_is_logged(client, message, moderator):
    earlier = MessageFactory(match=message.match, body="Can we do Saturday instead?")
    services.report_create(reporter=message.match.recipient, target=message, reason="unsafe")
    client.force_login(moderator)
    page = client.get(message.match.get_absolute_url()).content.decode()
    assert "Meet me behind the laundromat" in page
    assert "Can we do Saturday instead?" in page
    read = ModerationAction.objects.get(action=ModerationAction.Kind.READ)
    assert (read.moderator, read.target) == (moderator, message)
    assert read.report == Report.objects.get()
    assert not ModerationAction.objects.filter(object_id=earlier.pk).exists()
    # nor can the moderator write in it
    client.post(message.match.get_absolute_url(), {"body": "Hello from a moderator"})
    assert not message.match.messages.filter(body="Hello from a moderator").exists()


def test_once_the_report_is_decided_the_moderator_no_longer_reads_the_thread(
    client, message, moderator
):
    report = services.report_create(
        reporter=message.match.recipient, target=message, reason="unsafe"
    )
    services.report_decide(report=report, by=moderator, decision="no_action")
    client.force_login(moderator)
    assert client.get(message.match.get_absolute_url()).status_code == 404


def test_the_moderation_log_never_quotes_a_message(client, message, moderator):
    report = services.report_create(
        reporter=message.match.recipient, target=message, reason="unsafe"
    )
    services.report_decide(report=report, by=moderator, decision="hidden")
    organizer = UserFactory(roles=[roles.ORGANIZER])
    client.force_login(organizer)
    page = client.get(reverse("moderation_log")).content.decode()
    assert "A message about" in page
    assert "laundromat" not in page


def test_the_thread_says_exactly_who_can_read_it(client, message):
    client.force_login(message.match.recipient)
    page = client.get(message.match.get_absolute_url()).content.decode()
    assert "Only the two of you can read this." in page
    assert "written in the moderation log" in page


def test_the_message_box_says_when_a_moderator_reads_it_too(client, message):
    client.force_login(message.match.recipient)
    response = client.get(message.match.get_absolute_url())
    help_text = str(response.context["form"]["body"].help_text)
    assert "unless one of you reports it" in help_text
    assert help_text in html.unescape(response.content.decode())
