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

import re
import time
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import F, FloatField, Func, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

# A text search configuration made by a migration: English stemming with accents removed.
SEARCH_CONFIG = "hub_english"

MAX_WORDS = 6
PER_WORD = 40
# The rarest words of a draft say the most about it, so they bring PER_WORD candidates each;
# the draft's other words bring a few, which keeps a long draft as cheap as a short one.
RAREST_WORDS = 2
PER_OTHER_WORD = 10
# The category and area boosts make a neighbor's post in the same category and area a strong
# fit, so the freshest of those sharing any word are always candidates too.
PER_LOCAL = 20
TYPO_PER_WORD = 20
TYPO_WORDS = 3
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
# Words that carry no meaning for matching; skipping them early keeps the word budget for
# the words that do (PostgreSQL would drop them anyway).
_SKIP_WORDS = {
    "a",
    "an",
    "the",
    "for",
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "and",
    "or",
    "is",
    "are",
    "was",
    "be",
    "it",
    "its",
    "this",
    "that",
    "me",
    "we",
    "you",
    "i",
    "im",
    "am",
    "can",
    "could",
    "would",
    "will",
    "any",
    "some",
    "just",
    "please",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "need",
    "needs",
    "want",
    "looking",
    "have",
    "got",
}


def draft_words(text: str) -> list[str]:
    """The distinct words of a draft, in order, at most MAX_WORDS."""
    seen = []
    for word in _WORD.findall((text or "").lower()):
        word = word.strip("_")
        if (
            len(word) < 2
            or word.isdigit()
            or word in _OPERATOR_WORDS
            or word in _SKIP_WORDS
            or word in seen
        ):
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


_lexeme_cache: dict[str, frozenset[str]] = {}
LEXEME_CACHE_SIZE = 20_000


def word_lexemes(words: list[str]) -> dict[str, frozenset[str]]:
    """How PostgreSQL stems each word (stop words stem to nothing), remembered per process."""
    missing = [word for word in words if word not in _lexeme_cache]
    if missing:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT w, tsvector_to_array(to_tsvector(%s::regconfig, w))"
                " FROM unnest(%s::text[]) w",
                [SEARCH_CONFIG, missing],
            )
            if len(_lexeme_cache) > LEXEME_CACHE_SIZE:
                _lexeme_cache.clear()
            for word, lexemes in cursor.fetchall():
                _lexeme_cache[word] = frozenset(lexemes)
    return {word: _lexeme_cache[word] for word in words}


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

    query = search_query(" ".join(searchable)) if searchable else None
    zero = Value(0.0, output_field=FloatField())
    text_rank = SearchRank(F("search"), query) if query is not None else zero
    # The score as one SQL expression: compiling it is a good part of a suggestion's cost,
    # and a tree of small expressions compiles several times slower.
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    parts = [
        f"{WEIGHT_FRESH} * GREATEST(0, 1 - EXTRACT(EPOCH FROM (NOW() - {table}.created))"
        f" / {86400.0 * FRESH_DAYS})"
    ]
    params: list = []
    if searchable:
        parts.append(
            f"{WEIGHT_TEXT} * (1 - EXP(-4 * ts_rank({table}.search,"
            " websearch_to_tsquery(%s::regconfig, %s))))"
        )
        params += [SEARCH_CONFIG, " or ".join(searchable)]
    if category_id is not None:
        parts.append(f"CASE WHEN {table}.category_id = %s THEN {WEIGHT_CATEGORY} ELSE 0 END")
        params.append(int(category_id))
    if area_id is not None:
        parts.append(f"CASE WHEN {table}.area_id = %s THEN {WEIGHT_AREA} ELSE 0 END")
        params.append(int(area_id))
    score = RawSQL(" + ".join(parts), params, output_field=FloatField())  # noqa: S611
    if "match_boost" in queryset.query.annotations:
        score = score + Coalesce(F("match_boost"), zero)
    details = {
        "all_lexemes": TsvectorLexemes(F("search")),
        "title_lexemes": TsvectorLexemes(ToTsvector(F("title"))),
    }

    def best_of(candidates):
        return list(
            queryset.filter(pk__in=candidates)
            # Every candidate came from a word it contains, so its text rank is above zero.
            .annotate(score=score)
            .select_related("owner", "area", "category")
            .annotate(**details)
            .order_by("-score", "-pk")[:limit]
        )

    if searchable:
        # The usual case in one round trip: candidates and scoring in a single statement.
        sql, params = _per_word_sql(
            queryset.order_by("-created"),
            searchable,
            lexemes,
            PER_WORD,
            category_id=category_id,
            area_id=area_id,
        )
        posts = best_of(RawSQL(f"SELECT c.pk FROM ({sql}) c", params))  # noqa: S608, S611
        matched = set().union(*(post.all_lexemes for post in posts))
        unmatched = [
            word for word in typed if len(word) >= 4 and lexemes.get(word, set()) - matched
        ]
        if len(posts) >= limit or not unmatched:
            return _suggestions(
                posts,
                {post.pk: post.score for post in posts},
                lexemes,
                words,
                [],
                category_id,
                area_id,
                viewer,
            )

    # Few results and words that found nothing: maybe typos, so look wider.
    candidate_ids, typo_ids, typo_words = _candidates(
        queryset, searchable, lexemes, typed, category_id, area_id
    )
    if not candidate_ids:
        return []

    scored = queryset.filter(pk__in=candidate_ids).annotate(text_rank=text_rank, score=score)

    if typo_ids:
        # Near spellings are judged in Python (see typo_closeness), so score in two steps.
        scores = {}
        for pk, base_score, rank_value, title in scored.values_list(
            "pk", "score", "text_rank", "title"
        ):
            closeness = typo_closeness(typo_words, title) if pk in typo_ids else 0.0
            if rank_value > 0 or closeness > 0:
                scores[pk] = base_score + WEIGHT_TYPO * closeness
        best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[:limit]
        by_pk = {
            post.pk: post
            for post in queryset.filter(pk__in=best)
            .select_related("owner", "area", "category")
            .annotate(**details)
        }
        posts = [by_pk[pk] for pk in best if pk in by_pk]
    else:
        posts = best_of(candidate_ids)
        scores = {post.pk: post.score for post in posts}
    return _suggestions(posts, scores, lexemes, words, typo_words, category_id, area_id, viewer)


def _suggestions(posts, scores, lexemes, words, typo_words, category_id, area_id, viewer):
    return [
        Suggestion(
            post=post,
            score=round(scores[post.pk], 4),
            reasons=_reasons(post, lexemes, words, typo_words, category_id, area_id, viewer),
        )
        for post in posts
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


def _union(querysets) -> list[tuple]:
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.query.sql_with_params()
        parts.append(f"({sql})")
        params.extend(part_params)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        return cursor.fetchall()


STATS_SECONDS = 300
_stats_cache: dict[str, tuple[float, float, dict[str, float]]] = {}


def lexeme_frequencies(table: str) -> tuple[float, dict[str, float]]:
    """Rows in `table` and the share of rows holding each common lexeme of its search vector.

    Read from PostgreSQL's own statistics (ANALYZE keeps them), cached for a few minutes.
    A lexeme missing from the list is rare.
    """
    now = time.monotonic()
    cached = _stats_cache.get(table)
    if cached and now - cached[0] < STATS_SECONDS:
        return cached[1], cached[2]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_elems::text::text[], s.most_common_elem_freqs"
            " FROM pg_class c LEFT JOIN pg_stats s"
            " ON s.tablename = c.relname AND s.attname = 'search'"
            " WHERE c.relname = %s AND c.relkind = 'r'",
            [table],
        )
        row = cursor.fetchone()
    rows, elems, freqs = row if row else (0.0, None, None)
    frequencies = dict(zip(elems or [], freqs or [], strict=False))
    _stats_cache[table] = (now, max(rows or 0.0, 0.0), frequencies)
    return max(rows or 0.0, 0.0), frequencies


def _per_word(base, words: list[str], lexemes, per_word: int) -> list[tuple[int, int]]:
    """(pk, word index) of the freshest posts containing each word: one round trip."""
    sql, params = _per_word_sql(base, words, lexemes, per_word)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _per_word_sql(
    base, words: list[str], lexemes, per_word: int, *, category_id=None, area_id=None
) -> tuple[str, list]:
    """SQL for (pk, word index) of the freshest posts containing each word.

    The RAREST_WORDS rarest words bring `per_word` posts each, the others PER_OTHER_WORD.
    Given a category and an area, the PER_LOCAL freshest posts in both that hold any of the
    words come too, with word index -1 (an index on category, area and date finds them).
    Two ways to find them, chosen per word from how common it is. A common word: walk the
    newest-first index and stop after enough hits (cheap, hits are dense). A rare word:
    take every hit from the GIN index, then keep the newest (cheap, hits are few). The
    planner can't tell which a word is from a LIMIT query, so we choose (OFFSET 0 keeps the
    GIN path from being rewritten into the slow newest-first walk).
    """
    rows, frequencies = lexeme_frequencies(base.model._meta.db_table)
    # The posts `base` allows, compiled once; every branch below reads them as `t`, and
    # PostgreSQL folds each branch back into one query on the table, so indexes still apply.
    # (Building a QuerySet per branch cost more than running the branch.)
    sql, params = (
        base.order_by()
        .values(
            c_pk=F("pk"),
            c_created=F("created"),
            c_category=F("category"),
            c_area=F("area"),
            c_search=F("search"),
        )
        .query.sql_with_params()
    )
    posts = f"({sql}) t"
    has_word = f"t.c_search @@ plainto_tsquery('{SEARCH_CONFIG}'::regconfig, %s)"
    shares = [
        max((frequencies.get(lexeme, 0.0) for lexeme in lexemes[word]), default=0.0)
        for word in words
    ]
    rarest = set(sorted(range(len(words)), key=lambda index: shares[index])[:RAREST_WORDS])
    parts, all_params = [], []
    for index, word in enumerate(words):
        share = shares[index]
        limit = per_word if index in rarest else min(per_word, PER_OTHER_WORD)
        # `sql` is compiled by Django with placeholders; `index` and `limit` are ints.
        if share * share * rows >= limit:  # common
            parts.append(
                f"(SELECT t.c_pk AS pk, {index:d} FROM {posts} WHERE {has_word}"  # noqa: S608
                f" ORDER BY t.c_created DESC LIMIT {limit:d})"
            )
        else:
            parts.append(
                f"(SELECT u.c_pk AS pk, {index:d} FROM (SELECT t.c_pk, t.c_created FROM {posts}"  # noqa: S608
                f" WHERE {has_word} OFFSET 0) u ORDER BY u.c_created DESC LIMIT {limit:d})"
            )
        all_params.extend([*params, word])
    if category_id is not None and area_id is not None and words:
        parts.append(
            f"(SELECT t.c_pk AS pk, -1 FROM {posts} WHERE t.c_category = %s AND t.c_area = %s"  # noqa: S608
            f" AND t.c_search @@ websearch_to_tsquery('{SEARCH_CONFIG}'::regconfig, %s)"
            f" ORDER BY t.c_created DESC LIMIT {PER_LOCAL:d})"
        )
        all_params.extend([*params, int(category_id), int(area_id), " or ".join(words)])
    return " UNION ALL ".join(parts), all_params


def _near_spellings(base, typo_words) -> set[int]:
    """Posts whose titles hold a word spelled close to one of `typo_words` (trigram index)."""
    branches = [
        base.filter(title__trigram_word_similar=word).values_list("pk")[:TYPO_PER_WORD]
        for word in typo_words
    ]
    with transaction.atomic():
        with connection.cursor() as cursor:
            # Looser than the default 0.6, for this transaction only.
            cursor.execute(
                "SELECT set_config('pg_trgm.word_similarity_threshold', %s, true)",
                [str(TYPO_THRESHOLD)],
            )
        return {pk for (pk,) in _union(branches)}


def _candidates(queryset, searchable, lexemes, words, category_id, area_id):
    """A bounded set of post ids worth scoring, and the words that look like typos."""
    base = queryset.order_by("-created")
    ids: list[int] = []
    found = set()
    if searchable:
        for pk, index in _per_word(base, searchable, lexemes, PER_WORD):
            ids.append(pk)
            if index >= 0:
                found.add(searchable[index])
    # Trigram fallback: when the words found little, those that found nothing by their stem
    # may be misspelled, so ask the trigram index of titles for near spellings.
    searchable_set = set(searchable)
    typo_words = [
        word for word in words if len(word) >= 4 and word in searchable_set and word not in found
    ][:TYPO_WORDS]
    typo_ids: set[int] = set()
    if typo_words and len(ids) < PER_WORD:
        typo_ids = _near_spellings(base, typo_words)
        ids.extend(typo_ids)
    else:
        typo_words = []
    if not words and (category_id or area_id):
        filtered = base
        if category_id:
            filtered = filtered.filter(category_id=category_id)
        if area_id:
            filtered = filtered.filter(area_id=area_id)
        ids.extend(filtered.values_list("pk", flat=True)[:NO_WORDS_CANDIDATES])
    return list(dict.fromkeys(ids)), typo_ids, typo_words


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
    else:
        close = [word for word in typo_words if typo_closeness([word], post.title)]
        if close:
            reasons.append(_("Close in spelling to: %(words)s") % {"words": ", ".join(close)})
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
