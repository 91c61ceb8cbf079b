"""The free store and the lending shelf, run by volunteers."""

from django.apps import AppConfig
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Organizers open stores and manage the shelf and shifts in the admin. Stock itself only
# moves through the volunteer screens, so the ledger is view-only there.
ORGANIZER_ADMIN = {
    "store": ("add", "change", "view"),
    "item": ("add", "change", "view"),
    "thing": ("add", "change", "view"),
    "shift": ("add", "change", "delete", "view"),
    "shiftsignup": ("add", "change", "delete", "view"),
    "stockmovement": ("view",),
    "loan": ("view",),
    "hold": ("view",),
}


def grant_organizer_admin(sender=None, using=DEFAULT_DB_ALIAS, **kwargs):
    from django.contrib.auth.models import Group, Permission

    from mutualaid.roles import ORGANIZER

    group, _created = Group.objects.using(using).get_or_create(name=ORGANIZER)
    codenames = [
        f"{action}_{model}" for model, actions in ORGANIZER_ADMIN.items() for action in actions
    ]
    group.permissions.add(
        *Permission.objects.using(using).filter(
            content_type__app_label="freestore", codename__in=codenames
        )
    )


class FreestoreConfig(AppConfig):
    name = "freestore"
    verbose_name = _("Free store")

    def ready(self):
        post_migrate.connect(grant_organizer_admin, sender=self)

    def home_section(self, request):
        from .models import Item

        context = {
            "needed": list(Item.objects.most_needed()[:3]),
            "in_stock": Item.objects.in_stock().count(),
        }
        return "freestore/home_section.html", context

    def seed_demo(self, *, people, areas):
        from .demo import seed

        seed(people=people, areas=areas)
