"""Each neighbor's language: kept from the footer's switch, the profile and sign-up, and
every email the hub sends them is written in it, account emails included."""

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from mutualaid.models import User
from mutualaid.tests.factories import UserFactory
from needs import services
from needs.tests.factories import NeedFactory

pytestmark = pytest.mark.django_db

ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


def test_the_footer_switch_keeps_the_choice_on_the_account(client):
    neighbor = UserFactory()
    client.force_login(neighbor)
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    neighbor.refresh_from_db()
    assert neighbor.language == "es"


def test_the_footer_switch_still_works_for_visitors(client):
    response = client.post(reverse("set_language"), {"language": "es", "next": "/"})
    assert response.status_code == 302 and response.cookies["django_language"].value == "es"


def test_the_profile_keeps_the_language_and_switches_the_pages(client):
    neighbor = UserFactory(display_name="Ana")
    client.force_login(neighbor)
    response = client.post(
        reverse("profile_edit"),
        {"display_name": "Ana", "language": "es", "email_notifications": "on"},
    )
    neighbor.refresh_from_db()
    assert neighbor.language == "es"
    assert response.cookies["django_language"].value == "es"


def test_signing_up_remembers_the_language_of_the_page(client):
    client.post(
        reverse("account_signup"),
        {
            "email": "lu@example.org",
            "password1": "a long enough pass 42",
            "password2": "a long enough pass 42",
            "display_name": "Lu",
        },
        **ES,
    )
    assert User.objects.get(email="lu@example.org").language == "es"


def test_a_spanish_neighbor_gets_the_ask_in_spanish_and_an_english_one_in_english():
    ana = UserFactory(language="es", display_name="Ana")
    bo = UserFactory(language="en", display_name="Bo")
    services.match_propose(by=bo, need=NeedFactory(owner=ana, title="Sopa"))
    services.match_propose(by=ana, need=NeedFactory(owner=bo, title="Soup"))
    to_ana, to_bo = mail.outbox
    assert to_ana.to == [ana.email] and "Bo preguntó por “Sopa”" in to_ana.subject
    assert "asked about" not in to_ana.subject + to_ana.body
    assert to_bo.to == [bo.email] and "Ana asked about “Soup”" in to_bo.subject


@override_settings(HUB_NAME="Barrio Unido")
def test_a_spanish_password_reset_names_the_hub(client):
    ana = UserFactory(language="es")
    client.post(reverse("account_reset_password"), {"email": ana.email})
    (email,) = mail.outbox
    assert email.to == [ana.email]
    assert "Barrio Unido" in email.subject and "Barrio Unido" in email.body
    assert "contraseña" in email.body.lower()
    assert "password" not in email.subject.lower()


def test_a_spanish_password_reset_email_says_tu(client):
    ana = UserFactory(language="es")
    client.post(reverse("account_reset_password"), {"email": ana.email})
    (email,) = mail.outbox
    assert "Te llega este correo porque tú u otra persona pidió" in email.body
    assert "usted" not in email.body and "Haga clic" not in email.body


def test_a_spanish_login_code_email_says_tu(client):
    ana = UserFactory(language="es")
    client.post(reverse("account_request_login_code"), {"email": ana.email})
    (email,) = mail.outbox
    assert "Este es tu código para entrar." in email.body
    assert "Introdúzcalo" not in email.body and "usted" not in email.body
