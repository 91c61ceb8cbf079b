"""A backup restored into an empty database gives back every row of every table.

Generic on purpose: it compares every table the database holds (every model of every app,
their many-to-many tables, allauth's and Django's own) and every sequence, so new models are
covered the moment they land. The data comes from the demo seed, which each app extends.
"""

import importlib
import io

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from mutualaid import backup
from mutualaid.tests.factories import UserFactory

# pg_dump reads what is committed, so these tests commit for real. In case another
# transactional test flushed the reference data, the fixture below also puts the roles and
# categories back the way their migration makes them.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def reference_data():
    migration = importlib.import_module("mutualaid.migrations.0001_initial")
    migration.roles_and_categories_create(apps, None)


def project_models():
    for model in apps.get_models(include_auto_created=True):
        path = str(model._meta.app_config.path)
        if path.startswith(str(settings.BASE_DIR)) and ".venv" not in path:
            yield model


def snapshot(db: dict, dbname: str) -> dict:
    """Every row of every table (sorted, so order on disk doesn't matter) and every sequence."""
    tables, sequences = {}, {}
    with backup.connect(db, dbname) as conn:
        names = conn.execute(
            "SELECT schemaname, tablename FROM pg_tables "
            "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
        ).fetchall()
        for schema, table in names:
            rows = conn.execute(
                sql.SQL("SELECT * FROM {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
            ).fetchall()
            tables[table] = sorted(repr(row) for row in rows)
        for schema, name in conn.execute(
            "SELECT schemaname, sequencename FROM pg_sequences"
        ).fetchall():
            sequences[name] = conn.execute(
                sql.SQL("SELECT last_value, is_called FROM {}.{}").format(
                    sql.Identifier(schema), sql.Identifier(name)
                )
            ).fetchone()
    return {"tables": tables, "sequences": sequences}


@pytest.fixture
def empty_database_name():
    db = connection.settings_dict
    name = f"{db['NAME']}_restored"[:63]

    def drop():
        with backup.connect(db, "postgres", autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    drop()
    yield name
    drop()


def test_a_backup_restored_into_an_empty_database_gives_back_every_row(
    tmp_path, empty_database_name
):
    call_command("seed_demo", stdout=io.StringIO())
    UserFactory.create_batch(3)
    dump_file = tmp_path / "hub.dump"
    call_command("backup", output=str(dump_file), stdout=io.StringIO())
    assert dump_file.stat().st_size > 0

    call_command("restore", str(dump_file), into=empty_database_name, stdout=io.StringIO())

    db = connection.settings_dict
    before = snapshot(db, db["NAME"])
    after = snapshot(db, empty_database_name)
    assert after["tables"].keys() == before["tables"].keys()
    for table, rows in before["tables"].items():
        assert after["tables"][table] == rows, f"{table} differs after restore"
    assert after["sequences"] == before["sequences"]

    # Every project model's table was compared, and the seeded ones really held rows.
    for model in project_models():
        assert model._meta.db_table in before["tables"], model
    for core_table in ("mutualaid_user", "mutualaid_area", "mutualaid_category"):
        assert before["tables"][core_table], core_table


def test_backups_are_timestamped_files_in_the_backups_folder(tmp_path):
    out = io.StringIO()
    call_command("backup", directory=str(tmp_path), stdout=out)
    (written,) = tmp_path.glob("*.dump")
    assert written.name.startswith(connection.settings_dict["NAME"] + "-")
    assert written.name.endswith("Z.dump")
    assert str(written) in out.getvalue()


def test_restore_refuses_a_database_that_already_has_tables(tmp_path):
    dump_file = tmp_path / "hub.dump"
    call_command("backup", output=str(dump_file), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already has tables"):
        call_command("restore", str(dump_file), stdout=io.StringIO())


def test_restore_says_when_the_file_is_missing(tmp_path, empty_database_name):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "nope.dump"), into=empty_database_name)
