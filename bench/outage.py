"""Outage drill: PostgreSQL stopped for 10 seconds in the middle of a load of simulated
neighbors, then started again. Loopback only; run it on a machine you may disturb.

    DATABASE_URL=postgres://... .venv/bin/python bench/outage.py [--neighbors 50]

The neighbors walk bench/load.py's journeys, with the fixtures it makes (a store item, a
meeting, an accepted match each), so the writes are real: posting a need, sending a message,
giving away from the store, answering an RSVP, saving the profile. Prints the responses
during the outage by status (the goal: only the friendly 503, never a 500), whether the app
serves again without a restart, and whether every write the hub acknowledged is still there
afterwards, of every kind: each need posted, each message, each give-away, each RSVP, each
neighbor's last saved profile, and their login sessions.
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


def connect():
    db = dj_database_url.parse(os.environ.get("DATABASE_URL", load.DEFAULT_DATABASE_URL))
    return psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
    )


def database_now():
    with connect() as conn:
        return conn.execute("SELECT now()").fetchone()[0]


def database_rows(emails: list[str], since) -> dict:
    """What the writes of this run left in the database, to hold the acknowledgements to."""
    with connect() as conn:
        rows = {
            "names": dict(
                conn.execute(
                    "SELECT email, display_name FROM mutualaid_user WHERE email = ANY(%s)",
                    [emails],
                ).fetchall()
            ),
            "sessions": {row[0] for row in conn.execute("SELECT session_key FROM django_session")},
            "needs": {
                row[0]
                for row in conn.execute(
                    "SELECT title FROM needs_need WHERE created_at >= %s", [since]
                ).fetchall()
            },
            "messages": {
                row[0]
                for row in conn.execute(
                    "SELECT body FROM needs_message WHERE created_at >= %s", [since]
                ).fetchall()
            },
            "give_aways": dict(
                conn.execute(
                    "SELECT u.email, count(*) FROM freestore_stockmovement m"
                    " JOIN mutualaid_user u ON u.id = m.by_id"
                    " WHERE m.kind = 'give_away' AND m.created_at >= %s GROUP BY u.email",
                    [since],
                ).fetchall()
            ),
            "rsvps": {
                row[0]
                for row in conn.execute(
                    "SELECT u.email FROM meetings_rsvp r JOIN mutualaid_user u"
                    " ON u.id = r.person_id WHERE r.meeting_id = %s AND r.answer = 'going'",
                    [load.FIXTURES["meeting"]],
                ).fetchall()
            },
        }
    return rows


def find_form(journey: str, path: str) -> dict:
    for candidate in load.JOURNEYS:
        if candidate.name == journey:
            for step in candidate.steps:
                if step.method == "POST" and step.path == path:
                    return step.form or {}
    return {}


def check_writes(neighbors, rows, stop_requested) -> dict:
    """For each kind of write: (acknowledged, still there), and what was lost."""
    kinds = {kind: [0, 0] for kind in ("need", "message", "give-away", "RSVP", "profile")}
    lost = []

    def tally(kind, there, what):
        kinds[kind][0] += 1
        kinds[kind][1] += bool(there)
        if not there:
            lost.append((kind, what))

    for neighbor in neighbors:
        check_outs = 0
        for _at, journey, path, value in neighbor.saved:
            fields = find_form(journey, path)
            if journey == "post a need":
                title = fields["title"].replace("{name}", value)
                tally("need", title in rows["needs"], title)
            elif journey == "message":
                body = fields["body"].replace("{name}", value)
                tally("message", body in rows["messages"], body)
            elif journey == "store give-away" and path.endswith("check-out/"):
                check_outs += 1
            elif journey == "RSVP":
                tally("RSVP", neighbor.email in rows["rsvps"], neighbor.email)
        # Each acknowledged check-out (after its basket line was saved) is one give-away row.
        given = rows["give_aways"].get(neighbor.email, 0)
        for n in range(check_outs):
            tally("give-away", n < given, f"{neighbor.email} check-out {n + 1}")
        # The profile holds the last save acknowledged, or a later one that was sent.
        profile = [v for _t, journey, _p, v in neighbor.saved if journey == "profile save"]
        if profile:
            last_at = max(t for t, journey, _p, _v in neighbor.saved if journey == "profile save")
            later = [v for t, v in neighbor.attempted if t >= last_at]
            stored = rows["names"].get(neighbor.email)
            tally("profile", stored == profile[-1] or stored in later, neighbor.email)
    return {"kinds": kinds, "lost": lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--neighbors", type=int, default=50)
    parser.add_argument("--before", type=float, default=20, help="seconds of load before")
    parser.add_argument("--outage", type=float, default=10, help="seconds PostgreSQL is down")
    parser.add_argument("--after", type=float, default=25, help="seconds of load after")
    parser.add_argument("--dry-run", action="store_true", help="everything but stopping PostgreSQL")
    args = parser.parse_args()

    emails = load.create_neighbors(args.neighbors)
    # The write journeys act on these (bench/load.py makes them the same way).
    load.FIXTURES.update(load.create_fixtures())
    since = database_now()
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

    rows = database_rows(emails, since)
    sessions_ok = sum(n.cookies.get("sessionid") in rows["sessions"] for n in neighbors)
    checked = check_writes(neighbors, rows, stop_requested)
    print("\nWrites the hub acknowledged (before, during and after), still there afterwards")
    print(f"  login sessions: {sessions_ok}/{len(neighbors)}")
    for kind, (acknowledged, there) in checked["kinds"].items():
        print(f"  {kind + 's':<12}{there:>6}/{acknowledged}")
    for kind, what in checked["lost"][:20]:
        print(f"  LOST {kind}: {what}")
    server_errors = sum(r.status == 500 for r in records)
    print(f"\n500 answers in the whole run: {server_errors}")
    ok = recovered_at is not None and not checked["lost"] and not server_errors
    return 0 if ok and sessions_ok == len(neighbors) else 1


if __name__ == "__main__":
    sys.exit(main())
