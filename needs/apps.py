"""Needs: what neighbors ask for, and the matches that connect two neighbors."""

import datetime

from django.apps import AppConfig
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "needs"
    verbose_name = _("Needs")

    def ask_about_need(self, *, need_id, offer, by):
        """The offer form's "Ask about this" (called by offers.services.need_ask); refuses
        with MatchError, as any ask does."""
        from django.utils.translation import gettext

        from .models import Need
        from .services import MatchError, match_propose

        need = Need.objects.visible().filter(pk=need_id).first()
        if need is None:
            raise MatchError(gettext("That need is no longer here."))
        return match_propose(by=by, need=need, offer=offer)

    def duty_links(self, user):
        from django.urls import reverse
        from django.utils.translation import gettext as _

        from mutualaid.roles import INTAKE_VOLUNTEER

        if not user.has_role(INTAKE_VOLUNTEER):
            return []
        return [(_("Post for a neighbor"), reverse("needs:create"))]

    def home_section(self, request):
        from mutualaid import shared_cache

        from .models import Need

        def section():
            month_start = timezone.make_aware(
                datetime.datetime.combine(timezone.localdate().replace(day=1), datetime.time())
            )
            return {
                "needs": list(Need.objects.open().for_list()[:5]),
                "open_count": Need.objects.open().count(),
                "met_this_month": Need.objects.met_since(month_start).count(),
            }

        # The same for everyone, and counting every open need is what made home slow.
        return "needs/home_section.html", shared_cache.remembered(
            shared_cache.POSTS, ("needs home section",), section
        )

    def export_user_data(self, user) -> dict:
        """Everything the needs app holds about a neighbor (for My data)."""
        from .personal_data import export_user_data

        return export_user_data(user)

    def forget_user(self, user) -> None:
        """Close what is open; keep messages sent to others, as the core asks."""
        from .personal_data import forget_user

        forget_user(user)

    def seed_demo(self, *, people, areas):
        from .demo import seed_needs

        seed_needs(people=people, areas=areas)
