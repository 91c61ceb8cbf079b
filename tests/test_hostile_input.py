"""Hostile and random input on every form and every filter: never a 500, nothing saved from
an invalid submission, every echo of what was typed escaped.

The forms are found by reading the pages themselves (every `<form>` on the page that a URL
serves, as the visitor the authorization matrix says may use it), so a new form is covered
the day it ships. Each field is replaced, dropped or doubled with values from hypothesis:
very long text, control characters and NUL bytes, unusual Unicode, HTML and script, negative
and huge numbers, impossible dates.
"""

from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .authz.rules import ANONYMOUS, NEIGHBOR, OK, OWNER, ROLE_OF
from .pageforms import forms_on
from .test_authorization_matrix import ALL_NAMES, rule_for

MARKERS = ["<script>hostile()</script>", '"><img src=x onerror=hostile()>']
PROJECT_APPS = ["mutualaid", "moderation", "needs", "offers", "freestore", "meetings", "imports"]
EXAMPLES = 30
TRIED = Counter()

nasty_text = st.one_of(
    st.sampled_from(MARKERS),
    st.text(min_size=0, max_size=60),  # any Unicode, control characters and NUL included
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20).map(
        lambda s: s * 600
    ),  # long
    st.sampled_from(
        [
            "\x00",
            "a\x00b",
            "\u202eevil",
            "\ufeff",
            "🙂" * 500,
            "x" * 100_000,
            "' OR 1=1 --",
            "%00",
            "../../etc/passwd",
            "{{ 7*7 }}",
            "\r\n\r\nX-Injected: 1",
            "   ",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["-1", "0", "1e308", "NaN", "Infinity", "9" * 40, "1.5", "-0", "٣"]),
    st.sampled_from(
        ["2025-02-30", "0000-00-00", "9999-12-31T25:61", "2024-13-01", "yesterday", "1-1-1"]
    ),
)


def row_count() -> int:
    tables = [
        model._meta.db_table
        for label in PROJECT_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.proxy and model._meta.managed
    ]
    sql = " + ".join(f'(SELECT count(*) FROM "{table}")' for table in tables)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}")
        return cursor.fetchone()[0]


def assert_escaped(body: str, where: str):
    for marker in MARKERS:
        assert marker not in body, f"unescaped echo of {marker!r} on {where}"


def visitor_for(rule, method: str) -> str | None:
    outcomes = rule.methods.get(method) or {}
    preference = [OWNER, *ROLE_OF, NEIGHBOR, ANONYMOUS]
    return next((kind for kind in preference if outcomes.get(kind) == OK), None)


def same_view(url: str, action: str) -> bool:
    try:
        return action == "" or resolve(urlsplit(action).path).url_name is not None
    except Resolver404:
        return False


TARGETS = [
    name
    for name in ALL_NAMES
    if not name.startswith(("admin:", "account_", "set_language"))
    and rule_for(name) is not None
    and (visitor_for(rule_for(name), "GET") or visitor_for(rule_for(name), "POST"))
]


@pytest.mark.parametrize("name", TARGETS)
def test_hostile_input_never_breaks_a_page(name, people):
    rule = rule_for(name)
    kwargs, owner = rule.setup(people)
    kwargs.pop("__post__", None)
    url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
    client = Client()

    def log_in_as(kind):
        client.logout()
        user = owner if kind == OWNER and owner is not None else people.get(kind)
        if user is not None:
            client.force_login(user)

    # What to send: the page's own forms when it serves one, otherwise a made-up field.
    submissions = []  # (method, action url, baseline fields)
    get_visitor = visitor_for(rule, "GET")
    if get_visitor:
        log_in_as(get_visitor)
        page = client.get(url)
        assert page.status_code < 500
        for form in forms_on(page.content.decode()):
            action = form["action"] or url
            if not same_view(url, action) or not form["fields"]:
                continue
            if form["method"] == "get":
                submissions.append(("GET", action, form["fields"], get_visitor))
            elif visitor_for(rule, "POST") and urlsplit(action).path == url:
                submissions.append(("POST", action, form["fields"], visitor_for(rule, "POST")))
    if not submissions and visitor_for(rule, "POST"):
        submissions.append(("POST", url, {"note": [""]}, visitor_for(rule, "POST")))
    if not submissions:
        pytest.skip("no input to attack: a plain page")

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,  # the same inputs on every run, so CI is repeatable
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        choice=st.integers(min_value=0, max_value=len(submissions) - 1),
        field_index=st.integers(min_value=0, max_value=50),
        how=st.sampled_from(["replace", "replace", "replace", "drop", "double"]),
        value=nasty_text,
    )
    def attack(choice, field_index, how, value):
        method, action, baseline, kind = submissions[choice]
        log_in_as(kind)
        data = {key: list(values) for key, values in baseline.items()}
        if data:
            field = sorted(data)[field_index % len(data)]
            if how == "replace":
                data[field] = [value]
            elif how == "drop":
                del data[field]
            else:
                data[field] = [value, value]
        TRIED[name] += 1
        before = row_count()
        response = client.get(action, data) if method == "GET" else client.post(action, data)
        where = f"{method} {action} ({how} {field if data else '-'})"
        assert response.status_code < 500, f"server error on {where}"
        body = response.content.decode(errors="replace")
        assert_escaped(body, where)
        if method == "POST" and response.status_code == 200:
            assert row_count() == before, f"an invalid submission saved rows on {where}"
        if response.status_code in (301, 302, 303):
            followed = client.get(response["Location"])
            assert followed.status_code < 500, f"server error after {where}"
            assert_escaped(followed.content.decode(errors="replace"), f"redirect after {where}")

    attack()


def teardown_module(module):
    results = Path(__file__).resolve().parents[1] / "test-results"
    results.mkdir(exist_ok=True)
    lines = [f"{count:5d}  {name}" for name, count in sorted(TRIED.items())]
    total = sum(TRIED.values())
    (results / "hostile-input-summary.txt").write_text(
        "\n".join([*lines, f"{total:5d}  in all, over {len(TRIED)} URLs"]) + "\n"
    )
