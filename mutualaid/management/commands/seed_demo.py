"""Create the demo neighborhood. Safe to run again: it only adds what is missing."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from mutualaid import demo


class Command(BaseCommand):
    help = "Create demo areas, neighbors and posts (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            areas = demo.seed_areas()
            people = demo.seed_people(areas)
            for config in apps.get_app_configs():
                seed = getattr(config, "seed_demo", None)
                if seed is not None:
                    seed(people=people, areas=areas)
        self.stdout.write(self.style.SUCCESS("Demo neighborhood ready. Log in with:"))
        for _key, (email, name, _area, _langs, role_names) in demo.PEOPLE.items():
            duty = f" ({', '.join(role_names)})" if role_names else ""
            self.stdout.write(f"  {email:<22} {demo.DEMO_PASSWORD}   {name}{duty}")
