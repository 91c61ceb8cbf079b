"""Benchmark new fits: with N open posts, time working out who to tell about one new post (the
background task `offers.tasks.find_fits`), count the notices the drafts would send, and time
the header's polled unread count. Prints figures; asserts nothing.

    .venv/bin/python bench/notices.py                  # 100,000 open posts, 200 new posts
    .venv/bin/python bench/notices.py --size 20000 --posts 100 --keep

It seeds with bench/matching.py's helpers in its own database (`test_<your database>_notices`).
"""

import argparse
import gc
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matching  # noqa: E402  (sets Django up, and holds the seeding helpers)
from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402


def measure(size: int, posts: int, rng: random.Random):
    from inbox.models import Notice
    from inbox.services import FITS_PER_DAY
    from mutualaid.models import Area, Category, User
    from needs.models import Need
    from offers.fits import fits_notify, post_fits
    from offers.models import Offer

    owners = list(User.objects.filter(email__endswith="@bench.example"))
    categories = list(Category.objects.all())
    areas = list(Area.objects.all())
    Notice.objects.all().delete()
    for _ in range(5):  # warm caches
        post_fits(
            Need(
                owner=owners[0],
                title=matching.make_text(rng)[0],
                category=categories[0],
                area=areas[0],
            )
        )

    ranking, whole, would, sent = [], [], [], []
    for index in range(posts):
        title, details = matching.make_text(rng)
        common = {
            "owner": rng.choice(owners),
            "title": title[:120],
            "details": details,
            "category": rng.choice(categories),
            "area": rng.choice(areas),
        }
        if index % 2:
            post = Need.objects.create(urgency="whenever", **common)
        else:
            post = Offer.objects.create(kind="things", **common)
        started = time.perf_counter()
        fits = post_fits(post)
        ranking.append((time.perf_counter() - started) * 1000)
        would.append(len(fits))
        started = time.perf_counter()
        sent.append(len(fits_notify(post)))
        whole.append((time.perf_counter() - started) * 1000)

    told = Notice.objects.values("recipient").distinct().count()
    print(f"\n== {size:,} open posts, {posts} new posts (half needs, half offers)")
    print(f"  ranking the other side for one new post:       {matching.percentiles(ranking)}")
    print(f"  the whole task (both languages, checks, rows): {matching.percentiles(whole)}")
    print(
        f"  notices the drafts would send: {sum(would)} ({statistics.mean(would):.2f} a post, "
        f"at most {max(would)}; {sum(1 for n in would if n) / posts:.0%} of posts send any)"
    )
    print(
        f"  sent after once-per-pair and {FITS_PER_DAY} a day: {sum(sent)}, to {told} neighbors "
        f"(of {len(owners)})"
    )

    client = Client(HTTP_HOST="127.0.0.1")
    busiest = Notice.objects.values_list("recipient", flat=True).first() or owners[0].pk
    client.force_login(User.objects.get(pk=busiest))
    polls = []
    for _ in range(300):
        started = time.perf_counter()
        response = client.get("/inbox/count/", headers={"HX-Request": "true"})
        polls.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    print(f"  the header's polled count, end to end:         {matching.percentiles(polls)}")

    # What the header's count adds to every page: the include, with its one COUNT, for the
    # neighbor told most (a fresh request each time, so nothing is remembered between).
    from django.template import Context, Template
    from django.test import RequestFactory

    header = Template('{% include "inbox/header_link.html" %}')
    reader = User.objects.get(pk=busiest)
    unread = Notice.objects.visible_to(reader).counted().count()
    adds = []
    for _ in range(300):
        request = RequestFactory().get("/needs/")
        request.user = reader
        started = time.perf_counter()
        header.render(Context({"request": request, "user": reader}))
        adds.append((time.perf_counter() - started) * 1000)
    print(
        f"  the header's count on a page ({unread} unread):     {matching.percentiles(adds)}"
        "  (goal ≤ 1 ms)"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()
    settings.DEBUG = False
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_notices"
    connection.creation.create_test_db(verbosity=0, keepdb=True)
    try:
        rng = random.Random(42)
        started = time.perf_counter()
        matching.seed(args.size, rng)
        print(f"seeded to {args.size:,} posts in {time.perf_counter() - started:.0f} s")
        gc.collect()
        measure(args.size, args.posts, random.Random(7))
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
