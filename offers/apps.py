"""Offers: what neighbors share."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OffersConfig(AppConfig):
    name = "offers"
    verbose_name = _("Offers")
    matching_side = "offer"

    def matching_posts(self, viewer):
        """Open offers a neighbor could ask about (read by mutualaid.ranking)."""
        from .models import Offer

        offers = Offer.objects.open()
        if viewer is not None and viewer.is_authenticated:
            offers = offers.exclude(owner=viewer)
        return offers

    def home_section(self, request):
        from .models import Offer

        latest = list(Offer.objects.open().for_list()[:5])
        return "offers/home_section.html", {"offers": latest}

    def seed_demo(self, *, people, areas):
        from .demo import seed_offers

        seed_offers(people=people, areas=areas)
