"""One way to refuse: every app's error is the core's Refusal, and `refusal_shown` says why
where the person will read it."""

import pytest
from django import forms
from django.contrib import messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from freestore.services import StoreError
from imports.services import ImportRefused
from imports.sheets import SheetError
from meetings.services import MeetingError
from mutualaid.moderation.services import ModerationError
from mutualaid.refusals import Refusal, refusal_shown
from mutualaid.services import AccountError
from needs.services import MatchError
from offers.services import PostError


def _request():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def _shown(request):
    return [(m.level, m.message) for m in messages.get_messages(request)]


class _NoteForm(forms.Form):
    note = forms.CharField(required=False)


@pytest.mark.parametrize(
    "error",
    [
        StoreError,
        ImportRefused,
        SheetError,
        MeetingError,
        ModerationError,
        AccountError,
        MatchError,
        PostError,
    ],
)
def test_every_apps_refusal_is_the_cores(error):
    assert issubclass(error, Refusal)


def test_a_refusal_becomes_an_error_message_and_skips_the_rest_of_the_block():
    request = _request()
    after = []
    with refusal_shown(request) as refused:
        raise StoreError("Only 2 left.")
        after.append("success")  # never reached
    assert after == []
    assert refused
    assert refused.message == "Only 2 left."
    assert _shown(request) == [(messages.ERROR, "Only 2 left.")]


def test_a_block_that_is_not_refused_says_nothing():
    request = _request()
    with refusal_shown(request) as refused:
        messages.success(request, "Saved.")
    assert not refused
    assert refused.message is None
    assert _shown(request) == [(messages.SUCCESS, "Saved.")]


def test_a_refusal_on_a_form_shown_again_goes_on_the_form_not_in_the_messages():
    request = _request()
    form = _NoteForm({"note": "kept as typed"})
    assert form.is_valid()
    with refusal_shown(request, form=form, field="note"):
        raise MeetingError("The poll is closed.")
    assert form.errors == {"note": ["The poll is closed."]}
    assert form.data["note"] == "kept as typed"
    assert _shown(request) == []


def test_an_inline_refusal_is_left_for_the_fragment_to_show():
    request = _request()
    with refusal_shown(request, inline=True) as refused:
        raise MeetingError("This item is already first.")
    assert refused.message == "This item is already first."
    assert _shown(request) == []


def test_wording_and_level_say_what_followed_from_the_refusal():
    request = _request()
    with refusal_shown(request, wording="%(why)s Nothing was given away.", level=messages.INFO):
        raise StoreError("Only 2 left.")
    assert _shown(request) == [(messages.INFO, "Only 2 left. Nothing was given away.")]


def test_other_exceptions_are_not_mistaken_for_refusals():
    request = _request()
    with pytest.raises(ValueError), refusal_shown(request):
        raise ValueError("a bug, not a refusal")
    assert _shown(request) == []
