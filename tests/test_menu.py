"""The menu shows each person the tools of the duties they hold, and where they are."""

import re

import pytest
from django.urls import reverse

from mutualaid import roles
from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def menu(client, url="/"):
    body = client.get(url).content.decode()
    header = body.split('<header class="site-header">')[1].split("</header>")[0]
    return header


def links(header):
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', header)
    }


def test_a_neighbor_without_duties_sees_no_duty_tools(client):
    client.force_login(UserFactory())
    header = menu(client)
    assert "Your duties" not in header
    assert reverse("moderation_queue") not in header


def test_a_moderator_finds_the_moderation_queue_and_log(client):
    client.force_login(UserFactory(roles=[roles.MODERATOR]))
    found = links(menu(client))
    assert found["Moderation queue"] == reverse("moderation_queue")
    assert found["Moderation log"] == reverse("moderation_log")
    assert "Plan a meeting" not in found


def test_an_organizer_finds_the_organizing_screens(client):
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    found = links(menu(client))
    assert found["Plan a meeting"] == reverse("meetings:create")
    assert found["Areas, categories and duties"] == reverse("admin:index")
    assert found["Moderation log"] == reverse("moderation_log")
    assert "Moderation queue" not in found


def test_store_and_intake_volunteers_find_their_screens(client):
    client.force_login(UserFactory(roles=[roles.STORE_VOLUNTEER, roles.INTAKE_VOLUNTEER]))
    found = links(menu(client))
    assert found["Store volunteer screens"] == reverse("freestore:volunteer")
    assert found["Post for a neighbor"] == reverse("needs:create")


def test_mine_is_the_current_page_on_mine_not_needs(client):
    client.force_login(UserFactory())
    header = menu(client, reverse("needs:mine"))
    current = re.findall(r'<a href="([^"]+)" aria-current="page"', header)
    assert current == [reverse("needs:mine")]
    header = menu(client, reverse("needs:list"))
    assert re.findall(r'<a href="([^"]+)" aria-current="page"', header) == [reverse("needs:list")]


def test_the_duties_menu_speaks_spanish(client):
    client.force_login(UserFactory(roles=[roles.MODERATOR]))
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Cola de moderación" in body
