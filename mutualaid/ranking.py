"""Matching: rank the open posts of one side against a draft from the other side.

Works on any QuerySet of posts it is handed (the caller decides what is open and visible),
as long as the model has `title`, `details`, `search` (a stored tsvector built with
SEARCH_CONFIG), `category`, `area` and `created`. A `match_boost` annotation, when present,
adds to the score (needs use it for urgency). The core imports no app.

Why it stays fast on a big table: we never rank every row that matches a common word. Each
draft word brings at most PER_WORD of the freshest posts containing it (a GIN bitmap for
rare words, a walk down the "open, newest first" index for common ones), typo words bring a
few trigram neighbours, and only that bounded candidate set is scored.
"""

import math
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, FloatField, Func, Value
from django.utils import timezone
from django.utils.translation import gettext as _

# A text search configuration made by a migration: English stemming with accents removed.
SEARCH_CONFIG = "hub_english"

MAX_WORDS = 10
PER_WORD = 60
TYPO_PER_WORD = 20
TYPO_THRESHOLD = 0.3
NO_WORDS_CANDIDATES = 40

WEIGHT_TEXT = 1.0
WEIGHT_TYPO = 0.5
WEIGHT_CATEGORY = 0.3
WEIGHT_AREA = 0.2
WEIGHT_FRESH = 0.1
FRESH_DAYS = 30

# A few everyday words people use for the same thing; stemming can't know these.
RELATED_WORDS = {
    "coat": ["jacket"],
    "jacket": ["coat"],
    "son": ["kid", "child"],
    "daughter": ["kid", "child"],
    "child": ["kid"],
    "children": ["kid"],
    "kid": ["child"],
    "kids": ["child"],
    "baby": ["infant", "newborn"],
    "newborn": ["baby"],
    "pram": ["stroller"],
    "buggy": ["stroller"],
    "stroller": ["pram"],
    "groceries": ["food"],
    "ride": ["lift", "drive"],
    "lift": ["ride"],
    "bicycle": ["bike"],
    "bike": ["bicycle"],
    "tutoring": ["homework", "tutor"],
    "sofa": ["couch"],
    "couch": ["sofa"],
}
TYPO_MATCH = 0.8

_WORD = re.compile(r"\w+", re.UNICODE)
# websearch_to_tsquery gives these words a meaning; a draft's words are only words.
_OPERATOR_WORDS = {"or", "and", "not"}


def draft_words(text: str) -> list[str]:
    """The distinct words of a draft, in order, at most MAX_WORDS."""
    seen = []
    for word in _WORD.findall((text or "").lower()):
        word = word.strip("_")
        if len(word) < 2 or word in _OPERATOR_WORDS or word in seen:
            continue
        seen.append(word)
        if len(seen) == MAX_WORDS:
            break
    return seen


def with_related(words: list[str]) -> list[str]:
    related = [extra for word in words for extra in RELATED_WORDS.get(word, [])]
    return list(dict.fromkeys(words + related))[: MAX_WORDS + 4]


def search_query(text: str) -> SearchQuery | None:
    """Web-search syntax that cannot break: the draft's words OR'd together, or None."""
    words = draft_words(text)
    if not words:
        return None
    return SearchQuery(" or ".join(words), search_type="websearch", config=SEARCH_CONFIG)


class TsvectorLexemes(Func):
    function = "tsvector_to_array"


class ToTsvector(Func):
    function = "to_tsvector"
    template = "%(function)s('" + SEARCH_CONFIG + "'::regconfig, %(expressions)s)"


@dataclass
class Suggestion:
    post: object
    score: float
    reasons: list[str] = field(default_factory=list)


def word_lexemes(words: list[str]) -> dict[str, set[str]]:
    """How PostgreSQL stems each word (stop words stem to nothing)."""
    if not words:
        return {}
    # The same round trip sets how loosely the trigram operator matches typo words (for this
    # connection; only the `<%`/`%>` operators read it, and the ranking always sets it first).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w)),"
            " set_config('pg_trgm.word_similarity_threshold', %s, false)"
            " FROM unnest(%s::text[]) w",
            [SEARCH_CONFIG, str(TYPO_THRESHOLD), words],
        )
        return {word: set(lexemes) for word, lexemes, _setting in cursor.fetchall()}


def rank(
    queryset,
    *,
    text: str,
    category=None,
    area=None,
    limit: int = 5,
    viewer=None,
) -> list[Suggestion]:
    """The best `limit` posts of `queryset` for a draft, with the reasons they fit.

    `viewer` is whose eyes the reasons are for: words that only appear in details the viewer
    may not read are never named.
    """
    category_id = getattr(category, "pk", category)
    area_id = getattr(area, "pk", area)
    typed = draft_words(text)
    words = with_related(typed)
    lexemes = word_lexemes(words)
    searchable = [word for word in words if lexemes.get(word)]

    candidate_ids, typo_words = _candidates(queryset, searchable, typed, category_id, area_id)
    if not candidate_ids:
        return []

    query = search_query(" ".join(searchable)) if searchable else None
    zero = Value(0.0, output_field=FloatField())
    text_rank = SearchRank(F("search"), query) if query is not None else zero
    has_boost = "match_boost" in queryset.query.annotations
    rows = (
        queryset.filter(pk__in=candidate_ids)
        .annotate(text_rank=text_rank)
        .values_list(
            "pk",
            "text_rank",
            "title",
            "category_id",
            "area_id",
            "created",
            *(["match_boost"] if has_boost else []),
        )
    )

    now = timezone.now()
    scores = {}
    for row in rows:
        pk, text_score, title, row_category, row_area, created = row[:6]
        boost = (row[6] or 0.0) if has_boost else 0.0
        relevance = WEIGHT_TEXT * _squash(text_score)
        relevance += WEIGHT_TYPO * typo_closeness(typo_words, title)
        if words and relevance <= 0:
            continue
        age_days = max((now - created).total_seconds() / 86400, 0)
        scores[pk] = (
            relevance
            + WEIGHT_CATEGORY * (category_id is not None and row_category == category_id)
            + WEIGHT_AREA * (area_id is not None and row_area == area_id)
            + WEIGHT_FRESH * max(0.0, 1 - age_days / FRESH_DAYS)
            + boost
        )
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[:limit]
    if not best:
        return []

    posts = (
        queryset.filter(pk__in=best)
        .select_related("owner", "area", "category")
        .annotate(
            all_lexemes=TsvectorLexemes(F("search")),
            title_lexemes=TsvectorLexemes(ToTsvector(F("title"))),
        )
    )
    by_pk = {post.pk: post for post in posts}
    return [
        Suggestion(
            post=by_pk[pk],
            score=round(scores[pk], 4),
            reasons=_reasons(by_pk[pk], lexemes, words, typo_words, category_id, area_id, viewer),
        )
        for pk in best
        if pk in by_pk
    ]


def typo_closeness(typo_words: list[str], title: str) -> float:
    """How closely a misspelled word matches a word of the title (0 when not close enough).

    The trigram index finds candidates generously; this keeps only real near-spellings
    ("jaket" → "jackets", not "market").
    """
    if not typo_words:
        return 0.0
    best = 0.0
    for title_word in draft_words(title):
        for word in typo_words:
            best = max(best, SequenceMatcher(None, word, title_word).ratio())
    return best if best >= TYPO_MATCH else 0.0


def _squash(value: float) -> float:
    """ts_rank has no fixed ceiling; bring it into 0..1."""
    return 1 - math.exp(-4 * value) if value > 0 else 0.0


def _union(querysets) -> list[tuple]:
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


def _candidates(queryset, searchable, words, category_id, area_id):
    """A bounded set of post ids worth scoring, and the words that look like typos."""
    base = queryset.order_by("-created")
    ids: list[int] = []
    found = set()
    if searchable:
        branches = [
            base.filter(search=SearchQuery(word, search_type="plain", config=SEARCH_CONFIG))
            .annotate(word_index=Value(index))
            .values_list("pk", "word_index")[:PER_WORD]
            for index, word in enumerate(searchable)
        ]
        for pk, index in _union(branches):
            ids.append(pk)
            found.add(searchable[index])
    # Words that found nothing by their stem may be misspelled: ask the trigram index.
    searchable_set = set(searchable)
    typo_words = [
        word for word in words if len(word) >= 4 and word in searchable_set and word not in found
    ][:4]
    if typo_words:
        branches = [
            base.filter(title__trigram_word_similar=word).values_list("pk")[:TYPO_PER_WORD]
            for word in typo_words
        ]
        ids.extend(pk for (pk,) in _union(branches))
    if not words and (category_id or area_id):
        filtered = base
        if category_id:
            filtered = filtered.filter(category_id=category_id)
        if area_id:
            filtered = filtered.filter(area_id=area_id)
        ids.extend(filtered.values_list("pk", flat=True)[:NO_WORDS_CANDIDATES])
    return list(dict.fromkeys(ids)), typo_words


def _reasons(post, lexemes, words, typo_words, category_id, area_id, viewer) -> list[str]:
    reasons = []
    details_visible = viewer is not None and post.details_visible_to(viewer)
    visible = set(post.all_lexemes if details_visible else post.title_lexemes)
    everywhere = set(post.all_lexemes)
    shared = [word for word in words if lexemes.get(word) and lexemes[word] & visible]
    hidden = any(lexemes.get(word) and lexemes[word] & everywhere for word in words)
    if shared:
        reasons.append(_("Shares the words: %(words)s") % {"words": ", ".join(shared)})
    elif hidden:
        reasons.append(_("Fits words in its details"))
    elif typo_closeness(typo_words, post.title):
        reasons.append(_("Close in spelling to: %(words)s") % {"words": ", ".join(typo_words)})
    if category_id is not None and post.category_id == category_id:
        reasons.append(_("Same category: %(category)s") % {"category": post.category})
    if area_id is not None and post.area_id == area_id:
        reasons.append(_("Same area: %(area)s") % {"area": post.area})
    if getattr(post, "urgency", None) == "today":
        reasons.append(_("Needed today"))
    return reasons


def counterpart_posts(side: str, viewer):
    """Open posts of `side` ("need" or "offer") that `viewer` could be matched with.

    Each side's app gives its AppConfig `matching_side` and `matching_posts(viewer)`, so an
    app can rank the other side without importing it.
    """
    from django.apps import apps

    for config in apps.get_app_configs():
        if getattr(config, "matching_side", None) == side:
            return config.matching_posts(viewer)
    raise LookupError(f"No app provides {side} posts for matching.")
