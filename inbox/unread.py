"""The unread count in the header: one small query per request, answered from the partial
index on a neighbor's unread notices, and asked only when a page shows it."""

from .models import Notice


def unread_count(request) -> int:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    if not hasattr(request, "_inbox_unread"):
        request._inbox_unread = Notice.objects.visible_to(user).counted().count()
    return request._inbox_unread
