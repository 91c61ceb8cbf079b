"""The free store and the lending shelf, run by volunteers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mutualaid.roles import ORGANIZER


class FreestoreConfig(AppConfig):
    name = "freestore"
    verbose_name = _("Free store")

    # Organizers set up stores (place, opening hours), items and the lending shelf, and plan
    # shifts, in the admin (mutualaid.roles keeps the Organizer group in step with this). Who
    # borrowed, who waits, who signed up and the stock ledger are for the volunteers' screens,
    # and quantities only move through the ledger.
    role_admin_permissions = {
        ORGANIZER: {
            "store": ("add", "change", "view"),
            "item": ("add", "change", "view"),
            "thing": ("add", "change", "view"),
            "shift": ("add", "change", "delete", "view"),
        },
    }

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from mutualaid import shared_cache

        def changed(sender, **kwargs):
            if sender._meta.app_label == "freestore":
                shared_cache.changed(shared_cache.STORE)

        # Whatever of this app is saved or deleted refreshes its home section's shared cache.
        post_save.connect(changed, weak=False, dispatch_uid="freestore.shared_cache")
        post_delete.connect(changed, weak=False, dispatch_uid="freestore.shared_cache")

    def duty_links(self, user):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from mutualaid.roles import STORE_VOLUNTEER

        if not user.has_role(STORE_VOLUNTEER):
            return []
        return [(_("Store volunteer screens"), reverse("freestore:volunteer"))]

    def home_section(self, request):
        from mutualaid import shared_cache

        from .models import Item

        def section():
            return {
                "needed": list(Item.objects.most_needed()[:3]),
                "in_stock": Item.objects.in_stock().count(),
            }

        return "freestore/home_section.html", shared_cache.remembered(
            shared_cache.STORE, ("store home section",), section
        )

    def export_user_data(self, user) -> dict:
        """A neighbor's loans, places in queues and shift sign-ups (for My data)."""
        from .personal_data import export_user_data

        return export_user_data(user)

    def forget_user(self, user) -> None:
        """Leave queues (passing a waiting thing on), drop sign-ups, keep loans (see privacy)."""
        from .personal_data import forget_user

        forget_user(user)

    def seed_demo(self, *, people, areas):
        from .demo import seed

        seed(people=people, areas=areas)
