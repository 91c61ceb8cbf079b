"""What moderation tells the people concerned, in their inbox: the author whose post was
hidden or restored (with the reason, and what they can do), and each reporter the outcome."""

import pytest
from django.urls import reverse

from inbox.models import Notice
from mutualaid import roles
from mutualaid.moderation import services
from mutualaid.tests.factories import UserFactory
from needs.tests.factories import NeedFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return UserFactory(roles=[roles.MODERATOR])


@pytest.fixture
def decided(moderator, django_capture_on_commit_callbacks):
    need = NeedFactory(title="Selling phones cheap")
    reporter = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_create(reporter=reporter, target=need, reason="spam")
        services.report_decide(report=report, by=moderator, decision="hidden", note="Selling")
    return need, reporter


def test_the_author_reads_that_a_moderator_hid_their_post_and_why(client, decided):
    need, _reporter = decided
    client.force_login(need.owner)
    page = client.get(reverse("inbox:list")).content.decode()
    assert "A moderator hid “Selling phones cheap”: Selling." in page
    assert "say so to an organizer" in page
    notice = Notice.objects.get(recipient=need.owner)
    assert notice.kind == Notice.Kind.MODERATED and notice.actor is None
    # Opening it leads to My data, where what moderators did is listed with the reason.
    page = client.get(reverse("inbox:open", args=[notice.pk]), follow=True).content.decode()
    assert "What moderators did about your posts" in page
    assert "Why: Selling" in page


def test_the_reporter_reads_the_outcome_in_their_language(client, decided):
    _need, reporter = decided
    client.force_login(reporter)
    page = client.get(reverse("inbox:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Tu denuncia fue revisada" in page
    page = client.get(reverse("inbox:list"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Your report was looked at: The item was hidden" in page


def test_nobody_else_is_told_and_each_is_told_once(decided, moderator):
    need, reporter = decided
    assert set(Notice.objects.values_list("recipient", flat=True)) == {need.owner.pk, reporter.pk}
    assert Notice.objects.filter(recipient=need.owner).count() == 1


def test_restoring_tells_the_author(moderator, django_capture_on_commit_callbacks, client):
    need = NeedFactory(title="Bread on Fridays", hidden=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.item_restore(target=need, by=moderator, note="A mistake")
    client.force_login(need.owner)
    page = client.get(reverse("inbox:list")).content.decode()
    assert "A moderator put “Bread on Fridays” back up" in page
