"""Load: simulated neighbors walking the hub's journeys against gunicorn with the production
settings, on loopback only. Prints requests per second, p50/p95/p99 and errors.

    DATABASE_URL=postgres://... .venv/bin/python bench/load.py [--neighbors 50] [--seconds 60]
        [--get /needs/?q=food --get /store/items/]   # more pages to browse, by URL

Each neighbor logs in once (timed separately), then loops over the journeys below
(weighted) until time is up.
To add a feature journey, append a Journey to JOURNEYS (GET pages, or a form to post).
Bench neighbors are bench-neighbor-N@example.org in the configured database.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mutualaid"
PASSWORD = "bench-share-the-ladder"  # noqa: S105 - bench neighbors only
SECRET = "bench-only-not-secret-" + "x" * 50


@dataclass
class Step:
    method: str
    path: str
    form: dict | None = None  # for POST: fields besides the CSRF token; "{name}" is unique
    # Paths and fields may also name the bench fixtures: {meeting}, {item}, {category},
    # {area}, and this neighbor's own {match}.
    expect: tuple = (200, 302)
    headers: dict = field(default_factory=dict)


@dataclass
class Journey:
    name: str
    weight: int
    steps: list[Step]


def browse(name, path, weight=2, **headers):
    return Journey(name, weight, [Step("GET", path, headers=headers)])


HTMX = {"HX-Request": "true"}


JOURNEYS = [
    browse("home", "/", 3),
    browse("needs list", "/needs/"),
    browse("offers list", "/offers/"),
    browse("free store", "/store/"),
    browse("meetings", "/meetings/"),
    browse("privacy", "/privacy/", 1),
    # Feature pages: add a line per page (or pass --get /path/ on the command line).
    browse("needs search", "/needs/?q=food"),
    browse("live match", "/needs/?q=winter+coat", 2, **HTMX),
    browse("offers search", "/offers/?q=ladder", 1, **HTMX),
    browse("store needed", "/store/needed/", 1),
    browse("lending shelf", "/store/shelf/", 1),
    browse("decisions", "/meetings/decisions/", 1),
    browse("my needs", "/needs/mine/", 1),
    Journey(
        "post a need",
        1,
        [
            Step("GET", "/needs/new/"),
            Step(
                "POST",
                "/needs/new/",
                {
                    "title": "{name} needs a winter coat",
                    "details": "Any evening.",
                    "urgency": "whenever",
                    "category": "{category}",
                    "area": "{area}",
                    "visibility": "neighbors",
                },
                # Past 10 posts an hour a neighbor gets the friendly limit page, by design.
                expect=(302, 429),
            ),
        ],
    ),
    Journey(
        "message",
        2,
        [
            Step("GET", "/needs/matches/{match}/"),
            Step("POST", "/needs/matches/{match}/", {"body": "{name}: Saturday works?"}),
        ],
    ),
    Journey(
        "store give-away",
        1,
        [
            Step("GET", "/store/basket/"),
            Step("POST", "/store/basket/add/", {"item": "{item}", "quantity": "1"}, (302,)),
            Step("GET", "/store/basket/"),
            Step("POST", "/store/basket/check-out/", {}, (302,)),
        ],
    ),
    Journey(
        "RSVP",
        1,
        [
            Step("GET", "/meetings/{meeting}/"),
            Step("POST", "/meetings/{meeting}/rsvp/", {"answer": "going"}, (302,)),
        ],
    ),
    Journey(
        "profile save",
        1,
        [
            Step("GET", "/profile/"),
            Step(
                "POST",
                "/profile/",
                {
                    "display_name": "{name}",
                    "languages": "en",
                    "language": "en",
                    "email_notifications": "on",
                },
                expect=(302,),
            ),
        ],
    ),
]


# --- The server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        SECURE_HSTS_SECONDS="0",
        # Every simulated neighbor comes from its own address, as in real life; without this
        # allauth's per-address login limit would treat 50 neighbors as one.
        TRUSTED_CLIENT_IP_HEADER="X-Bench-Client",
        LOG_LEVEL="WARNING",
    )
    env.update(extra or {})
    return env


@contextmanager
def redis_server():
    """A private, memory-only Redis for the shared cache, as in production; None without it."""
    binary = shutil.which("redis-server")
    if not binary:
        yield None
        return
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port}")


@contextmanager
def gunicorn(env: dict, workers: int = 3, threads: int = 8):
    """gunicorn + whitenoise with the production settings (like `make serve`), loopback only.

    Its error log (tracebacks of any 500) goes to bench-gunicorn.log in the system temp dir.
    """
    for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [PYTHON, "manage.py", *command, "--verbosity", "0"], cwd=ROOT, env=env, check=True
        )
    error_log = Path(tempfile.gettempdir()) / "bench-gunicorn.log"
    error_log.unlink(missing_ok=True)
    port = free_port()
    process = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "mutualaid.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--worker-class",
            "gthread",
            "--graceful-timeout",
            "5",
            "--error-logfile",
            str(error_log),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_port(port)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def create_neighbors(count: int) -> list[str]:
    """Bench neighbors with verified emails, created once in the configured database."""
    code = f"""
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")
django.setup()
from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from mutualaid.models import User
hashed = make_password({PASSWORD!r})
for n in range({count}):
    email = f"bench-neighbor-{{n}}@example.org"
    user, created = User.objects.get_or_create(
        email=email, defaults={{"display_name": f"Bench {{n}}", "password": hashed}})
    if created:
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
"""
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True)
    return [f"bench-neighbor-{n}@example.org" for n in range(count)]


FIXTURES: dict = {}

FIXTURES_CODE = """
import datetime, json, django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")
django.setup()
from django.contrib.auth.models import Group
from django.utils import timezone
from freestore import services as store
from freestore.models import Item, Store
from meetings.models import Meeting
from mutualaid.models import Area, Category, User
from needs.models import Match
from offers.models import Offer
people = list(User.objects.filter(email__startswith="bench-neighbor-").order_by("pk"))
volunteers = Group.objects.get(name="Store volunteer")
for person in people:
    person.groups.add(volunteers)
area = Area.objects.order_by("order").first() or Area.objects.create(name="Bench", slug="bench")
category = Category.objects.get(slug="clothing-household")
place = Store.objects.get_or_create(
    slug="bench-store", defaults={"name": "Bench store", "area": area, "place": "Hall"})[0]
item = store.item_find_or_create(
    store=place, name="Bench tins", condition="good", category=category)
if item.quantity < 100_000:
    store.stock_intake(lines=[(item, 1_000_000)], by=people[0])
start = timezone.now() + datetime.timedelta(days=7)
meeting = Meeting.objects.get_or_create(title="Bench meeting", defaults={
    "starts_at": start, "ends_at": start + datetime.timedelta(hours=2), "area": area,
    "place_name": "Hall", "status": Meeting.Status.PUBLISHED})[0]
matches = {}
for n, person in enumerate(people):
    other = people[(n + 1) % len(people)]
    offer = Offer.objects.get_or_create(owner=other, title=f"Bench offer from {other.pk}",
        defaults={"details": "Bench", "category": category, "area": area, "ongoing": True})[0]
    match = Match.objects.filter(requester=person, offer=offer).first() or Match.objects.create(
        requester=person, recipient=other, offer=offer, status=Match.Status.ACCEPTED)
    matches[person.email] = match.pk
print(json.dumps({"meeting": meeting.pk, "item": item.pk, "category": category.pk,
    "area": area.pk, "matches": matches}))
"""


def create_fixtures() -> dict:
    """A store item with plenty of stock, a published meeting, and an accepted match for each
    bench neighbor (with the next one), so the write journeys have something to act on."""
    out = subprocess.run(
        [PYTHON, "-c", FIXTURES_CODE], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


# --- A neighbor -----------------------------------------------------------------------------


@dataclass
class Record:
    journey: str
    method: str
    path: str
    status: int  # 0: no answer (connection refused, reset, timeout)
    started: float
    seconds: float
    ok: bool


@dataclass
class Neighbor:
    port: int
    index: int
    email: str
    records: list[Record] = field(default_factory=list)
    cookies: dict = field(default_factory=dict)
    acknowledged: list = field(default_factory=list)  # (time, value) of saved writes
    attempted: list = field(default_factory=list)  # (time, value) of every write sent
    # (time, journey, path, value) of each write the hub said it saved (not a 429), when
    # every write before it in the same walk was saved too: what must be in the database.
    saved: list = field(default_factory=list)
    writes: int = 0

    def request(
        self, journey: str, method: str, path: str, form=None, expect=(200, 302), extra=None
    ):
        body = None
        headers = {
            "X-Bench-Client": f"10.77.{self.index // 250}.{self.index % 250 + 1}",
            "User-Agent": "hub-bench",
            **(extra or {}),
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        status, text = 0, ""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            status = response.status
            text = response.read().decode(errors="replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key.strip()] = rest.split(";", 1)[0]
        except OSError:
            status = 0
        finally:
            connection.close()
        elapsed = time.monotonic() - started
        self.records.append(
            Record(journey, method, path, status, started, elapsed, status in expect)
        )
        return status, text

    def csrf_token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else self.cookies.get("csrftoken", "")

    def log_in(self) -> bool:
        for _attempt in range(5):
            status, html = self.request("login", "GET", "/accounts/login/")
            if status == 200:
                form = {"login": self.email, "password": PASSWORD}
                form["csrfmiddlewaretoken"] = self.csrf_token(html)
                status, _ = self.request("login", "POST", "/accounts/login/", form, expect=(302,))
                if status == 302:
                    return True
            time.sleep(1)
        return False

    def fill(self, text: str) -> str:
        for key, value in {
            **FIXTURES,
            "match": FIXTURES.get("matches", {}).get(self.email),
        }.items():
            if isinstance(value, (int, str)):
                text = text.replace("{" + key + "}", str(value))
        return text

    def walk(self, journey: Journey) -> None:
        html = ""
        all_saved = True
        for step in journey.steps:
            path = self.fill(step.path)
            if step.method == "GET":
                status, html = self.request(
                    journey.name, "GET", path, expect=step.expect, extra=step.headers
                )
                if status != 200:
                    return
            else:
                self.writes += 1
                value = f"Bench {self.index} w{self.writes}"
                form = {
                    k: self.fill(v.replace("{name}", value)) for k, v in (step.form or {}).items()
                }
                form["csrfmiddlewaretoken"] = self.csrf_token(html)
                self.attempted.append((time.monotonic(), value))
                status, _ = self.request(journey.name, "POST", path, form, step.expect)
                if status in step.expect:
                    self.acknowledged.append((time.monotonic(), value))
                all_saved = all_saved and status in step.expect and status != 429
                if all_saved:
                    self.saved.append((time.monotonic(), journey.name, step.path, value))

    def run(self, journeys: list[Journey], deadline: float, max_requests: int = 100_000):
        if "sessionid" not in self.cookies:
            return
        rng = random.Random(self.index)
        weights = [j.weight for j in journeys]
        while time.monotonic() < deadline and len(self.records) < max_requests:
            self.walk(rng.choices(journeys, weights)[0])
            # A person reads the page before the next click.
            time.sleep(rng.uniform(0.05, 0.3))


def log_in_all(port: int, emails: list[str]) -> list[Neighbor]:
    """Everyone logs in first (password hashing is deliberately slow), then the clock starts."""
    neighbors = [Neighbor(port, n, email) for n, email in enumerate(emails)]
    threads = [threading.Thread(target=n.log_in, daemon=True) for n in neighbors]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return neighbors


def run_load(neighbors: list[Neighbor], seconds: float, journeys: list[Journey]) -> None:
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=n.run, args=(journeys, deadline), daemon=True) for n in neighbors
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 120)


# --- Figures --------------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def summarize(records: list[Record], seconds: float, title: str) -> None:
    if not records:
        print(f"{title}: no requests")
        return
    times = [r.seconds * 1000 for r in records]
    errors = [r for r in records if not r.ok]
    print(f"\n{title}")
    print(f"  requests: {len(records)}   {len(records) / seconds:.1f} req/s over {seconds:.0f} s")
    print(
        f"  latency ms: p50 {percentile(times, 50):.0f}   p95 {percentile(times, 95):.0f}   "
        f"p99 {percentile(times, 99):.0f}   max {max(times):.0f}   "
        f"mean {statistics.fmean(times):.0f}"
    )
    print(f"  errors: {len(errors)}" + (f"  by status {dict(Counter(r.status for r in errors))}"))
    by_journey = defaultdict(list)
    for record in records:
        by_journey[record.journey].append(record)
    print(f"  {'journey':<16}{'requests':>9}{'p50':>7}{'p95':>7}{'p99':>7}{'errors':>8}")
    for name, rows in sorted(by_journey.items()):
        ms = [r.seconds * 1000 for r in rows]
        print(
            f"  {name:<16}{len(rows):>9}{percentile(ms, 50):>7.0f}{percentile(ms, 95):>7.0f}"
            f"{percentile(ms, 99):>7.0f}{sum(not r.ok for r in rows):>8}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--neighbors", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--get", action="append", default=[], help="another page to browse")
    args = parser.parse_args()
    journeys = JOURNEYS + [browse(path, path) for path in args.get]

    emails = create_neighbors(args.neighbors)
    FIXTURES.update(create_fixtures())
    with redis_server() as redis_url:
        env = production_env({"REDIS_URL": redis_url} if redis_url else {})
        with gunicorn(env) as port:
            print(
                f"{args.neighbors} neighbors for {args.seconds:.0f} s against gunicorn "
                f"(production settings, {'Redis' if redis_url else 'database'} cache) "
                f"on 127.0.0.1:{port}, {os.cpu_count()} CPUs shared with the load generator"
            )
            login_started = time.monotonic()
            neighbors = log_in_all(port, emails)
            login_seconds = time.monotonic() - login_started
            started = time.monotonic()
            run_load(neighbors, args.seconds, journeys)
            elapsed = time.monotonic() - started
    logins = [r for n in neighbors for r in n.records if r.started < started]
    records = [r for n in neighbors for r in n.records if r.started >= started]
    logged_in = sum("sessionid" in n.cookies for n in neighbors)
    print(f"neighbors logged in: {logged_in}/{len(neighbors)}")
    summarize(logins, login_seconds, "Logging in (before the clock starts)")
    summarize(records, elapsed, "All journeys")
    return 0 if all(r.ok for r in records) else 1


if __name__ == "__main__":
    sys.exit(main())
