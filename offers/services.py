"""Writes on posts that both sides share: withdraw and renew (owner only), and asking about
a need from the offer form."""

import datetime

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mutualaid.refusals import Refusal

from .fits import fits_later
from .models import POST_LIFETIME_DAYS


class PostError(Refusal):
    """Something a neighbor tried that can't be done; the message says why, plainly."""


def _locked(post):
    return type(post).objects.select_for_update().get(pk=post.pk)


def post_withdraw(*, post, by):
    with transaction.atomic():
        post = _locked(post)
        if post.owner_id != by.pk:
            raise PostError(_("Only the neighbor who posted this can withdraw it."))
        if post.status != "open":
            raise PostError(_("This is no longer open, so there is nothing to withdraw."))
        post.status = "withdrawn"
        post.save(update_fields=["status", "updated"])
    return post


def post_renew(*, post, by):
    """Keep a post open for another POST_LIFETIME_DAYS from today."""
    with transaction.atomic():
        post = _locked(post)
        if post.owner_id != by.pk:
            raise PostError(_("Only the neighbor who posted this can renew it."))
        if post.status != "open":
            raise PostError(_("Only open posts can be renewed."))
        post.expires_on = timezone.localdate() + datetime.timedelta(days=POST_LIFETIME_DAYS)
        post.reminded_on = None
        post.save(update_fields=["expires_on", "reminded_on", "updated"])
        fits_later(post)
    return post


def need_ask(*, need_id: int | None, offer, by):
    """`by` offers their saved `offer` to the neighbor who posted need `need_id`.

    Returns the match (the need's owner is told, as with any ask) or raises the needs app's
    refusal. Matches belong to the needs app, which sits on top of this one and can't be
    imported here, so the app that owns them takes the ask through its AppConfig
    `ask_about_need(*, need_id, offer, by)`. It can't be the needs app's own URL (`needs:ask`,
    which offer pages use): the button saves the form as typed and asks in one transaction.
    """
    for config in apps.get_app_configs():
        hook = getattr(config, "ask_about_need", None)
        if callable(hook):
            return hook(need_id=need_id, offer=offer, by=by)
    raise LookupError("No app takes asks about needs.")
