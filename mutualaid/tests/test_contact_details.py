"""Posts never carry contact details: neighbors reach each other through the hub."""

import pytest
from django.urls import reverse

from mutualaid import roles
from mutualaid.contact_details import contact_details_in
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Need
from offers.models import Offer


@pytest.mark.parametrize(
    "text",
    [
        "Call me on 555 123 4567",
        "whatsapp +52 1 55 1234 5678",
        "(555) 123-4567 after six",
        "text 5551234567",
        "write to maria.lopez@example.org",
        "Pick up at 123 Main Street",
        "I'm at 45 Oak Ave, ring twice",
        "Estoy en la calle 5 con carrera 7",
    ],
)
def test_contact_details_are_found(text):
    assert contact_details_in(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kids' winter jackets, sizes 6–10",
        "Shoe sizes 38 39 40 41",
        "2 bags of rice, 1.5 kg each",
        "Pick up between 10:30 and 11:30, Saturday 12/05",
        "Homework help for the 2024-2025 school year",
        "Two old road bikes, need a tune-up",
        "Rides to the clinic on Oak Street, any weekday",
        "Price was $1,200 new, now free",
    ],
)
def test_everyday_numbers_are_not_taken_for_contact_details(text):
    assert contact_details_in(text) is None


@pytest.fixture
def post_data():
    return {
        "title": "Winter coat for my son",
        "details": "Size 8. Call me on 555 123 4567.",
        "urgency": "week",
        "kind": "things",
        "category": CategoryFactory().pk,
        "area": AreaFactory().pk,
        "visibility": "neighbors",
    }


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "model"), [("needs:create", Need), ("offers:create", Offer)])
def test_a_post_with_a_phone_number_comes_back_with_a_plain_message(client, post_data, url, model):
    client.force_login(UserFactory())
    response = client.post(reverse(url), post_data)
    assert response.status_code == 200
    assert not model.objects.exists()
    body = response.content.decode()
    assert "This looks like a phone number" in body
    assert "Size 8. Call me on 555 123 4567." in body  # nothing typed is lost


@pytest.mark.django_db
def test_an_intake_contact_note_may_hold_a_phone_number(client, post_data):
    volunteer = UserFactory(roles=[roles.INTAKE_VOLUNTEER])
    client.force_login(volunteer)
    post_data.update(
        details="Size 8.", on_behalf_of="Rosa", contact_note="Phone 555 123 4567, evenings"
    )
    response = client.post(reverse("needs:create"), post_data)
    assert response.status_code == 302
    assert Need.objects.get().contact_note == "Phone 555 123 4567, evenings"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["needs:create", "offers:create"])
def test_the_live_panel_points_out_a_phone_number_while_typing(client, url):
    client.force_login(UserFactory())
    panel = client.get(
        reverse(url),
        {"title": "Winter coat", "details": "call 555 123 4567"},
        headers={"HX-Request": "true"},
    ).content.decode()
    assert "This looks like a phone number" in panel
    plain = client.get(
        reverse(url), {"title": "Winter coat", "details": "size 8"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert "This looks like" not in plain
