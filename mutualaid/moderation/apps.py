"""Moderation: neighbors report what worries them, moderators decide, and the log keeps it."""

from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class ModerationConfig(AppConfig):
    name = "mutualaid.moderation"
    label = "moderation"
    verbose_name = gettext_lazy("Moderation")
    # What it keeps about people (reports made, moderation received) is in the core's My data:
    # the account row stays when a neighbor leaves, so reports and the log keep their shape.
    personal_data_in_core = True

    def duty_links(self, user):
        from mutualaid import roles

        links = []
        if user.has_role(roles.MODERATOR):
            links.append((_("Moderation queue"), reverse("moderation_queue")))
        if user.has_role(roles.MODERATOR) or user.has_role(roles.ORGANIZER):
            links.append((_("Moderation log"), reverse("moderation_log")))
        return links
