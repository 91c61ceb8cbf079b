"""Who is told what in the inbox when neighbors ask, answer and write, and what they see."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from inbox.models import Notice
from inbox.services import notices_clean
from mutualaid.tests.factories import UserFactory
from needs import services
from needs.tests.factories import NeedFactory
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def kinds(user):
    return sorted(Notice.objects.filter(recipient=user).values_list("kind", flat=True))


def asked():
    need = NeedFactory()
    helper = UserFactory()
    return services.match_propose(by=helper, need=need), need.owner, helper


def test_the_neighbor_asked_is_told_and_the_asker_is_not():
    match, owner, helper = asked()
    assert kinds(owner) == ["asked"]
    assert kinds(helper) == []
    assert Notice.objects.get(recipient=owner).about == match


def test_the_asker_hears_yes_no_cancelled_and_done_and_the_one_who_did_it_does_not():
    match, owner, helper = asked()
    services.match_accept(match=match, by=owner)
    services.match_complete(match=match, by=owner)
    assert kinds(helper) == ["accepted", "completed"]
    assert kinds(owner) == ["asked"]

    match, owner, helper = asked()
    services.match_decline(match=match, by=owner)
    assert kinds(helper) == ["declined"]

    match, owner, helper = asked()
    services.match_cancel(match=match, by=helper)
    assert kinds(owner) == ["asked", "cancelled"]
    assert kinds(helper) == []


def test_a_deleted_account_cancels_its_matches_without_telling_anyone_twice():
    match, owner, helper = asked()
    services.match_cancel(match=match, by=helper, notify=False)
    assert kinds(owner) == ["asked"]


def test_new_messages_make_one_unread_line_per_thread_and_opening_the_thread_reads_it(client):
    match, owner, helper = asked()
    services.message_send(match=match, by=helper, body="Saturday?")
    services.message_send(match=match, by=helper, body="Or Sunday?")
    assert kinds(owner) == ["asked", "message"]
    assert kinds(helper) == []
    client.force_login(owner)
    client.get(match.get_absolute_url())
    assert not Notice.objects.filter(recipient=owner).unread().exists()
    services.message_send(match=match, by=helper, body="Let me know")
    assert kinds(owner) == ["asked", "message", "message"]


def test_the_inbox_shows_what_happened_linked_unread_first_and_only_to_its_recipient(client):
    match, owner, helper = asked()
    client.force_login(owner)
    page = client.get(reverse("inbox:list")).content.decode()
    assert f"{helper.display_name} asked about “{match.need.title}”" in page
    assert "Mark all as read" in page
    notice = Notice.objects.get(recipient=owner)
    assert reverse("inbox:open", args=[notice.pk]) in page

    client.force_login(helper)
    page = client.get(reverse("inbox:list")).content.decode()
    assert match.need.title not in page
    assert client.get(reverse("inbox:open", args=[notice.pk])).status_code == 404


def test_opening_a_notice_reads_it_and_goes_to_its_page(client):
    match, owner, _helper = asked()
    notice = Notice.objects.get(recipient=owner)
    client.force_login(owner)
    response = client.get(reverse("inbox:open", args=[notice.pk]))
    assert response.url == match.get_absolute_url()
    notice.refresh_from_db()
    assert notice.read_at is not None


def test_mark_all_as_read(client):
    match, owner, helper = asked()
    services.message_send(match=match, by=helper, body="Hi")
    client.force_login(owner)
    client.post(reverse("inbox:read_all"))
    assert not Notice.objects.filter(recipient=owner).unread().exists()


def test_the_header_counts_unread_notices_on_every_page_and_the_polled_count_agrees(client):
    match, owner, helper = asked()
    services.message_send(match=match, by=helper, body="Hi")
    client.force_login(owner)
    page = client.get(reverse("needs:list")).content.decode()
    assert 'class="count-badge">2' in page
    assert 'hx-get="/inbox/count/"' in page
    polled = client.get(reverse("inbox:count"), headers={"HX-Request": "true"}).content.decode()
    assert 'class="count-badge">2' in polled
    client.post(reverse("inbox:read_all"))
    assert "count-badge" not in client.get(reverse("needs:list")).content.decode()


def test_the_header_count_costs_one_small_query(client, django_assert_num_queries):
    _match, owner, _helper = asked()
    client.force_login(owner)
    client.get(reverse("inbox:count"))
    # The neighbor, as on every page (the session comes from the shared cache), then the count.
    with django_assert_num_queries(2):
        client.get(reverse("inbox:count"))


@pytest.mark.parametrize("rows", [3, 30])
def test_the_inbox_asks_the_same_few_questions_for_3_or_30_notices(
    client, rows, django_assert_max_num_queries
):
    owner = UserFactory()
    for _ in range(rows):
        match = services.match_propose(by=UserFactory(), need=NeedFactory(owner=owner))
        services.message_send(match=match, by=match.requester, body="Hi")
    offer = OfferFactory(owner=owner)
    need = NeedFactory()
    from inbox.services import notice_fit

    notice_fit(recipient=owner, new_post=need, own_post=offer, reasons={"en": ["Same thing"]})
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("inbox:list")).content.decode()
    assert page.count('class="card notice unread"') == min(2 * rows + 1, 30)


def test_a_notice_about_something_since_hidden_no_longer_names_it(client):
    match, owner, _helper = asked()
    match.need.hidden = True
    match.need.save()
    client.force_login(match.requester)
    services.match_cancel(match=match, by=owner)
    page = client.get(reverse("inbox:list")).content.decode()
    # A match stays readable to its two people; the hidden post's title is not repeated.
    assert "cancelled" in page


def test_the_inbox_speaks_the_readers_language(client):
    match, owner, helper = asked()
    client.force_login(owner)
    page = client.get(reverse("inbox:list"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert f"{helper.display_name} preguntó por “{match.need.title}”" in page
    assert "Avisos" in page


def test_mine_marks_threads_with_something_unseen(client):
    match, owner, helper = asked()
    quiet = services.match_propose(by=owner, offer=OfferFactory())
    client.force_login(owner)
    page = client.get(reverse("needs:mine")).content.decode()
    assert page.count("badge-unread") == 1
    assert quiet.offer.title in page
    client.get(match.get_absolute_url())
    assert "badge-unread" not in client.get(reverse("needs:mine")).content.decode()


def test_the_daily_cleanup_removes_old_read_notices_and_very_old_unread_ones():
    _match, owner, _helper = asked()
    old = Notice.objects.get(recipient=owner)
    Notice.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=100), read_at=timezone.now()
    )
    match, owner2, _ = asked()
    Notice.objects.filter(recipient=owner2).update(
        created_at=timezone.now() - datetime.timedelta(days=100)
    )
    assert notices_clean() == 1
    assert Notice.objects.filter(recipient=owner2).exists()
    assert notices_clean(now=timezone.now() + datetime.timedelta(days=90)) == 1


def test_my_data_exports_and_forgets_notices():
    from django.apps import apps

    _match, owner, _helper = asked()
    config = apps.get_app_config("inbox")
    assert config.export_user_data(owner)["notices"][0]["kind"] == "asked"
    config.forget_user(owner)
    assert not Notice.objects.filter(recipient=owner).exists()


def test_the_daily_job_runs_from_the_command_line():
    import io

    from django.core.management import call_command

    out = io.StringIO()
    call_command("clean_inbox", stdout=out)
    assert "0 old notices removed." in out.getvalue()


def test_an_open_thread_asks_for_news_and_gets_nothing_until_something_came(client):
    match, owner, helper = asked()
    services.message_send(match=match, by=helper, body="Saturday?")
    client.force_login(owner)
    page = client.get(match.get_absolute_url()).content.decode()
    last = match.messages.get().pk
    assert f'hx-get="{match.get_absolute_url()}?since={last}"' in page
    poll = f"{match.get_absolute_url()}?since={last}"
    assert client.get(poll, headers={"HX-Request": "true"}).status_code == 204
    services.message_send(match=match, by=helper, body="Or Sunday morning?")
    fragment = client.get(poll, headers={"HX-Request": "true"}).content.decode()
    assert "Or Sunday morning?" in fragment and "Saturday?" in fragment
    assert f"New message from {helper.display_name}." in fragment
    # Only the thread comes back: the form being typed in is not touched.
    assert 'name="body"' not in fragment
    assert not Notice.objects.filter(recipient=owner).unread().exists()
