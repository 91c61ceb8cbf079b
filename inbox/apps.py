"""The inbox: what the hub tells a neighbor inside the hub, beside (or instead of) email."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InboxConfig(AppConfig):
    name = "inbox"
    verbose_name = _("Inbox")

    def export_user_data(self, user) -> dict:
        """A neighbor's notices (for My data): what they were told, and when."""
        from .models import Notice

        return {
            "notices": list(
                Notice.objects.filter(recipient=user).values("kind", "created", "read_at")
            )
        }

    def forget_user(self, user) -> None:
        """Notices only ever mattered to the person told; notices naming them as the one who
        acted stay with their recipients, where they now read "a former neighbor"."""
        from .models import Notice

        Notice.objects.filter(recipient=user).delete()
