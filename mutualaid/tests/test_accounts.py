"""Signing up, verifying, logging in by password or code, and the profile."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from mutualaid.models import Category, User

from .factories import PASSWORD, AreaFactory, UserFactory

pytestmark = pytest.mark.django_db


def signup(client, email="new@example.org", password="plum tree by the river", name="Kai"):
    return client.post(
        reverse("account_signup"),
        {"email": email, "display_name": name, "password1": password, "password2": password},
    )


def test_signup_sends_verification_email_and_keeps_display_name(client):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="new@example.org")
    assert user.display_name == "Kai"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "confirm" in mail.outbox[0].body.lower()
    assert "Hello from Neighborhood Mutual Aid" in mail.outbox[0].body


def test_verification_link_logs_the_neighbor_in_and_leads_to_the_profile(client):
    signup(client)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    response = client.post("/" + path)
    assert response.status_code == 302
    assert response["Location"] == "/profile/"
    assert EmailAddress.objects.get(email="new@example.org").verified
    assert client.get("/profile/").status_code == 200


def test_unverified_neighbor_cannot_log_in_with_password(client):
    signup(client)
    client.logout()
    response = client.post(
        reverse("account_login"),
        {"login": "new@example.org", "password": "plum tree by the river"},
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "password, message",
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("12345678901", "entirely numeric"),
    ],
)
def test_weak_passwords_are_refused_with_a_plain_message(client, password, message):
    response = signup(client, password=password)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(email="new@example.org").exists()


def test_a_long_plain_password_without_symbols_is_fine(client):
    response = signup(client, password="the quick brown fox jumps")
    assert response.status_code == 302


def test_signup_without_display_name_keeps_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "kept@example.org", "display_name": "  ", "password1": "x" * 3},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please tell us what to call you" in body or "This field is required" in body
    assert 'value="kept@example.org"' in body


def test_login_by_code(client):
    user = UserFactory(email="code@example.org")
    response = client.post(reverse("account_request_login_code"), {"email": user.email})
    assert response.status_code == 302
    code = re.search(
        r"^\s*([A-Z0-9]{4}-[A-Z0-9]{4})\s*$", mail.outbox[-1].body, re.MULTILINE
    ).group(1)
    response = client.post(reverse("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_repeated_failed_logins_are_refused_even_with_the_right_password(client):
    user = UserFactory()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "wrong guess"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_profile_saves_area_languages_and_notifications(client):
    user = UserFactory()
    area = AreaFactory(name="Hillside", slug="hillside")
    client.force_login(user)
    response = client.post(
        reverse("profile_edit"),
        {
            "display_name": " Ana  María ",
            "area": area.pk,
            "languages": ["es", "en"],
            "language": "en",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.display_name == "Ana María"
    assert user.area == area
    assert user.languages == ["es", "en"]
    assert user.email_notifications is False  # unchecked box means no emails


def test_profile_refuses_unknown_language_and_keeps_input(client):
    user = UserFactory(display_name="Before")
    client.force_login(user)
    response = client.post(
        reverse("profile_edit"), {"display_name": "After", "languages": ["klingon"]}
    )
    assert response.status_code == 200
    assert 'value="After"' in response.content.decode()
    user.refresh_from_db()
    assert user.display_name == "Before"


def test_profile_needs_login(client):
    response = client.get(reverse("profile_edit"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_profile_asks_nothing_about_income_status_id_or_household(client):
    client.force_login(UserFactory())
    body = client.get(reverse("profile_edit")).content.decode().lower()
    signup_body = client.get(reverse("account_signup")).content.decode().lower()
    for word in ["income", "household", "passport", "immigration", "eligib", "birth"]:
        assert word not in body
        assert word not in signup_body


def test_seeded_categories_are_the_ones_groups_run():
    slugs = list(Category.objects.values_list("slug", flat=True))
    assert slugs[:3] == ["food", "clothing-household", "childcare"]
    assert "tools-garden" in slugs and len(slugs) == 10
