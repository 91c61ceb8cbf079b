"""The shared core: accounts, areas, categories and the pieces every app leans on."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "mutualaid"
    verbose_name = _("Hub core")

    def ready(self):
        from django.core import checks as system_checks

        from . import checks, roles, signals, single_line  # noqa: F401 (connects the receivers)

        # An app that keeps data about people but sits out of My data stops the project.
        system_checks.register(checks.personal_data_hooks)
        system_checks.register(checks.understanding_sources)
        single_line.install()

        # After every app migrates (not only this one), since other apps add permissions.
        post_migrate.connect(roles.sync_role_permissions)
