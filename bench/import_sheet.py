"""Benchmark a big import: a Google-Form-like sheet of N needs (10,000 by default), read,
previewed and imported the way the import page does it, in its own database. Prints the
time and peak memory of each step, for CSV and for XLSX; asserts nothing.

    .venv/bin/python bench/import_sheet.py [--rows 10000] [--keep]

Background tasks go to Django's dummy backend: the fits and translations each new post asks
for are queued, as a worker would find them, not run inside the measured import.
"""

import argparse
import csv
import io
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mutualaid.settings")
os.environ["TASKS_BACKEND"] = "django.tasks.backends.dummy.DummyBackend"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

HEADERS = [
    "Timestamp",
    "Email Address",
    "Your name",
    "What do you need?",
    "Tell us more",
    "Neighborhood",
    "Type of help",
    "Phone number",
    "How soon do you need it?",
]
NEEDS = [
    ("Winter coat for my son, size {n}", "Clothing"),
    ("Groceries for the week", "Food"),
    ("A ride to the clinic on {day}", "Rides"),
    ("Help moving a couch", "Other"),
    ("Tutoring in maths, grade {n}", "Learning"),
    ("Diapers size {n}", "Childcare"),
    ("Someone to fix a leaking tap", "Repairs"),
    ("Blankets for a new baby", "Household"),
]
DAYS = ["Monday", "Tuesday", "Thursday", "Saturday"]
AREAS = ["Eastside", "Riverside", "Old Town", "Hillcrest"]
NAMES = ["Maria Lopez", "Tom", "Dee", "Sam", "Ana", "Luis", "Jo", "Priya", "Rosa María"]
SOON = ["Today", "This week", "Whenever", "No rush"]


def make_rows(count: int, rng: random.Random) -> list[list[str]]:
    rows = []
    for index in range(count):
        title, category = rng.choice(NEEDS)
        phone = f"555 {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
        rows.append(
            [
                f"10/{1 + index // 3000}/2026 {index // 3600 % 24}:{index // 60 % 60:02}:"
                f"{index % 60:02}",
                f"neighbor{index}@example.org" if index % 3 else "",
                rng.choice(NAMES),
                title.format(n=rng.randint(2, 10), day=rng.choice(DAYS)),
                "Any time after 5 pm works" if index % 2 else "",
                rng.choice(AREAS),
                category,
                phone if index % 4 else "",
                rng.choice(SOON),
            ]
        )
    return rows


def as_csv(rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return out.getvalue().encode()


def as_xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Requests — October"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def measured(label: str, action):
    tracemalloc.start()
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<44} {seconds:8.2f} s   peak {peak / 2**20:7.1f} MB (Python)")
    return result


def bench(count: int):
    from django.contrib.auth.models import Group
    from django.db import connection

    from imports.services import import_apply, import_confirm, import_map, import_upload
    from imports.sheets import read_sheet
    from mutualaid import roles
    from mutualaid.models import Area, User
    from needs.models import Need

    for order, name in enumerate(AREAS):
        Area.objects.get_or_create(
            slug=name.lower().replace(" ", "-"), defaults={"name": name, "order": order}
        )
    volunteer, _ = User.objects.get_or_create(
        email="intake@bench.example", defaults={"display_name": "Bench intake"}
    )
    volunteer.groups.add(Group.objects.get(name=roles.INTAKE_VOLUNTEER))
    rows = make_rows(count, random.Random(42))
    csv_data, xlsx_data = as_csv(rows), as_xlsx(rows)
    print(
        f"\n== {count:,} rows: CSV {len(csv_data) / 2**20:.1f} MB, "
        f"XLSX {len(xlsx_data) / 2**20:.1f} MB"
    )
    measured(
        "read the XLSX (merged title row)",
        lambda: read_sheet("form.xlsx", xlsx_data, max_rows=count),
    )
    run = measured(
        "upload: read the CSV, guess the columns",
        lambda: import_upload(by=volunteer, file_name="form.csv", data=csv_data, kind="needs"),
    )
    run = measured(
        "preview (dry run of every row)",
        lambda: import_map(run=run, by=volunteer, columns=run.columns, values={}),
    )
    print(
        f"    would create {run.created_count:,}, skip {run.skipped_count:,}, "
        f"refuse {run.refused_count:,}"
    )
    import_confirm(run=run, by=volunteer)
    before = Need.objects.count()
    run = measured(
        "import (one transaction, progress every 200)", lambda: import_apply(run_id=run.pk)
    )
    print(
        f"    {run.status}: created {Need.objects.count() - before:,} needs, "
        f"{run.created_count / (run.finished - run.started).total_seconds():,.0f} rows/s"
    )
    again = import_upload(by=volunteer, file_name="form.csv", data=csv_data, kind="needs")
    again = measured(
        "preview of the same file again",
        lambda: import_map(run=again, by=volunteer, columns=again.columns, values={}),
    )
    print(f"    would create {again.created_count:,}, skip {again.skipped_count:,}")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_size_pretty(pg_total_relation_size('imports_importedrow'))")
        print(f"  imported-row keys on disk: {cursor.fetchone()[0]}")
    print(
        f"  peak resident memory of the process: "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the bench database")
    args = parser.parse_args()
    settings.DEBUG = False
    settings.IMPORT_MAX_ROWS = max(settings.IMPORT_MAX_ROWS, args.rows)
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict.setdefault("TEST", {})["NAME"] = f"test_{old_name}_import"
    connection.creation.create_test_db(verbosity=0, keepdb=True)
    try:
        bench(args.rows)
    finally:
        if not args.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
