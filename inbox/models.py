"""Notices: one line each in a neighbor's inbox ("Ana asked about “Winter coat”").

A notice stores what happened (its kind), who did it and what it is about, never sentences:
its words are put together when the recipient reads it, in the language they read in. The
inbox sits under the feature apps: they tell it what happened (`inbox.services`), it imports
none of them, so what a notice is about is a generic relation.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, F, Q, When
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mutualaid.privacy import Privacy


class NoticeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A neighbor's own notices; nobody else reads them."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def counted(self):
        """Unread and not waiting for the daily summary: what the header counts."""
        return self.filter(read_at__isnull=True, quiet=False)

    def about(self, obj):
        return self.filter(about_type=ContentType.objects.get_for_model(obj), about_id=obj.pk)

    def about_model(self, model):
        return self.filter(about_type=ContentType.objects.get_for_model(model))

    def fits(self):
        return self.filter(kind=Notice.Kind.FIT)

    def for_list(self):
        return self.select_related("actor", "about_type", "post_type").order_by("-created_at")

    def mark_read(self) -> int:
        return self.unread().update(read_at=timezone.now())


class Notice(models.Model):
    class Kind(models.TextChoices):
        ASKED = "asked", _("Someone asked about my post")
        ACCEPTED = "accepted", _("My ask was accepted")
        DECLINED = "declined", _("My ask was declined")
        CANCELLED = "cancelled", _("Something I was part of was cancelled")
        COMPLETED = "completed", _("Something I was part of was marked done")
        MESSAGE = "message", _("A new message")
        FIT = "fit", _("A new post may fit mine")
        HELD = "held", _("Something I'm waiting for is back and kept for me")
        LOAN_DUE = "loan_due", _("Something I borrowed is due back")
        SHIFT = "shift", _("A shift I'm on is tomorrow")
        PROPOSAL_ACCEPTED = "proposal_yes", _("My agenda proposal was accepted")
        PROPOSAL_DECLINED = "proposal_no", _("My agenda proposal was declined")
        MODERATED = "moderated", _("A moderator hid or restored a post of mine")
        REPORT_DECIDED = "report_done", _("A report I made was looked at")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    # Who did it (asked, answered, wrote, posted); shown by name, "a former neighbor" after.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # What the notice links to: a match for answers and messages, the new post for a fit.
    about_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    about_id = models.PositiveBigIntegerField()
    about = GenericForeignKey("about_type", "about_id")
    # For a fit: the recipient's own post the new one may meet.
    post_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post_id = models.PositiveBigIntegerField(null=True, blank=True)
    post = GenericForeignKey("post_type", "post_id")
    # For a fit: why it fits, in each language the hub speaks ({"en": [...], "es": [...]}),
    # worked out for the recipient's eyes, so it names only words they may read.
    reasons = models.JSONField(default=dict, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # A fit past the day's few (FITS_PER_DAY) waits for the daily summary: it is in the inbox
    # but not counted in the header nor emailed at once, until the summary has gone.
    quiet = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = NoticeQuerySet.as_manager()

    # No free text: the words are made at display time from the kind and the related rows.
    privacy = Privacy()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notice_inbox"),
            # The header's count on every page: a neighbor's unread notices only.
            models.Index(
                fields=["recipient"],
                condition=Q(read_at__isnull=True, quiet=False),
                name="notice_unread",
            ),
            models.Index(fields=["about_type", "about_id"], name="notice_about"),
        ]
        constraints = [
            # A pair of posts is pointed out once, whichever of the two came first: the
            # pair is written in the order of its two content types, so (need, offer) and
            # (offer, need) are the same row.
            models.UniqueConstraint(
                Least("about_type", "post_type"),
                Case(
                    When(about_type__lt=F("post_type"), then=F("about_id")),
                    default=F("post_id"),
                ),
                Greatest("about_type", "post_type"),
                Case(
                    When(about_type__lt=F("post_type"), then=F("post_id")),
                    default=F("about_id"),
                ),
                condition=Q(kind="fit"),
                name="notice_fit_once_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(kind="fit") | Q(post_type__isnull=False, post_id__isnull=False),
                name="notice_fit_names_the_post",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.created_at:%Y-%m-%d}"

    @property
    def is_unread(self) -> bool:
        return self.read_at is None

    def reasons_in(self, language: str) -> list[str]:
        return self.reasons.get(language) or self.reasons.get(settings.LANGUAGE_CODE) or []


class Delivery(models.TextChoices):
    """How a neighbor is told of one group of notices, beside the line in their inbox."""

    AT_ONCE = "now", _("By email at once")
    DAILY = "daily", _("In one email a day")
    INBOX = "inbox", _("Only in my inbox")


class NoticeGroup(models.TextChoices):
    """The kinds of notice, in a few plain groups a neighbor chooses for."""

    ANSWERS = "answers", _("Someone asks or answers about my posts")
    MESSAGES = "messages", _("New messages")
    FITS = "fits", _("New posts that may fit mine")
    STORE = "store", _("The free store and meetings")


GROUP_OF_KIND: dict[str, NoticeGroup] = {
    Notice.Kind.ASKED: NoticeGroup.ANSWERS,
    Notice.Kind.ACCEPTED: NoticeGroup.ANSWERS,
    Notice.Kind.DECLINED: NoticeGroup.ANSWERS,
    Notice.Kind.CANCELLED: NoticeGroup.ANSWERS,
    Notice.Kind.COMPLETED: NoticeGroup.ANSWERS,
    Notice.Kind.MESSAGE: NoticeGroup.MESSAGES,
    Notice.Kind.FIT: NoticeGroup.FITS,
    Notice.Kind.HELD: NoticeGroup.STORE,
    Notice.Kind.LOAN_DUE: NoticeGroup.STORE,
    Notice.Kind.SHIFT: NoticeGroup.STORE,
    Notice.Kind.PROPOSAL_ACCEPTED: NoticeGroup.STORE,
    Notice.Kind.MODERATED: NoticeGroup.ANSWERS,
    Notice.Kind.REPORT_DECIDED: NoticeGroup.ANSWERS,
    Notice.Kind.PROPOSAL_DECLINED: NoticeGroup.STORE,
}


class NoticeSettingsQuerySet(models.QuerySet):
    def visible_to(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(recipient=user)


class NoticeSettings(models.Model):
    """How a neighbor is told, group by group. No row means the defaults: email is short and
    rare (answers at once; messages and fits in the day's one summary; the store's and the
    meetings' few notices, which are about a day or a shelf, at once)."""

    recipient = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notice_settings",
    )
    answers = models.CharField(
        NoticeGroup.ANSWERS.label, max_length=8, choices=Delivery.choices, default=Delivery.AT_ONCE
    )
    messages = models.CharField(
        NoticeGroup.MESSAGES.label, max_length=8, choices=Delivery.choices, default=Delivery.DAILY
    )
    fits = models.CharField(
        NoticeGroup.FITS.label, max_length=8, choices=Delivery.choices, default=Delivery.DAILY
    )
    store = models.CharField(
        NoticeGroup.STORE.label, max_length=8, choices=Delivery.choices, default=Delivery.AT_ONCE
    )
    # The end of the stretch the last summary covered; the next one starts there.
    summary_until = models.DateTimeField(null=True, blank=True)

    objects = NoticeSettingsQuerySet.as_manager()

    privacy = Privacy(
        private={
            "answers": "visible_to",
            "messages": "visible_to",
            "fits": "visible_to",
            "store": "visible_to",
        }
    )

    class Meta:
        verbose_name = _("inbox settings")
        verbose_name_plural = _("inbox settings")

    def __str__(self):
        return str(_("inbox settings"))

    def delivery_of(self, kind: str) -> str:
        group = GROUP_OF_KIND.get(kind)
        return getattr(self, group.value) if group else Delivery.INBOX

    def kinds_by(self, delivery: str) -> list[str]:
        return [kind for kind, group in GROUP_OF_KIND.items() if getattr(self, group) == delivery]
