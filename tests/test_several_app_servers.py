"""Several stateless app servers behind a load balancer, sharing PostgreSQL and Redis.

Two gunicorn instances on two ports, against the same database and the same (private)
Redis: whichever answers, a neighbor stays signed in, the rate limits and the double-submit
guard count once, the lists' shared cache refreshes on a change made through the other, and
the header's unread count is the same.
"""

import http.cookiejar
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack
from pathlib import Path

import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from mutualaid.models import Category
from mutualaid.tests.factories import PASSWORD, AreaFactory, UserFactory
from needs.models import Need
from needs.tests.factories import NeedFactory
from tests.test_login_limits_across_workers import free_port, wait_until_serving

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server")


class Neighbor:
    """Cookies kept across both servers, as a browser behind one address would."""

    def __init__(self, servers: list[str]):
        self.servers = servers
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def open(self, server: int, path: str, data: dict | None = None, headers=None):
        url = self.servers[server] + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            url, data=body, headers={"Referer": url, **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()

    def post(self, server: int, form_page: str, action: str, fields: dict):
        """Read the form's CSRF token from `form_page`, then send `fields` to `action`."""
        _status, _url, html = self.open(server, form_page)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.open(server, action, {"csrfmiddlewaretoken": token, **fields})

    def log_in(self, server: int, email: str):
        status, url, _html = self.post(
            server, "/accounts/login/", "/accounts/login/", {"login": email, "password": PASSWORD}
        )
        assert status == 200 and not url.endswith("/accounts/login/"), url


@pytest.fixture
def two_servers(transactional_db):
    db = connection.settings_dict
    redis_port = free_port()
    with ExitStack() as stack:
        cache_server = subprocess.Popen(
            ["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        stack.callback(cache_server.wait, timeout=10)
        stack.callback(cache_server.terminate)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "mutualaid.settings",
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "DEBUG": "true",
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "TRANSLATE_POSTS": "false",
            "LOG_LEVEL": "WARNING",
        }
        servers = []
        for _ in range(2):
            port = free_port()
            process = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "mutualaid.wsgi", "--bind",
                 f"127.0.0.1:{port}", "--workers", "1"],
                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )  # fmt: skip
            stack.callback(process.wait, timeout=15)
            stack.callback(process.terminate)
            servers.append((f"http://127.0.0.1:{port}", process))
        for base, process in servers:
            wait_until_serving(base + "/healthz", process)
        yield [base for base, _process in servers], redis.Redis(port=redis_port)


def need_form(title: str, area, category) -> dict:
    return {
        "title": title,
        "details": "Any evening.",
        "urgency": "whenever",
        "category": category.pk,
        "area": area.pk,
        "visibility": "neighbors",
    }


def test_whichever_server_answers_the_hub_behaves_the_same(two_servers):
    servers, shared = two_servers
    area, category = AreaFactory(name="Riverside"), Category.objects.order_by("pk").first()
    lucia = UserFactory(email="lucia@example.org", display_name="Lucía", area=area)
    jun = UserFactory(email="jun@example.org", display_name="Jun", area=area)
    # The servers run the production password hashers, not the tests' fast one.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "several-servers")
    for person in (lucia, jun):
        person.password = hashed
        person.save(update_fields=["password"])
    soup = NeedFactory(owner=jun, title="Soup for a sick neighbor", area=area, category=category)

    # Both answer the load balancer's health check.
    for server in (0, 1):
        assert Neighbor(servers).open(server, "/healthz")[:1] == (200,)

    # Signed in on one, signed in on the other.
    her = Neighbor(servers)
    her.log_in(0, lucia.email)
    status, url, html = her.open(1, "/needs/mine/")
    assert status == 200 and url.endswith("/needs/mine/") and "My needs" in html

    # The lists' shared cache: read through one, the same through the other ...
    first = her.open(0, "/needs/")[2]
    assert "Soup for a sick neighbor" in first
    assert shared.keys("*shared:posts:*"), "the list's results are kept in the shared Redis"
    assert "Soup for a sick neighbor" in her.open(1, "/needs/")[2]

    # ... and the same form sent to both (a double tap the balancer split) is done once.
    form = need_form("Winter coat for my son", area, category)
    first_answer = her.post(0, "/needs/new/", "/needs/new/", form)
    second_answer = her.post(1, "/needs/new/", "/needs/new/", form)
    assert first_answer[0] == second_answer[0] == 200
    assert Need.objects.filter(owner=lucia, title="Winter coat for my son").count() == 1

    # A post made through one shows at once in the list the other serves from the cache.
    time.sleep(0.1)
    assert "Winter coat for my son" in her.open(0, "/needs/")[2]
    assert "Winter coat for my son" in her.open(1, "/needs/")[2]

    # The header's unread count: Jun is asked about his need through one server, and reads
    # the count through either.
    him = Neighbor(servers)
    him.log_in(1, jun.email)
    assert "count-badge" not in him.open(0, "/inbox/count/")[2]
    status, _url, _html = her.post(
        1, soup.get_absolute_url(), "/needs/ask/", {"need": soup.pk, "message": "I can bring it"}
    )
    assert status == 200
    for server in (0, 1):
        badge = re.search(r'class="count-badge">(\d+)', him.open(server, "/inbox/count/")[2])
        assert badge and badge.group(1) == "1"

    # The post rate limit (10 an hour) counts across both servers: she sent the coat twice.
    answers = []
    for n in range(9):
        form = need_form(f"Something else {n}", area, category)
        answers.append(her.post(n % 2, "/needs/new/", "/needs/new/", form)[0])
    assert answers == [200] * 8 + [429]
    assert Need.objects.filter(owner=lucia).count() == 9
