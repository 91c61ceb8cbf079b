"""factory_boy factories for needs, matches and messages."""

import factory

from mutualaid.tests.factories import AreaFactory, CategoryFactory, UserFactory
from needs.models import Follow, Match, Message, Need


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Something needed {n}")
    details = "Any time this week."
    category = factory.SubFactory(CategoryFactory)
    area = factory.SubFactory(AreaFactory)


class MatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Match

    need = factory.SubFactory(NeedFactory)
    requester = factory.SubFactory(UserFactory)
    recipient = factory.LazyAttribute(lambda match: match.need.owner)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    match = factory.SubFactory(MatchFactory)
    author = factory.LazyAttribute(lambda message: message.match.requester)
    body = "Would Saturday morning work?"


class FollowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Follow

    user = factory.SubFactory(UserFactory)
