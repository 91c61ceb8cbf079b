"""Benchmark the live matching: seed N open posts, then time suggestions end to end and the
ranking alone, at each size, and print the query plans. Prints figures; asserts nothing.

    .venv/bin/python bench/matching.py                 # 10,000 then 100,000 posts
    .venv/bin/python bench/matching.py --sizes 20000 --queries 200 --keep

It works in its own database (`test_<your database>`, like the tests), so your data is safe.
The query mix includes drafts made only of very common words (each in about a quarter of all
posts): ranking every row that matches them is what makes naive full-text search slow.
"""

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

NOUNS = [
    "jacket",
    "coat",
    "boots",
    "shoes",
    "scarf",
    "gloves",
    "hat",
    "sweater",
    "blanket",
    "duvet",
    "pillow",
    "towel",
    "sheets",
    "stroller",
    "crib",
    "carseat",
    "highchair",
    "diapers",
    "formula",
    "bottle",
    "toys",
    "books",
    "puzzle",
    "bike",
    "helmet",
    "scooter",
    "drill",
    "ladder",
    "saw",
    "hammer",
    "wrench",
    "mower",
    "rake",
    "shovel",
    "hose",
    "tent",
    "cooler",
    "table",
    "chair",
    "desk",
    "lamp",
    "sofa",
    "bed",
    "mattress",
    "shelf",
    "dresser",
    "fridge",
    "microwave",
    "kettle",
    "toaster",
    "blender",
    "rice",
    "beans",
    "pasta",
    "flour",
    "sugar",
    "oil",
    "vegetables",
    "fruit",
    "bread",
    "soup",
    "eggs",
    "milk",
    "cheese",
    "tea",
    "coffee",
    "laptop",
    "phone",
    "charger",
    "tablet",
    "printer",
    "radio",
    "tv",
    "speaker",
    "guitar",
    "keyboard",
    "violin",
    "backpack",
    "suitcase",
    "umbrella",
    "raincoat",
    "pants",
    "jeans",
    "shirt",
    "dress",
    "uniform",
    "sneakers",
    "slippers",
    "medicine",
    "bandages",
    "crutches",
    "wheelchair",
    "walker",
    "glasses",
    "thermometer",
    "mask",
    "soap",
    "shampoo",
    "toothpaste",
    "razor",
    "detergent",
    "broom",
    "mop",
    "bucket",
    "vacuum",
    "iron",
    "fan",
    "heater",
    "curtains",
    "rug",
    "paint",
    "brushes",
    "nails",
    "screws",
    "tape",
    "glue",
    "rope",
    "chain",
    "lock",
    "box",
    "boxes",
    "bags",
    "basket",
]
ADJECTIVES = [
    "warm",
    "small",
    "large",
    "old",
    "new",
    "clean",
    "gently",
    "used",
    "spare",
    "extra",
    "sturdy",
    "light",
    "heavy",
    "blue",
    "red",
    "green",
    "black",
    "white",
    "wooden",
    "metal",
    "plastic",
    "folding",
    "electric",
    "manual",
    "cozy",
    "waterproof",
]
WHO = [
    "kids",
    "toddler",
    "baby",
    "teen",
    "adult",
    "family",
    "elder",
    "neighbor",
    "student",
    "worker",
]
ACTIONS = [
    "need",
    "looking for",
    "could use",
    "would love",
    "hoping to find",
    "can give",
    "sharing",
    "lending",
    "giving away",
]
TIMES = [
    "today",
    "tonight",
    "tomorrow",
    "weekend",
    "monday",
    "friday",
    "morning",
    "evening",
    "soon",
    "anytime",
]
DETAILS = [
    "Can pick up {time}. Happy to help back with {noun2} if you need it.",
    "Size {size}, {adj} and in good shape. Message me to arrange a time.",
    "For my {who}. We just moved and are starting over. Thank you, neighbors.",
    "Any {adj} {noun2} would help. I can meet at the library or the park.",
    "Lending for a week or two. Please bring it back clean. {time} works best.",
    "Our {who} outgrew it. Free to whoever can use it, first come first served.",
]
# Each in about a quarter of all posts: the words that make naive ranking slow.
COMMON = ["warm", "help"]

MIX_TYPICAL = 0.55
MIX_COMMON_ONLY = 0.25
MIX_TYPO = 0.20


def make_text(rng: random.Random) -> tuple[str, str]:
    noun = rng.choice(NOUNS)
    words = [rng.choice(ADJECTIVES), noun]
    if rng.random() < 0.5:
        words += ["for", rng.choice(["my", "a", "our"]), rng.choice(WHO)]
    if rng.random() < 0.25:
        words.insert(0, "warm")
    title = " ".join(words).capitalize()
    details = rng.choice(DETAILS).format(
        time=rng.choice(TIMES),
        noun2=rng.choice(NOUNS),
        size=rng.randint(2, 14),
        adj=rng.choice(ADJECTIVES),
        who=rng.choice(WHO),
    )
    if rng.random() < 0.25:
        details += " Any help is welcome."
    return title, details


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    index = rng.randrange(1, len(word) - 1)
    return word[:index] + word[index + 1 :]


def make_draft(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < MIX_COMMON_ONLY:
        return "common", " ".join(rng.sample(COMMON, rng.randint(1, 2)))
    if roll < MIX_COMMON_ONLY + MIX_TYPO:
        noun = rng.choice([noun for noun in NOUNS if len(noun) >= 5])
        return "typo", f"{rng.choice(ADJECTIVES)} {typo(noun, rng)}"
    title, details = make_text(rng)
    return "typical", f"{rng.choice(ACTIONS)} {title} {details[:60]}"


def seed(target: int, rng: random.Random):
    from mutualaid import demo
    from mutualaid.models import Category, User
    from needs.models import Need
    from offers.models import Offer

    areas = list(demo.seed_areas().values())
    categories = list(Category.objects.all())
    owners = list(User.objects.filter(email__endswith="@bench.example"))
    if not owners:
        User.objects.bulk_create(
            User(email=f"n{i}@bench.example", display_name=f"Neighbor {i}") for i in range(300)
        )
        owners = list(User.objects.filter(email__endswith="@bench.example"))
    have = Need.objects.count() + Offer.objects.count()
    now = timezone.now()
    batch = []
    for index in range(have, target):
        title, details = make_text(rng)
        common = {
            "owner": rng.choice(owners),
            "title": title[:120],
            "details": details,
            "category": rng.choice(categories),
            "area": rng.choice(areas),
            "created_at": now - timezone.timedelta(minutes=rng.randint(0, 60 * 24 * 28)),
        }
        if index % 2:
            batch.append(Need(urgency=rng.choice(["today", "week", "whenever"]), **common))
        else:
            batch.append(Offer(kind=rng.choice(["things", "time", "skill", "lend"]), **common))
        if len(batch) == 5000:
            _flush(batch)
            batch = []
    _flush(batch)
    # What autovacuum and the checkpointer would have done by the time anyone searches, so
    # the timings below are not also paying for writing out the seeding.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE needs_need")
        cursor.execute("VACUUM ANALYZE offers_offer")
        cursor.execute("CHECKPOINT")


def _flush(batch):
    from needs.models import Need
    from offers.models import Offer

    Need.objects.bulk_create([post for post in batch if isinstance(post, Need)])
    Offer.objects.bulk_create([post for post in batch if isinstance(post, Offer)])


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    return f"p50 {cuts[49]:6.1f} ms   p95 {cuts[94]:6.1f} ms   p99 {cuts[98]:6.1f} ms"


def measure(size: int, queries: int, rng: random.Random, show_plan: bool):
    from mutualaid.models import Area, Category, User
    from offers.suggest import suggest

    viewer = User.objects.filter(email__endswith="@bench.example").first()
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(viewer)
    categories = list(Category.objects.values_list("pk", flat=True))
    areas = list(Area.objects.values_list("pk", flat=True))
    drafts = [make_draft(rng) for _ in range(queries)]
    for _kind, text in drafts[:10]:  # warm caches
        suggest(other_side="offer", title=text, viewer=viewer)

    baseline = []
    for _ in range(min(queries, 100)):
        started = time.perf_counter()
        client.get("/needs/new/", {"title": ""}, headers={"HX-Request": "true"})
        baseline.append((time.perf_counter() - started) * 1000)

    end_to_end, ranking = {}, {}
    for kind, text in drafts:
        params = {"title": text, "category": rng.choice(categories), "area": rng.choice(areas)}
        started = time.perf_counter()
        response = client.get("/needs/new/", params, headers={"HX-Request": "true"})
        end_to_end.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code
        started = time.perf_counter()
        suggest(
            other_side="offer",
            title=text,
            category=params["category"],
            area=params["area"],
            viewer=viewer,
        )
        ranking.setdefault(kind, []).append((time.perf_counter() - started) * 1000)

    print(f"\n== {size:,} open posts ({size // 2:,} needs, {size // 2:,} offers), {queries} drafts")
    everything = [value for values in end_to_end.values() for value in values]
    print(f"  the same request with an empty draft (floor):  {percentiles(baseline)}")
    print(f"  live suggestions, end to end (request → HTML): {percentiles(everything)}")
    for kind, values in sorted(end_to_end.items()):
        print(f"      {kind:<8} ({len(values):>3}):                     {percentiles(values)}")
    everything = [value for values in ranking.values() for value in values]
    print(f"  ranking alone (its SQL and scoring):            {percentiles(everything)}")
    for kind, values in sorted(ranking.items()):
        print(f"      {kind:<8} ({len(values):>3}):                     {percentiles(values)}")
    if show_plan:
        print_plans(viewer)


def print_plans(viewer):
    """EXPLAIN ANALYZE of the statements one suggestion runs, for a common and a typical draft."""
    from django.test.utils import CaptureQueriesContext

    from offers.suggest import suggest

    for label, text in [
        ("common words only", "warm help"),
        ("typical", "need a sturdy wooden ladder for my teen, can pick up friday"),
    ]:
        suggest(other_side="offer", title=text, viewer=viewer)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            suggest(other_side="offer", title=text, viewer=viewer)
        print(f"\n  “{text}” ({label}): {len(captured)} statement(s)")
        for query in captured.captured_queries:
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY ON) " + query["sql"])
                plan = [row[0] for row in cursor.fetchall()]
            print("      " + "\n      ".join(plan))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()
    settings.DEBUG = False  # no query log growing during the run
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, keepdb=True)
    from mutualaid import ranking

    try:
        rng = random.Random(42)
        for size in [int(value) for value in args.sizes.split(",")]:
            started = time.perf_counter()
            seed(size, rng)
            print(f"\nseeded to {size:,} posts in {time.perf_counter() - started:.0f} s")
            gc.collect()  # a server process doesn't carry the seeding's garbage either
            # What ranking remembers of the posts (word statistics, near spellings) was read
            # at the size before: a server would have read it again by now.
            ranking.forget_cached()
            # The drafts depend only on the size, so a kept database measures the same ones.
            measure(size, args.queries, random.Random(size), show_plan=True)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
