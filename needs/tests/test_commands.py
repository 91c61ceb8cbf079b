"""The daily commands: expiry reminders and the digest of followed filters."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Follow
from needs.tests.factories import FollowFactory, NeedFactory
from offers.tests.factories import OfferFactory

pytestmark = pytest.mark.django_db


def test_owners_get_one_reminder_before_their_posts_close():
    soon = timezone.localdate() + datetime.timedelta(days=2)
    need = NeedFactory(title="Soup pot", expires_on=soon)
    OfferFactory(owner=need.owner, title="Spare chairs", expires_on=soon)
    NeedFactory(title="Far away")
    call_command("send_expiry_reminders", stdout=None)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Soup pot" in body and "Spare chairs" in body and "Far away" not in body
    call_command("send_expiry_reminders")
    assert len(mail.outbox) == 1


def test_renewing_brings_the_reminder_back_for_next_time(client):
    need = NeedFactory(expires_on=timezone.localdate() + datetime.timedelta(days=1))
    call_command("send_expiry_reminders")
    client.force_login(need.owner)
    client.post(reverse("needs:renew", args=[need.pk]))
    need.refresh_from_db()
    assert need.reminded_on is None


def test_the_digest_sends_new_posts_that_fit_a_followed_filter():
    food, tools = CategoryFactory(slug="food"), CategoryFactory(slug="tools-garden")
    area = AreaFactory()
    follow = FollowFactory(area=area, side=Follow.Side.BOTH)
    follow.categories.add(food)
    NeedFactory(title="Groceries", category=food, area=area)
    OfferFactory(title="Bread on Fridays", category=food, area=area)
    NeedFactory(title="A ladder", category=tools, area=area)
    NeedFactory(title="Groceries elsewhere", category=food)
    call_command("send_digests")
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Groceries" in body and "Bread on Fridays" in body
    assert "ladder" not in body and "elsewhere" not in body
    call_command("send_digests")
    assert len(mail.outbox) == 1


def test_following_a_filter_from_the_page(client):
    food = CategoryFactory(slug="food")
    me = UserFactory()
    client.force_login(me)
    client.post(reverse("needs:follows"), {"side": "needs", "categories": [food.pk], "area": ""})
    follow = Follow.objects.get(user=me)
    assert list(follow.categories.all()) == [food]
    client.force_login(UserFactory())
    assert client.post(reverse("needs:follow_delete", args=[follow.pk])).status_code == 404
