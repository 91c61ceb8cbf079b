"""Outage drill: PostgreSQL stopped for 10 seconds in the middle of a load of simulated
neighbors, then started again. Loopback only; run it on a machine you may disturb.

    DATABASE_URL=postgres://... .venv/bin/python bench/outage.py [--neighbors 50]

Prints the responses during the outage by status (the goal: only the friendly 503), whether
the app serves again without a restart, and whether every write acknowledged before the
outage is still there (each neighbor's login session, and their last saved profile).
Never run from the tests: it stops the whole local PostgreSQL cluster.
"""

import argparse
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import dj_database_url
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # noqa: E402  (bench/load.py, next to this file)


def cluster() -> tuple[str, str]:
    versions = sorted(os.listdir("/etc/postgresql"))
    return versions[-1], "main"


def pg_ctl(action: str) -> None:
    version, name = cluster()
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action]
    if action == "stop":
        command[1:1] = ["--mode", "fast"]
    subprocess.run(command, check=True)


def database_rows(emails: list[str]) -> tuple[dict, set]:
    db = dj_database_url.parse(os.environ.get("DATABASE_URL", load.DEFAULT_DATABASE_URL))
    with psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
    ) as conn:
        names = dict(
            conn.execute(
                "SELECT email, display_name FROM mutualaid_user WHERE email = ANY(%s)", [emails]
            ).fetchall()
        )
        sessions = {row[0] for row in conn.execute("SELECT session_key FROM django_session")}
    return names, sessions


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--neighbors", type=int, default=50)
    parser.add_argument("--before", type=float, default=20, help="seconds of load before")
    parser.add_argument("--outage", type=float, default=10, help="seconds PostgreSQL is down")
    parser.add_argument("--after", type=float, default=25, help="seconds of load after")
    parser.add_argument("--dry-run", action="store_true", help="everything but stopping PostgreSQL")
    args = parser.parse_args()

    emails = load.create_neighbors(args.neighbors)
    total = args.before + args.outage + args.after + 5
    with load.redis_server() as redis_url:
        env = load.production_env({"REDIS_URL": redis_url} if redis_url else {})
        with load.gunicorn(env) as port:
            print(
                f"{args.neighbors} neighbors against gunicorn on 127.0.0.1:{port}; PostgreSQL "
                f"{'(dry run) ' if args.dry_run else ''}stops after {args.before:.0f} s "
                f"for {args.outage:.0f} s"
            )
            neighbors = load.log_in_all(port, emails)
            runner = threading.Thread(
                target=load.run_load, args=(neighbors, total, load.JOURNEYS), daemon=True
            )
            started = time.monotonic()
            runner.start()
            time.sleep(args.before)
            stop_requested = time.monotonic()
            try:
                if not args.dry_run:
                    pg_ctl("stop")
                down = time.monotonic()
                time.sleep(args.outage)
            finally:
                if not args.dry_run:
                    pg_ctl("start")
            up = time.monotonic()
            print(
                f"PostgreSQL down from {down - started:.1f} s to {up - started:.1f} s "
                f"(stop took {down - stop_requested:.1f} s)"
            )
            runner.join(timeout=total + 180)

    records = sorted((r for n in neighbors for r in n.records), key=lambda r: r.started)
    during = [r for r in records if down <= r.started < up]
    after = [r for r in records if r.started >= up]
    before = [r for r in records if started <= r.started < stop_requested]

    load.summarize(before, stop_requested - started, "Before the outage")
    print("\nDuring the outage (requests started while PostgreSQL was down)")
    print(f"  responses by status: {dict(sorted(Counter(r.status for r in during).items()))}")
    friendly = sum(r.status == 503 for r in during)
    print(f"  friendly 503 pages: {friendly}/{len(during)}")

    first_ok = next((r for r in after if r.status in (200, 302)), None)
    recovered_at = first_ok.started + first_ok.seconds - up if first_ok else None
    settled = [r for r in after if r.started >= up + 5]
    print("\nAfter PostgreSQL is back (same gunicorn processes, no restart)")
    if recovered_at is None:
        print("  serves again: NO")
    else:
        print(f"  serves again: yes, first good answer {recovered_at:.1f} s after the start")
    print(f"  responses by status: {dict(sorted(Counter(r.status for r in after).items()))}")
    print(f"  errors from 5 s after the start on: {sum(not r.ok for r in settled)}/{len(settled)}")
    load.summarize(after, max(records[-1].started - up, 1) if records else 1, "After")

    # Writes acknowledged before the outage: each login session and the last saved profile.
    names, sessions = database_rows(emails)
    sessions_ok = profiles_checked = profiles_ok = 0
    lost = []
    for neighbor in neighbors:
        if neighbor.cookies.get("sessionid") in sessions:
            sessions_ok += 1
        acked_before = [v for t, v in neighbor.acknowledged if t < stop_requested]
        if not acked_before:
            continue
        profiles_checked += 1
        # Stored must be the last write acknowledged before the outage, or a later one sent.
        later = [v for t, v in neighbor.attempted if t >= stop_requested]
        stored = names.get(neighbor.email)
        if stored == acked_before[-1] or stored in later:
            profiles_ok += 1
        else:
            lost.append((neighbor.email, acked_before[-1], stored))
    acked_total = sum(1 for n in neighbors for t, _v in n.acknowledged if t < stop_requested)
    print("\nWrites acknowledged before the outage")
    print(f"  login sessions still there: {sessions_ok}/{len(neighbors)}")
    print(
        f"  profile saves acknowledged: {acked_total} by {profiles_checked} neighbors; "
        f"last saved value still there (or replaced by a later save): "
        f"{profiles_ok}/{profiles_checked}"
    )
    for email, expected, stored in lost:
        print(f"  LOST: {email} expected {expected!r}, found {stored!r}")
    return 0 if recovered_at is not None and not lost else 1


if __name__ == "__main__":
    sys.exit(main())
