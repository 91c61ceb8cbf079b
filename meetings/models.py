"""Open meetings: the meeting, its agenda, RSVPs, consent polls, decisions and action items.

Everything published here is public. Reads live in the QuerySet methods below so every list
page asks the database the same few questions however many rows it shows.
"""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorField,
    TrigramWordSimilarity,
)
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_noop, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mutualaid.models import SPOKEN_LANGUAGES, Area
from mutualaid.privacy import Privacy
from mutualaid.ranking import SEARCH_CONFIG


class MeetingQuerySet(models.QuerySet):
    def published(self):
        """What anyone may read: everything but drafts."""
        return self.exclude(status=Meeting.Status.DRAFT)

    def visible_to(self, user):
        """Drafts are for organizers only; everything else is public."""
        from mutualaid.roles import ORGANIZER

        if user.is_authenticated and user.has_role(ORGANIZER):
            return self
        return self.published()

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at", "pk")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at", "-pk")

    def for_list(self):
        return (
            self.select_related("area")
            .annotate(
                going_count=Count(
                    "rsvps", filter=Q(rsvps__answer=Rsvp.Answer.GOING), distinct=True
                ),
                item_count=Count(
                    "items", filter=Q(items__status=AgendaItem.Status.ACCEPTED), distinct=True
                ),
            )
            .prefetch_related("organizers")
        )

    def for_calendar(self):
        return self.published().exclude(status=Meeting.Status.CANCELLED).select_related("area")


class Meeting(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")

    title = models.CharField(_("title"), max_length=140)
    description = models.TextField(_("what it's about"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    area = models.ForeignKey(
        Area,
        verbose_name=_("neighborhood area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    place_name = models.CharField(
        _("place"),
        max_length=140,
        blank=True,
        help_text=_("A public place, like “Riverside library, community room”."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    access_notes = models.TextField(
        _("access"),
        blank=True,
        help_text=_("Childcare, interpretation, step-free access, food…"),
    )
    language = models.CharField(_("language"), max_length=8, choices=SPOKEN_LANGUAGES, default="en")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    organizers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("organizers"), related_name="organized_meetings"
    )
    minutes = models.TextField(pgettext_lazy("meeting record", "minutes"), blank=True)
    attendance_count = models.PositiveIntegerField(_("how many people came"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MeetingQuerySet.as_manager()

    # Drafts are for organizers until published (MeetingQuerySet.visible_to).
    privacy = Privacy(
        private=dict.fromkeys(
            ["title", "description", "place_name", "online_url", "access_notes", "minutes"],
            "visible_to",
        )
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(area__isnull=False) | ~Q(place_name="") | ~Q(online_url=""),
                name="meeting_has_a_place",
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_upcoming(self):
        return self.ends_at >= timezone.now() and not self.is_cancelled

    @property
    def length_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


def _is_organizer(user) -> bool:
    from mutualaid.roles import ORGANIZER

    return user.is_authenticated and user.has_role(ORGANIZER)


class AgendaItemQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Organizers read every item; anyone reads the agenda of a published meeting, and a
        neighbor their own proposals."""
        if _is_organizer(user):
            return self
        public = Q(status=AgendaItem.Status.ACCEPTED) & ~Q(meeting__status=Meeting.Status.DRAFT)
        return self.filter(public | Q(proposed_by=user) if user.is_authenticated else public)

    def accepted(self):
        return self.filter(status=AgendaItem.Status.ACCEPTED)

    def proposed(self):
        return self.filter(status=AgendaItem.Status.PROPOSED)

    def for_agenda(self):
        return (
            self.accepted()
            .select_related("proposed_by", "decision")
            .annotate(
                agree_count=Count("poll_answers", filter=Q(poll_answers__answer="agree")),
                abstain_count=Count("poll_answers", filter=Q(poll_answers__answer="abstain")),
                disagree_count=Count("poll_answers", filter=Q(poll_answers__answer="disagree")),
                block_count=Count("poll_answers", filter=Q(poll_answers__answer="block")),
            )
            .order_by("position", "pk")
        )

    def for_minutes(self):
        """The accepted items the minutes record an outcome for, in agenda order."""
        return self.accepted().select_related("decision").order_by("position", "pk")

    def total_minutes(self) -> int:
        return self.accepted().aggregate(total=Sum("time_box_minutes"))["total"] or 0


# Stored in English and said in each reader's language (AgendaItem.heading, .summary).
UNMET_NEEDS_TITLE = gettext_noop("Unmet needs in the neighborhood")
UNMET_NEEDS_DESCRIPTION = gettext_noop("What neighbors have asked for and nobody has answered yet.")


def explained(choices, hints: dict) -> list[tuple[str, str | Promise]]:
    """Choices with their one-line explanation ("Stand aside: I won't…"), for picking one."""
    return [(value, format_lazy("{}: {}", label, hints[value])) for value, label in choices]


# What each choice means, in a line, where people choose one.
KIND_HINTS = {
    "discussion": _("we share views; nothing is decided."),
    "proposal": _("everyone says where they stand, then we decide."),
    "report": _("someone tells everyone how something is going."),
    "unmet_needs": _("the open needs on the hub, by category and area."),
}
POLL_HINTS = {
    "agree": _("I support it."),
    "abstain": _("I won’t take part in it, but I won’t stop it."),
    "disagree": _("I have doubts, but we can go ahead."),
    "block": _("a serious concern, so we shouldn’t go ahead. Say why."),
}
OUTCOME_HINTS = {
    "agreed": _("we go ahead."),
    "not_agreed": _("we don’t go ahead."),
    "deferred": _("we come back to it at another meeting."),
}


class AgendaItem(models.Model):
    class Kind(models.TextChoices):
        DISCUSSION = "discussion", _("Talk it over")
        PROPOSAL = "proposal", _("A decision to make")
        REPORT = "report", _("News and updates")
        UNMET_NEEDS = "unmet_needs", _("Needs still waiting")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACCEPTED = "accepted", _("On the agenda")
        DECLINED = "declined", _("Declined")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=Kind.choices, default=Kind.DISCUSSION)
    time_box_minutes = models.PositiveSmallIntegerField(
        pgettext_lazy("duration", "minutes"), default=10
    )
    facilitator = models.CharField(
        _("facilitator"),
        max_length=80,
        blank=True,
        help_text=_("Who guides this item. A first name is enough."),
    )
    position = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACCEPTED)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_agenda_items",
    )
    decline_reason = models.TextField(_("why not this time"), blank=True)
    minutes = models.TextField(pgettext_lazy("meeting record", "minutes for this item"), blank=True)
    # Open needs by category and area when the item was added (see needs_snapshot.py).
    needs_snapshot = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AgendaItemQuerySet.as_manager()

    privacy = Privacy(
        private=dict.fromkeys(
            ["title", "description", "facilitator", "decline_reason", "minutes"], "visible_to"
        )
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="declined") | ~Q(decline_reason=""),
                name="agenda_item_decline_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(time_box_minutes__gte=1) & Q(time_box_minutes__lte=480),
                name="agenda_item_time_box_range",
            ),
        ]
        indexes = [models.Index(fields=["meeting", "status", "position"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.meeting.get_absolute_url()

    @property
    def is_proposal(self):
        return self.kind == self.Kind.PROPOSAL

    @property
    def heading(self) -> str:
        """The title in the reader's language: the unmet needs item's is the hub's own words."""
        return gettext(self.title) if self.kind == self.Kind.UNMET_NEEDS else self.title

    @property
    def needs_by_category(self) -> list[dict]:
        from .needs_snapshot import by_category

        return by_category(self.needs_snapshot or {})

    @property
    def summary(self) -> str:
        return gettext(self.description) if self.kind == self.Kind.UNMET_NEEDS else self.description

    def poll_is_open(self) -> bool:
        """Neighbors may answer until the decision is recorded."""
        return (
            self.is_proposal
            and self.status == self.Status.ACCEPTED
            and self.meeting.status in (Meeting.Status.PUBLISHED, Meeting.Status.HELD)
            and not self.has_decision
        )

    @property
    def has_decision(self) -> bool:
        try:
            return self.decision is not None
        except Decision.DoesNotExist:
            return False


class Rsvp(models.Model):
    class Answer(models.TextChoices):
        GOING = "going", _("Going")
        MAYBE = "maybe", _("Maybe")
        NOT_GOING = "not_going", _("Not going")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="rsvps")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_rsvps"
    )
    answer = models.CharField(_("will you come?"), max_length=10, choices=Answer.choices)
    reminded_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("RSVP")
        verbose_name_plural = _("RSVPs")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="rsvp_one_per_person"),
        ]

    def __str__(self):
        return f"{self.person} · {self.get_answer_display()}"


class PollAnswerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Answers (and block reasons) are as public as the agenda item they answer."""
        return self.filter(item__in=AgendaItem.objects.visible_to(user).values("pk"))

    def block_reasons(self):
        """Why people block, oldest first: what the room weighs before deciding."""
        return (
            self.filter(answer=PollAnswer.Answer.BLOCK)
            .exclude(reason="")
            .order_by("updated_at", "pk")
        )


class PollAnswer(models.Model):
    """Where a neighbor stands on a proposal. One current answer per person, changeable."""

    class Answer(models.TextChoices):
        AGREE = "agree", _("Agree")
        ABSTAIN = "abstain", _("Stand aside")
        DISAGREE = "disagree", _("Disagree")
        BLOCK = "block", _("Object")

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="poll_answers")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="poll_answers"
    )
    answer = models.CharField(_("where do you stand?"), max_length=10, choices=Answer.choices)
    reason = models.TextField(_("reason"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PollAnswerQuerySet.as_manager()

    privacy = Privacy(private={"reason": "visible_to"})

    class Meta:
        verbose_name = _("poll answer")
        verbose_name_plural = _("poll answers")
        constraints = [
            models.UniqueConstraint(fields=["item", "person"], name="poll_answer_one_per_person"),
            models.CheckConstraint(
                condition=~Q(answer="block") | ~Q(reason=""),
                name="poll_answer_block_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.person} · {self.get_answer_display()}"


class DecisionQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(meeting__status=Meeting.Status.DRAFT)

    def visible_to(self, user):
        return self if _is_organizer(user) else self.public()

    def for_list(self):
        return self.select_related("meeting", "item").order_by("-decided_on", "-pk")

    def search(self, text: str):
        """Full-text search on the stored vector, best matches first."""
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return (
            self.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-decided_on", "-pk")
        )

    def similar(self, text: str):
        """For typos ("tenats"): decisions whose title has a word close to one typed."""
        return (
            self.annotate(similarity=TrigramWordSimilarity(text, "title"))
            .filter(similarity__gte=0.4)
            .order_by("-similarity", "-decided_on", "-pk")
        )


class Decision(models.Model):
    class Outcome(models.TextChoices):
        AGREED = "agreed", _("Agreed")
        NOT_AGREED = "not_agreed", _("Not agreed")
        DEFERRED = "deferred", _("Left for later")

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="decisions")
    item = models.OneToOneField(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decision"
    )
    title = models.CharField(_("what was decided on"), max_length=160)
    text = models.TextField(_("the decision"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    # The consent poll's counts when the decision was recorded: agree/abstain/disagree/block.
    tally = models.JSONField(default=dict, blank=True)
    decided_on = models.DateField(_("decided on"))
    created_at = models.DateTimeField(auto_now_add=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("text", weight="B", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = DecisionQuerySet.as_manager()

    privacy = Privacy(private={"title": "visible_to", "text": "visible_to"})

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [
            GinIndex(fields=["search_vector"], name="decision_search_gin"),
            models.Index(fields=["outcome", "decided_on"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{reverse('meetings:detail', args=[self.meeting_id])}#decision-{self.pk}"


class ActionItemQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(meeting__status=Meeting.Status.DRAFT)

    def visible_to(self, user):
        return self if _is_organizer(user) else self.public()

    def open(self):
        return self.filter(done=False)

    def for_list(self):
        return self.select_related("meeting", "decision").order_by("due", "pk")


class ActionItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="action_items")
    decision = models.ForeignKey(
        Decision,
        verbose_name=_("from decision"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="action_items",
    )
    what = models.CharField(_("what"), max_length=200)
    owner_name = models.CharField(
        _("who"), max_length=80, help_text=_("The person doing it. A first name is enough.")
    )
    due = models.DateField(_("due"))
    done = models.BooleanField(_("done"), default=False)
    done_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActionItemQuerySet.as_manager()

    privacy = Privacy(private={"what": "visible_to", "owner_name": "visible_to"})

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        indexes = [models.Index(fields=["done", "due"])]

    def __str__(self):
        return self.what
