"""Ping a PostgreSQL server, or create the named database on it when it is missing."""

import sys

import psycopg
from dj_database_url import parse
from psycopg import sql


def connect(url: str, dbname: str):
    cfg = parse(url)
    return psycopg.connect(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname=dbname,
        connect_timeout=3,
        autocommit=True,
    )


def main(action: str, url: str) -> int:
    name = parse(url)["NAME"]
    with connect(url, "postgres") as conn:
        if action == "--ping":
            return 0
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            print(f"Created database {name}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
