"""Offers: what neighbors share."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from mutualaid import shared_cache

        from .models import Post

        def post_changed(sender, **kwargs):
            if issubclass(sender, Post):
                shared_cache.changed(shared_cache.POSTS)

        # Needs and offers both: any post saved or deleted refreshes the lists' shared cache.
        post_save.connect(post_changed, weak=False, dispatch_uid="offers.post_changed")
        post_delete.connect(post_changed, weak=False, dispatch_uid="offers.post_changed")

    def home_section(self, request):
        from mutualaid import shared_cache

        from .models import Offer

        latest = shared_cache.remembered(
            shared_cache.POSTS,
            ("offers home section",),
            lambda: list(Offer.objects.open().for_list()[:5]),
        )
        return "offers/home_section.html", {"offers": latest}

    def export_user_data(self, user) -> dict:
        """A neighbor's offers (for My data)."""
        from .personal_data import export_user_data

        return export_user_data(user)

    def forget_user(self, user) -> None:
        """Withdraw the neighbor's open offers (the needs app calls this too, after matches)."""
        from .personal_data import forget_user

        forget_user(user)

    def seed_demo(self, *, people, areas):
        from .demo import seed_offers

        seed_offers(people=people, areas=areas)
