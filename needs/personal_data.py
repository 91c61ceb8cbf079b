"""My data for the needs app: what we hold about a neighbor, and forgetting them."""

from django.db.models import F, Q

from offers import personal_data as offers_data

from .models import Follow, Match, Message, Need


def export_user_data(user) -> dict:
    matches = Match.objects.involving(user).select_related("need", "offer")
    return {
        # A need an intake volunteer posted for someone is in their download, but the first
        # name and private contact note are about that other person, so they stay out.
        "needs": [
            _without_the_other_person(need)
            for need in Need.objects.by(user).values(
                "id",
                "title",
                "details",
                "urgency",
                "status",
                "visibility",
                "on_behalf_of",
                "category__name",
                "area__name",
                "expires_on",
                created=F("created_at"),
            )
        ],
        "matches": [
            {
                "id": match.pk,
                "about": str(match.subject),
                "i_asked": match.requester_id == user.pk,
                "status": match.status,
                "thanks": match.thanks,
                "created": match.created_at,
            }
            for match in matches
        ],
        "messages_sent": list(
            Message.objects.filter(author=user).values("match_id", "body", created=F("created_at"))
        ),
        "follows": [
            {
                "side": follow.side,
                "area": str(follow.area) if follow.area else None,
                "categories": [str(category) for category in follow.categories.all()],
            }
            for follow in Follow.objects.filter(user=user).for_list()
        ],
    }


def _without_the_other_person(need: dict) -> dict:
    posted_for = need.pop("on_behalf_of")
    return {**need, "posted_for_someone_else": bool(posted_for)}


def forget_user(user) -> None:
    """Cancel open matches (freeing offers), withdraw open needs and offers, drop follows.

    Cancelling a match puts its offer back up, so the neighbor's offers are withdrawn after
    it here, whether or not the offers app's own hook already ran. Private contact notes
    taken for others are erased: they are about someone else.
    """
    from . import services

    for match in Match.objects.active().filter(Q(requester=user) | Q(recipient=user)):
        services.match_cancel(match=match, by=user, notify=False)
    offers_data.forget_user(user)
    Need.objects.by(user).filter(status__in=["open", "in_progress"]).update(status="withdrawn")
    Need.objects.by(user).exclude(contact_note="").update(contact_note="")
    Follow.objects.filter(user=user).delete()
