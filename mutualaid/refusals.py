"""One way to refuse: services raise a `Refusal` written for people, and views show it with
`refusal_shown` instead of catching it themselves."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.contrib import messages


class Refusal(Exception):
    """Something a person tried that can't be done; the message says why, plainly, and is
    shown to them as it is. Each app raises its own subclass (StoreError, MatchError…)."""


class Refused:
    """What `refusal_shown` caught: false until a service refused, then holding why."""

    message: str | None = None

    def __bool__(self) -> bool:
        return self.message is not None


@contextmanager
def refusal_shown(
    request,
    *,
    form=None,
    field: str | None = None,
    inline: bool = False,
    wording: str | None = None,
    level: int = messages.ERROR,
) -> Iterator[Refused]:
    """Run the block; if it raises a `Refusal`, say why and carry on after the block.

    The rest of the block (the success message, the redirect) is skipped, so a view writes
    the happy path inside the block and what a refused person sees after it. Where the
    reason is shown: by default as a message on the next page the person sees; on `form`
    (at `field`, or over the whole form) when the form is shown again with what was typed;
    nowhere, with `inline`, when an htmx fragment shows `Refused.message` where the person
    acted. `wording` (with `%(why)s`) adds to the reason what happened because of it.
    """
    refused = Refused()
    try:
        yield refused
    except Refusal as refusal:
        refused.message = wording % {"why": refusal} if wording else str(refusal)
        if form is not None:
            form.add_error(field, refused.message)
        elif not inline:
            messages.add_message(request, level, refused.message)
