"""Values every page template needs."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .duties import current_section, duty_links


def hub(request):
    user = getattr(request, "user", None)
    return {
        "hub_name": settings.HUB_NAME,
        "nav_section": current_section(request),
        # Lazy: pages that never render the menu (fragments, feeds) ask nothing.
        "duty_links": SimpleLazyObject(lambda: duty_links(user) if user else []),
    }
