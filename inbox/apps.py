"""The inbox: what the hub tells a neighbor inside the hub, beside (or instead of) email."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Inbox")

    def ready(self):
        from . import receivers  # noqa: F401 (connects what moderation tells)

    def export_user_data(self, user) -> dict:
        """A neighbor's notices (for My data): what they were told, and when, and how they
        chose to be told."""
        from django.db.models import F

        from .models import Notice, NoticeSettings

        told = NoticeSettings.objects.filter(recipient=user).first()
        return {
            "notices": list(
                Notice.objects.filter(recipient=user).values(
                    "kind", "read_at", created=F("created_at")
                )
            ),
            "how_told": {
                "answers": told.answers,
                "messages": told.messages,
                "fits": told.fits,
                "store": told.store,
                "last_summary_until": told.summary_until,
            }
            if told
            else None,
        }

    def forget_user(self, user) -> None:
        """Notices only ever mattered to the person told; notices naming them as the one who
        acted stay with their recipients, where they now read "a former neighbor"."""
        from .models import Notice, NoticeSettings

        Notice.objects.filter(recipient=user).delete()
        NoticeSettings.objects.filter(recipient=user).delete()
