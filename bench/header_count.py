"""The header's unread count, under the same gunicorn as the rest of the hub: requests per
second of the endpoint an open tab polls, as a share of a bare Django view behind the same
middleware, both for a signed-in neighbor with a few notices, in the same run (wrk, loopback).

    .venv/bin/python bench/header_count.py [--seconds 10]

Prints figures; asserts nothing. Needs Debian's `wrk`.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from load import create_neighbors, gunicorn, log_in_all, production_env, redis_server  # noqa: E402


def wrk(port: int, path: str, cookie: str, seconds: float) -> tuple[float, str]:
    done = subprocess.run(
        [
            shutil.which("wrk"),
            "-t2",
            "-c4",
            f"-d{seconds:.0f}s",
            "--latency",
            "-H",
            f"Cookie: {cookie}",
            "-H",
            "X-Bench-Client: 10.0.0.1",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", done.stdout).group(1))
    p99 = re.search(r"99%\s+(\S+)", done.stdout)
    return rate, p99.group(1) if p99 else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("This bench needs wrk (apt-get install wrk).")
        return 1
    [email] = create_neighbors(1)
    with redis_server() as redis_url:
        env = production_env({"REDIS_URL": redis_url} if redis_url else {})
        env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(Path(__file__).parent.parent), env.get("PYTHONPATH")])
        )
        with gunicorn(env, workers=2, threads=1) as port:
            [neighbor] = log_in_all(port, [email])
            cookie = "; ".join(f"{k}={v}" for k, v in neighbor.cookies.items())
            print(
                "gunicorn, 2 workers of 1 thread, production settings, wrk -c4,"
                f" {args.seconds:.0f} s each"
            )
            rows = []
            for label, path in (
                ("bare view (same middleware)", "/bench/bare/"),
                ("header count (/inbox/count/)", "/inbox/count/"),
                ("bare view again", "/bench/bare/"),
            ):
                rate, p99 = wrk(port, path, cookie, args.seconds)
                rows.append((label, rate, p99))
                print(f"  {label:32} {rate:8.0f} req/s   p99 {p99}")
    bare = (rows[0][1] + rows[2][1]) / 2
    print(f"header count: {rows[1][1] / bare:.0%} of the bare view's req/s (goal ≥ 50 %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
