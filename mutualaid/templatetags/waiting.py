"""How long something has waited, in whole days of the hub's time zone."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def days_since(moment) -> int:
    """Days from `moment` to today: 0 on the day it was posted."""
    if moment is None:
        return 0
    return (timezone.localdate() - timezone.localdate(moment)).days
