"""Spreadsheet imports: each upload is an ImportRun (who, when, which file, what its rows are,
how its columns map, the counts), and each row it created is an ImportedRow with a stable key,
so the same sheet imported again, or a later export of it, only adds what is new.

The uploaded file itself is never kept: it is read into `table` on upload, and `table` is
emptied as soon as the import has run (or when a draft is left for a day).
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mutualaid import roles
from mutualaid.models import Area, Category
from mutualaid.privacy import NOBODY, Privacy

# How long after it ran an import can still be undone.
UNDO_WINDOW = datetime.timedelta(days=1)


class RowKind(models.TextChoices):
    NEEDS = "needs", _("Needs, posted for the neighbors named in it")
    OFFERS = "offers", _("Offers of one volunteer")
    ITEMS = "items", _("Free store items with how many came in")
    THINGS = "things", _("Things for the lending shelf")


# Who may import which rows: posting for neighbors is intake's work, the store's stock and
# shelf the store volunteers'; organizers may do both.
ROLES_FOR = {
    RowKind.NEEDS: (roles.ORGANIZER, roles.INTAKE_VOLUNTEER),
    RowKind.OFFERS: (roles.ORGANIZER, roles.INTAKE_VOLUNTEER),
    RowKind.ITEMS: (roles.ORGANIZER, roles.STORE_VOLUNTEER),
    RowKind.THINGS: (roles.ORGANIZER, roles.STORE_VOLUNTEER),
}
IMPORT_ROLES = (roles.ORGANIZER, roles.INTAKE_VOLUNTEER, roles.STORE_VOLUNTEER)


def kinds_for(user) -> list[str]:
    """The kinds of rows `user` may import (none without one of the duties)."""
    if not user.is_authenticated:
        return []
    return [kind for kind, allowed in ROLES_FOR.items() if any(map(user.has_role, allowed))]


def may_import(user) -> bool:
    return bool(kinds_for(user))


class ImportRunQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organizers read every import; the others who import read their own."""
        if not may_import(user):
            return self.none()
        if user.has_role(roles.ORGANIZER):
            return self
        return self.filter(by=user)

    def for_list(self):
        return self.select_related("by", "store", "volunteer").defer("table")

    def left_as_drafts(self, *, before):
        """Uploads never imported: their table is dropped after a day."""
        return self.filter(
            status__in=[ImportRun.Status.DRAFT, ImportRun.Status.PREVIEWED], created_at__lt=before
        ).filter(table__isnull=False)


class ImportRun(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Columns to check")
        PREVIEWED = "previewed", _("Ready to import")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Stopped, nothing saved")
        UNDONE = "undone", _("Undone")

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.PROTECT,
        related_name="import_runs",
    )
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now, db_index=True)
    file_name = models.CharField(_("file"), max_length=200)
    kind = models.CharField(_("what its rows are"), max_length=10, choices=RowKind.choices)
    # Offers are posted as this volunteer's; items and things go to this store.
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whose offers"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    store = models.ForeignKey(
        "freestore.Store",
        verbose_name=_("store"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # The sheet as read: {"headers": [...], "rows": [[...], ...], "first_row": n}. Emptied
    # (None) once imported: the hub keeps what it made, not the file.
    table = models.JSONField(null=True, blank=True, editable=False)
    # Column index (as text) -> field; and per field, the sheet's words -> an area/category pk.
    columns = models.JSONField(default=dict, blank=True)
    values = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(_("rows"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    skipped_count = models.PositiveIntegerField(_("already imported"), default=0)
    refused_count = models.PositiveIntegerField(_("refused"), default=0)
    processed = models.PositiveIntegerField(_("rows done"), default=0)
    # Per refused row: {"row": sheet row number, "problems": [[code, column, value]]}.
    refusals = models.JSONField(default=list, blank=True)
    failure = models.TextField(_("what went wrong"), blank=True)
    started = models.DateTimeField(_("started"), null=True, blank=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    undone = models.DateTimeField(_("undone"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("undone by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Not stored: set by import_undo to how many of its posts were taken up and so stayed.
    kept_when_undone: int = 0

    objects = ImportRunQuerySet.as_manager()

    # The file's name can say whose sheet it is; a failure can quote a row.
    privacy = Privacy(private={"file_name": "visible_to", "failure": "visible_to"})

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("imports:detail", args=[self.pk])

    def may_change(self, user) -> bool:
        """The one who uploaded it maps, previews and confirms (while they hold the duty)."""
        return user.pk == self.by_id and self.kind in kinds_for(user)

    def may_undo(self, user) -> bool:
        return self.kind in kinds_for(user) and (
            user.pk == self.by_id or user.has_role(roles.ORGANIZER)
        )

    @property
    def is_working(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def undo_until(self):
        return self.finished + UNDO_WINDOW if self.finished else None

    @property
    def can_be_undone(self) -> bool:
        return (
            self.status == self.Status.DONE
            and self.created_count > 0
            and timezone.now() < self.undo_until
        )

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.processed / self.total))


class ImportedRow(models.Model):
    """One row an import created something from, and what: a need, an offer, a ledger line or
    a lendable thing. While it stands, a row with the same key is skipped."""

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="rows")
    kind = models.CharField(max_length=10, choices=RowKind.choices)
    # sha256 of the row's timestamp and who it is from, or of its mapped cells.
    key = models.CharField(max_length=64)
    row_number = models.PositiveIntegerField()
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    made = GenericForeignKey("content_type", "object_id")
    active = models.BooleanField(default=True)

    privacy = Privacy(private={"key": NOBODY})

    class Meta:
        ordering = ["row_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "key"], condition=Q(active=True), name="imported_row_once"
            ),
        ]

    def __str__(self):
        return f"{self.run} row {self.row_number}"


class NameAlias(models.Model):
    """What a sheet calls an area or a category, mapped by hand once and remembered."""

    words = models.CharField(_("words in the sheet"), max_length=200)
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.CASCADE)
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE)

    privacy = Privacy(public=("words",))

    class Meta:
        verbose_name = _("other name")
        verbose_name_plural = _("other names")
        constraints = [
            models.CheckConstraint(
                condition=Q(area__isnull=True) ^ Q(category__isnull=True),
                name="alias_names_one_thing",
            ),
            models.UniqueConstraint(
                fields=["words"], condition=Q(area__isnull=False), name="alias_one_area"
            ),
            models.UniqueConstraint(
                fields=["words"], condition=Q(category__isnull=False), name="alias_one_category"
            ),
        ]

    def __str__(self):
        return self.words
