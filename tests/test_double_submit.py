"""A double tap on a slow phone makes one record, on every create form.

Each create page is fetched as a neighbor allowed to use it, its form filled the way a
person would, and sent twice — one after the other, and at the same moment from two
threads. Exactly one record must come of it, and the second tap lands where the first did.
"""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from mutualaid.tests.factories import UserFactory

from .authz.rules import OWNER
from .pageforms import filled, forms_on
from .test_authorization_matrix import rule_for
from .test_hostile_input import row_count, visitor_for

# Where a create form lives when its URL only takes the POST: another page's form, or (None)
# the body the authorization rule posts.
FORM_ON = {"meetings:action_add": "meetings:minutes", "needs:ask": None}
# Decorated views that also serve edit pages: the create page covers them.
EDITS_OF = {
    "freestore:item_edit": "freestore:item_create",
    "freestore:thing_edit": "freestore:thing_create",
}
# Fields a generic answer can't fill, by URL name (none so far).
EXTRA_FIELDS: dict[str, dict] = {}


def decorated_url_names(patterns=None, namespace=""):
    """Every URL name whose view is wrapped in creates_once, found in the URLconf."""
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= decorated_url_names(pattern.url_patterns, inner)
        elif pattern.name and getattr(pattern.callback, "creates_once", False):
            names.add(namespace + pattern.name)
    return names


# The pages that create something: every view marked by creates_once, found by walking the
# URLconf, so a newly guarded view is sent twice here without anyone listing it.
CREATE_PAGES = sorted(decorated_url_names() - set(EDITS_OF))


def test_the_guarded_views_are_found_in_the_urlconf():
    """The walk finds the guarded views, and the notes about some of them name real ones."""
    decorated = decorated_url_names()
    assert {"needs:create", "meetings:action_add", "freestore:intake"} <= decorated
    assert set(EDITS_OF) <= decorated
    assert set(EDITS_OF.values()) <= set(CREATE_PAGES)
    assert set(FORM_ON) | set(EXTRA_FIELDS) <= set(CREATE_PAGES)


def create_form(client, url, page_url=None):
    page = client.get(page_url or url)
    assert page.status_code == 200
    return next(
        form
        for form in forms_on(page.content.decode())
        if form["method"] == "post" and form["action"] in ((url,) if page_url else ("", url))
    )


def setup_page_with_body(name, people_factory):
    rule = rule_for(name)
    kind = visitor_for(rule, "POST")
    people = people_factory()
    kwargs, owner = rule.setup(people)
    body = kwargs.pop("__post__", None)
    user = owner if kind == OWNER and owner else people[kind]
    url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
    return user, url, (body, kwargs)


def form_data(client, name, url, body):
    """What a person would send: the page's form filled in, or the rule's body."""
    if name in FORM_ON and FORM_ON[name] is None:
        return dict(body[0])
    page_url = None
    if FORM_ON.get(name):
        kwargs = body[1]
        page_url = reverse(FORM_ON[name], kwargs=kwargs) if kwargs else reverse(FORM_ON[name])
    return {**filled(create_form(client, url, page_url)), **EXTRA_FIELDS.get(name, {})}


def make_people():
    from mutualaid import roles

    return {
        "owner": UserFactory(),
        "neighbor": UserFactory(),
        "organizer": UserFactory(roles=[roles.ORGANIZER]),
        "store volunteer": UserFactory(roles=[roles.STORE_VOLUNTEER]),
        "moderator": UserFactory(roles=[roles.MODERATOR]),
        "intake volunteer": UserFactory(roles=[roles.INTAKE_VOLUNTEER]),
        "anonymous": None,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", CREATE_PAGES)
def test_sending_a_create_form_twice_makes_one_record(name):
    user, url, body = setup_page_with_body(name, make_people)
    client = Client()
    client.force_login(user)
    data = form_data(client, name, url, body)
    before = row_count()
    first = client.post(url, data)
    assert first.status_code == 302, f"the filled form was refused: {first.content[:3000]!r}"
    after_first = row_count()
    assert after_first > before
    second = client.post(url, data)
    assert second.status_code == 302
    assert second["Location"] == first["Location"]
    assert row_count() == after_first


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("name", CREATE_PAGES)
def test_two_taps_at_the_same_moment_make_one_record(name):
    user, url, body = setup_page_with_body(name, make_people)
    client = Client()
    client.force_login(user)
    data = form_data(client, name, url, body)
    before = row_count()
    barrier = threading.Barrier(2)
    statuses, replayed = [], []

    def tap():
        try:
            tapper = Client()
            tapper.force_login(user)
            barrier.wait()
            response = tapper.post(url, data)
            statuses.append(response.status_code)
            replayed.append(response.get("X-Double-Submit") == "replayed")
        finally:
            connection.close()

    threads = [threading.Thread(target=tap) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302, 302]
    # one tap did the work, the other waited for it and was sent to the same place
    assert sorted(replayed) == [False, True]
    assert row_count() > before


def test_a_corrected_resubmission_is_not_swallowed(client, db):
    """Only successful submissions are remembered: fixing a mistake and sending works."""
    user = UserFactory()
    client.force_login(user)
    url = reverse("needs:create")
    data = filled(create_form(client, url))
    broken = {**data, "title": [""]}
    assert client.post(url, broken).status_code == 200
    assert client.post(url, broken).status_code == 200
    before = row_count()
    assert client.post(url, data).status_code == 302
    assert row_count() > before


def test_a_refusal_that_redirects_is_not_remembered(client, db):
    """Asking about an offer that is gone redirects with an error; asking again once it is
    open again must really ask, not replay the refusal."""
    from offers.tests.factories import OfferFactory

    offer = OfferFactory(status="withdrawn")
    client.force_login(UserFactory())
    data = {"offer": offer.pk}
    refused = client.post(reverse("needs:ask"), data)
    assert refused.status_code == 302
    offer.status = "open"
    offer.save()
    asked = client.post(reverse("needs:ask"), data)
    assert asked.get("X-Double-Submit") is None
    assert offer.matches.count() == 1
