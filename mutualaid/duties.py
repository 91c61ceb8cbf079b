"""The menu's tools for the duties a neighbor holds (roles.py), so each finds their screens.

The core lists its own (the organizers' admin); an app (moderation too) adds its screens through
`AppConfig.duty_links(user)`, returning `(label, url)` pairs for the duties `user` holds.
"""

from django.apps import apps
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles


def duty_links(user) -> list[tuple[str, str]]:
    if not user.is_authenticated:
        return []
    links = []
    for config in apps.get_app_configs():
        build = getattr(config, "duty_links", None)
        if build is not None:
            links.extend(build(user))
    if user.has_role(roles.ORGANIZER):
        links.append((_("Areas, categories and duties"), reverse("admin:index")))
    return links


def current_section(request) -> str:
    """Which menu entry the page belongs to: its app, except Mine (in the needs app)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    if match.view_name == "needs:mine" or match.view_name.startswith("needs:match_"):
        return "mine"
    return match.app_name
