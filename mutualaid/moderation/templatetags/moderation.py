"""`{% report_link item %}`: the "Report this" link an app puts next to a reportable item."""

from django import template
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("moderation/report_link.html", takes_context=True)
def report_link(context, item):
    request = context.get("request")
    user = getattr(request, "user", None)
    url = reverse("report_create", args=[item._meta.label_lower, item.pk])
    return {
        "show": user is not None and user.is_authenticated and not item.hidden,
        "url": url,
        "next": request.get_full_path() if request else "",
    }
