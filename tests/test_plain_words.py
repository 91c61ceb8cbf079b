"""Plain words in both languages: the hub says tú and sentence case, on its pages and on the
pages it borrows from Django and allauth."""

import pytest
from django.urls import reverse

from freestore.tests.factories import StoreFactory
from mutualaid import roles
from mutualaid.tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ES = {"HTTP_ACCEPT_LANGUAGE": "es"}


@pytest.mark.parametrize(
    "name", ["freestore:item_create", "freestore:thing_create", "freestore:shift_create"]
)
def test_the_empty_choice_of_a_form_speaks_spanish(client, name):
    StoreFactory()
    client.force_login(UserFactory(roles=[roles.STORE_VOLUNTEER]))
    body = client.get(reverse(name), **ES).content.decode()
    assert "Select an option" not in body
    assert "- Elige una opción -" in body


def test_the_meeting_form_empty_choice_speaks_spanish(client):
    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    body = client.get(reverse("meetings:create"), **ES).content.decode()
    assert "Select an option" not in body and "- Elige una opción -" in body


def test_logging_in_says_tu_and_sentence_case(client):
    body = client.get(reverse("account_login"), **ES).content.decode()
    assert "Si aún no tienes una cuenta" in body
    assert "regístrese" not in body and "ha creado" not in body
    assert "¿Olvidaste tu contraseña?" in body and "su contraseña" not in body
    body = " ".join(client.get(reverse("account_login")).content.decode().split())
    assert "<h1> Log in </h1>" in body and "Sign In" not in body
    assert "Join your neighbors" in body and "sign up" not in body.lower()


def test_joining_says_tu_down_to_the_password_hints(client):
    body = client.get(reverse("account_signup"), **ES).content.decode()
    assert "Tu contraseña debe tener al menos 8 caracteres." in body
    assert "Su contraseña" not in body


def test_password_reset_says_tu(client):
    body = client.get(reverse("account_reset_password"), **ES).content.decode()
    assert "¿Olvidaste tu contraseña?" in body and "Introduzca" not in body
    body = client.get(reverse("account_reset_password")).content.decode()
    assert "Reset your password" in body and "Password Reset" not in body


def test_a_login_code_request_says_tu(client):
    body = client.get(reverse("account_request_login_code"), **ES).content.decode()
    assert "Recibirás un código" in body and "Recibirá un" not in body
