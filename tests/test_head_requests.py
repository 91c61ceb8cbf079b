"""HEAD is answered wherever GET is, with the same status and no body: uptime monitors and
link checkers ask with HEAD.

Walks the same URL patterns and rules as the authorization matrix, as every kind of visitor,
so a new page is covered the day it ships.
"""

import pytest
from django.test import Client
from django.urls import reverse

from .authz.rules import OWNER, VISITORS
from .test_authorization_matrix import CHECKED, rule_for


@pytest.mark.parametrize("name", CHECKED)
def test_head_answers_like_get_for_every_visitor(name, people):
    rule = rule_for(name)
    problems = []
    for visitor in VISITORS:
        kwargs, owner = rule.setup(people)
        kwargs.pop("__post__", None)
        user = owner if visitor == OWNER and owner is not None else people[visitor]
        client = Client()
        if user is not None:
            client.force_login(user)
        url = reverse(name, kwargs=kwargs) if kwargs else reverse(name)
        got = client.get(url)
        head = client.head(url)
        if got.status_code == 405:
            continue  # a page that doesn't answer GET needn't answer HEAD
        if head.status_code != got.status_code:
            problems.append(f"HEAD {url} as {visitor}: {head.status_code}, GET {got.status_code}")
        elif head.content:
            problems.append(f"HEAD {url} as {visitor}: sent a body")
    assert not problems, "\n".join(problems)


def test_a_monitor_checking_the_store_page_with_head_is_told_it_is_up(client, db):
    response = client.head(reverse("freestore:index"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert response.content == b""
