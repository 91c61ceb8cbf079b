"""The project refuses to start when an app keeps data about people but sits out of My data."""

from django.apps import AppConfig, apps
from django.core import checks

import tests.moderation_fixture
from mutualaid.checks import personal_data_hooks
from tests.moderation_fixture.models import Post


class AppWithoutHooks(AppConfig):
    """A feature app with a model that points at a neighbor, and no My data hooks."""

    name = "tests.moderation_fixture"
    label = "forgetful"

    def get_models(self, include_auto_created=False, include_swapped=False):
        return [Post]


class AppWithOneHook(AppWithoutHooks):
    label = "half_done"

    def export_user_data(self, user):
        return {}


def test_the_projects_apps_all_take_part_in_my_data():
    assert personal_data_hooks(app_configs=None) == []
    # And it is registered, so `manage.py check`, runserver and migrate run it.
    assert personal_data_hooks in checks.registry.registry.get_checks()


def test_an_app_with_people_in_its_models_but_no_hooks_stops_the_project():
    fake = AppWithoutHooks("tests.moderation_fixture", tests.moderation_fixture)
    errors = personal_data_hooks(app_configs=[fake])
    assert [error.id for error in errors] == ["mutualaid.E001"]
    assert errors[0].level == checks.ERROR
    assert "forgetful" in errors[0].msg and "export_user_data" in errors[0].msg
    assert "forget_user" in errors[0].msg


def test_one_hook_is_not_enough():
    fake = AppWithOneHook("tests.moderation_fixture", tests.moderation_fixture)
    errors = personal_data_hooks(app_configs=[fake])
    assert len(errors) == 1 and "forget_user" in errors[0].msg
    assert "export_user_data" not in errors[0].msg


def test_installed_packages_are_not_the_projects_to_fix():
    admin = apps.get_app_config("admin")  # LogEntry points at users; Django handles it
    account = apps.get_app_config("account")  # allauth's email addresses: the core exports them
    assert personal_data_hooks(app_configs=[admin, account]) == []
