"""Values every page template needs."""

from django.conf import settings


def hub(request):
    return {"hub_name": settings.HUB_NAME}
