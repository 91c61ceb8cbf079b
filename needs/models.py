"""Needs (what neighbors ask for), and the matches and messages that connect two neighbors.

Matches live here because a match joins a need, an offer, or both: needs build on offers,
offers never import needs. Following a filter and its digest live here for the same reason.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inbox.models import Notice
from mutualaid import roles
from mutualaid.models import Area, Category
from mutualaid.moderation.models import Report, Reportable
from mutualaid.privacy import Privacy
from offers.models import Offer, Post, PostQuerySet


def does_intake(user) -> bool:
    """Organizers and intake volunteers do intake: they post needs for neighbors without an
    account, so they write and read the private contact note."""
    return bool(
        user
        and user.is_authenticated
        and (user.has_role(roles.ORGANIZER) or user.has_role(roles.INTAKE_VOLUNTEER))
    )


class NeedQuerySet(PostQuerySet["Need"]):
    def of_urgency(self, urgency):
        return self.filter(urgency=urgency) if urgency else self

    def met_since(self, when):
        """Needs marked met at `when` or later (a met need is not edited again)."""
        return self.filter(status=Need.Status.MET, hidden=False, updated__gte=when)

    def counts_by_category_and_area(self) -> list[dict]:
        """How many needs per (category, area): what the meetings app's agenda shows."""
        rows = (
            self.order_by()
            .values("category__name", "area__name")
            .annotate(count=Count("pk"))
            .order_by("category__name", "area__name")
        )
        return [
            {"category": row["category__name"], "area": row["area__name"], "count": row["count"]}
            for row in rows
        ]

    def contact_readable_by(self, user):
        """Needs whose private contact note `user` may read: volunteers and the poster."""
        if does_intake(user):
            return self
        return self.by(user) if user.is_authenticated else self.none()

    def matchable_by(self, viewer):
        return super().matchable_by(viewer).for_matching()

    def for_matching(self):
        """Sooner needs rank a little higher: `match_boost` is read by mutualaid.ranking."""
        return self.annotate(
            match_boost=Case(
                When(urgency=Need.Urgency.TODAY, then=Value(0.15)),
                When(urgency=Need.Urgency.WEEK, then=Value(0.07)),
                default=Value(0.0),
                output_field=models.FloatField(),
            )
        )


class Need(Post):
    side = "need"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("Someone is helping")
        MET = "met", _("Met")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    GOING_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    class Urgency(models.TextChoices):
        TODAY = "today", _("Today")
        WEEK = "week", _("This week")
        WHENEVER = "whenever", _("Whenever")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.CASCADE,
        related_name="needs",
    )
    urgency = models.CharField(
        _("how soon"), max_length=10, choices=Urgency.choices, default=Urgency.WHENEVER
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    # Intake on behalf: a volunteer posts for a neighbor who has no account.
    on_behalf_of = models.CharField(
        _("first name of the neighbor you are posting for"), max_length=40, blank=True
    )
    contact_note = models.TextField(
        _("private contact note"),
        blank=True,
        max_length=500,
        help_text=_("How to reach them. Only volunteers ever see this."),
    )

    objects = NeedQuerySet.as_manager()

    privacy = Privacy(
        private={**Post.DETAILS_PRIVATE, "contact_note": "contact_readable_by"},
        public=(*Post.TITLE_PUBLIC, "on_behalf_of"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        indexes = Post.post_indexes("need")

    def get_absolute_url(self):
        return reverse("needs:detail", args=[self.pk])

    def contact_note_visible_to(self, user) -> bool:
        return does_intake(user) or (user.is_authenticated and user.pk == self.owner_id)


class MatchQuerySet(models.QuerySet):
    def involving(self, user):
        return self.filter(Q(requester=user) | Q(recipient=user))

    def active(self):
        return self.filter(status__in=[Match.Status.PROPOSED, Match.Status.ACCEPTED])

    def active_first(self):
        """Matches still waiting or under way first, then the rest; latest change first."""
        going = [Match.Status.PROPOSED, Match.Status.ACCEPTED]
        return self.alias(done=Case(When(status__in=going, then=0), default=1)).order_by(
            "done", "-updated", "-pk"
        )

    def for_list(self):
        return self.select_related(
            "need", "need__area", "offer", "offer__area", "requester", "recipient"
        )

    def visible_to(self, user):
        """The two people in a match read its thread. A moderator reads a thread only while
        a report about one of its messages is open (and each read is logged, see
        `mutualaid.moderation.services.reported_items_read`)."""
        if not user.is_authenticated:
            return self.none()
        if user.has_role(roles.MODERATOR):
            return self.with_open_report_flag().filter(
                Q(requester=user) | Q(recipient=user) | Q(under_report=True)
            )
        return self.involving(user)

    def with_unread_flag(self, user):
        """`has_unread`: `user` has been told of something in the thread they haven't seen."""
        unread = Notice.objects.visible_to(user).unread().about_model(Match)
        return self.annotate(has_unread=Exists(unread.filter(about_id=OuterRef("pk"))))

    def with_open_report_flag(self):
        """`under_report`: a report about one of the thread's messages waits for a moderator."""
        reported = Report.objects.open().filter(
            content_type=ContentType.objects.get_for_model(Message), object_id=OuterRef("pk")
        )
        return self.alias(
            under_report=Exists(
                Message.objects.filter(match=OuterRef("pk")).filter(Exists(reported))
            )
        )


class Match(models.Model):
    """Two neighbors connected about a need, an offer, or both, with a private thread."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        COMPLETED = "completed", _("Done")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    need = models.ForeignKey(
        Need, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    offer = models.ForeignKey(
        Offer, null=True, blank=True, on_delete=models.CASCADE, related_name="matches"
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.CASCADE,
        related_name="matches_asked",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked of"),
        on_delete=models.CASCADE,
        related_name="matches_received",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    # True while this match holds a single (not ongoing) offer: at most one may at a time.
    holds_offer = models.BooleanField(default=False, editable=False)
    thanks = models.TextField(_("thank-you note"), blank=True, max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = MatchQuerySet.as_manager()

    privacy = Privacy(private={"thanks": "visible_to"})

    class Meta:
        ordering = ["-updated"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.CheckConstraint(
                condition=Q(need__isnull=False) | Q(offer__isnull=False),
                name="match_has_need_or_offer",
            ),
            models.CheckConstraint(
                condition=~Q(requester=models.F("recipient")),
                name="match_between_two_neighbors",
            ),
            models.UniqueConstraint(
                fields=["offer"],
                condition=Q(holds_offer=True),
                name="match_one_holder_per_single_offer",
            ),
        ]

    def __str__(self):
        post = self.need or self.offer
        return str(post)

    def get_absolute_url(self):
        return reverse("needs:match_detail", args=[self.pk])

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.PROPOSED, self.Status.ACCEPTED)

    def is_participant(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.requester_id, self.recipient_id)

    def other_person(self, user):
        return self.recipient if user.pk == self.requester_id else self.requester

    @property
    def subject(self):
        return self.need or self.offer


class MessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Messages of the threads `user` may read; hidden ones only for moderators."""
        messages = self.filter(match__in=Match.objects.visible_to(user).values("pk"))
        if not (user.is_authenticated and user.has_role(roles.MODERATOR)):
            messages = messages.filter(hidden=False)
        return messages


class Message(Reportable):
    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    objects = MessageQuerySet.as_manager()

    privacy = Privacy(private={"body": "visible_to"})

    # Private to the two people in the thread: a moderator's read is written in the log.
    reads_are_logged = True

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self):
        return self.body[:60]

    @property
    def log_label(self) -> str:
        """How the moderation log names a message: never by its words (organizers read it)."""
        return _("A message about “%(post)s”") % {"post": self.match}

    def get_absolute_url(self):
        return self.match.get_absolute_url()


class FollowQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("area").prefetch_related(
            Prefetch("categories", queryset=Category.objects.order_by("order", "name"))
        )


class Follow(models.Model):
    """A filter a neighbor follows; a daily digest tells them of new posts that fit."""

    class Side(models.TextChoices):
        BOTH = "both", _("Needs and offers")
        NEEDS = "needs", _("Needs")
        OFFERS = "offers", _("Offers")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    side = models.CharField(_("show me"), max_length=8, choices=Side.choices, default=Side.BOTH)
    categories = models.ManyToManyField(
        Category,
        verbose_name=_("categories"),
        blank=True,
        related_name="+",
        help_text=_("None ticked means every category."),
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_sent = models.DateTimeField(null=True, blank=True, editable=False)

    objects = FollowQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("followed filter")
        verbose_name_plural = _("followed filters")

    def __str__(self):
        return f"{self.user} · {self.get_side_display()}"


def with_active_match_flag(queryset, user):
    """Annotate whether `user` already has an active match about each post."""
    return queryset.annotate(
        my_active_match=Exists(
            Match.objects.active()
            .involving(user)
            .filter(**{queryset.model._meta.model_name: OuterRef("pk")})
        )
    )
