"""factory_boy factories for the core: neighbors, areas, categories."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from mutualaid.models import Area, Category, User

PASSWORD = "a-long-enough-passphrase"


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    """Returns a seeded category by slug, or a new one."""

    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    """A neighbor with a verified email who can log in with PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"neighbor{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Neighbor {n}")
    area = factory.SubFactory(AreaFactory)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            for role in extracted:
                self.groups.add(Group.objects.get(name=role))
