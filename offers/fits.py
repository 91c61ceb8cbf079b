"""New fits find the other side: when a post is written, renewed or changed in what it is
about, the other side's open posts it may meet are worked out in the background, and each of
their posters is told in their inbox (`inbox.services.notice_fit`).

Only good fits are sent. The live panel shows anything covering a fifth of the draft
(`mutualaid.ranking.MIN_TEXT_SCORE`), which is right for someone looking; a notice interrupts
someone who is not, so it needs the new post's words well covered: FIT_THRESHOLD.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation

from inbox.services import notice_fit
from mutualaid.ranking import rank

from .suggest import counterpart_posts, suggest

# How much of the new post the other post must cover. Checked on the demo data
# (`seed_demo`, every open post against the other side, with the matching's phrases and
# vocabulary groups): from 0.55 up, what is sent is the same thing in other words (kids'
# jackets → winter coat for my son, rides to medical appointments → ride to the clinic, boxes
# for moving → moving boxes, warm blankets → warm blankets for a family). Between 0.40 and
# 0.55 are mostly posts of the same family but not what is asked (kids' jackets → kids' snow
# boots 0.53, homework help in maths → learn some Spanish 0.51); the good pairs there (moving
# boxes → boxes for moving 0.48, a listening ear → someone to talk to 0.42) are sent from the
# other post's side, where they score 0.71 and 0.69. Below stay one-word fits such as "a drill
# for one afternoon" → "cordless drill and bits" (0.36): the live panel and Mine still show
# them, but they are not worth interrupting anyone for.
FIT_THRESHOLD = 0.55

# A change to any of these may change what fits; other edits (details' wording, expiry,
# who may read the details) are not worth telling anyone about again.
WHAT_IT_IS_ABOUT = ("title", "category", "area")

OTHER_SIDE = {"need": "offer", "offer": "need"}


def post_fits(post, *, language: str | None = None):
    """The other side's open posts that `post` fits well, best first, with reasons in
    `language`. Ranked through the poster's eyes: never their own posts."""
    with translation.override(language or settings.LANGUAGE_CODE):
        suggestions = suggest(
            other_side=OTHER_SIDE[post.side],
            title=post.title,
            details=post.details,
            category=post.category_id,
            area=post.area_id,
            viewer=post.owner,
        )
    return [suggestion for suggestion in suggestions if suggestion.fit >= FIT_THRESHOLD]


def _reasons_in(post, fits, *, language: str) -> dict:
    """The reasons of the fits already found, said in `language`: ranked again among those
    few posts only, not the whole other side."""
    with translation.override(language):
        posts = counterpart_posts(OTHER_SIDE[post.side], post.owner).filter(
            pk__in=[fit.post.pk for fit in fits]
        )
        found = rank(
            posts,
            text=f"{post.title} {post.details}",
            title=post.title,
            category=post.category_id,
            area=post.area_id,
            viewer=post.owner,
            limit=len(fits),
        )
    return {suggestion.post.pk: suggestion.reasons for suggestion in found}


def fits_notify(post) -> list:
    """Tell the posters of the other side's posts that `post` may meet theirs."""
    model = type(post)
    post = model.objects.open().filter(pk=post.pk).select_related("owner").first()
    if post is None:
        return []
    fits = post_fits(post)
    if not fits:
        return []
    reasons = {settings.LANGUAGE_CODE: {fit.post.pk: fit.reasons for fit in fits}}
    for code, _name in settings.LANGUAGES:
        if code not in reasons:
            reasons[code] = _reasons_in(post, fits, language=code)
    sent = []
    for fit in fits:
        recipient = fit.post.owner
        # The recipient must be able to see the new post; its details only if they may read
        # them (the reasons may quote them).
        seen = model.objects.open().visible_to(recipient).filter(pk=post.pk)
        if not seen.exists():
            continue
        quotes_details = seen.details_readable_by(recipient).exists()
        why = (
            {code: by_post.get(fit.post.pk, []) for code, by_post in reasons.items()}
            if quotes_details
            else {}
        )
        notice = notice_fit(recipient=recipient, new_post=post, own_post=fit.post, reasons=why)
        if notice is not None:
            sent.append(notice)
    return sent


def fits_later(post, *, changed=None):
    """After the save commits, look for the posts `post` now fits (in the background).
    `changed` are the fields an edit changed; None means a new or renewed post."""
    if changed is not None and not set(changed) & set(WHAT_IT_IS_ABOUT):
        return
    from .tasks import find_fits

    label, pk = post._meta.label_lower, post.pk
    transaction.on_commit(lambda: find_fits.enqueue(model=label, pk=pk))
