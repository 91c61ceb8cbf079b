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


def test_the_poll_says_what_each_answer_means(client):
    from meetings.tests.factories import PollAnswerFactory, ProposalFactory

    proposal = ProposalFactory(title="Share the van")
    PollAnswerFactory(item=proposal, answer="block", reason="Insurance first")
    client.force_login(UserFactory())
    body = client.get(proposal.meeting.get_absolute_url()).content.decode()
    assert "Stand aside: I won’t take part in it, but I won’t stop it." in body
    assert "Object: a serious concern, so we shouldn’t go ahead. Say why." in body
    assert "Agree: 0 · Stand aside: 0 · Disagree: 0 · Object: 1" in body
    assert "Why someone objects:" in body
    body = client.get(proposal.meeting.get_absolute_url(), **ES).content.decode()
    assert "Me hago a un lado: no participaré, pero no lo impediré." in body
    assert "Me opongo: 1" in body


def test_organizers_choose_outcomes_and_item_types_in_plain_words(client):
    from meetings.tests.factories import MeetingFactory, ProposalFactory

    client.force_login(UserFactory(roles=[roles.ORGANIZER]))
    meeting = MeetingFactory()
    body = client.get(reverse("meetings:item_add", args=[meeting.pk])).content.decode()
    assert "Talk it over: we share views; nothing is decided." in body
    assert "News and updates: someone tells everyone how something is going." in body
    assert ">Report<" not in body
    proposal = ProposalFactory(meeting=meeting)
    body = client.get(reverse("meetings:decision_record", args=[proposal.pk])).content.decode()
    assert "Left for later: we come back to it at another meeting." in body
    assert "Deferred" not in body


def test_the_store_volunteer_screens_speak_plainly(client):
    from freestore.tests.factories import ItemFactory

    StoreFactory()
    client.force_login(UserFactory(roles=[roles.STORE_VOLUNTEER]))
    body = client.get(reverse("freestore:volunteer")).content.decode()
    for word in ["Count the shelves", "All items", "In and out"]:
        assert word in body
    for word in ["Stocktake", "Catalog", ">Reports<"]:
        assert word not in body
    item = ItemFactory(target=10, stock=3)
    body = client.get(reverse("freestore:item_detail", args=[item.pk])).content.decode()
    assert "On hand: 3 · we’d like to have 10" in body


def test_the_calendar_link_says_what_it_does(client):
    from meetings.tests.factories import MeetingFactory

    body = client.get(MeetingFactory().get_absolute_url()).content.decode()
    assert "Add to my calendar" in body and "(.ics)" not in body
    assert "A file your phone or computer’s calendar opens." in body


def test_the_email_and_password_pages_say_tu_and_sentence_case(client):
    client.force_login(UserFactory())
    body = " ".join(client.get(reverse("account_email"), **ES).content.decode().split())
    assert "Estas son las direcciones de correo de tu cuenta:" in body
    assert "su cuenta" not in body and "Reenviar Verificación" not in body
    body = " ".join(client.get(reverse("account_email")).content.decode().split())
    assert "Make primary" in body and "Make Primary" not in body
    assert "Re-send Verification" not in body
    body = client.get(reverse("account_reset_password"), **ES).content.decode()
    assert "Ya iniciaste sesión como" in body and "Ya ha iniciado" not in body
    body = client.get(reverse("account_reset_password")).content.decode()
    assert "Reset my password" in body and "Reset My Password" not in body
    body = client.get(reverse("account_reset_password_from_key_done"), **ES).content.decode()
    assert "Cambiaste tu contraseña." in body and "Su contraseña" not in body
