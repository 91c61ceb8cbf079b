"""Pages: how fast the hub's pages serve, as a share of a bare Django view behind the same
middleware under the same gunicorn, measured in the same rounds. Prints figures; asserts
nothing.

    .venv/bin/python bench/pages.py [--posts 100000] [--rounds 3] [--seconds 4]
        [--only lists|LABEL,LABEL…] [--keep]

It works in its own scratch database (`<your database>_pages`): migrated, the demo
neighborhood, N generated open posts (half needs, half offers, as `bench/matching.py` seeds
them), and one neighbor with 3,000 posts of their own (most of them closed) for Mine. Then
the production server (2 workers of 1 thread, Redis for the shared cache) with
`bench/bare/`'s two extra views for the run only: a bare view and a 20-row table inside
`base.html`. For each page it prints:

- req/s with `wrk -c4`, and its ratio to the bare view measured in the same round (each
  round measures the bare view before and after the pages; rounds interleave; medians);
- ms: the median of 15 requests one after another (what one neighbor waits);
- SQL: statements one warm request runs (Django's test client, in this process);
- bytes: the HTML as sent, and gzip-compressed as the proxy would send it.

`--keep` keeps the scratch database, so a second run with more posts only adds the
difference (e.g. 10,000 then `--posts 1000000 --only lists`). Needs Debian's `wrk`.
"""

import argparse
import gzip
import http.client
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import dj_database_url  # noqa: E402
import load  # noqa: E402  (bench/load.py: the server, the bench neighbors)
import psycopg  # noqa: E402

MINE_POSTS = 3000
MINE_OPEN_SHARE = 0.05


def scratch_database() -> tuple[str, dict]:
    url = os.environ.get("DATABASE_URL", load.DEFAULT_DATABASE_URL)
    db = dj_database_url.parse(url)
    name = f"{db['NAME']}_pages"
    return url.rsplit("/", 1)[0] + "/" + name, db | {"SCRATCH": name}


def prepare_database(db: dict, keep: bool) -> None:
    with psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [db["SCRATCH"]]
        ).fetchone()
        if exists and not keep:
            conn.execute(f'DROP DATABASE "{db["SCRATCH"]}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{db["SCRATCH"]}"')


def manage(*command: str) -> None:
    done = subprocess.run(
        [load.PYTHON, "manage.py", *command], cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        print(done.stderr, file=sys.stderr)
        done.check_returncode()


def seed_mine(email: str, rng: random.Random) -> None:
    """A neighbor who posted a lot: MINE_POSTS posts, one in twenty still open."""
    from django.utils import timezone
    from matching import make_text

    from mutualaid.models import Area, Category, User
    from needs.models import Need
    from offers.models import Offer

    person = User.objects.get(email=email)
    have = Need.objects.by(person).count() + Offer.objects.by(person).count()
    if have >= MINE_POSTS:
        return
    areas, categories = list(Area.objects.all()), list(Category.objects.all())
    now = timezone.now()
    needs, offers = [], []
    for index in range(have, MINE_POSTS):
        title, details = make_text(rng)
        created = now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 3))
        is_open = rng.random() < MINE_OPEN_SHARE
        common = {
            "owner": person,
            "title": title[:120],
            "details": details,
            "category": rng.choice(categories),
            "area": rng.choice(areas),
            "created_at": now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 20))
            if is_open
            else created,
        }
        if not is_open:
            common["expires_on"] = created.date() + timezone.timedelta(days=30)
        if index % 2:
            needs.append(Need(status="open" if is_open else "met", **common))
        else:
            offers.append(Offer(status="open" if is_open else "withdrawn", **common))
    Need.objects.bulk_create(needs, batch_size=1000)
    Offer.objects.bulk_create(offers, batch_size=1000)


def pages(fixtures: dict) -> list[tuple[str, str, bool]]:
    """(label, path, signed in) for each page measured, in the issue's order."""
    from meetings.models import Meeting
    from needs.models import Need

    need = Need.objects.open().order_by("-created_at").first()
    meeting = Meeting.objects.filter(status=Meeting.Status.PUBLISHED).order_by("pk").first()
    return [
        ("/needs/", "/needs/", False),
        ("/needs/?q=warm", "/needs/?q=warm", False),
        ("/needs/?page=400", "/needs/?page=400", False),
        ("/offers/", "/offers/", False),
        ("home (anonymous)", "/", False),
        ("home (signed in)", "/", True),
        ("store", "/store/", False),
        ("meeting detail", f"/meetings/{meeting.pk}/", False),
        ("need form", "/needs/new/", True),
        ("need detail", f"/needs/{need.pk}/", False),
        ("meetings", "/meetings/", False),
        ("decision log", "/meetings/decisions/", False),
        (f"/needs/mine/ ({MINE_POSTS:,} posts)", "/needs/mine/", True),
        ("20-row table in base.html", "/bench/table/", False),
    ]


LISTS = {"/needs/", "/needs/?q=warm", "/needs/?page=400", "/offers/"}


def statements_and_bytes(path: str, signed_in, client) -> tuple[int, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # warm: the caches a server keeps between requests
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    body = response.content
    return len(captured), len(body), len(gzip.compress(body, 6))


def wrk(port: int, path: str, cookie: str, seconds: float) -> tuple[float, int]:
    command = [shutil.which("wrk"), "-t2", "-c4", f"-d{seconds:.0f}s"]
    command += ["-H", "X-Bench-Client: 10.0.0.1"]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    done = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True, check=True
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", done.stdout)
    return rate, int(bad.group(1)) if bad else 0


def one_by_one(port: int, path: str, cookie: str, count: int = 15) -> float:
    headers = {"X-Bench-Client": "10.0.0.2", **({"Cookie": cookie} if cookie else {})}
    times = []
    for _ in range(count + 2):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        started = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append((time.perf_counter() - started) * 1000)
        conn.close()
        assert response.status == 200, (path, response.status)
    return statistics.median(times[2:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument(
        "--only",
        default="all",
        help='"all", "lists", or page labels separated by commas (e.g. "store,meetings")',
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("This bench needs wrk (apt-get install wrk).")
        return 1

    load_before = " ".join(f"{figure:.2f}" for figure in os.getloadavg())
    url, db = scratch_database()
    prepare_database(db, args.keep)
    os.environ.update(load.production_env({"DATABASE_URL": url}))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
    paths = [str(ROOT), os.environ.get("PYTHONPATH")]
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, paths))
    started = time.perf_counter()
    manage("migrate", "--no-input", "--verbosity", "0")
    manage("collectstatic", "--no-input", "--verbosity", "0")
    manage("seed_demo")
    [email, _other] = load.create_neighbors(2)
    fixtures = load.create_fixtures()

    with load.redis_server() as redis_url:
        if redis_url:
            os.environ["REDIS_URL"] = redis_url
        import django

        django.setup()
        from django.db import connection
        from django.test import Client
        from matching import seed

        seed(args.posts, random.Random(42))
        seed_mine(email, random.Random(7))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        from needs.models import Need
        from offers.models import Offer

        total = Need.objects.count() + Offer.objects.count()
        print(
            f"scratch database {db['SCRATCH']}: {total:,} posts, ready in "
            f"{time.perf_counter() - started:.0f} s"
        )

        measured = pages(fixtures)
        if args.only == "lists":
            measured = [page for page in measured if page[0] in LISTS]
        elif args.only != "all":
            wanted = {label.strip() for label in args.only.split(",")}
            measured = [page for page in measured if page[0] in wanted]
            if not measured:
                print(f"No page is labelled {args.only!r}; the labels are those printed.")
                return 1
        from mutualaid.models import User

        anonymous = Client(HTTP_HOST="127.0.0.1")
        signed_in = Client(HTTP_HOST="127.0.0.1")
        signed_in.force_login(User.objects.get(email=email))
        static = {}
        for label, path, needs_login in measured:
            static[label] = statements_and_bytes(
                path, needs_login, signed_in if needs_login else anonymous
            )
        connection.close()

        env = dict(os.environ)
        with load.gunicorn(env, workers=2, threads=1) as port:
            [neighbor] = load.log_in_all(port, [email])
            cookie = "; ".join(f"{k}={v}" for k, v in neighbor.cookies.items())
            latency = {
                label: one_by_one(port, path, cookie if needs_login else "")
                for label, path, needs_login in measured
            }
            ratios = {label: [] for label, _path, _login in measured}
            rates = {label: [] for label, _path, _login in measured}
            bare_rates, errors = [], 0
            for _round in range(args.rounds):
                before, bad = wrk(port, "/bench/bare/", "", args.seconds)
                errors += bad
                round_rates = {}
                for label, path, needs_login in measured:
                    rate, bad = wrk(port, path, cookie if needs_login else "", args.seconds)
                    errors += bad
                    round_rates[label] = rate
                after, bad = wrk(port, "/bench/bare/", "", args.seconds)
                errors += bad
                bare = (before + after) / 2
                bare_rates.append(bare)
                for label, rate in round_rates.items():
                    rates[label].append(rate)
                    ratios[label].append(rate / bare)

    load_after = " ".join(f"{figure:.2f}" for figure in os.getloadavg())
    print(f"machine load average (1, 5, 15 min): before {load_before}, after {load_after}")
    print(
        f"gunicorn, 2 workers of 1 thread, production settings, wrk -c4 {args.seconds:.0f} s,"
        f" {args.rounds} rounds; {total:,} posts; {os.cpu_count()} CPUs shared with wrk"
    )
    print(f"bare view (same middleware): {statistics.median(bare_rates):.0f} req/s (median)")
    print(f"  {'page':32}{'req/s':>8}{'ratio':>8}{'ms':>7}{'SQL':>5}{'bytes':>9}{'gzip':>8}")
    for label, _path, _login in measured:
        sql, raw, packed = static[label]
        print(
            f"  {label:32}{statistics.median(rates[label]):8.0f}"
            f"{statistics.median(ratios[label]):8.1%}{latency[label]:7.1f}{sql:5}"
            f"{raw:9,}{packed:8,}"
        )
    print(f"non-2xx/3xx answers during the run: {errors}")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
