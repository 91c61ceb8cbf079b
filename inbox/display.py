"""Putting a page of notices in front of their recipient: what each is about, read through
that model's own `visible_to(recipient)`, one query per kind of thing on the page."""

from collections import defaultdict

from django.utils import translation


def _readable(model, pks, reader):
    queryset = model._default_manager.all()
    if hasattr(queryset, "visible_to"):
        queryset = queryset.visible_to(reader)
    if hasattr(queryset, "for_list"):
        queryset = queryset.for_list()
    return {obj.pk: obj for obj in queryset.filter(pk__in=pks)}


def with_subjects(notices, *, reader) -> list:
    """`notices` with `.subject` (what it links to) and `.own_post` (a fit's other post) set,
    or None where `reader` may no longer see it (a hidden post, say)."""
    notices = list(notices)
    wanted = defaultdict(set)
    for notice in notices:
        wanted[notice.about_type].add(notice.about_id)
        if notice.post_type_id:
            wanted[notice.post_type].add(notice.post_id)
    found = {
        content_type.pk: _readable(content_type.model_class(), pks, reader)
        for content_type, pks in wanted.items()
    }
    language = translation.get_language()
    for notice in notices:
        notice.subject = found[notice.about_type_id].get(notice.about_id)
        notice.own_post = (
            found[notice.post_type_id].get(notice.post_id) if notice.post_type_id else None
        )
        notice.reasons_shown = notice.reasons_in(language) if notice.subject else []
    return notices
