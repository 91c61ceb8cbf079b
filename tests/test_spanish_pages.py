"""A Spanish page shows none of our templates' English: every message of our catalogs that
reaches a page reaches it translated."""

import ast
import html
import re
from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

import mutualaid
from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory
from meetings.tests.factories import ActionItemFactory, DecisionFactory, ProposalFactory
from mutualaid import roles
from mutualaid.tests.factories import UserFactory
from needs.tests.factories import NeedFactory
from offers.tests.factories import OfferFactory

from . import every_page
from .authz.rules import OWNER

pytestmark = pytest.mark.django_db
ROOT = Path(mutualaid.__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def catalog_messages(po: Path):
    """(msgid, Spanish) for each live entry of a .po file; Spanish is "" when untranslated
    or fuzzy, so a message nobody translated yet counts as English too."""
    for block in po.read_text().split("\n\n"):
        lines = [line for line in block.splitlines() if not line.startswith("#~")]
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        fields, current = {}, None
        for line in lines:
            match = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[0\])?) (\".*\")$", line)
            if match:
                current = match.group(1)
                fields[current] = ast.literal_eval(match.group(2))
            elif line.startswith('"') and current:
                fields[current] += ast.literal_eval(line)
        if fields.get("msgid"):
            spanish = fields.get("msgstr", fields.get("msgstr[0]", ""))
            yield fields["msgid"], "" if fuzzy else spanish


def english_fragments() -> dict[str, str]:
    """Long literal pieces of our messages that Spanish says otherwise: fragment -> message."""
    fragments = {}
    paths = [ROOT / "locale", *(ROOT / app / "locale" for app in settings.INSTALLED_APPS)]
    for path in paths:
        po = path / "es" / "LC_MESSAGES" / "django.po"
        if not po.exists():
            continue
        for message, spanish in catalog_messages(po):
            if message == spanish:
                continue
            for piece in PLACEHOLDER.split(re.sub(r"<[^>]+>", " ", message)):
                piece = " ".join(piece.split())
                if len(piece) >= 18 and " " in piece and piece not in spanish:
                    fragments.setdefault(piece, message)
    return fragments


def visible_text(body: str) -> str:
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", body, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(text).split())


def pages_with_more_on_them():
    """Pages whose rule makes little to show: with a stocked store, an open need and offer,
    a proposal, a decision and an action item, their lists and tables have rows to read."""
    store = StoreFactory()
    ItemFactory(store=store, stock=2, target=5)
    thing = ThingFactory(store=store)
    shift = ShiftFactory(store=store)
    need, offer = NeedFactory(), OfferFactory()
    proposal = ProposalFactory()
    decision = DecisionFactory(meeting=proposal.meeting)
    ActionItemFactory(meeting=proposal.meeting, decision=decision)
    return [
        (None, [thing.get_absolute_url(), shift.get_absolute_url(), need.get_absolute_url()]),
        (None, [offer.get_absolute_url(), proposal.meeting.get_absolute_url()]),
        ([roles.ORGANIZER], [reverse("meetings:minutes", args=[proposal.meeting.pk])]),
    ]


def spanish_client(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    if user is not None:
        client.force_login(user)
    return client


def english_on(client, url, fragments):
    response = client.get(url, follow=True)
    assert response.status_code == 200, url
    if "text/html" not in response.headers.get("Content-Type", ""):
        return []
    text = visible_text(response.content.decode())
    return [f"{url}: {piece!r}" for piece in fragments if piece in text]


def test_spanish_pages_show_no_english_from_our_catalogs(people):
    """Every page the authorization rules serve (tests/every_page.py), so a new page is read
    in Spanish without being added here."""
    fragments = english_fragments()
    assert len(fragments) > 100
    found, looked_at = [], set()
    for duties, urls in pages_with_more_on_them():
        client = spanish_client(UserFactory(roles=duties) if duties is not None else None)
        for url in urls:
            found += english_on(client, url, fragments)
    clients = {}
    for name, visitor in every_page.pages():
        url, user = every_page.page_for(name, visitor, people)
        # Each rule makes its own owner; everyone else is the same person throughout.
        if visitor == OWNER or visitor not in clients:
            clients[visitor] = spanish_client(user)
        found += english_on(clients[visitor], url, fragments)
        looked_at.add(name)
    assert {"imports:index", "inbox:list", "needs:poster", "freestore:shift_day_sheet"} <= looked_at
    assert found == [], "\n".join(found)


def allauth_spanish() -> dict[str, str]:
    """Pieces of allauth's own Spanish (which says "usted" and Title Case) for the messages
    the core catalog doesn't say the hub's way (mutualaid/borrowed_words.py): piece -> English."""
    ours = {}
    for path in [ROOT / "locale", *(ROOT / app / "locale" for app in settings.INSTALLED_APPS)]:
        po = path / "es" / "LC_MESSAGES" / "django.po"
        if po.exists():
            ours.update((message, spanish) for message, spanish in catalog_messages(po) if spanish)
    our_words = " ".join(" ".join(spanish.split()) for spanish in ours.values())
    theirs = Path(allauth.__file__).parent / "locale/es/LC_MESSAGES/django.po"
    pieces = {}
    for message, spanish in catalog_messages(theirs):
        if message in ours or not spanish:
            continue
        for piece in PLACEHOLDER.split(re.sub(r"<[^>]+>", " ", spanish)):
            piece = " ".join(piece.strip(" .:").split())
            # a piece the hub says too ("Correo electrónico") may be the hub's own words
            if len(piece) >= 12 and " " in piece and piece not in our_words:
                pieces.setdefault(piece, message)
    return pieces


def test_allauths_pages_in_spanish_say_only_the_hubs_words(people):
    """Logging in, joining, passwords and email addresses, with and without an account:
    none of allauth's own Spanish reaches them unless the hub says it its way."""
    pieces = allauth_spanish()
    assert len(pieces) > 100
    found = []
    for name, visitor in every_page.pages():
        if not name.startswith("account_"):
            continue
        url, user = every_page.page_for(name, visitor, people)
        response = spanish_client(user).get(url, follow=True)
        text = visible_text(response.content.decode())
        found += [f"{url} as {visitor}: {piece!r}" for piece in pieces if piece in text]
    assert found == [], "\n".join(found)


def test_a_post_card_in_spanish_says_posted_in_the_feminine_of_necesidad_and_oferta():
    NeedFactory(title="Sopa para el jueves")
    OfferFactory(title="Bomba de bici")
    for path, title in (("/needs/", "Sopa para el jueves"), ("/offers/", "Bomba de bici")):
        body = Client(HTTP_ACCEPT_LANGUAGE="es").get(path).content.decode()
        assert title in body
        assert "publicada" in body and "publicado" not in body
