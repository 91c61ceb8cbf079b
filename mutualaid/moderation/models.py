"""Moderation: what a neighbor reports, and the log of what moderators did about it.

Any app's model becomes reportable with a `hidden` field and `visible_to(user)` (inherit
`Reportable`); reports point at it through a content type. The tables keep the names they had
when moderation lived in the core (`mutualaid_report`, `mutualaid_moderationaction`).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mutualaid.models import User
from mutualaid.privacy import Privacy


class Reportable(models.Model):
    """What makes a model reportable: moderators can hide it.

    Apps may inherit this or simply add the same `hidden` field; their list and detail
    queries leave hidden rows out. An `author` attribute (field or property) names the
    account responsible, so moderators can warn or suspend it.
    """

    hidden = models.BooleanField(_("hidden by a moderator"), default=False, db_index=True)

    class Meta:
        abstract = True


def is_reportable(model) -> bool:
    """A `hidden` field, and `visible_to(user)` on its default manager: who may see which."""
    try:
        hidden = model._meta.get_field("hidden")
    except Exception:  # FieldDoesNotExist, or not a model at all
        return False
    return isinstance(hidden, models.BooleanField) and hasattr(model._default_manager, "visible_to")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Report.Status.OPEN)

    def for_queue(self):
        return (
            self.open()
            .select_related("reporter", "content_type")
            .prefetch_related("target")
            .order_by("created_at")
        )

    def about(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)

    def visible_to(self, user):
        """Moderators read every report; a neighbor reads the reports they made."""
        from mutualaid.roles import MODERATOR

        if not user.is_authenticated:
            return self.none()
        if user.has_role(MODERATOR):
            return self
        return self.filter(reporter=user)


class Report(models.Model):
    """A neighbor asks the moderators to look at a post, a message or a proposal."""

    class Reason(models.TextChoices):
        UNSAFE = "unsafe", _("Threatening, harassing or unsafe")
        PRIVATE = "private", _("Shares someone's private details")
        HATEFUL = "hateful", _("Hateful or discriminatory")
        SPAM = "spam", _("Spam, scam or selling")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Waiting for a moderator")
        RESOLVED = "resolved", _("Resolved")

    class Outcome(models.TextChoices):
        HIDDEN = "hidden", _("The item was hidden")
        HIDDEN_WARNED = "hidden_warned", _("The item was hidden and its author warned")
        HIDDEN_SUSPENDED = (
            "hidden_suspended",
            _("The item was hidden and its author's account suspended"),
        )
        WARNED = "warned", _("The author was warned; the item stays up")
        NO_ACTION = "no_action", _("A moderator looked and left it as it is")

    reporter = models.ForeignKey(
        User,
        verbose_name=_("reported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="reports_made",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("anything else the moderators should know"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ReportQuerySet.as_manager()

    privacy = Privacy(private={"details": "visible_to"})

    class Meta:
        db_table = "mutualaid_report"
        ordering = ["-created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            models.Index(fields=["status", "created_at"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                condition=models.Q(status="open"),
                name="report_one_open_per_reporter_and_item",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.get_status_display()})"

    def get_absolute_url(self):
        """Where the reporter reads what became of it: their My data page."""
        return reverse("my_data")


class ModerationActionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The log is for moderators and organizers; a neighbor reads what was done about
        them or about what they reported."""
        from mutualaid.roles import MODERATOR, ORGANIZER

        if not user.is_authenticated:
            return self.none()
        if user.has_role(MODERATOR) or user.has_role(ORGANIZER):
            return self
        return self.filter(models.Q(target_user=user) | models.Q(report__reporter=user))


class ModerationAction(models.Model):
    """The moderation log: every hide, restore, warning and suspension, and who did it."""

    class Kind(models.TextChoices):
        HIDE = "hide", _("Hid an item")
        RESTORE = "restore", _("Restored an item")
        WARN = "warn", _("Warned an account")
        SUSPEND = "suspend", _("Suspended an account")
        UNSUSPEND = "unsuspend", _("Lifted a suspension")
        DISMISS = "dismiss", _("Closed reports without action")
        READ = "read", _("Read a reported conversation")

    moderator = models.ForeignKey(
        User, verbose_name=_("moderator"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Kind.choices)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # A snapshot, so the log still reads well if the item is later deleted.
    target_label = models.CharField(pgettext_lazy("moderation", "item"), max_length=200, blank=True)
    target_user = models.ForeignKey(
        User,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="moderation_received",
    )
    report = models.ForeignKey(
        Report, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = ModerationActionQuerySet.as_manager()

    privacy = Privacy(private={"note": "visible_to", "target_label": "visible_to"})

    class Meta:
        db_table = "mutualaid_moderationaction"
        ordering = ["-created_at", "-id"]
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.get_action_display()}: {self.target_label}"

    def get_absolute_url(self):
        """Where the neighbor it was about reads it: their My data page."""
        return reverse("my_data")
