"""Backups of the hub's database with PostgreSQL's own tools (pg_dump / pg_restore).

`manage.py backup` and `manage.py restore` (and `make backup` / `make restore`) use these.
Credentials go to the tools through libpq's environment variables, never the command line.
"""

import os
import shutil
import subprocess
from pathlib import Path

import psycopg
from psycopg import sql


class BackupError(Exception):
    """Something a person running the backup can fix; the message says what."""


def _libpq_env(db: dict, dbname: str | None = None) -> dict:
    env = dict(os.environ)
    pairs = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGPASSWORD": db.get("PASSWORD"),
        "PGDATABASE": dbname or db["NAME"],
    }
    for key, value in pairs.items():
        if value:
            env[key] = str(value)
    sslmode = db.get("OPTIONS", {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} is not installed (apt-get install postgresql-client).")
    return found


def connect(db: dict, dbname: str | None = None, **kwargs) -> psycopg.Connection:
    return psycopg.connect(
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        dbname=dbname or db["NAME"],
        connect_timeout=5,
        **kwargs,
    )


def dump(db: dict, path: Path) -> Path:
    """Write a custom-format dump of the database to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments are ours
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"],
        env=_libpq_env(db),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        path.unlink(missing_ok=True)
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return path


def table_count(db: dict, dbname: str) -> int:
    with connect(db, dbname) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', "
            "'information_schema')"
        ).fetchone()
    return row[0]


def ensure_database(db: dict, dbname: str) -> bool:
    """Create `dbname` when it is missing. True when it was created."""
    with connect(db, "postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [dbname]).fetchone():
            return False
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(dbname)))
    return True


def restore(db: dict, path: Path, dbname: str | None = None) -> None:
    """Restore a dump into an empty database (created when missing), all or nothing."""
    dbname = dbname or db["NAME"]
    if not Path(path).is_file():
        raise BackupError(f"No backup file at {path}.")
    ensure_database(db, dbname)
    if table_count(db, dbname):
        raise BackupError(
            f"The database {dbname} already has tables. Restore only into an empty database: "
            f"drop and create it first (dropdb {dbname}; createdb {dbname})."
        )
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments are ours
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={dbname}",
            str(path),
        ],
        env=_libpq_env(db, dbname),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
