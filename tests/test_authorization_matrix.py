"""Every URL the project defines, every method, every kind of visitor: the expected outcome.

A URL that no rule classifies fails the test, so a new view cannot ship unprotected by
accident. Rules live in tests/authz/<app>.py.
"""

import importlib

import pytest
from django.contrib import admin, messages
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mutualaid.tests.factories import UserFactory

from .authz import admin as admin_rules
from .authz import core
from .authz.rules import ANONYMOUS, ANY, DENIED, LOGIN, NEIGHBOR, OK, OWNER, VISITORS

APP_RULE_MODULES = ["inbox", "needs", "offers", "freestore", "meetings", "imports", "moderation"]


def app_rules() -> dict:
    rules = dict(core.RULES)
    for name in APP_RULE_MODULES:
        rules.update(importlib.import_module(f"tests.authz.{name}").RULES)
    return rules


def url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def rule_for(name: str):
    rules = app_rules()
    if name in rules:
        return rules[name]
    if name.startswith(core.ALLAUTH_PREFIX):
        return core.allauth_rule(name)
    return None


ALL_NAMES = sorted(set(url_names()))
ADMIN_NAMES = [name for name in ALL_NAMES if name.startswith("admin:") and name not in app_rules()]


def test_every_admin_url_is_behind_the_admin_sites_staff_check():
    """Admin views are all wrapped by AdminSite.admin_view, which sends non-staff to log in.

    The admin's login page is public by design.
    """
    unguarded = []
    for pattern in iter_patterns(admin.site.get_urls()):
        if pattern.name in (None, "login"):
            continue
        func = pattern.callback
        if not (getattr(func, "admin_site", None) or getattr(func, "model_admin", None)):
            unguarded.append(pattern.name)
    # UserAdmin wraps its password view in admin_site.admin_view itself; checked by visit below.
    assert unguarded == ["auth_user_password_change"]


def test_admin_password_change_sends_non_staff_to_log_in(people):
    url = reverse("admin:auth_user_password_change", args=[people[OWNER].pk])
    for visitor in VISITORS:
        client = Client()
        if people[visitor] is not None:
            client.force_login(people[visitor])
        # organizers may see display names but never set a password: refused, never served
        expected = DENIED if visitor == "organizer" else LOGIN
        got = outcome_of(client.get(url))
        assert got == expected, (visitor, got)


def iter_patterns(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from iter_patterns(pattern.url_patterns)
        else:
            yield pattern


def test_every_url_is_classified():
    unclassified = [
        name for name in ALL_NAMES if rule_for(name) is None and name not in ADMIN_NAMES
    ]
    assert not unclassified, f"Give these URLs a rule in tests/authz/: {unclassified}"


def outcome_of(response) -> str:
    status = response.status_code
    location = response.headers.get("Location", "")
    refused = any(m.level >= messages.ERROR for m in messages.get_messages(response.wsgi_request))
    if status in (301, 302, 303) and refused:
        return DENIED  # sent back with a plain "you can't do that" message
    if status in (301, 302, 303) and (
        "/accounts/login/" in location or "/admin/login/" in location
    ):
        return LOGIN
    if status in (403, 404):
        return DENIED
    if status == 405:
        return "405"
    if status >= 500:
        return f"error {status}"
    if status >= 400:
        return OK if status in (400, 409, 429) else f"status {status}"
    return OK


CHECKED = [name for name in ALL_NAMES if rule_for(name) is not None]


@pytest.mark.parametrize("name", CHECKED)
def test_url_answers_each_visitor_as_expected(name, people):
    rule = rule_for(name)
    problems = []
    for method in ("GET", "HEAD", "POST"):
        # HEAD follows GET: wherever a page is served, a monitor may ask for its headers.
        expected_by_visitor = rule.methods.get(method) or (
            rule.methods.get("GET") if method == "HEAD" else None
        )
        for visitor in VISITORS:
            kwargs, owner = rule.setup(people)
            body = kwargs.pop("__post__", {})
            expected = expected_by_visitor[visitor] if expected_by_visitor else "405"
            if expected == ANY and expected_by_visitor is not None:
                expected = None
            user = owner if visitor == OWNER else people[visitor]
            if visitor == OWNER and owner is None:
                user = people[OWNER]
            client = Client()
            if user is not None:
                client.force_login(user)
            url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
            if method == "POST":
                response = client.post(url, body)
            else:
                response = client.get(url) if method == "GET" else client.head(url)
            got = outcome_of(response)
            if got.startswith("error"):
                problems.append(f"{method} {url} as {visitor}: server error {response.status_code}")
            elif visitor == ANONYMOUS and expected == "405" and got == LOGIN:
                pass  # asked to log in before the method is even looked at: just as safe
            elif expected is not None and got != expected:
                problems.append(f"{method} {url} as {visitor}: expected {expected}, got {got}")
    assert not problems, "\n".join(problems)


# The admin ------------------------------------------------------------------------------


def test_every_model_in_the_admin_is_classified():
    registered = {model._meta.label_lower for model in admin.site._registry}
    unclassified = sorted(registered - set(admin_rules.MODELS))
    assert not unclassified, f"Say who reaches these in tests/authz/admin.py: {unclassified}"
    gone = sorted(set(admin_rules.MODELS) - registered)
    assert not gone, f"No longer in the admin, take them out of tests/authz/admin.py: {gone}"


@pytest.fixture
def admin_people(people):
    return {
        **people,
        admin_rules.SUPERUSER: UserFactory(
            display_name="Server keeper", is_staff=True, is_superuser=True
        ),
    }


def expected_admin_outcome(rule, visitor, page) -> str:
    if visitor in admin_rules.NOT_STAFF:
        return LOGIN
    allowed = rule.superuser if visitor == admin_rules.SUPERUSER else rule.organizer
    return OK if page in allowed else DENIED


@pytest.mark.parametrize("label", sorted(admin_rules.MODELS))
def test_admin_pages_answer_each_visitor_as_expected(label, admin_people):
    rule = admin_rules.MODELS[label]
    model = next(m for m in admin.site._registry if m._meta.label_lower == label)
    info = (model._meta.app_label, model._meta.model_name)
    obj = rule.make(admin_people)
    urls = {
        "changelist": reverse("admin:{}_{}_changelist".format(*info)),
        "add": reverse("admin:{}_{}_add".format(*info)),
        "change": reverse("admin:{}_{}_change".format(*info), args=[obj.pk]),
    }
    problems = []
    for visitor in admin_rules.ADMIN_VISITORS:
        client = Client()
        if admin_people[visitor] is not None:
            client.force_login(admin_people[visitor])
        for page, url in urls.items():
            response = client.get(url)
            got = outcome_of(response)
            expected = expected_admin_outcome(rule, visitor, page)
            if got == OK and response.status_code != 200:
                got = f"status {response.status_code}"  # e.g. "doesn't exist": sent away
            if got != expected:
                problems.append(f"GET {url} as {visitor}: expected {expected}, got {got}")
            elif got == OK and page == "change" and str(obj) not in response.content.decode():
                problems.append(f"GET {url} as {visitor}: the page does not show {obj}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("visitor", sorted(admin_rules.USER_FORM_FIELDS))
def test_the_neighbor_form_has_only_the_fields_each_visitor_may_change(visitor, admin_people):
    neighbor = admin_people[NEIGHBOR]
    client = Client()
    client.force_login(admin_people[visitor])
    response = client.get(reverse("admin:mutualaid_user_change", args=[neighbor.pk]))
    fields = set(response.context["adminform"].form.fields)
    wanted = admin_rules.USER_FORM_FIELDS[visitor]
    assert wanted["present"] <= fields, wanted["present"] - fields
    assert not fields & wanted.get("absent", set()), fields & wanted.get("absent", set())
    body = response.content.decode()
    assert (neighbor.email in body) == (visitor == admin_rules.SUPERUSER)
    password = client.get(reverse("admin:auth_user_password_change", args=[neighbor.pk]))
    assert outcome_of(password) == admin_rules.PASSWORD_FORM[visitor]


__all__ = ["ANONYMOUS", "DENIED", "LOGIN", "OK", "OWNER"]
