"""My data for the offers app: a neighbor's offers, and withdrawing them when they leave."""

from django.db.models import F

from .models import Offer


def export_user_data(user) -> dict:
    return {
        "offers": list(
            Offer.objects.by(user).values(
                "id",
                "title",
                "details",
                "kind",
                "ongoing",
                "status",
                "visibility",
                "category__name",
                "area__name",
                "expires_on",
                created=F("created_at"),
            )
        )
    }


def forget_user(user) -> None:
    """Withdraw the neighbor's offers that are still open or spoken for.

    Cancelling a match puts its offer back up, and the needs app cancels the leaving
    neighbor's matches; it calls this again afterwards, so which app's hook the core runs
    first makes no difference. Offers given away for good (taken) stay taken.
    """
    Offer.objects.by(user).filter(status__in=["open", "spoken_for"]).update(status="withdrawn")
