"""factory_boy factories for offers."""

import factory

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from offers.models import Offer


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Something to share {n}")
    details = "Pick up any evening."
    category = factory.SubFactory(CategoryFactory)
    area = factory.SubFactory(AreaFactory)
