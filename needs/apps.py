"""Needs: what neighbors ask for."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "needs"
    verbose_name = _("Needs")

    def home_section(self, request):
        return "needs/home_section.html", {}
