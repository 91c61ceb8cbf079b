"""Base pages: home, errors, headers every page carries, role checks."""

import re

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from mutualaid import roles
from mutualaid.permissions import role_required

from .factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_shows_a_section_for_each_part_of_the_hub(client):
    body = client.get(reverse("home")).content.decode()
    for heading in ["Needs", "Offers", "Free store", "Meetings"]:
        assert f">{heading}</a></h2>" in body


def test_every_page_carries_a_strict_csp(client):
    response = client.get(reverse("home"))
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp


def test_htmx_is_served_by_us_not_a_cdn(client):
    body = client.get(reverse("home")).content.decode()
    sources = re.findall(r'<script[^>]*\ssrc="([^"]+)"', body)
    assert any(src.startswith("/static/django_htmx/htmx") for src in sources), sources
    # Every script comes from our own origin: no host, no protocol-relative URL.
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "We can't find that page" in response.content.decode()


def test_spanish_speakers_get_spanish_pages(client):
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="es")
    assert response["Content-Language"] == "es"
    body = response.content.decode()
    assert '<html lang="es">' in body
    assert "Saltar al contenido principal" in body
    assert "Solidaridad, no caridad." in body
    assert ">Iniciar sesión</a>" in body


def test_role_required_lets_duty_holders_in_and_refuses_others():
    @role_required(roles.ORGANIZER)
    def view(request):
        return HttpResponse("ok")

    request = RequestFactory().get("/")
    request.user = UserFactory(roles=[roles.ORGANIZER])
    assert view(request).status_code == 200

    request.user = UserFactory()
    with pytest.raises(PermissionDenied):
        view(request)
