"""Open meetings: agendas, proposals, minutes and public decisions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def duty_links(self, user):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from mutualaid.roles import ORGANIZER

        return (
            [(_("Plan a meeting"), reverse("meetings:create"))] if user.has_role(ORGANIZER) else []
        )

    def home_section(self, request):
        from .models import Decision, Meeting

        upcoming = list(Meeting.objects.published().upcoming().exclude(status="cancelled")[:3])
        latest = Decision.objects.public().for_list().first()
        return "meetings/home_section.html", {"upcoming": upcoming, "latest_decision": latest}

    def seed_demo(self, *, people, areas):
        from .demo import seed_meetings

        seed_meetings(people=people, areas=areas)

    def export_user_data(self, user) -> dict:
        from .personal_data import export_user_data

        return export_user_data(user)

    def forget_user(self, user) -> None:
        from .personal_data import forget_user

        forget_user(user)
