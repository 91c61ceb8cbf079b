"""Failed-login limits hold across gunicorn worker processes, not just within one.

gunicorn runs with two workers that are each replaced after every request
(`--max-requests 1`), so no two requests ever share a process's memory: only a cache that
every process shares (the database cache table here, Redis with REDIS_URL) can count them.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from mutualaid.tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def logged_lines(log: Path, needle: str, expected: int, seconds: float = 10) -> list[str]:
    """The access log's lines holding `needle`, once `expected` are there (or time is up).

    A worker writes its log line after the response has gone out, so the last one can lag.
    """
    deadline = time.monotonic() + seconds
    while True:
        lines = [line for line in log.read_text().splitlines() if needle in line]
        if len(lines) >= expected or time.monotonic() > deadline:
            return lines
        time.sleep(0.05)


def wait_until_serving(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited: {process.stderr.read().decode()[-2000:]}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError("gunicorn did not start")


class Browserish:
    """Just enough of a browser: cookies, CSRF token from the form, form posts."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(self.base + path, timeout=10) as response:
            return response.read().decode()

    def post_form(self, path: str, fields: dict) -> tuple[int, str, str]:
        html = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.url, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.url, error.read().decode()


@pytest.fixture
def gunicorn(transactional_db):
    port = free_port()
    settings = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "mutualaid.settings",
        "DATABASE_URL": (
            f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
        ),
        "DEBUG": "true",
        "REDIS_URL": "",
    }
    log = ROOT / "test-results" / "gunicorn-access.log"
    log.parent.mkdir(exist_ok=True)
    log.unlink(missing_ok=True)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "gunicorn", "mutualaid.wsgi",
            "--bind", f"127.0.0.1:{port}",
            "--workers", "2", "--max-requests", "1",
            "--access-logfile", str(log), "--access-logformat", "%(p)s %(r)s %(s)s",
        ],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base + "/", process)
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=15)


def test_failed_logins_are_counted_across_worker_processes(gunicorn):
    base, log = gunicorn
    user = UserFactory(email="target@example.org")
    visitor = Browserish(base)
    for _ in range(5):
        status, _url, html = visitor.post_form(
            "/accounts/login/", {"login": user.email, "password": "not the password"}
        )
        assert status == 200
        assert "Too many failed login attempts" not in html

    status, url, html = visitor.post_form(
        "/accounts/login/", {"login": user.email, "password": PASSWORD}
    )
    assert "Too many failed login attempts" in html
    assert url.endswith("/accounts/login/")  # still on the login page, not let in

    pids = {line.split()[0] for line in logged_lines(log, "POST /accounts/login/", 6)}
    assert len(pids) == 6, "every attempt should have been served by a fresh worker process"
