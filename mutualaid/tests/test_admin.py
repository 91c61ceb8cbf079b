"""The admin for organizers: display names and duties only; the superuser keeps everything."""

import html

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from mutualaid import roles

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organizer():
    return UserFactory(display_name="Rosa", email="rosa@example.org", roles=[roles.ORGANIZER])


@pytest.fixture
def moderator():
    return UserFactory(display_name="Kenji", email="kenji@example.org", roles=[roles.MODERATOR])


@pytest.fixture
def superuser():
    return UserFactory(
        display_name="Server keeper", email="keeper@example.org", is_staff=True, is_superuser=True
    )


def page(client, url, **params):
    response = client.get(url, params)
    return response, html.unescape(response.content.decode())


def test_organizer_sees_display_names_in_the_neighbor_list_but_never_an_email(
    client, organizer, moderator
):
    client.force_login(organizer)
    response, body = page(client, reverse("admin:mutualaid_user_changelist"))
    assert response.status_code == 200
    assert "Kenji" in body
    assert "kenji@example.org" not in body
    assert "@example.org" not in body.replace(organizer.email, "")
    assert "Staff status" not in body


def test_organizer_cannot_find_a_neighbor_by_email(client, organizer, moderator):
    client.force_login(organizer)
    _response, body = page(client, reverse("admin:mutualaid_user_changelist"), q="kenji@")
    assert "Kenji" not in body
    # A filter in the address is refused too: it would tell an email letter by letter.
    response = client.get(
        reverse("admin:mutualaid_user_changelist"), {"email__startswith": "kenji"}
    )
    assert "Kenji" not in html.unescape(response.content.decode())


def test_organizer_change_form_offers_duties_only(client, organizer, moderator):
    client.force_login(organizer)
    response, body = page(client, reverse("admin:mutualaid_user_change", args=[moderator.pk]))
    assert response.status_code == 200
    assert "Kenji" in body
    assert "kenji@example.org" not in body
    for hidden in ["Superuser status", "Staff status", "User permissions", "Password", "Active"]:
        assert hidden not in body, hidden
    assert 'name="groups"' in body
    assert 'name="email"' not in body and 'name="is_superuser"' not in body


def test_organizer_gives_a_duty_but_cannot_make_anyone_superuser(client, organizer, moderator):
    client.force_login(organizer)
    store = Group.objects.get(name=roles.STORE_VOLUNTEER)
    mod = Group.objects.get(name=roles.MODERATOR)
    response = client.post(
        reverse("admin:mutualaid_user_change", args=[moderator.pk]),
        {
            "groups": [store.pk, mod.pk],
            "email": "taken-over@example.org",
            "is_superuser": "on",
            "is_staff": "on",
            "display_name": "Renamed",
            "password": "x",
        },
    )
    assert response.status_code == 302
    moderator.refresh_from_db()
    assert set(moderator.groups.values_list("name", flat=True)) == {
        roles.STORE_VOLUNTEER,
        roles.MODERATOR,
    }
    assert moderator.email == "kenji@example.org" and moderator.display_name == "Kenji"
    assert not moderator.is_superuser and not moderator.is_staff
    assert moderator.check_password(PASSWORD)


def test_granting_the_organizer_role_gives_the_admin_but_never_superuser(
    client, organizer, moderator
):
    client.force_login(organizer)
    group = Group.objects.get(name=roles.ORGANIZER)
    client.post(reverse("admin:mutualaid_user_change", args=[moderator.pk]), {"groups": [group.pk]})
    moderator.refresh_from_db()
    assert moderator.is_staff and not moderator.is_superuser


def test_organizer_only_hands_out_the_hubs_duties_and_keeps_other_groups(
    client, organizer, moderator
):
    powerful = Group.objects.create(name="Server helpers")
    moderator.groups.add(powerful)
    client.force_login(organizer)
    url = reverse("admin:mutualaid_user_change", args=[moderator.pk])
    _response, body = page(client, url)
    assert "Server helpers" not in body
    client.post(url, {"groups": [Group.objects.get(name=roles.INTAKE_VOLUNTEER).pk]})
    assert set(moderator.groups.values_list("name", flat=True)) == {
        roles.INTAKE_VOLUNTEER,
        "Server helpers",
    }
    neighbor = UserFactory()
    client.post(
        reverse("admin:mutualaid_user_change", args=[neighbor.pk]), {"groups": [powerful.pk]}
    )
    assert not neighbor.groups.exists()


def test_organizer_cannot_set_someone_elses_password(client, organizer, moderator):
    client.force_login(organizer)
    url = reverse("admin:auth_user_password_change", args=[moderator.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url,
        {"password1": "taken-over-123", "password2": "taken-over-123", "usable_password": "true"},
    )
    assert response.status_code == 403
    moderator.refresh_from_db()
    assert moderator.check_password(PASSWORD)


def test_organizer_cannot_add_neighbors_or_open_the_server_keepers_account(
    client, organizer, superuser
):
    client.force_login(organizer)
    assert client.get(reverse("admin:mutualaid_user_add")).status_code == 403
    _response, body = page(client, reverse("admin:mutualaid_user_changelist"))
    assert "Server keeper" not in body
    response = client.get(reverse("admin:mutualaid_user_change", args=[superuser.pk]))
    assert response.status_code == 302  # "doesn't exist": not among the neighbors they manage


def test_organizer_does_not_see_who_changed_things_by_email(client, organizer, moderator):
    client.force_login(organizer)
    url = reverse("admin:mutualaid_user_history", args=[moderator.pk])
    assert client.get(url).status_code == 403


def test_the_superuser_keeps_the_full_neighbor_admin(client, superuser, moderator):
    client.force_login(superuser)
    _response, body = page(client, reverse("admin:mutualaid_user_changelist"), q="kenji@")
    assert "kenji@example.org" in body
    _response, body = page(client, reverse("admin:mutualaid_user_change", args=[moderator.pk]))
    for field in ["Superuser status", "Staff status", 'name="email"', "User permissions"]:
        assert field in body, field
    url = reverse("admin:auth_user_password_change", args=[moderator.pk])
    response = client.post(
        url,
        {
            "password1": "a-new-long-pass-9",
            "password2": "a-new-long-pass-9",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    moderator.refresh_from_db()
    assert moderator.check_password("a-new-long-pass-9")
