"""A Spanish page shows none of our templates' English: every message of our catalogs that
reaches a page reaches it translated."""

import ast
import html
import re
from pathlib import Path

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


def pages():
    store = StoreFactory()
    ItemFactory(store=store, stock=2, target=5)
    thing = ThingFactory(store=store)
    shift = ShiftFactory(store=store)
    need, offer = NeedFactory(), OfferFactory()
    proposal = ProposalFactory()
    decision = DecisionFactory(meeting=proposal.meeting)
    ActionItemFactory(meeting=proposal.meeting, decision=decision)
    public = [
        reverse("home"),
        reverse("needs:list"),
        need.get_absolute_url(),
        reverse("offers:list"),
        offer.get_absolute_url(),
        reverse("freestore:index"),
        reverse("freestore:needed"),
        reverse("freestore:shelf"),
        thing.get_absolute_url(),
        reverse("freestore:shifts"),
        shift.get_absolute_url(),
        reverse("meetings:list"),
        reverse("meetings:decisions"),
        proposal.meeting.get_absolute_url(),
        reverse("privacy"),
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
    ]
    signed_in = [
        reverse("needs:create"),
        reverse("needs:mine"),
        reverse("needs:follows"),
        reverse("offers:create"),
        reverse("freestore:loans"),
        reverse("profile_edit"),
        reverse("my_data"),
        reverse("meetings:propose", args=[proposal.meeting.pk]),
    ]
    volunteer = [
        reverse(f"freestore:{name}")
        for name in ["volunteer", "intake", "items", "basket", "stocktake", "report"]
    ] + [reverse("freestore:shift_create"), reverse("freestore:item_create")]
    organizer = [
        reverse("meetings:create"),
        reverse("meetings:minutes", args=[proposal.meeting.pk]),
        reverse("meetings:item_add", args=[proposal.meeting.pk]),
        reverse("meetings:decision_record", args=[proposal.pk]),
        reverse("moderation_log"),
    ]
    moderator = [reverse("moderation_queue")]
    return [
        (None, public),
        ([], signed_in),
        ([roles.STORE_VOLUNTEER], volunteer),
        ([roles.ORGANIZER], organizer),
        ([roles.MODERATOR], moderator),
    ]


def test_spanish_pages_show_no_english_from_our_catalogs():
    fragments = english_fragments()
    assert len(fragments) > 100
    found = []
    for duties, urls in pages():
        client = Client(HTTP_ACCEPT_LANGUAGE="es")
        if duties is not None:
            client.force_login(UserFactory(roles=duties))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            text = visible_text(response.content.decode())
            found += [f"{url}: {piece!r}" for piece in fragments if piece in text]
    assert found == []
