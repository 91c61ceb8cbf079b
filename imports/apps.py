"""Spreadsheet imports: the sheets a group already runs on (a form's answers, a shared
spreadsheet) brought into the hub as needs, offers, store items or lendable things."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = _("Imports")

    def duty_links(self, user):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from .models import may_import

        if not may_import(user):
            return []
        return [(_("Import a spreadsheet"), reverse("imports:index"))]

    def export_user_data(self, user) -> dict:
        """The imports a neighbor ran: when, which file, what, and the counts."""
        from .models import ImportRun

        return {
            "imports": [
                {
                    "uploaded": run.created_at,
                    "file": run.file_name,
                    "rows": run.kind,
                    "status": run.status,
                    "created": run.created_count,
                    "already_imported": run.skipped_count,
                    "refused": run.refused_count,
                    "undone": run.undone,
                }
                for run in ImportRun.objects.filter(by=user).defer("table")
            ]
        }

    def forget_user(self, user) -> None:
        """Drop the sheets of their unfinished uploads; the log of what was imported stays
        (what it made belongs to the hub now), naming "a former neighbor"."""
        from .models import ImportRun

        ImportRun.objects.filter(by=user).filter(table__isnull=False).update(table=None)
        ImportRun.objects.filter(
            by=user, status__in=[ImportRun.Status.DRAFT, ImportRun.Status.PREVIEWED]
        ).delete()
