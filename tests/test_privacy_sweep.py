"""The privacy sweep: every private word, every URL, every kind of visitor.

Each model declares its text fields public or private (`privacy = Privacy(...)`, see
mutualaid/privacy.py), and each private field names the QuerySet method that says whose rows a
visitor may read. The sweep builds a small neighborhood, plants a unique marker in every
private field of every row, then requests every URL the project routes (each page as a page
and as an htmx fragment, feeds, exports, share-as-text, the admin) as every kind of visitor,
and fails when a marker shows up in a response for a visitor the model's QuerySet says may not
read it. A new URL (it needs an authorization rule anyway) or a new private field is covered
without being added here; a new text field that is neither public nor private fails.
"""

import contextlib
import re
import sys
from collections import Counter

import pytest
from allauth.account.models import EmailAddress, EmailConfirmation
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse

from freestore.models import StockMovement
from freestore.tests.factories import ItemFactory, ShiftFactory, StoreFactory, ThingFactory
from imports.models import NameAlias
from imports.services import import_apply, import_confirm, import_map, import_upload
from inbox.models import NoticeSettings
from inbox.services import notice_fit, notice_send
from meetings.models import AgendaItem, Meeting
from meetings.tests.factories import (
    ActionItemFactory,
    AgendaItemFactory,
    DecisionFactory,
    MeetingFactory,
    PollAnswerFactory,
    ProposalFactory,
)
from mutualaid import privacy
from mutualaid.moderation import services
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.tests.factories import MatchFactory, MessageFactory, NeedFactory
from offers.models import Visibility
from offers.tests.factories import OfferFactory

from .authz.rules import (
    INTAKE_VOLUNTEER,
    MODERATOR,
    NEIGHBOR,
    OWNER,
    ROLE_OF,
    VISITORS,
)
from .test_authorization_matrix import CHECKED, rule_for

# Some URLs read a query string the generic request doesn't send.
EXTRA_QUERIES = {
    "needs:share": ["format=text"],
    "offers:share": ["format=text"],
    "freestore:movements_csv": ["start=2000-01-01&end=2100-01-01"],
}
MARKER = re.compile(r"zq(\d{5})q", re.IGNORECASE)

swept = Counter()
planted_sizes: list[tuple[int, int]] = []  # per sweep: markers planted, private fields holding them


def test_every_text_field_is_declared_public_or_private():
    assert privacy.unclassified_fields() == [], (
        "Declare these fields in their model's `privacy = Privacy(public=..., private=...)`"
    )


def test_every_app_of_the_project_is_swept_without_being_listed():
    """An app added later (as imports and inbox were) is held to account from its first model."""
    from django.apps import apps

    from mutualaid.checks import is_the_projects_own

    own = {config.label for config in apps.get_app_configs() if is_the_projects_own(config)}
    swept = {model._meta.app_label for model in privacy.swept_models()}
    assert "moderation_fixture" in own  # the test settings' own small app, added late
    assert own <= swept, f"Not swept: {sorted(own - swept)}"


def test_every_private_field_names_a_rule_its_model_answers():
    neighbor = AnonymousUser()
    for model in privacy.swept_models():
        declared = privacy.privacy_of(model)
        for name in declared.private if declared else ():
            assert model._meta.get_field(name)
            privacy.readable(model, name, neighbor)  # raises if the rule is missing


# --- The neighborhood --------------------------------------------------------------------


def build_neighborhood(people):
    """Someone of every kind doing every private thing, among the visitors and beyond them."""
    stranger, other = UserFactory(), UserFactory()
    area, category = AreaFactory(), CategoryFactory()
    posts = {"area": area, "category": category}
    # Needs and offers with neighbors-only details; a need posted on someone's behalf.
    need = NeedFactory(owner=stranger, **posts)
    NeedFactory(owner=people[OWNER], **posts)
    NeedFactory(owner=people[INTAKE_VOLUNTEER], on_behalf_of="Rosa", **posts)
    NeedFactory(owner=people[OWNER], visibility=Visibility.EVERYONE, **posts)
    offer = OfferFactory(owner=other, **posts)
    offer_for_fit = OfferFactory(owner=people[OWNER], visibility=Visibility.EVERYONE, **posts)
    # A thread between two strangers, one between two visitors, and one that was reported.
    private = MatchFactory(need=need, requester=other, recipient=stranger, thanks="thanks")
    MessageFactory(match=private, author=other)
    MessageFactory(match=private, author=stranger)
    ours = MatchFactory(need__owner=people[OWNER], requester=people[NEIGHBOR])
    MessageFactory(match=ours, author=people[NEIGHBOR])
    MessageFactory(match=ours, author=people[OWNER])
    reported = MatchFactory(offer=offer, need=None, requester=stranger, recipient=other)
    unsafe = MessageFactory(match=reported, author=stranger)
    MessageFactory(match=reported, author=other)
    services.report_create(reporter=other, target=unsafe, reason="unsafe", details="report")
    decided = services.report_create(reporter=people[NEIGHBOR], target=offer, reason="spam")
    services.report_decide(
        report=decided, by=UserFactory(roles=[ROLE_OF[MODERATOR]]), decision="warned", note="x"
    )
    # Notices: a stranger told of their private thread, the owner of a fit with a stranger's
    # need whose details only neighbors read.
    notice_send(recipient=stranger, kind="message", about=private, actor=other)
    notice_fit(
        recipient=people[OWNER], new_post=need, own_post=offer_for_fit, reasons={"en": ["x"]}
    )
    # The free store: a ledger with notes, the lending shelf, a shift.
    store = StoreFactory(area=area)
    item = ItemFactory(store=store, stock=5)
    StockMovement.objects.create(
        item=item, kind="adjustment", quantity=-1, reason="damaged", note="note", by=stranger
    )
    ThingFactory(store=store)
    ShiftFactory(store=store, note="Bring gloves")
    # Meetings: a draft with its agenda, a published one with proposals and a decision.
    draft = MeetingFactory(status=Meeting.Status.DRAFT, area=area, access_notes="ramp")
    AgendaItemFactory(meeting=draft, description="draft item")
    DecisionFactory(meeting=draft)
    ActionItemFactory(meeting=draft)
    meeting = MeetingFactory(area=area, online_url="https://meet.example.org/x")
    proposal = ProposalFactory(meeting=meeting, description="why")
    PollAnswerFactory(item=proposal, answer="block", reason="because")
    ProposalFactory(meeting=meeting, status=AgendaItem.Status.PROPOSED, proposed_by=stranger)
    ProposalFactory(
        meeting=meeting,
        status=AgendaItem.Status.DECLINED,
        proposed_by=people[NEIGHBOR],
        decline_reason="not now",
    )
    DecisionFactory(meeting=MeetingFactory(status=Meeting.Status.HELD, area=area))
    ActionItemFactory(meeting=meeting)
    # Imports: one by a visitor, one by someone else, each with what it made.
    for by in (people[INTAKE_VOLUNTEER], UserFactory(roles=[ROLE_OF[INTAKE_VOLUNTEER]])):
        sheet = f"Name,What do you need?,Neighborhood,Category\nAda,Soup {by.pk},{area},food\n"
        run = import_upload(by=by, file_name="form.csv", data=sheet.encode(), kind="needs")
        run = import_map(run=run, by=by, columns=run.columns, values={})
        import_apply(run_id=import_confirm(run=run, by=by).pk)
    NameAlias.objects.create(words="the flats", area=area)
    # How a neighbor chose to be told.
    NoticeSettings.objects.create(recipient=stranger)
    # An email address waiting to be confirmed.
    EmailConfirmation.create(EmailAddress.objects.filter(user=stranger).get())


def plant_markers() -> dict[str, tuple]:
    """A unique marker in every private field of every row: marker -> (model, field, pk)."""
    planted = {}
    for model in privacy.swept_models():
        declared = privacy.privacy_of(model)
        if not declared or not declared.private:
            continue
        for pk in model._default_manager.values_list("pk", flat=True):
            for name in declared.private:
                marker = f"zq{len(planted):05d}q"
                value = marker
                if model._meta.get_field(name).get_internal_type() == "CharField" and (
                    name == "email"
                ):
                    value = f"{marker}@example.org"
                try:
                    with transaction.atomic():
                        model._base_manager.filter(pk=pk).update(**{name: value})
                except IntegrityError:
                    continue  # a constraint keeps this field empty on this row (a give-away)
                planted[marker.lower()] = (model, name, pk)
    return planted


# --- The URLs ----------------------------------------------------------------------------


def page_names():
    return [name for name in CHECKED if "GET" in rule_for(name).methods]


def admin_models():
    return sorted(model._meta.label_lower for model in admin.site._registry)


def admin_urls(label: str) -> list[str]:
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    app, name = label.split(".")
    urls = [reverse(f"admin:{app}_{name}_changelist")]
    with contextlib.suppress(NoReverseMatch):
        urls.append(reverse(f"admin:{app}_{name}_add"))
    for pk in model._default_manager.values_list("pk", flat=True)[:3]:
        urls.append(reverse(f"admin:{app}_{name}_change", args=[pk]))
        urls.append(reverse(f"admin:{app}_{name}_history", args=[pk]))
    return urls


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def sweep(urls, people, owner, planted) -> list[str]:
    """Request each URL as each visitor, page and fragment; what leaked, in plain words."""
    leaks = []
    planted_sizes.append((len(planted), len({(m, f) for m, f, _pk in planted.values()})))
    allowed_cache: dict = {}
    for visitor in VISITORS:
        user = owner if visitor == OWNER and owner is not None else people[visitor]
        client = Client()
        if user is not None:
            user.refresh_from_db()  # the planted password: the session must match it
            client.force_login(user)
        reader = user or AnonymousUser()
        for url in urls:
            for headers in ({}, {"HX-Request": "true"}):
                response = client.get(url, headers=headers)
                swept[(visitor, url)] += 1
                for found in set(MARKER.findall(body_of(response))):
                    model, field, pk = planted.get(f"zq{found}q", (None, None, None))
                    if model is None:
                        continue
                    key = (model, field, reader.pk)
                    if key not in allowed_cache:
                        allowed_cache[key] = set(
                            privacy.readable(model, field, reader).values_list("pk", flat=True)
                        )
                    if pk not in allowed_cache[key]:
                        leaks.append(
                            f"GET {url} {'(htmx) ' if headers else ''}as {visitor}: "
                            f"{model._meta.label}.{field} of #{pk}"
                        )
    return leaks


@pytest.mark.parametrize("name", page_names())
def test_no_page_shows_a_private_word_to_someone_who_may_not_read_it(name, people):
    rule = rule_for(name)
    kwargs, owner = rule.setup(people)
    kwargs.pop("__post__", None)
    build_neighborhood(people)
    planted = plant_markers()
    url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
    urls = [url] + [f"{url}?{query}" for query in EXTRA_QUERIES.get(name, [])]
    leaks = sweep(urls, people, owner, planted)
    assert not leaks, "\n".join(sorted(set(leaks)))


@pytest.mark.parametrize("label", admin_models())
def test_no_admin_page_shows_a_private_word_to_someone_who_may_not_read_it(label, people):
    build_neighborhood(people)
    planted = plant_markers()
    leaks = sweep(admin_urls(label), people, None, planted)
    assert not leaks, "\n".join(sorted(set(leaks)))


def test_the_neighborhood_plants_a_marker_in_every_private_field(people):
    build_neighborhood(people)
    planted = plant_markers()
    covered = {(model, field) for model, field, _pk in planted.values()}
    missing = [
        f"{model._meta.label}.{name}"
        for model in privacy.swept_models()
        for name in (privacy.privacy_of(model).private if privacy.privacy_of(model) else ())
        if (model, name) not in covered
    ]
    assert not missing, f"Give build_neighborhood a row with these fields: {missing}"


@pytest.fixture(scope="module", autouse=True)
def _say_how_much_was_swept(request):
    yield
    if swept:
        visitors = {visitor for visitor, _url in swept}
        urls = {url for _visitor, url in swept}
        markers = min(size for size, _fields in planted_sizes)
        fields = max(fields for _size, fields in planted_sizes)
        figure = (
            f"\nprivacy sweep: at least {markers} markers in {fields} private fields"
            f" × {len(urls)} URLs × {len(visitors)} kinds of visitor"
            f" ({sum(swept.values())} responses, each page also as an htmx fragment)\n"
        )
        # Shown even when output is captured (`make test` runs quietly): it is the figure.
        capture = request.config.pluginmanager.getplugin("capturemanager")
        with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
            sys.stderr.write(figure)
