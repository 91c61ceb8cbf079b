"""The free store and the lending shelf, run by volunteers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreestoreConfig(AppConfig):
    name = "freestore"
    verbose_name = _("Free store")

    def home_section(self, request):
        return "freestore/home_section.html", {}
