"""Showing categories by name: `{% load categories %}{{ name|category_label }}`."""

from django import template

from mutualaid.models import category_label as label

register = template.Library()


@register.filter
def category_label(name):
    return label(name) if name else name
