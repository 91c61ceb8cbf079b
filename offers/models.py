"""Offers: what neighbors share. Also the post base that needs build on.

Offers are the lower layer of the two sides: needs import offers, never the other way. The
`Post` base holds what both sides share: words, category, area, who may read the details,
expiry, and a stored search vector that `mutualaid.ranking` works on.
"""

import datetime
from typing import ClassVar, TypeVar

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Case, F, Func, Q, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mutualaid.models import Area, Category
from mutualaid.moderation.models import Reportable
from mutualaid.privacy import Privacy
from mutualaid.ranking import SEARCH_CONFIG

POST_LIFETIME_DAYS = 30


def default_expiry() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=POST_LIFETIME_DAYS)


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    SPANISH = "es", _("Spanish")


class Visibility(models.TextChoices):
    NEIGHBORS = "neighbors", _("Signed-in neighbors")
    EVERYONE = "everyone", _("Everyone, even without an account")


def reads_every_detail(reader) -> bool:
    """Signed-in neighbors read every post's details; anyone else only details for everyone."""
    return bool(reader and reader.is_authenticated)


class TitleWords(Func):
    """The title's part of a post's search vector: the title (weight A) and what is said of
    it (its translation and related words, weight C); details are B and D."""

    function = "ts_filter"
    template = "%(function)s(%(expressions)s, '{a,c}'::\"char\"[])"
    output_field = SearchVectorField()


# Each side's QuerySet is a PostQuerySet of its own model (NeedQuerySet is PostQuerySet[Need]).
SomePost = TypeVar("SomePost", bound="Post")


class PostQuerySet(models.QuerySet[SomePost]):
    """Reads both sides share. `open()` is the only door into lists and matching."""

    def visible(self):
        """Everything but what a moderator hid."""
        return self.filter(hidden=False)

    def visible_to(self, user):
        """What `user` may see of these posts: moderators see hidden ones too."""
        from mutualaid.roles import MODERATOR

        if user is not None and user.is_authenticated and user.has_role(MODERATOR):
            return self
        return self.visible()

    def details_readable_by(self, reader):
        """Posts whose details `reader` may read (see Post.details_visible_to)."""
        return self if reads_every_detail(reader) else self.filter(visibility=Visibility.EVERYONE)

    def current(self):
        return self.filter(expires_on__gte=timezone.localdate())

    def open(self):
        return self.filter(status="open", hidden=False).current()

    def by(self, user):
        return self.filter(owner=user)

    def in_area(self, area):
        return self.filter(area=area) if area else self

    def in_categories(self, categories):
        return self.filter(category__in=categories) if categories else self

    def readable_search(self, reader):
        """Alias `readable_search`: the words of each post that `reader` may read.

        Everyone reads titles; details only where they are shown to the reader. Search and
        matching look only there, so a word hidden in neighbors-only details can't be probed
        for. For a reader who may read everything the queryset is left as it is.
        """
        if reads_every_detail(reader):
            return self
        return self.alias(
            readable_search=Case(
                When(visibility=Visibility.EVERYONE, then=F("search")),
                default=TitleWords(F("search")),
                output_field=SearchVectorField(),
            )
        )

    def with_words(self, words: str, *, reader):
        """Posts with any of `words` among the words `reader` may read."""
        from mutualaid.ranking import search_query

        query = search_query(words)
        if query is None:
            return self
        # The stored vector's GIN index finds the candidates; the readable words decide.
        found = self.filter(search=query)
        if reads_every_detail(reader):
            return found
        return found.readable_search(reader).filter(readable_search=query)

    def matchable_by(self, viewer):
        """Open posts `viewer` could be matched with, through their eyes: only the words they
        may read, never their own posts (what offers.suggest ranks)."""
        posts = self.open().readable_search(viewer)
        if viewer is not None and viewer.is_authenticated:
            posts = posts.exclude(owner=viewer)
        return posts

    def for_list(self):
        return self.select_related("owner", "area", "category")

    def still_going_first(self):
        """The posts still going (the model's `GOING_STATUSES`) first, then the rest; newest
        first within each. Mine pages a neighbor's own posts in this order."""
        return self.alias(
            done=Case(When(status__in=self.model.GOING_STATUSES, then=0), default=1)
        ).order_by("done", "-created_at", "-pk")


class Post(Reportable):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("posted by"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    title = models.CharField(_("in a few words"), max_length=120)
    details = models.TextField(_("details"), blank=True, max_length=2000)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )
    visibility = models.CharField(
        _("who may read the details"),
        max_length=12,
        choices=Visibility.choices,
        default=Visibility.NEIGHBORS,
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now, db_index=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    expires_on = models.DateField(_("open until"), default=default_expiry)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    # What matching understands of a post (mutualaid.lexicon, offers.understanding): the
    # language it is written in, the words for the same things, and its translation into the
    # other language (made in the background after saving). Never shown; searched with less
    # weight than the words the poster wrote.
    language = models.CharField(
        _("written in"), max_length=2, choices=Language.choices, blank=True, editable=False
    )
    title_related = models.TextField(blank=True, editable=False)
    details_related = models.TextField(blank=True, editable=False)
    title_translated = models.TextField(blank=True, editable=False)
    details_translated = models.TextField(blank=True, editable=False)
    search = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("details", weight="B", config=SEARCH_CONFIG)
        + SearchVector("title_related", "title_translated", weight="C", config=SEARCH_CONFIG)
        + SearchVector("details_related", "details_translated", weight="D", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    # The poster's own words alone: where matching looks for a draft's related words, so a
    # word related to a word related to the draft is not taken for a fit.
    own_search = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("details", weight="B", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    # What a post's privacy declaration shares (see mutualaid.privacy): its title and what is
    # derived from it are public; its details and what is derived from them are not.
    TITLE_PUBLIC = ("title", "title_related", "title_translated")

    # Each side declares which it is ("need" or "offer": what matching ranks for the other),
    # its own status field and which of its statuses are still going.
    side: ClassVar[str]
    status: str
    GOING_STATUSES: ClassVar[tuple[str, ...]]
    DETAILS_PRIVATE = dict.fromkeys(
        ["details", "details_related", "details_translated"], "details_readable_by"
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        from .understanding import post_understand, translate_later

        # A save of other fields only (a status on every ask and answer) leaves the words,
        # and so what matching understands of them, as they are.
        update_fields = kwargs.get("update_fields")
        words_may_change = update_fields is None or {"title", "details"} & set(update_fields)
        if words_may_change:
            post_understand(self)
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    "language",
                    "title_related",
                    "details_related",
                }
        super().save(*args, **kwargs)
        if words_may_change:
            translate_later(self)

    @property
    def author(self):
        """Who moderators warn about a reported post."""
        return self.owner

    @property
    def is_expired(self) -> bool:
        return self.expires_on < timezone.localdate()

    @property
    def is_open(self) -> bool:
        return self.status == "open" and not self.is_expired

    def details_visible_to(self, user) -> bool:
        return self.visibility == Visibility.EVERYONE or reads_every_detail(user)

    def can_edit(self, user) -> bool:
        return bool(user and user.is_authenticated and user.pk == self.owner_id)

    @classmethod
    def post_indexes(cls, prefix: str):
        # fastupdate off: posts are written rarely and read on every keystroke, so inserts go
        # straight into the index instead of a pending list every search would have to scan.
        return [
            GinIndex(fields=["search"], name=f"{prefix}_search_gin", fastupdate=False),
            GinIndex(fields=["own_search"], name=f"{prefix}_own_search_gin", fastupdate=False),
            models.Index(
                fields=["-created_at"],
                name=f"{prefix}_open_recent",
                condition=Q(status="open"),
            ),
            # Matching's "same category and area" candidates, newest first.
            models.Index(
                fields=["category", "area", "-created_at"],
                name=f"{prefix}_open_local",
                condition=Q(status="open"),
            ),
        ]


class OfferQuerySet(PostQuerySet["Offer"]):
    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self


class Offer(Post):
    side = "offer"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        SPOKEN_FOR = "spoken_for", _("Someone asked for it")
        TAKEN = "taken", _("Taken")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    GOING_STATUSES = (Status.OPEN, Status.SPOKEN_FOR)

    class Kind(models.TextChoices):
        THINGS = "things", _("Things")
        TIME = "time", _("Time")
        SKILL = "skill", _("A skill")
        LEND = "lend", _("Something to lend")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    kind = models.CharField(
        _("what kind"), max_length=10, choices=Kind.choices, default=Kind.THINGS
    )
    ongoing = models.BooleanField(
        _("this is ongoing"),
        default=False,
        help_text=_("A weekly ride or a skill stays open after someone takes you up on it."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )

    objects = OfferQuerySet.as_manager()

    privacy = Privacy(private=Post.DETAILS_PRIVATE, public=Post.TITLE_PUBLIC)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        indexes = Post.post_indexes("offer")

    def get_absolute_url(self):
        return reverse("offers:detail", args=[self.pk])
