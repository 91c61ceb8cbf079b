"""Demo data for the free store: a store with realistic stock, lendable tools and shifts.

Idempotent: stock is only added to items that have no ledger yet.
"""

import datetime

from django.utils import timezone

from mutualaid.models import Category

from . import services
from .models import Item, Shift, Store, Thing

# name, category slug, size, condition, on hand, target
STOCK = [
    ("Winter coat", "clothing-household", "M", "good", 4, 10),
    ("Winter coat", "clothing-household", "L", "good", 2, 8),
    ("Kids' winter boots", "clothing-household", "30", "good", 3, 6),
    ("Wool hat", "clothing-household", "", "new", 12, 10),
    ("Tinned tomatoes", "food", "", "new", 24, 20),
    ("Rice, 1 kg bag", "food", "", "new", 9, 20),
    ("Baby formula", "food", "", "new", 0, 6),
    ("Diapers, size 3", "childcare", "3", "new", 5, 12),
    ("Saucepan", "clothing-household", "", "worn", 3, 2),
    ("Bed sheets, double", "clothing-household", "double", "good", 6, 4),
    ("Picture books", "learning", "", "worn", 15, 5),
]

THINGS = [
    ("Ladder, 3 m", "Aluminium step ladder, folds flat.", "Feet a little scuffed."),
    ("Cordless drill", "18 V, with two batteries and a bit set.", "Works well."),
    ("Pressure washer", "For patios and bikes.", ""),
    ("Sewing machine", "Simple model, good for hems and patches.", "Needs a new needle soon."),
]


def seed(*, people, areas):
    store, _ = Store.objects.get_or_create(
        slug="riverside-free-store",
        defaults={
            "name": "Riverside Free Store",
            "area": areas["riverside"],
            "place": "Community hall, side door by the garden",
            "opening_hours": "Saturday 10:00–14:00\nWednesday 17:00–19:00",
        },
    )
    volunteer = people["sam"]
    categories = {c.slug: c for c in Category.objects.all()}
    opening = {}
    for name, slug, size, condition, on_hand, target in STOCK:
        item, created = Item.objects.get_or_create(
            store=store,
            name=name,
            size=size,
            condition=condition,
            defaults={"category": categories[slug], "target": target},
        )
        if created and on_hand:
            opening[item.pk] = on_hand
    if opening:
        # What was on the shelves on day one is counted, not donated: the reports' "received"
        # is donations only.
        services.stocktake_record(counts=opening, by=volunteer)
        first = Item.objects.get(pk=min(opening))
        services.stock_give_away(item=first, quantity=1, by=volunteer)
        services.stock_intake(lines=[(first, 1)], by=volunteer)

    tools = categories["tools-garden"]
    for name, description, notes in THINGS:
        Thing.objects.get_or_create(
            store=store,
            name=name,
            defaults={"category": tools, "description": description, "condition_notes": notes},
        )

    if not Shift.objects.filter(store=store).exists():
        today = timezone.localdate()
        saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 or 7)
        for week in range(3):
            day = saturday + datetime.timedelta(weeks=week)
            starts = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 30)))
            shift = Shift.objects.create(
                store=store,
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=5),
                places=3,
                note="Open the store, sort donations, welcome neighbors.",
            )
            if week == 0:
                services.shift_sign_up(shift=shift, volunteer=volunteer)
