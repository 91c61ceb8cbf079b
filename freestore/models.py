"""The free store's catalog, its stock ledger, the lending shelf and volunteer shifts.

Stock is a ledger: every change is a StockMovement, and the quantity on hand is kept on the
Item in the same transaction, guarded by a database constraint so it can never go below zero.
A give-away records items and quantities only, never who took them.
"""

import re

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Prefetch, Q, Sum
from django.db.models.functions import Lower, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mutualaid.models import Area, Category
from mutualaid.privacy import Privacy


class Store(models.Model):
    """A free store (and its lending shelf): a place in an area with opening hours."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name"), max_length=100, unique=True)
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="+"
    )
    place = models.CharField(
        _("place"),
        max_length=200,
        help_text=_("A public place people can find, e.g. 'Community hall, side door'."),
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)

    privacy = Privacy(public=("name", "slug", "place", "opening_hours"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("store")
        verbose_name_plural = _("stores")

    def __str__(self):
        return self.name


class Condition(models.TextChoices):
    NEW = "new", _("New")
    GOOD = "good", _("Good")
    WORN = "worn", _("Worn but fine")


class ItemQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("store", "category")

    def in_stock(self):
        return self.filter(quantity__gt=0)

    def most_needed(self):
        """Items below their target level, the biggest shortfall first."""
        return (
            self.filter(target__gt=F("quantity"))
            .annotate(shortfall=F("target") - F("quantity"))
            .order_by("-shortfall", "name")
        )

    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(Q(name__icontains=text) | Q(size__icontains=text))


class Item(models.Model):
    """Something the store gives away, with how many are on hand and how many it would like."""

    store = models.ForeignKey(
        Store, verbose_name=_("store"), on_delete=models.PROTECT, related_name="items"
    )
    name = models.CharField(_("name"), max_length=100)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    size = models.CharField(
        _("size"), max_length=30, blank=True, help_text=_("Only where it matters.")
    )
    condition = models.CharField(
        _("condition"), max_length=10, choices=Condition.choices, default=Condition.GOOD
    )
    target = models.PositiveIntegerField(
        _("how many we’d like to have"),
        default=0,
        help_text=_("Below this, the item shows as most needed."),
    )
    # Kept in step with the ledger by services.py only; never edited directly.
    quantity = models.IntegerField(_("on hand"), default=0, editable=False)

    objects = ItemQuerySet.as_manager()

    privacy = Privacy(public=("name", "size"))

    class Meta:
        ordering = ["name", "size"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=0), name="item_quantity_not_negative"),
            models.UniqueConstraint(
                "store", Lower("name"), "size", "condition", name="item_unique_per_store"
            ),
        ]

    def __str__(self):
        return f"{self.plain_name} ({self.size})" if self.size else self.name

    def get_absolute_url(self):
        return reverse("freestore:item_detail", args=[self.pk])

    @property
    def plain_name(self) -> str:
        """The name without a size it repeats: "Diapers, size 3" of size 3 reads "Diapers"."""
        if not self.size:
            return self.name
        words = "|".join(re.escape(word) for word in {"size", str(_("size"))})
        repeat = rf"[\s,]*(?:(?:{words})\s*)?{re.escape(self.size)}$"
        return re.sub(repeat, "", self.name, flags=re.IGNORECASE) or self.name


class MovementKind(models.TextChoices):
    INTAKE = "intake", _("Donation in")
    GIVE_AWAY = "give_away", _("Given away")
    ADJUSTMENT = "adjustment", _("Adjustment")
    STOCKTAKE = "stocktake", _("Shelf count")


class AdjustmentReason(models.TextChoices):
    DAMAGED = "damaged", _("Damaged")
    EXPIRED = "expired", _("Expired")
    MISCOUNTED = "miscounted", _("Miscounted")
    OTHER = "other", _("Other")


class StockMovementQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The ledger is read by store volunteers only."""
        from mutualaid.roles import STORE_VOLUNTEER

        return self if user.is_authenticated and user.has_role(STORE_VOLUNTEER) else self.none()

    def for_list(self):
        return self.select_related("item", "item__store", "item__category", "by")

    def between(self, start, end):
        """Movements on days start..end inclusive, in the hub's time zone."""
        return self.filter(created_at__date__gte=start, created_at__date__lte=end)

    def monthly_totals(self):
        """Rows of (month, category id, received, given away) for the report chart."""
        return (
            self.annotate(month=TruncMonth("created_at"))
            .values("month", "item__category")
            .annotate(
                received=Sum("quantity", filter=Q(kind=MovementKind.INTAKE), default=0),
                given=Sum("quantity", filter=Q(kind=MovementKind.GIVE_AWAY), default=0),
            )
            .order_by("month", "item__category")
        )


class StockMovement(models.Model):
    """One line of the stock ledger. Quantity is signed: + in, - out."""

    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="movements"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MovementKind.choices)
    quantity = models.IntegerField(_("change"))
    reason = models.CharField(
        _("reason"), max_length=12, choices=AdjustmentReason.choices, blank=True
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    # The volunteer who recorded it: never the person who took something.
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = StockMovementQuerySet.as_manager()

    # Notes on stock (why an adjustment) are for the store volunteers who keep the ledger.
    privacy = Privacy(private={"note": "visible_to"})

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("stock movement")
        verbose_name_plural = _("stock movements")
        constraints = [
            models.CheckConstraint(condition=~Q(quantity=0), name="movement_not_zero"),
            models.CheckConstraint(
                condition=~Q(kind="intake") | Q(quantity__gt=0), name="intake_adds"
            ),
            models.CheckConstraint(
                condition=~Q(kind="give_away") | (Q(quantity__lt=0) & Q(reason="") & Q(note="")),
                name="give_away_removes_and_says_nothing_more",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.quantity:+d} {self.item}"


class PledgeQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A pledge is read by the neighbor who made it and by the store volunteers."""
        from mutualaid.roles import STORE_VOLUNTEER

        if not user.is_authenticated:
            return self.none()
        return self if user.has_role(STORE_VOLUNTEER) else self.filter(neighbor=user)

    def pending(self):
        return self.filter(status=Pledge.Status.PLEDGED)

    def for_list(self):
        return self.select_related("item", "item__store", "neighbor")


class Pledge(models.Model):
    """'I can donate this': a neighbor says they will bring something the store runs low on."""

    class Status(models.TextChoices):
        PLEDGED = "pledged", _("On its way")
        RECEIVED = "received", _("Received")
        WITHDRAWN = "withdrawn", _("Taken back")

    item = models.ForeignKey(
        Item, verbose_name=_("item"), on_delete=models.CASCADE, related_name="pledges"
    )
    neighbor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("neighbor"),
        on_delete=models.CASCADE,
        related_name="pledges",
    )
    quantity = models.PositiveIntegerField(_("how many"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLEDGED
    )
    created_at = models.DateTimeField(_("promised"), default=timezone.now)
    # The ledger line its arrival was recorded as.
    movement = models.OneToOneField(
        StockMovement, null=True, blank=True, on_delete=models.SET_NULL, related_name="pledge"
    )

    objects = PledgeQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="pledge_brings_something"),
        ]

    def __str__(self):
        return f"{self.quantity} × {self.item}"


class ThingStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    ON_LOAN = "on_loan", _("On loan")
    IN_REPAIR = "in_repair", _("In repair")
    RETIRED = "retired", _("Retired")


class ThingQuerySet(models.QuerySet):
    def for_list(self):
        return (
            self.select_related("store", "category")
            .exclude(status=ThingStatus.RETIRED)
            .annotate(
                waiting=Count("holds", filter=Q(holds__closed_at__isnull=True), distinct=True)
            )
            .order_by("name", "pk")
        )


class Thing(models.Model):
    """One lendable unit on the shelf: the ladder, the drill. No fees, no deposits."""

    store = models.ForeignKey(
        Store, verbose_name=_("store"), on_delete=models.PROTECT, related_name="things"
    )
    name = models.CharField(_("name"), max_length=100)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ThingStatus.choices, default=ThingStatus.AVAILABLE
    )
    condition_notes = models.TextField(_("condition notes"), blank=True)
    loan_days = models.PositiveIntegerField(_("usual loan (days)"), default=7)

    objects = ThingQuerySet.as_manager()

    privacy = Privacy(public=("name", "description", "condition_notes"))

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("lendable thing")
        verbose_name_plural = _("lendable things")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("freestore:thing_detail", args=[self.pk])

    @property
    def is_held(self) -> bool:
        """Back on the shelf but kept for the first in the queue (needs for_list's count)."""
        return self.status == ThingStatus.AVAILABLE and getattr(self, "waiting", 0) > 0


class LoanQuerySet(models.QuerySet):
    def for_list(self):
        return self.select_related("thing", "thing__store")

    def open(self):
        return self.filter(returned_at__isnull=True)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.open().filter(due_on__lt=today)


class Loan(models.Model):
    thing = models.ForeignKey(
        Thing, verbose_name=_("thing"), on_delete=models.PROTECT, related_name="loans"
    )
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("borrower"),
        on_delete=models.CASCADE,
        related_name="loans",
    )
    borrowed_at = models.DateTimeField(_("borrowed"), default=timezone.now)
    due_on = models.DateField(_("due back"))
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    renewals = models.PositiveIntegerField(_("renewals"), default=0)
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    objects = LoanQuerySet.as_manager()

    class Meta:
        ordering = ["-borrowed_at"]
        verbose_name = _("loan")
        verbose_name_plural = _("loans")
        constraints = [
            models.UniqueConstraint(
                "thing", condition=Q(returned_at__isnull=True), name="one_open_loan_per_thing"
            ),
        ]

    def __str__(self):
        return f"{self.thing} → {self.borrower}"

    @property
    def is_overdue(self):
        return self.returned_at is None and self.due_on < timezone.localdate()


class HoldQuerySet(models.QuerySet):
    def open(self):
        """Places still in a queue, first come first (the model's ordering)."""
        return self.filter(closed_at__isnull=True)


class Hold(models.Model):
    """A place in the queue for a thing. Closed when the person borrows it or gives up."""

    thing = models.ForeignKey(
        Thing, verbose_name=_("thing"), on_delete=models.CASCADE, related_name="holds"
    )
    neighbor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("neighbor"),
        on_delete=models.CASCADE,
        related_name="holds",
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now)
    notified_at = models.DateTimeField(_("told it is back"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = HoldQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("hold")
        verbose_name_plural = _("holds")
        constraints = [
            models.UniqueConstraint(
                "thing",
                "neighbor",
                condition=Q(closed_at__isnull=True),
                name="one_open_hold_per_neighbor",
            ),
        ]

    def __str__(self):
        return f"{self.neighbor} waits for {self.thing}"


class ShiftQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now())

    def with_signup_of(self, user):
        """Each shift with `mine`: `user`'s own signup in a list (empty when not on it)."""
        if not user.is_authenticated:
            return self
        mine = ShiftSignup.objects.filter(volunteer=user)
        return self.prefetch_related(Prefetch("signups", queryset=mine, to_attr="mine"))

    def for_list(self):
        return (
            self.select_related("store")
            .annotate(taken=Count("signups"))
            .order_by("starts_at", "pk")
        )


class Shift(models.Model):
    store = models.ForeignKey(
        Store, verbose_name=_("store"), on_delete=models.CASCADE, related_name="shifts"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    places = models.PositiveIntegerField(_("places"), default=2)
    note = models.CharField(_("what the shift is for"), max_length=200, blank=True)

    objects = ShiftQuerySet.as_manager()

    privacy = Privacy(public=("note",))

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="shift_ends_after_start",
                violation_error_message=_("The shift has to end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(places__gte=1),
                name="shift_has_a_place",
                violation_error_message=_("A shift needs at least one place."),
            ),
        ]

    def __str__(self):
        return f"{self.store} {self.starts_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self):
        return reverse("freestore:shift_detail", args=[self.pk])


class ShiftSignup(models.Model):
    shift = models.ForeignKey(
        Shift, verbose_name=_("shift"), on_delete=models.CASCADE, related_name="signups"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("volunteer"),
        on_delete=models.CASCADE,
        related_name="shift_signups",
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("shift sign-up")
        verbose_name_plural = _("shift sign-ups")
        constraints = [
            models.UniqueConstraint("shift", "volunteer", name="one_signup_per_shift"),
        ]

    def __str__(self):
        return f"{self.volunteer} on {self.shift}"
