"""The free store and the lending shelf, run by volunteers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreestoreConfig(AppConfig):
    name = "freestore"
    verbose_name = _("Free store")

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
