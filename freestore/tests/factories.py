"""factory_boy factories for the free store. Stock arrives through the ledger only."""

import datetime

import factory
from django.utils import timezone

from mutualaid import roles
from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory

from ..models import Item, Shift, Store, Thing


class StoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Store

    name = factory.Sequence(lambda n: f"Free Store {n}")
    slug = factory.Sequence(lambda n: f"free-store-{n}")
    area = factory.SubFactory(AreaFactory)
    place = "Community hall, side door"
    opening_hours = "Saturday 10:00–14:00"


class ItemFactory(factory.django.DjangoModelFactory):
    """An item; `stock=N` records an intake of N through the ledger."""

    class Meta:
        model = Item
        skip_postgeneration_save = True

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Thing to give {n}")
    category = factory.LazyFunction(lambda: CategoryFactory(slug="clothing-household"))
    condition = "good"

    @factory.post_generation
    def stock(self, create, extracted, **kwargs):
        if create and extracted:
            from ..services import stock_intake

            stock_intake(lines=[(self, extracted)], by=volunteer())
            self.refresh_from_db()


class ThingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Thing

    store = factory.SubFactory(StoreFactory)
    name = factory.Sequence(lambda n: f"Ladder {n}")
    category = factory.LazyFunction(lambda: CategoryFactory(slug="tools-garden"))


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    store = factory.SubFactory(StoreFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=3))
    places = 2


def volunteer(**kwargs):
    return UserFactory(roles=[roles.STORE_VOLUNTEER], **kwargs)
