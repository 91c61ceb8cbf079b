"""Open meetings: agendas, proposals, minutes and public decisions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from mutualaid import shared_cache

        def changed(sender, **kwargs):
            if sender._meta.app_label == "meetings":
                shared_cache.changed(shared_cache.MEETINGS)

        # Whatever of this app is saved or deleted refreshes its home section's shared cache.
        post_save.connect(changed, weak=False, dispatch_uid="meetings.shared_cache")
        post_delete.connect(changed, weak=False, dispatch_uid="meetings.shared_cache")

    def duty_links(self, user):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from mutualaid.roles import ORGANIZER

        return (
            [(_("Plan a meeting"), reverse("meetings:create"))] if user.has_role(ORGANIZER) else []
        )

    def home_section(self, request):
        from mutualaid import shared_cache

        from .models import Decision, Meeting

        def section():
            upcoming = Meeting.objects.published().upcoming().exclude(status="cancelled")
            latest = Decision.objects.public().for_list().first()
            return {"upcoming": list(upcoming[:3]), "latest_decision": latest}

        # A meeting that has just ended may show for up to SHARED_CACHE_SECONDS more.
        return "meetings/home_section.html", shared_cache.remembered(
            shared_cache.MEETINGS, ("meetings home section",), section
        )

    def seed_demo(self, *, people, areas):
        from .demo import seed_meetings

        seed_meetings(people=people, areas=areas)

    def export_user_data(self, user) -> dict:
        from .personal_data import export_user_data

        return export_user_data(user)

    def forget_user(self, user) -> None:
        from .personal_data import forget_user

        forget_user(user)
