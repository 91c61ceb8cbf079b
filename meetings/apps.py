"""Open meetings: agendas, proposals, minutes and public decisions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def home_section(self, request):
        return "meetings/home_section.html", {}
